"""The base of every command that writes to the book."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from scrutiny_desktop.book import BookError


class BookCommand(QUndoCommand):
    """A command whose first ``redo`` may be refused by the book.

    A refused command marks itself obsolete, so the stack drops it instead of
    offering to undo something that never happened. The session has already put
    the reason in the status bar.
    """

    def redo(self) -> None:
        try:
            self.do()
        except BookError:
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self.undo_it()
        except BookError:
            self.setObsolete(True)

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError
