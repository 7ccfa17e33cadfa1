"""Writing a file so that a failure never leaves it half-written or destroys the old one.

Every file the application writes for a user — PDF, JSON, CSV, a copy or backup of a book —
goes through ``write_atomically``: a temporary file in the target's folder, flushed to disk,
then renamed over the target. Its mode and group are decided in ``files.permissions``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from scrutiny_desktop.files.outputs import OutputRefused, not_a_file
from scrutiny_desktop.files.permissions import take_permissions


def write_atomically(
    target: Path, write: Callable[[Path], object], *, like: os.stat_result | None = None
) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``target``, then rename it over ``target``.

    On any failure the temporary file is removed and ``target`` is left as it was. A
    folder, device, named pipe or socket at ``target`` is refused (``OutputRefused``)
    before anything is written: ``os.replace`` would replace the node itself.

    The file's mode and group (``files.permissions``): ``like``'s when given (a copy of a
    book takes the book's), else those of the file it replaces, else a new file's
    (``0o666`` less the umask).
    """
    target = Path(target)
    _replaceable(target)
    source = like if like is not None else _replaced(target)
    try:
        tmp, fd = _temporary(target, private=source is not None)
    except OSError as e:
        raise OutputNotWritten(target, e) from e
    try:
        try:
            if source is not None:
                take_permissions(fd, source)
        finally:
            os.close(fd)
        write(tmp)
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
        fsync_folder(target.parent)
    except BaseException as e:
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError) and not isinstance(e, OutputNotWritten):
            # Named as asked: the hidden temporary file means nothing to the person.
            raise OutputNotWritten(target, e) from e
        raise


class OutputNotWritten(OSError):
    """A file could not be written; says which (the one asked for, never the temporary) and why."""

    def __init__(self, target: Path, error: OSError) -> None:
        super().__init__(error.errno, error.strerror or str(error), str(target))

    def __str__(self) -> str:
        return f"{self.filename} cannot be written: {self.strerror}"


def _replaced(target: Path) -> os.stat_result | None:
    """The regular file ``target`` is now (whose mode and group a rewrite keeps), if any."""
    try:
        st = os.lstat(target)
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def _temporary(target: Path, *, private: bool) -> tuple[Path, int]:
    """A new hidden file beside ``target`` and its descriptor.

    ``private``: created 0600, to be opened up (or not) by ``take_permissions`` before any
    byte is written; else created ``0o666`` so that the kernel applies the umask itself.
    """
    while True:
        tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
            fd = os.open(tmp, flags, 0o600 if private else 0o666)
        except FileExistsError:
            continue
        return tmp, fd


def _replaceable(target: Path) -> None:
    """Refuse a ``target`` that ``os.replace`` must not replace (a link is replaced, not followed).

    Besides folders, devices and pipes: a database in use, known by the -wal or -journal
    SQLite keeps beside it (the open book, whichever writer forgot ``check_output``).
    """
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        why = not_a_file(target)
        raise OutputRefused(str(target), why or "is not a regular file")
    for suffix in ("-wal", "-journal"):
        if os.path.lexists(f"{target}{suffix}"):
            raise OutputRefused(str(target), f"is a database in use (its {suffix} is beside it)")


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """``write_atomically`` for data already in memory."""
    write_atomically(target, lambda tmp: tmp.write_bytes(data))


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform allows opening a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
