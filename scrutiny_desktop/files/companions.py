"""The files that belong to a meeting book: where they are, named in one place.

A book is one SQLite file, but while it is open SQLite keeps ``-wal`` and ``-shm`` files
beside it (``-journal`` while it migrates), the window keeps a ``.lock`` file, and each
opening leaves a snapshot in a backups folder. Everything here is named after the *real*
file (symbolic links resolved), so a book reached through a link or a relative path has
the same companions as the book itself.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Suffixes of the files SQLite and the lock keep beside a book, with what each is.
SIDECARS: dict[str, str] = {
    "-wal": "write-ahead log",
    "-shm": "shared-memory file",
    "-journal": "rollback journal",
    ".lock": "lock file",
}


def real_path(book: str | os.PathLike[str]) -> Path:
    """The book's own file: absolute, with every symbolic link on the way resolved."""
    return Path(os.path.realpath(book))


def lock_path(book: str | os.PathLike[str]) -> Path:
    """``<real book>.lock``: who holds the book open for writing."""
    return Path(f"{real_path(book)}.lock")


def backups_folder(book: str | os.PathLike[str]) -> Path:
    """``<folder>/<book file name> backups``: beside the real book, named by its full name.

    The full name (``minutes.sqlite backups``), so that ``minutes.sqlite`` and
    ``minutes.db`` in one folder never share a folder or a rotation.
    """
    real = real_path(book)
    return real.parent / f"{real.name} backups"


def legacy_backups_folder(book: str | os.PathLike[str]) -> Path:
    """``<folder>/<stem> backups``: where releases before issue 13 put snapshots.

    Shared by every book with the same stem, so it is never written or rotated now;
    what is in it stays until its owner deletes it.
    """
    real = real_path(book)
    return real.parent / f"{real.stem} backups"


def sidecar(book: str | os.PathLike[str], suffix: str) -> Path:
    """``<real book><suffix>``: SQLite keeps -wal and -shm beside the real file, not a link."""
    return Path(f"{real_path(book)}{suffix}")
