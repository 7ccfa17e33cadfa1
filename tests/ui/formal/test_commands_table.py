"""The formal commands fit the window's table: every one has a method, a menu the window
has, a shortcut nothing else uses (not the table's, not a text editor's standard keys,
not keys desktops or input methods take), and a menu letter of its own."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QKeySequence

from scrutiny_desktop.ui.command_table import ALL_COMMANDS, PANE_TOGGLES
from scrutiny_desktop.ui.commands_menu import COMMANDS
from scrutiny_desktop.ui.formal.commands_table import FORMAL_COMMANDS, formal_slots
from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
from scrutiny_desktop.ui.formal.moments_controller import MomentsController
from scrutiny_desktop.ui.formal.series_controller import SeriesController

P = QKeySequence.SequenceFormat.PortableText
AVOIDED = {"Ctrl+Shift+U", "Ctrl+Shift+V", "Ctrl+Shift+Z", "F7", "F10", "F11"}


def keys(key: QKeySequence.StandardKey | str) -> set[str]:
    if isinstance(key, str):
        return {QKeySequence(key).toString(P)}
    return {k.toString(P) for k in QKeySequence.keyBindings(key)}


def test_shortcuts_are_free(qapp: object) -> None:
    ours = [c for c in FORMAL_COMMANDS if c.keys != QKeySequence.StandardKey.Delete]
    taken = {k for c in ALL_COMMANDS if c not in FORMAL_COMMANDS for k in keys(c.keys)}
    taken |= {key for _, key in PANE_TOGGLES}
    for standard in QKeySequence.StandardKey:
        if standard is not QKeySequence.StandardKey.UnknownKey:
            taken |= keys(standard)
    mine = [k for c in ours for k in keys(c.keys)]
    assert [k for k, n in Counter(mine).items() if n > 1] == []
    assert sorted(set(mine) & taken) == []
    assert sorted(set(mine) & AVOIDED) == []
    assert not [k for k in mine if k.startswith("Ctrl+Alt+")]


def test_menu_letters_are_unique_in_each_menu() -> None:
    def letter(text: str) -> str | None:
        return text[text.index("&") + 1].lower() if "&" in text else None

    clashes = [
        (mine.menu, mine.text, other.text)
        for mine in FORMAL_COMMANDS
        for other in ALL_COMMANDS
        if other is not mine
        and other.menu == mine.menu
        and letter(mine.text) is not None
        and letter(mine.text) == letter(other.text)
    ]
    assert clashes == []


def test_every_command_has_a_method_and_a_known_menu(
    details: ItemDetailsController, moments: MomentsController, series: SeriesController
) -> None:
    slots = formal_slots(details, moments, series)
    assert sorted(slots) == sorted(c.name for c in FORMAL_COMMANDS)
    assert not {c.name for c in FORMAL_COMMANDS} & {c.name for c in COMMANDS}
    assert {c.menu for c in FORMAL_COMMANDS} <= {c.menu for c in COMMANDS}
