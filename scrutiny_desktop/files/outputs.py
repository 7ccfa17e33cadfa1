"""Whether a path the user chose may be written: the one check every writer makes.

An export, a register CSV or a copy of the book is written with ``os.replace``, which
replaces whatever node has the name: the book itself (``export BOOK 1 -o BOOK``), its
write-ahead log, a backup, even a device (as root, ``-o /dev/full`` became a regular
file). ``check_output`` refuses all of these before anything is written, naming the
path and why. It only ever ``stat``s: it never opens the book, whose SQLite locks a
close would drop (see ``book/lock.py``).

The book is recognised however it is named: by its path with links resolved, and by its
device and inode (a hard link, another name on a case-insensitive drive).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from scrutiny_desktop.files.companions import (
    SIDECARS,
    backups_folder,
    legacy_backups_folder,
    real_path,
)


class OutputRefused(OSError):
    """A path that must not be written; the message names it, says why and that nothing was.

    An ``OSError``, so that every writer's "could not write" handling says it too.
    """

    def __init__(self, target: str, why: str) -> None:
        said = f"{target} {why}" if target else why
        super().__init__(f"{said}; nothing was written")
        self.target, self.why = target, why


def check_output(
    target: str | os.PathLike[str], book: str | os.PathLike[str] | None = None
) -> Path:
    """``target`` as a ``Path`` when it may be written; else ``OutputRefused``.

    Refused: an empty name; anything that exists and is not a regular file (a folder,
    a device, a named pipe, a socket, or a link to one); and, given the ``book``, the
    book itself, its -wal, -shm, -journal and lock files, and anything in its backups
    folder, by whatever name.
    """
    raw = os.fspath(target)
    if not raw:
        raise OutputRefused("", "no output file was named (the name is empty)")
    path = Path(raw)
    why = not_a_file(path)
    if why is None and book is not None:
        why = _belongs_to(path, Path(book))
    if why is not None:
        raise OutputRefused(raw, why)
    return path


def not_a_file(path: Path) -> str | None:
    """Why the node at ``path`` (links followed) is not a regular file; None when it is, or is absent."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # nothing there yet (or unreadable: the write itself will say so)
    kind = node_kind(mode)
    return None if kind is None else f"is {kind}, not a file"


def node_kind(mode: int) -> str | None:
    """What a ``stat`` mode is, when it is not a regular file: "a folder", "a device", ..."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _belongs_to(path: Path, book: Path) -> str | None:
    """Why ``path`` is one of the book's own files, or None."""
    names: dict[Path, str] = {}
    # The name given and the real file: SQLite and the lock have used either.
    for base in (Path(os.path.abspath(book)), real_path(book)):
        names[base] = "is the meeting book itself"
        for suffix, what in SIDECARS.items():
            names[Path(f"{base}{suffix}")] = f"is the meeting book's {what}"
    try:
        target = os.stat(path)
    except OSError:
        target = None
    if target is not None:
        for name, why in names.items():
            try:
                st = os.stat(name)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
                return why
    real = real_path(path)
    for name, why in names.items():
        if real == real_path(name):
            return why
    for base in {Path(os.path.abspath(book)), real_path(book)}:
        for folder in (backups_folder(base), legacy_backups_folder(base), _given(base)):
            if real.parent.is_relative_to(real_path(folder)):
                return "is in the meeting book's backups folder"
    return None


def _given(book: Path) -> Path:
    """The backups folder named after the name given (before links were resolved)."""
    return book.parent / f"{book.stem} backups"
