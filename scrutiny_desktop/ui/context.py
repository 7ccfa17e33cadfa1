"""The one explicit context every controller is handed (git-cola's way): no controller
reaches another, or the window, except through what is here.

It holds the undo stack, the status line, the settings, where the user's files go, the
window (as the parent of dialogs), where panes are shown (``docks``), and the open book's
``Workspace`` (None while no book is open). Its signals say what changed, and ask for what
another concern does (``meeting_requested``), so controllers keep in step without calling
each other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from scrutiny_desktop.book import Book
    from scrutiny_desktop.domain.model import Meeting
    from scrutiny_desktop.ui.docks import Docks
    from scrutiny_desktop.ui.session import BookSession
    from scrutiny_desktop.ui.workspace import Workspace


class Context(QObject):
    """What controllers share. ``tell`` writes the status line; ``push`` runs an edit."""

    workspace_changed = Signal()
    """A book was opened or closed: ``workspace`` is the new one (or None)."""
    workspace_closing = Signal()
    """The open book is about to close (its panes are still there: the layout is kept)."""
    meeting_shown = Signal()
    """Another meeting is shown, or the shown meeting's header or state changed."""
    state_changed = Signal()
    """Something that enables or disables commands changed (item, selection, sign-off)."""
    meeting_requested = Signal(object)
    """Show this meeting (its id): asked by any controller, done by the meetings one."""

    def __init__(
        self,
        window: QWidget,
        stack: QUndoStack,
        tell: Callable[[str, int], None],
        settings: QSettings | None,
        data_dir: Path,
        today: Callable[[], date] = date.today,
        docks: Docks | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.stack, self.settings, self.data_dir = window, stack, settings, data_dir
        self._tell = tell
        self.today = today
        self.workspace: Workspace | None = None
        #: Where panes are shown (None: a context without a window, in tests).
        self.docks = docks

    # ------------------------------------------------------------ the status line

    def tell(self, message: str, ms: int = 10000) -> None:
        """A sentence in the status bar for ``ms`` milliseconds (0: until the next one)."""
        self._tell(message, ms)

    # ------------------------------------------------------------ the open book

    @property
    def book(self) -> Book | None:
        return None if self.workspace is None else self.workspace.book

    @property
    def session(self) -> BookSession | None:
        return None if self.workspace is None else self.workspace.session

    @property
    def meeting(self) -> Meeting | None:
        return None if self.workspace is None else self.workspace.session.meeting

    @property
    def editable(self) -> bool:
        """A draft meeting is shown in a book that can be written."""
        ws = self.workspace
        return ws is not None and ws.session.meeting_id is not None and ws.session.editable

    # ------------------------------------------------------------ edits

    def push(self, command: QUndoCommand) -> None:
        """Every edit: what was typed is saved first, so undo order is the order things
        happened; then the command runs (its first ``redo``) and goes on the undo stack."""
        if self.workspace is not None:
            self.workspace.bodies.flush()
            self.workspace.bodies.seal()
        self.stack.push(command)

    def show_meeting(self, meeting_id: int | None) -> None:
        """Show another meeting of the open book (the meetings controller does it)."""
        self.meeting_requested.emit(meeting_id)

    def flush(self) -> None:
        """Write everything typed and not yet saved (before reading the book whole)."""
        if self.workspace is not None:
            self.workspace.flush()
