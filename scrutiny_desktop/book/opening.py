"""Recognising a meeting book from its header bytes, and opening a connection to it.

The header is read as plain bytes before SQLite sees the file, so a file we refuse
is never touched: not migrated, not given a journal, not rewritten.

What open checks, and what it leaves for later: open stays O(1) in the size of the book
(issue 7). It checks the header (magic, application id, schema version), that the file
is as long as the header says (a truncated copy), and that the schema can be read.
``PRAGMA quick_check`` reads every page (about 80 ms on a 1,000-meeting, 11 MB book,
25 times the cost of the whole open), so it runs on each backup instead, in the
background (``book/backup.py``); damage in a page the first screen never reads is
found there, and a damaged page that is read raises ``DamagedBook``.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from scrutiny_desktop.book import inodes
from scrutiny_desktop.book.errors import BookError, DamagedBook, NewerSchema, NotABook
from scrutiny_desktop.book.version import APPLICATION_ID, SCHEMA_VERSION
from scrutiny_desktop.domain.text import clean
from scrutiny_desktop.files.companions import real_path, sidecar
from scrutiny_desktop.files.outputs import node_kind

_MAGIC = b"SQLite format 3\x00"

Mode = Literal["rw", "ro", "immutable"]


def check_header(path: Path) -> None:
    """Raise NotABook / NewerSchema / DamagedBook unless ``path`` is a book we can open.

    Anything but a regular file is refused from its ``stat``, before it is opened: opening
    a named pipe waits for a writer for ever, and opening a device may do something.
    """
    require_file(path)
    if inodes.is_open(inodes.identity(path)):
        # A book this process has open already (and checked then): opening and closing it
        # again would drop that connection's SQLite locks (book/inodes.py).
        return
    try:
        # Non-blocking, and checked again once open: a pipe swapped in meanwhile cannot hang us.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise NotABook(f"{path} is a folder, not a meeting book") from None
    except PermissionError:
        raise NotABook(f"{path} cannot be read (permission denied)") from None
    try:
        st = os.fstat(fd)
        kind = node_kind(st.st_mode)
        if kind is not None:
            raise NotABook(f"{path} is {kind}, not a meeting book")
        header = os.pread(fd, 100, 0) if hasattr(os, "pread") else os.read(fd, 100)
        size = st.st_size
    finally:
        os.close(fd)
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
    _check_length(path, header, size)


def require_file(path: Path) -> None:
    """NotABook unless ``path`` (links followed) is a regular file; nothing is opened."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return  # the caller says "does not exist", or creates it
    except OSError as e:
        raise NotABook(f"{path} cannot be read ({e.strerror})") from None
    kind = node_kind(mode)
    if kind is not None:
        raise NotABook(f"{path} is {kind}, not a meeting book")


def _check_length(path: Path, header: bytes, size: int) -> None:
    """A file shorter than the pages its header counts was cut off (a failed copy)."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    wal = sidecar(path, "-wal")
    # With frames still in a -wal, a checkpoint cut short may have grown page 1's count
    # before the pages themselves: SQLite finishes that checkpoint, so trust it then.
    if wal.exists() and wal.stat().st_size > 0:
        return
    damaged = page_size < 512 or page_size & (page_size - 1) or size % page_size
    if not damaged and counter_valid and pages:
        damaged = size < pages * page_size
    if damaged:
        raise DamagedBook(
            f"{path} is a damaged meeting book (the file is truncated: {size:,} bytes "
            f"where its header promises {pages * page_size:,}); restore it from a backup"
        )


def unopenable(path: Path, error: sqlite3.DatabaseError) -> BookError:
    """The refusal for a book SQLite could not read: damaged, or just not openable here."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in str(error):
        return DamagedBook(
            f"{path} is a damaged meeting book ({error}); it was left as it is: "
            "restore it from a backup"
        )
    return BookError(f"{path} cannot be opened as a meeting book: {error}")


def unwritable_reason(path: Path) -> str | None:
    """Why the book at ``path`` cannot be written, or None when it can.

    Permission bits are honoured even when the process could ignore them (root, an
    administrator): a file the user marked read-only is opened read-only. SQLite in WAL
    mode needs to create ``-wal`` and ``-shm`` files beside the book, so the folder
    must be writable too.
    """
    folder = real_path(path).parent  # where SQLite puts -wal and -shm: beside the real file
    try:
        st = path.stat()
        folder_st = folder.stat()
        read_only_fs = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError as e:
        return f"its state cannot be read ({e.strerror})"
    if read_only_fs:
        return "it is on a read-only drive"
    if not os.access(path, os.W_OK) or not st.st_mode & (
        stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    ):
        return "the file is read-only"
    if not os.access(folder, os.W_OK) or not folder_st.st_mode & (
        stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    ):
        return "its folder is read-only"
    return None


