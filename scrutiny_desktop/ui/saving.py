"""Saving when the book fails: a background retry, the news of recovery, and copies.

The session keeps the edits the book could not take (see ``ui.session``); this guard
notices the failure, retries every ``interval_ms`` (``Book.retry``, then the kept
edits in order), and says when saving works again. ``save_copy`` writes a complete
copy elsewhere: typed text is flushed first, then the book is copied through the
backup API, and any edits still kept in the window are replayed into the copy, so it
holds everything typed. With ``switch`` the window carries on in the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.book.errors import WriteFailed
from scrutiny_desktop.ui.session import BookSession

RETRY_MS = 2000


def fault_message(error: WriteFailed, interval_ms: int = RETRY_MS) -> str:
    """The banner's sentence: what happened, that the typing is safe, what to do."""
    why = WriteFailed.REASONS.get(error.reason, WriteFailed.REASONS["other"])
    every = f"{interval_ms / 1000:g} seconds"
    return (
        f"The book can no longer be saved: {why}. Your typing is kept in the window and "
        f"saving is retried every {every}. Save a complete copy elsewhere to be safe "
        "(File ▸ Save a copy…)."
    )


class SavingGuard(QObject):
    """Watches one session's writes; retries after a failure; writes copies."""

    failed = Signal(str)
    """Saving stopped working (or failed again for another reason): the banner's text."""
    recovered = Signal(str)
    """Saving works again and every kept edit is in the book."""

    def __init__(
        self,
        session: BookSession,
        flush: Callable[[], None],
        interval_ms: int = RETRY_MS,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__()
        self._session, self._flush, self._clock = session, flush, clock
        self._interval = interval_ms
        self.fault: WriteFailed | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.retry)
        session.failed.connect(self._failed)
        session.saved.connect(self._saved)

    def stop(self) -> None:
        """No more retries (the book is closing)."""
        self.timer.stop()
        self._session.failed.disconnect(self._failed)
        self._session.saved.disconnect(self._saved)

    @property
    def failing(self) -> bool:
        return self.fault is not None

    def _failed(self, error: WriteFailed) -> None:
        again = self.fault is not None and self.fault.reason == error.reason
        self.fault = error
        if not self.timer.isActive():
            self.timer.start()
        if not again:
            self.failed.emit(fault_message(error, self._interval))

    def _saved(self, _when: str) -> None:
        # Any successful write (a keystroke after a one-off failure) may end the fault.
        if self.fault is not None and not self._session.pending:
            self._ok()

    def retry(self) -> bool:
        """One attempt: the book, then the kept edits, then anything typed since."""
        if self.fault is None:
            self.timer.stop()
            return True
        if not self._session.retry():
            error = self._session.book.fault
            if error is not None and error.reason != self.fault.reason:
                self._failed(error)
            return False
        self._flush()
        if self._session.pending or self._session.book.fault is not None:
            return False
        self._ok()
        return True

    def _ok(self) -> None:
        self.fault = None
        self.timer.stop()
        self.recovered.emit(
            f"Saving works again: everything typed is in the book (saved {self._clock():%H:%M:%S})."
        )

    def save_copy(self, target: Path, *, switch: bool = False) -> str:
        """Write a complete copy of the book, typing included, to ``target``; a sentence.

        Raises ``BookError`` when the copy cannot be made (the book is unaffected).
        """
        self._flush()
        book = self._session.book
        if switch:
            book.save_copy(target, switch=True)
            if not self._session.retry():
                error = book.fault
                raise error if error is not None else BookError(f"{target} cannot be written")
            if self.fault is not None:
                self._ok()
            return f"Saved a copy as {target}; this window now works in the copy."
        book.save_copy(target)
        kept = self._session.pending_writes()
        if kept:
            # The book lacks these; the copy must not.
            with Book.open(target) as copy:
                for fn, args in kept:
                    getattr(copy, fn.__name__)(*args)
        return f"Saved a complete copy as {target}."
