"""Read-only minutes made visible: the banner text, and a word when typing does nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from scrutiny_desktop.domain.model import Meeting

BANNER_STYLE = (
    "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36a;"
    " padding: 4px 8px; font-weight: bold; }"
)
_EDIT_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter}


def read_only_text(meeting: Meeting | None, book_read_only: bool) -> str | None:
    """ "Signed off by LW on 26.03.15 — read-only" (with how to change it), or None if editable."""
    if book_read_only:
        return "This book is open read-only: nothing can be changed"
    if meeting is None or not meeting.is_signed_off:
        return None
    s = meeting.signed_off
    who = f" by {s.by} on {s.on:%d.%m.%y}" if s is not None else ""
    return f"Signed off{who} — read-only. Meeting ▸ Reopen… (Ctrl+Shift+K) to change it"


class ReadOnlyNotice(QObject):
    """Watches editing widgets; a typing key while not editable emits ``told`` with why.

    It only observes: the widgets themselves refuse the key (read-only editors, models
    without the editable flag, disabled commands). Its filter is on the widgets only while
    the minutes shown are read-only (``refresh``, with the banner): while they can be
    typed in it would have nothing to say, and a Python event filter costs the first
    screen about 6 ms (``ui.focus_filters``).
    """

    told = Signal(str)

    def __init__(self, reason: Callable[[], str | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reason = reason
        self._widgets: tuple[QWidget, ...] = ()
        self._installed = False

    def watch(self, *widgets: QWidget) -> None:
        self._widgets += widgets
        self._installed = False
        self.refresh()

    def refresh(self) -> None:
        """Install the filter while the minutes are read-only, remove it when they are not."""
        read_only = self._reason() is not None
        if read_only == self._installed:
            return
        for w in self._widgets:
            if read_only:
                w.installEventFilter(self)
            else:
                w.removeEventFilter(self)
        self._installed = read_only

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            )
            typing = bool(event.text().strip()) or event.key() in _EDIT_KEYS
            if typing and mods == Qt.KeyboardModifier.NoModifier:
                reason = self._reason()
                if reason is not None:
                    self.told.emit(f"Not changed: {reason}")
        return False
