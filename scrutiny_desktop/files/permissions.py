"""Who may read what the application writes: modes and groups, decided in one place.

* A new export (PDF, JSON, CSV) gets what any program's new file gets: ``0o666`` less the
  user's umask (0644 under umask 022, 0600 under 077), and the folder's usual group.
* A copy of a book (a backup, Save a copy) and the book's lock file take the book's own
  mode and group: a book kept at 0600 does not leave world-readable copies. A backups
  folder takes the book's mode with x wherever it has r (0600 → 0700, 0640 → 0750).
* A file written over an older one keeps the older one's mode and group.

Only root can give a file to another owner, so the owner is copied only then. When the
group cannot be set (a group the user is not in), the new file's own group gets no more
than everyone else had: it never grants a different group what the original's had.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def file_mode(like: os.stat_result) -> int:
    """The permission bits a copy of ``like`` gets (no set-id or sticky bits, no x)."""
    return stat.S_IMODE(like.st_mode) & 0o666


def folder_mode(like: os.stat_result) -> int:
    """A folder for copies of ``like``: its mode, with x wherever it has r."""
    mode = stat.S_IMODE(like.st_mode) & 0o777
    return mode | ((mode & 0o444) >> 2)


def take_permissions(fd: int, like: os.stat_result, mode: int | None = None) -> None:
    """Give the open file ``fd`` the group (and, as root, owner) of ``like``, and ``mode``.

    ``mode`` defaults to ``file_mode(like)``. Done on the descriptor before anything is
    written, so nobody can open the file while it is looser than it ends up.
    """
    mode = file_mode(like) if mode is None else mode
    if hasattr(os, "fchown"):
        uid = like.st_uid if os.geteuid() == 0 else -1
        try:
            os.fchown(fd, uid, like.st_gid)
        except OSError:
            mode = _group_as_others(mode)
    if hasattr(os, "fchmod"):  # not on Windows before Python 3.13, where modes mean little
        os.fchmod(fd, mode)


def make_folder_like(folder: Path, like: os.stat_result) -> None:
    """Create ``folder`` (not its parents) with ``folder_mode(like)`` and ``like``'s group.

    An existing folder is left as it is: its owner may have chosen its permissions.
    """
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        take_permissions(fd, like, folder_mode(like))
    finally:
        os.close(fd)


def share_like(fd: int, book: Path) -> None:
    """Best effort: give ``fd`` the book's mode and group (the lock file beside it)."""
    with contextlib.suppress(OSError):
        take_permissions(fd, os.stat(book))


def _group_as_others(mode: int) -> int:
    """``mode`` with the group's bits cut down to what everyone else has."""
    group, others = mode & 0o070, mode & 0o007
    return (mode & ~0o070) | (group & (others << 3))
