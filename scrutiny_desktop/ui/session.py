"""The open book and meeting as the window sees them: every write goes through ``write``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QObject, Signal

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.domain.model import Meeting

P = ParamSpec("P")
T = TypeVar("T")


class BookSession(QObject):
    """One open book, the meeting being taken, and the news of every write.

    ``saved`` carries the time of the last successful write ("14:03:21");
    ``refused`` carries a sentence for the status bar when the book said no.
    """

    saved = Signal(str)
    refused = Signal(str)
    header_changed = Signal()

    def __init__(
        self,
        book: Book,
        meeting_id: int | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__()
        self.book = book
        self._clock = clock
        self.meeting_id = meeting_id
        self.meeting: Meeting | None = None
        if meeting_id is not None:
            self.meeting = book.meeting(meeting_id)

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.meeting = None if meeting_id is None else self.book.meeting(meeting_id)
        self.header_changed.emit()

    def reload_header(self) -> None:
        if self.meeting_id is not None:
            self.meeting = self.book.meeting(self.meeting_id)
        self.header_changed.emit()

    @property
    def editable(self) -> bool:
        """False for a read-only book or a signed-off meeting."""
        if self.book.read_only:
            return False
        return self.meeting is None or not self.meeting.is_signed_off

    def write(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Call a book method; announce the save, or the refusal (and re-raise it)."""
        try:
            result = fn(*args, **kwargs)
        except BookError as e:
            self.refused.emit(f"Not saved: {e}")
            raise
        self.saved.emit(self._clock().strftime("%H:%M:%S"))
        return result
