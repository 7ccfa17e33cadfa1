"""The meeting book: one SQLite file, reached only through ``Book``."""

from scrutiny_desktop.book.errors import (
    BookError,
    MeetingLocked,
    NewerSchema,
    NotABook,
    NotFound,
    ReadOnlyBook,
)
from scrutiny_desktop.book.store import Book

__all__ = [
    "Book",
    "BookError",
    "MeetingLocked",
    "NewerSchema",
    "NotABook",
    "NotFound",
    "ReadOnlyBook",
]
