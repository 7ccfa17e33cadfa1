"""Suggestions for a misspelt word as menu actions: the keyboard's popup and the context menu
show the same ones, then "Add to this book's words" and "Ignore in this meeting"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from scrutiny_desktop.ui.spelling.targets import MisspeltWord

WordCall = Callable[[str], None]


def suggestion_actions(
    found: MisspeltWord,
    suggestions: list[str],
    parent: QObject,
    add_word: WordCall,
    ignore_word: WordCall | None,
) -> list[QAction]:
    """One action per suggestion (replacing the word), then adding and ignoring it.

    ``ignore_word`` None: no meeting is shown, so there is nothing to ignore it in.
    """
    actions: list[QAction] = []
    for suggestion in suggestions:
        action = QAction(suggestion, parent)
        action.setObjectName("spelling_suggestion")
        action.triggered.connect(lambda _=False, s=suggestion: found.replace(s))
        actions.append(action)
    if not actions:
        none = QAction(f"No suggestions for “{found.word}”", parent)
        none.setEnabled(False)
        actions.append(none)
    separator = QAction(parent)
    separator.setSeparator(True)
    actions.append(separator)
    add = QAction(f"Add “{found.word}” to this book's words", parent)
    add.setObjectName("spelling_add_word")
    add.triggered.connect(lambda: add_word(found.word))
    actions.append(add)
    if ignore_word is not None:
        ignore = QAction(f"Ignore “{found.word}” in this meeting", parent)
        ignore.setObjectName("spelling_ignore_word")
        ignore.triggered.connect(lambda: ignore_word(found.word))
        actions.append(ignore)
    return actions


def suggestion_menu(parent: QWidget, build: Callable[[QObject], list[QAction]]) -> QMenu:
    """A small popup of the actions ``build`` makes (parented to the popup), the first
    suggestion ready for Enter. It deletes itself once closed."""
    menu = QMenu(parent)
    menu.setAccessibleName("Spelling suggestions")
    menu.setObjectName("spelling_popup")
    actions = build(menu)
    menu.addActions(actions)
    first = actions[0] if actions and actions[0].isEnabled() else None
    if first is not None:
        menu.setActiveAction(first)
    menu.aboutToHide.connect(menu.deleteLater)
    return menu


def put_first(menu: QMenu, actions: list[QAction]) -> None:
    """Put ``actions`` at the top of a context menu, with a separator below them."""
    if not actions:
        return
    before = menu.actions()[0] if menu.actions() else None
    menu.insertActions(before, actions)  # type: ignore[arg-type]
    if before is not None:
        menu.insertSeparator(before)
