"""A one-line entry whose Ctrl+Z undoes the last edit once its own typing is gone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit


class EntryLine(QLineEdit):
    """A line edit for typing a new row: Ctrl+Z undoes its typing, and once there is none
    (the line was just entered and emptied with ``done``), it asks the window to undo,
    as the minutes editor does. Without this, Ctrl+Z after Enter would put the typed line
    back instead of undoing what it added."""

    undo_requested = Signal()
    redo_requested = Signal()

    def done(self) -> None:
        """The line was taken: empty it and forget its own undo history."""
        self.setText("")

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable():
            self.undo_requested.emit()
            return
        if e.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable():
            self.redo_requested.emit()
            return
        super().keyPressEvent(e)
