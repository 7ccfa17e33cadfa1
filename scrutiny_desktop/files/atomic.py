"""Writing a file so that a failure never leaves it half-written or destroys the old one.

Every file the application writes for a user — PDF, JSON, CSV, a copy or backup of a book —
goes through ``write_atomically``: a temporary file in the target's folder, flushed to disk,
then renamed over the target. A new file gets the usual 0644 (``mkstemp``'s 0600 would
make a circulated PDF private to its writer); a replaced one keeps its permissions.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from scrutiny_desktop.files.outputs import OutputRefused, not_a_file


def write_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``target``, then rename it over ``target``.

    On any failure the temporary file is removed and ``target`` is left as it was. A
    folder, device, named pipe or socket at ``target`` is refused (``OutputRefused``)
    before anything is written: ``os.replace`` would replace the node itself.
    """
    target = Path(target)
    _replaceable(target)
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, mode)
        os.close(fd)
        write(tmp)
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
        fsync_folder(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _replaceable(target: Path) -> None:
    """Refuse a ``target`` that ``os.replace`` must not replace (a link is replaced, not followed)."""
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        why = not_a_file(target)
        raise OutputRefused(str(target), why or "is not a regular file")


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
