"""The meeting book: one SQLite file, reached only through ``Book``.

``Book`` (``book.store``, with everything it brings: sqlite3, the domain, the migrations'
tables) is imported on first use, so a module that only needs the book's errors (the
command line before it knows its command) does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrutiny_desktop.book.errors import (
    BookError,
    MeetingLocked,
    NewerSchema,
    NotABook,
    NotFound,
    ReadOnlyBook,
)

if TYPE_CHECKING:
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


def __getattr__(name: str) -> object:
    """``Book``, imported when first asked for."""
    if name == "Book":
        from scrutiny_desktop.book.store import Book

        return Book
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
