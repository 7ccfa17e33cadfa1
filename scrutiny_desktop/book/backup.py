"""Snapshots of a book into a folder beside it, and copies, through SQLite's backup API.

Snapshots go into ``<book file name> backups/`` beside the real book (links resolved) and
are named ``<book file name> <date time>.sqlite``: by the full name, so that two books
with the same stem never share a folder or a rotation (issue 13). Releases before that
used ``<stem> backups/``; such a folder is left exactly as it is (``earlier_backups_folder``).

Never a file copy: a copy of a WAL database misses the commits still in its -wal. Each
snapshot is checked with ``PRAGMA quick_check`` (on the copy, in the caller's thread),
which is where page damage the quick checks on open cannot see is found; a damaged
snapshot is deleted and the older, good ones are kept.

``snapshot`` opens its own connection, so a window can run it on a worker thread (an
SQLite connection belongs to the thread that made it).
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Protocol

from scrutiny_desktop.book import inodes
from scrutiny_desktop.book.errors import BookError, DamagedBook
from scrutiny_desktop.book.faults import reason_of
from scrutiny_desktop.book.opening import read_mode, tidy_sidecars, unwritable_reason
from scrutiny_desktop.files import companions
from scrutiny_desktop.files.atomic import write_atomically
from scrutiny_desktop.files.companions import sidecar
from scrutiny_desktop.files.permissions import make_folder_like

KEEP = 10


class BackupFailed(BookError):
    """A snapshot or copy could not be written (the book itself is unaffected)."""


class _HasPath(Protocol):
    path: Path


def backups_folder(book_path: Path) -> Path:
    """``<folder>/<book file name> backups``: beside the real book, named by its full name."""
    return companions.backups_folder(book_path)


def earlier_backups_folder(book_path: Path) -> Path | None:
    """The ``<stem> backups`` folder releases before issue 13 wrote, if it is there.

    Two books with the same stem (``minutes.sqlite``, ``minutes.db``) shared it, so its
    snapshots cannot be told apart: it is never written or rotated now, and what is in it
    stays until its owner deletes it.
    """
    folder = companions.legacy_backups_folder(book_path)
    if folder == backups_folder(book_path) or not folder.is_dir():
        return None
    return folder


def _stamp_re(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(name)} (\d{{4}}-\d\d-\d\d \d\d\.\d\d\.\d\d)(?: \((\d+)\))?\.sqlite$"
    )


def backups(book_path: Path, backups_dir: Path | None = None) -> list[Path]:
    """The snapshots of a book, oldest first (only files named as ``snapshot`` names them)."""
    folder = backups_dir or backups_folder(book_path)
    pattern = _stamp_re(companions.real_path(book_path).name)
    found = []
    for p in folder.glob("*.sqlite") if folder.is_dir() else ():
        m = pattern.match(p.name)
        if m:
            found.append(((m.group(1), int(m.group(2) or 0)), p))
    return [p for _, p in sorted(found)]


def snapshot(
    book: _HasPath | Path,
    backups_dir: Path | None = None,
    keep: int = KEEP,
    *,
    now: datetime | None = None,
) -> Path:
    """Write a checked snapshot of the book and keep only the newest ``keep``; its path.

    Takes a ``Book`` or a path; opens its own read-only connection, so it may run on
    any thread while the book is open and being written in another. Raises
    ``DamagedBook`` when the snapshot fails ``quick_check`` (the older snapshots stay)
    and ``BackupFailed`` when it cannot be written.
    """
    path = Path(book.path if not isinstance(book, Path) else book).absolute()
    name = companions.real_path(path).name
    folder = backups_dir or backups_folder(path)
    try:
        book_stat = os.stat(path)  # the snapshots and their folder take its mode and group
        folder.parent.mkdir(parents=True, exist_ok=True)
        make_folder_like(folder, book_stat)
        if not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "a file is in the way", str(folder))
    except OSError as e:
        raise BackupFailed(
            f"no backup of {path} was made: {folder} cannot be created ({e.strerror})"
        ) from e
    when = (now or datetime.now()).strftime("%Y-%m-%d %H.%M.%S")
    target = folder / f"{name} {when}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{name} {when} ({n}).sqlite"
    had_wal = sidecar(path, "-wal").exists()
    mode = read_mode(path, unwritable_reason(path) is not None)
    query = "mode=ro&immutable=1" if mode == "immutable" else "mode=ro"
    reading = inodes.opened(path)  # a connection of this process has it open (book/inodes.py)
    try:
        source = sqlite3.connect(f"{path.as_uri()}?{query}", uri=True)
    except sqlite3.Error as e:
        inodes.closed(reading)
        raise BackupFailed(f"no backup of {path} was made: it cannot be read ({e})") from e
    try:
        source.execute("PRAGMA busy_timeout = 2000")
        copy(source, target, check=True, like=book_stat)
    finally:
        source.close()
        inodes.closed(reading)
        if not had_wal:
            tidy_sidecars(path)
    rotate(path, folder, keep)
    return target


def rotate(book_path: Path, folder: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` snapshots; the ones deleted."""
    old = backups(book_path, folder)[: max(0, len(backups(book_path, folder)) - keep)]
    for p in old:
        p.unlink(missing_ok=True)
    return old


def copy(
    source: sqlite3.Connection,
    target: Path,
    *,
    check: bool = False,
    like: os.stat_result | None = None,
) -> Path:
    """Copy the database on ``source`` to ``target`` atomically (temporary file, rename).

    The copy holds every transaction committed on ``source`` when it starts. With
    ``check``, the copy must pass ``quick_check`` or it is deleted and DamagedBook raised.
    ``like``: the book's ``stat``, whose mode and group the copy takes.
    """
    target = Path(target).absolute()

    def backup_into(tmp: Path) -> None:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            if check:
                problems = [r[0] for r in dest.execute("PRAGMA quick_check").fetchall()]
                if problems != ["ok"]:
                    raise DamagedBook(_damaged(source, problems[0]))
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
            for side in ("-journal", "-wal", "-shm"):
                Path(f"{tmp}{side}").unlink(missing_ok=True)

    try:
        write_atomically(target, backup_into, like=like)
    except sqlite3.DatabaseError as e:
        # A full disk or a busy book is not a damaged one: say which, so that nobody
        # restores an old backup over a good book because a copy could not be written.
        if reason_of(e) != "damaged":
            raise BackupFailed(f"{target} could not be written ({e})") from e
        raise DamagedBook(_damaged(source, str(e))) from e
    except OSError as e:
        raise BackupFailed(f"{target} could not be written ({e.strerror or e})") from e
    return target


def _damaged(source: sqlite3.Connection, problem: str) -> str:
    return (
        f"{_name(source)} is damaged ({problem}); this copy was not kept (earlier backups "
        "are): save a copy of the book and restore it from a backup"
    )


def _name(conn: sqlite3.Connection) -> str:
    for _, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return str(file)
    return "the book"
