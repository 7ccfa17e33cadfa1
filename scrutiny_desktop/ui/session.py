"""The open book and meeting as the window sees them: every write goes through here.

When the book stops taking writes (``WriteFailed``: disk full, file moved or deleted,
drive removed, ...) nothing typed may be lost. The design, the simplest that holds:

* Edits that set a thing's whole state (a body's paragraphs, an action, an item's
  title and flags, an update, the meeting header) go through ``keep``. When the write
  fails, the call is kept in an ordered queue, one entry per thing (a newer state of
  the same thing replaces the older and moves to the end), and the caller carries on
  as if it had been saved: models show the edit, editors keep their text, undo works.
* Every later write first replays that queue in order, so the book receives edits
  in the order they were made; ``retry`` (a timer in ``ui.saving``) does the same.
* Edits that create, delete or move things (new item, new action, ...) cannot wait
  without ids from the book: while saving fails they are refused, said so, and their
  undo command drops itself; nothing typed is in them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime
from typing import Any, ParamSpec, TypeVar

from PySide6.QtCore import QObject, Signal

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.book.errors import WriteFailed
from scrutiny_desktop.domain.model import Meeting

P = ParamSpec("P")
T = TypeVar("T")
Pending = tuple[Callable[..., Any], tuple[Any, ...]]


class BookSession(QObject):
    """One open book, the meeting being taken, and the news of every write.

    ``saved`` carries the time of the last successful write ("14:03:21");
    ``refused`` carries a sentence for the status bar when the book said no;
    ``failed`` carries the ``WriteFailed`` when the book stopped taking writes.
    """

    saved = Signal(str)
    refused = Signal(str)
    failed = Signal(object)
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
        self._pending: dict[Hashable, Pending] = {}
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

    def show_header(self, meeting: Meeting) -> None:
        """Show a header that is kept but not yet in the book."""
        if meeting.id == self.meeting_id:
            self.meeting = meeting
        self.header_changed.emit()

    @property
    def editable(self) -> bool:
        """False for a read-only book or a signed-off meeting."""
        if self.book.read_only:
            return False
        return self.meeting is None or not self.meeting.is_signed_off

    @property
    def pending(self) -> int:
        """How many kept edits are waiting for the book to take writes again."""
        return len(self._pending)

    def pending_writes(self) -> list[Pending]:
        """The kept edits, oldest first (to replay them into a copy of the book)."""
        return list(self._pending.values())

    def write(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Call a book method (after any kept edits); announce the save, or the refusal.

        Raises what the book raised; a ``WriteFailed`` also goes out as ``failed``.
        """
        try:
            self._drain()
            result = fn(*args, **kwargs)
        except WriteFailed as e:
            self._failed(e)
            raise
        except BookError as e:
            self.refused.emit(f"Not saved: {e}")
            raise
        self._announce()
        return result

    def keep(self, key: Hashable, fn: Callable[..., Any], *args: Any) -> bool:
        """Write a thing's whole new state; True when saved now, False when kept for later.

        ``key`` names the thing (``("action", 12)``). A refusal (signed off, gone) is
        raised as ``write`` raises it; a failing book is not an error here.
        """
        self._pending.pop(key, None)
        self._pending[key] = (fn, args)
        try:
            refusals = self._drain()
        except WriteFailed as e:
            self._failed(e)
            return False
        if key in refusals:
            raise refusals[key]
        self._announce()
        return True

    def retry(self) -> bool:
        """Try the book again and replay the kept edits; True when all are saved."""
        if not self._pending and self.book.fault is None:
            return True
        if not self.book.retry():
            return False
        try:
            self._drain()
        except WriteFailed:
            return False
        self._announce()
        return True

    def _drain(self) -> dict[Hashable, BookError]:
        """Replay kept edits in order; those the book refuses outright are dropped."""
        refusals: dict[Hashable, BookError] = {}
        while self._pending:
            key, (fn, args) = next(iter(self._pending.items()))
            try:
                fn(*args)
            except WriteFailed:
                raise
            except BookError as e:
                # It can never be saved (signed off meanwhile, deleted): say so once.
                refusals[key] = e
                self.refused.emit(f"Not saved: {e}")
            del self._pending[key]
        return refusals

    def _failed(self, error: WriteFailed) -> None:
        self.failed.emit(error)

    def _announce(self) -> None:
        self.saved.emit(self._clock().strftime("%H:%M:%S"))
