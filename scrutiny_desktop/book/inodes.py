"""The book files this process has open: the one process-wide table the POSIX rule forces.

POSIX drops every fcntl lock a process holds on a file as soon as the process closes
*any* descriptor of that file, SQLite's locks included (``book/lock.py`` says what that
costs). SQLite keeps a table of the files its connections have open so that its own
descriptors are never closed under another connection; this is the same table for ours.
A ``Book`` (and a backup's connection) registers its file while it is open; code that
would open the file itself asks first, and a descriptor that must be closed while some
connection of this process still has the file open is parked, and closed with the last
one.

A deliberate exception to the house rule "nothing global": what it mirrors, the kernel's
record locks, is itself per process. It is keyed by device and inode, so every name for a
file is the same entry.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path

Identity = tuple[int, int]

_guard = threading.Lock()
_open: Counter[Identity] = Counter()
_parked: dict[Identity, list[int]] = {}


def identity(path: Path | str) -> Identity | None:
    """The file's device and inode (links followed); None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def opened(path: Path | str) -> Identity | None:
    """Note that a connection of this process has ``path`` open; its identity (for ``closed``)."""
    found = identity(path)
    if found is not None:
        with _guard:
            _open[found] += 1
    return found


def closed(found: Identity | None) -> None:
    """The connection ``opened`` noted is closed; the last one closes the parked descriptors."""
    if found is None:
        return
    with _guard:
        _open[found] -= 1
        if _open[found] > 0:
            return
        del _open[found]
        parked = _parked.pop(found, [])
    for fd in parked:
        os.close(fd)


def is_open(found: Identity | None) -> bool:
    """Whether a connection of this process has the file open now."""
    with _guard:
        return found is not None and _open[found] > 0


def close_when_unused(fd: int) -> None:
    """Close ``fd`` now, or with the last connection of this process to its file."""
    st = os.fstat(fd)
    found = (st.st_dev, st.st_ino)
    with _guard:
        if _open[found] > 0:
            _parked.setdefault(found, []).append(fd)
            return
    os.close(fd)
