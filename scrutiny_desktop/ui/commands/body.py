"""Typing in an item body, as steps on the window's undo stack."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand


class Bodies(Protocol):
    """What a typing step undoes and redoes through (``ui.bodies.BodyStore`` is one)."""

    def undo_in(self, item_id: int) -> None: ...
    def redo_in(self, item_id: int) -> None: ...


class BodyEdit(QUndoCommand):
    """One step of the body document's own history (a run of typing, a format toggle).

    The document has already made the change when this is pushed, so the first
    ``redo`` does nothing; later ones ask the document to redo.
    """

    def __init__(self, bodies: Bodies, item_id: int) -> None:
        super().__init__("Typing")
        self._bodies, self._item_id, self._fresh = bodies, item_id, True

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self._bodies.redo_in(self._item_id)

    def undo(self) -> None:
        self._bodies.undo_in(self._item_id)
