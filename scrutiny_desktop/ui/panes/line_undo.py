"""Entry lines hand Ctrl+Z and redo to the window when they have nothing of their own to undo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit

from scrutiny_desktop.ui.focus_filters import InstallOnFocus

_UNDO = QKeySequence.StandardKey.Undo
_REDO = QKeySequence.StandardKey.Redo


class _WindowUndo(QObject):
    """A line edit claims Ctrl+Z for itself even when it is empty (just after Enter added
    what it held): then the window's undo, which covers every edit, is what was meant."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QLineEdit)
        ):
            undo, redo = event.matches(_UNDO), event.matches(_REDO)
            if (undo and not watched.isUndoAvailable()) or (redo and not watched.isRedoAvailable()):
                event.ignore()  # not claimed: the window's shortcut runs
                return True
        return False


def hand_undo_to_window(*edits: QLineEdit) -> None:
    """Install the filter on each of ``edits`` (when it first has the keyboard)."""
    for edit in edits:
        InstallOnFocus(_WindowUndo(edit), [edit])


def empty(edit: QLineEdit) -> None:
    """Empty a line after its text was used, leaving it no undo history of its own
    (``clear()`` can be undone, and would bring the text back instead of undoing the edit)."""
    edit.setText("")
