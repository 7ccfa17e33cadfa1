"""Why a write failed, said so that a minute-taker knows what happened to the book.

SQLite writes happily to a file that was moved or deleted while open (the inode lives
on), so the book compares the file at its path with the one it opened before every
commit (``where_is``); the rest is read from the error SQLite or the OS raised.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from pathlib import Path

from scrutiny_desktop.book.errors import WriteFailed

Identity = tuple[int, int]

_ERRNO_REASONS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.EIO: "io_error",
    errno.ENXIO: "drive_removed",
    errno.ENODEV: "drive_removed",
}


def identity(path: Path) -> Identity:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def where_is(path: Path, opened: Identity) -> str | None:
    """None when ``path`` is still the file we opened; else moved/deleted/folder_gone/...

    One ``stat`` when all is well.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        pass
    except OSError as e:
        return _ERRNO_REASONS.get(e.errno or 0, "io_error")
    else:
        if (st.st_dev, st.st_ino) == opened:
            return None
        return "replaced"
    # Gone from its path. The first ancestor that still exists tells which: on another
    # device, the drive's mount point went away; its own folder, the file went; higher
    # up, the folder went.
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    try:
        device = os.stat(ancestor).st_dev
    except OSError:
        return "drive_removed"
    if device != opened[0]:
        return "drive_removed"
    if ancestor == path.parent:
        return "moved" if moved_to(opened) else "deleted"
    return "folder_gone"


def moved_to(opened: Identity) -> Path | None:
    """Where the file we still hold open is now, when the OS can say (Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        fds = os.listdir("/proc/self/fd")
    except OSError:
        return None
    for fd in fds:
        link = f"/proc/self/fd/{fd}"
        try:
            st = os.stat(link)
            target = os.readlink(link)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == opened and not target.endswith(" (deleted)"):
            return Path(target)
    return None


def reason_of(error: BaseException) -> str:
    """The ``WriteFailed.REASONS`` key for an error SQLite or the OS raised."""
    if isinstance(error, OSError) and error.errno in _ERRNO_REASONS:
        return _ERRNO_REASONS[error.errno]
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name == "SQLITE_FULL" or "disk is full" in text:
        return "disk_full"
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return "read_only"
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return "io_error"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return "folder_gone"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return "busy"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return "damaged"
    return "other"


_ADVICE = {
    "disk_full": "free some space on the drive, or save a copy elsewhere",
    "read_only": "make it writable again, or save a copy elsewhere",
    "moved": "put it back, or save a copy elsewhere",
    "replaced": "save a copy elsewhere: this window still holds every saved change",
    "deleted": "save a copy elsewhere now: this window still holds every saved change",
    "folder_gone": "put the folder back, or save a copy elsewhere",
    "drive_removed": "reconnect the drive",
    "io_error": "check the drive, or save a copy elsewhere",
    "busy": "close the other program",
    "damaged": "save a copy elsewhere and restore the book from a backup",
    "other": "save a copy elsewhere",
}


def write_failed(path: Path, reason: str, *, detail: str | None = None) -> WriteFailed:
    """The error a window shows: the book can no longer be saved, why, and what to do."""
    why = WriteFailed.REASONS.get(reason, WriteFailed.REASONS["other"])
    if detail:
        why += f" ({detail})"
    return WriteFailed(
        f"{path} can no longer be saved: {why}. Your last change was not saved; "
        f"{_ADVICE.get(reason, _ADVICE['other'])}.",
        reason=reason,
    )


def is_write_fault(error: BaseException) -> bool:
    """Errors that say the storage failed, as opposed to a refusal or a bug."""
    if isinstance(
        error, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    ):
        return False
    return isinstance(error, sqlite3.DatabaseError | OSError)