def uncreatable_reason(path: Path) -> str | None:
    """Why a new book cannot be made at ``path``, or None when it can.

    The folder's permission bits are honoured as ``unwritable_reason`` honours them, so
    root is refused a folder marked read-only like anyone else.
    """
    folder = Path(os.path.abspath(path)).parent
    if not folder.is_dir():
        return f"its folder {folder} does not exist"
    try:
        folder_st = folder.stat()
        read_only_fs = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError as e:
        return f"its folder cannot be read ({e.strerror})"
    if read_only_fs:
        return "it is on a read-only drive"
    if not os.access(folder, os.W_OK) or not folder_st.st_mode & (
        stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    ):
        return "its folder is read-only"
    return None


def create_file(path: Path) -> None:
    """Make the empty file a new book starts as, refusing one that is there already.

    ``O_EXCL``: never another program's file made at the same moment. Mode 0644 less
    the umask, as SQLite makes a book (``files.permissions`` says why).
    """
    try:
        fd = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o644
        )
    except FileExistsError:
        raise BookError(f"{path} already exists; open it instead of creating it") from None
    except OSError as e:
        raise BookError(f"{path} cannot be created ({e.strerror})") from None
    os.close(fd)  # nothing has it open yet: no SQLite lock to lose (book/lock.py)


def read_mode(path: Path, unwritable: bool) -> Mode:
    """How to open ``path`` read-only without leaving files beside it where possible.

    ``immutable=1`` makes SQLite skip locking and the -shm file. It is safe only when
    nothing can change the book while we read it: the file or its folder is not
    writable, and no -wal beside it says that some connection has it open (in WAL mode
    every open connection keeps the -wal; the last one to close deletes it).
    """
    if unwritable and not sidecar(path, "-wal").exists():
        return "immutable"
    return "ro"


class _CleaningCursor(sqlite3.Cursor):
    """A cursor that binds text as ``domain.text.clean`` makes it storable."""

    def execute(self, sql: str, parameters: Any = (), /) -> _CleaningCursor:
        super().execute(sql, _clean_params(self.connection, parameters))
        return self

    def executemany(self, sql: str, seq: Iterable[Any], /) -> _CleaningCursor:
        conn = self.connection
        super().executemany(sql, (_clean_params(conn, p) for p in seq))
        return self


def _clean_params(conn: sqlite3.Connection, params: Any) -> Any:
    if isinstance(params, Mapping):
        if not any(isinstance(v, str) for v in params.values()):
            return params
        return {k: _clean_value(conn, v) for k, v in params.items()}
    if not params or not any(isinstance(v, str) for v in params):
        return params
    return [_clean_value(conn, v) for v in params]


def _clean_value(conn: sqlite3.Connection, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text, replaced = clean(value)
    if replaced and isinstance(conn, BookConnection):
        conn.replaced_characters += replaced
    return text


class BookConnection(sqlite3.Connection):
    """The book's connection: every value bound to SQL passes the hostile-text rule.

    One place for every table and column, whichever path (sqlite-utils, ``executemany``)
    the SQL takes. ``replaced_characters`` counts the U+FFFD substitutions made.
    """

    replaced_characters = 0

    def cursor(self, factory: Any = _CleaningCursor) -> Any:
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        cursor: sqlite3.Cursor = self.cursor()
        return cursor.execute(sql, parameters)

    def executemany(self, sql: str, seq: Iterable[Any], /) -> sqlite3.Cursor:
        cursor: sqlite3.Cursor = self.cursor()
        return cursor.executemany(sql, seq)


def connect(path: Path, *, mode: Mode = "rw") -> BookConnection:
    """A connection with our settings: foreign keys on, WAL, synchronous FULL."""
    if mode == "rw":
        conn = sqlite3.connect(str(path), factory=BookConnection)
    else:
        query = "mode=ro&immutable=1" if mode == "immutable" else "mode=ro"
        uri = f"{path.absolute().as_uri()}?{query}"
        conn = sqlite3.connect(uri, uri=True, factory=BookConnection)
    assert isinstance(conn, BookConnection)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 2000")
        if mode == "rw":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def tidy_sidecars(path: Path) -> None:
    """Remove the empty -wal and -shm a read-only connection had to leave beside ``path``.

    Only SQLite itself may decide that: a read-write connection that closes as the
    last one checkpoints (nothing, here) and deletes them; if another connection still
    has the book open, it leaves them alone, as it must.
    """
    if not sidecar(path, "-wal").exists() or unwritable_reason(path) is not None:
        return
    try:
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("SELECT 1 FROM sqlite_schema LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        pass
