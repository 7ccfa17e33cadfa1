"""What the book refuses, each with a message a minute-taker can act on."""

from typing import ClassVar


class BookError(Exception):
    """Base class: the message is one clear sentence, naming the file where it helps."""


class NotABook(BookError):
    """The file is not a meeting book (text, PDF, empty, another program's database)."""


class NewerSchema(BookError):
    """The book was written by a newer version of Scrutiny Desktop."""


class ReadOnlyBook(BookError):
    """The book was opened read-only, or the file cannot be written."""


class MeetingLocked(BookError):
    """The meeting is signed off: its minutes are a record and do not change."""


class TooLong(BookError):
    """Text longer than the book keeps (``domain.limits``): refused, nothing written."""


class NotFound(BookError):
    """No meeting, item, action or person with that id or name."""


class DamagedBook(BookError):
    """The file is a meeting book, but truncated or with damaged pages: restore a backup."""


class WriteFailed(BookError):
    """A change could not be saved: the disk is full, the file or its drive went away, ...

    ``reason`` is one of the ``REASONS`` keys; the original exception is ``__cause__``.
    The book keeps what was committed before; the failed change was not half-written.
    """

    REASONS: ClassVar[dict[str, str]] = {
        "disk_full": "the disk is full",
        "read_only": "the file or its folder has become read-only",
        "moved": "the file was moved or renamed",
        "replaced": "another file has taken its place",
        "deleted": "the file was deleted",
        "folder_gone": "its folder was deleted, renamed or moved",
        "drive_removed": "the drive holding it was removed",
        "io_error": "the drive reported an error (was it removed?)",
        "busy": "another program is keeping it locked",
        "damaged": "the file is damaged",
        "other": "of an unexpected error",
    }

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class BookLocked(BookError):
    """The book is open for writing in another Scrutiny Desktop window or process.

    ``who`` names the holder as a phrase ("another Scrutiny Desktop window (pid 12 on
    host hall-laptop since 14:02)"), for messages worded for their reader.
    """

    def __init__(
        self,
        message: str,
        *,
        pid: int | None,
        host: str | None,
        since: str | None,
        who: str = "another Scrutiny Desktop window",
    ):
        super().__init__(message)
        self.pid, self.host, self.since, self.who = pid, host, since, who
