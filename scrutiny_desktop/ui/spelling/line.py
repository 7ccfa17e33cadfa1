"""Misspelt words in one-line fields (item titles, action texts, update notes, resolutions)
underlined with the same red wavy line, from outside the field.

``LineSpelling.watch(edit)`` installs an event filter that lets the field paint itself and
then draws the underlines over it, and puts the suggestions at the top of its context menu.
A ``QLineEdit`` says where its text is only through its cursor rectangle; the underline's x
positions are the cursor's x there plus the font's advance from the cursor to the word.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF
from PySide6.QtGui import QAction, QContextMenuEvent, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QLineEdit, QMenu

from scrutiny_desktop.ui.spelling.highlighter import misspelt_colour, python_offset
from scrutiny_desktop.ui.spelling.menu import put_first
from scrutiny_desktop.ui.spelling.service import SpellingService
from scrutiny_desktop.ui.spelling.targets import cursor_rect
from scrutiny_desktop.writing.tokens import utf16_spans

MenuActions = Callable[[QLineEdit, QPoint, QObject], list[QAction]]
# QLineEdit's cursor rectangle starts this far left of the cursor (QWidgetLineControl::rectForPos).
_CURSOR_RECT_LEFT = 5
_WAVE = 2.0  # the wave's half-period and its height, in pixels


def underline_spans(edit: QLineEdit, service: SpellingService) -> list[tuple[int, int]]:
    """The misspelt words of ``edit``'s text (UTF-16 offsets), the word being typed left out."""
    text = edit.text()
    if not text or edit.echoMode() != QLineEdit.EchoMode.Normal:
        return []
    typing_at = python_offset(text, edit.cursorPosition()) if edit.hasFocus() else None
    return utf16_spans(text, service.misspellings(text, typing_at))


def x_of(edit: QLineEdit, position: int) -> float:
    """Where, in ``edit``'s coordinates, the text's ``position`` is drawn."""
    text = edit.text()
    metrics = QFontMetricsF(edit.font())
    cursor = edit.cursorPosition()
    cursor_x = cursor_rect(edit).x() + _CURSOR_RECT_LEFT
    return (
        cursor_x
        + metrics.horizontalAdvance(text[:position])
        - metrics.horizontalAdvance(text[:cursor])
    )


def wave(x0: float, x1: float, y: float) -> QPainterPath:
    """A wavy line from ``x0`` to ``x1`` along ``y``."""
    path = QPainterPath(QPointF(x0, y))
    x, up = x0, True
    while x < x1:
        x = min(x + _WAVE, x1)
        path.lineTo(QPointF(x, y - _WAVE / 2 if up else y + _WAVE / 2))
        up = not up
    return path


def paint_underlines(edit: QLineEdit, spans: list[tuple[int, int]]) -> None:
    """Draw the wavy lines under ``spans`` of ``edit`` (inside its paint event)."""
    if not spans:
        return
    metrics = QFontMetricsF(edit.font())
    rect = cursor_rect(edit)
    # The cursor spans the line; the underline goes just below the text's baseline.
    y = rect.top() + (rect.height() + metrics.height()) / 2 - metrics.descent() + 1.5
    painter = QPainter(edit)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(misspelt_colour())
    pen.setWidthF(1.0)
    painter.setPen(pen)
    left, right = edit.contentsRect().left(), edit.contentsRect().right()
    for a, b in spans:
        x0, x1 = max(x_of(edit, a), left), min(x_of(edit, b), right)
        if x1 > x0:
            painter.drawPath(wave(x0, x1, y))
    painter.end()


class LineSpelling(QObject):
    """Spell-checks the one-line fields it ``watch``es."""

    def __init__(
        self, service: SpellingService, menu_actions: MenuActions, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._menu_actions = service, menu_actions

    def watch(self, edit: QLineEdit) -> None:
        """Underline ``edit``'s misspelt words from now on (no harm in watching it twice)."""
        if edit.property("spelling_watched"):
            return
        edit.setProperty("spelling_watched", True)
        edit.installEventFilter(self)
        self._service.changed.connect(edit.update)

    def context_menu(self, edit: QLineEdit, pos: QPoint) -> QMenu:
        """The field's own context menu with the suggestions for the word at ``pos`` first."""
        menu = edit.createStandardContextMenu()
        put_first(menu, self._menu_actions(edit, pos, menu))
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint and isinstance(watched, QLineEdit):
            watched.event(event)  # the field paints itself first
            paint_underlines(watched, underline_spans(watched, self._service))
            return True
        if (
            kind == QEvent.Type.ContextMenu
            and isinstance(watched, QLineEdit)
            and isinstance(event, QContextMenuEvent)
        ):
            menu = self.context_menu(watched, event.pos())
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return False
