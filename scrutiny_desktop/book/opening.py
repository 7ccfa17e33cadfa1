"""Recognising a meeting book from its header bytes, and opening a connection to it.

The header is read as plain bytes before SQLite sees the file, so a file we refuse
is never touched: not migrated, not given a journal, not rewritten.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from scrutiny_desktop.book.errors import NewerSchema, NotABook
from scrutiny_desktop.book.schema import APPLICATION_ID, SCHEMA_VERSION

_MAGIC = b"SQLite format 3\x00"


def check_header(path: Path) -> None:
    """Raise NotABook / NewerSchema unless ``path`` is a book this release can open."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except IsADirectoryError:
        raise NotABook(f"{path} is a folder, not a meeting book") from None
    except PermissionError:
        raise NotABook(f"{path} cannot be read (permission denied)") from None
    if not header:
        raise NotABook(f"{path} is an empty file, not a meeting book")
    if not header.startswith(_MAGIC):
        kind = "a PDF" if header.startswith(b"%PDF") else "not a database"
        raise NotABook(f"{path} is not a meeting book ({kind})")
    if len(header) < 100:
        raise NotABook(f"{path} is not a meeting book (the file is truncated)")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotABook(f"{path} is an SQLite database of another program, not a meeting book")
    version = int.from_bytes(header[60:64], "big")
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"{path} was written by a newer version of Scrutiny Desktop "
            f"(book version {version}, this release reads up to {SCHEMA_VERSION}); "
            "update the application to open it"
        )


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection with our settings: foreign keys on, WAL, synchronous FULL."""
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 2000")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return conn
