"""One writer per book: a lock file beside it, naming who holds it.

``<book>.lock`` holds the holder's pid, host and start time as JSON, for the message a
second opener sees. Where the OS offers ``flock`` (Linux, macOS), the lock itself is an
exclusive ``flock`` on that file, which the kernel drops when the holder exits, however
it exits: a lock left by a crash is then simply not held and is taken over without
asking, with no guessing from pids (which get reused). Elsewhere, or on a file system
without ``flock``, the file is created with ``O_EXCL`` and a lock whose pid is dead on
this host (or which was written before this machine last started) is stale.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from scrutiny_desktop.book.errors import BookLocked

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(book: Path) -> Path:
    return Path(f"{book}.lock")


class BookLock:
    """The lock on one book, held from ``acquire`` until ``release`` (or ``with``)."""

    def __init__(self, book: Path) -> None:
        self.book = Path(book)
        self.path = lock_path(self.book)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> BookLock:
        """Take the lock, or raise BookLocked naming who holds it."""
        if self._fd is not None:
            return self
        if fcntl is not None:
            fd = self._acquire_flock()
            if fd is not None:
                self._fd = fd
                return self
        self._fd = self._acquire_exclusive()
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        # Unlink while still holding it, so nobody takes a lock on a file about to vanish.
        with contextlib.suppress(OSError):
            if _same_file(fd, self.path):
                self.path.unlink()
        os.close(fd)

    def __enter__(self) -> BookLock:
        return self.acquire()

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    # ------------------------------------------------------------ flock

    def _acquire_flock(self) -> int | None:
        """The locked fd; None when this file system has no flock (use O_EXCL then)."""
        assert fcntl is not None
        for _ in range(10):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read(fd)
                os.close(fd)
                raise self._locked(holder) from None
            except OSError:
                os.close(fd)
                return None
            # The holder may have released (and unlinked) between our open and our lock.
            if not _same_file(fd, self.path):
                os.close(fd)
                continue
            _write(fd)
            return fd
        raise self._locked({})

    # ------------------------------------------------------------ O_EXCL and pids

    def _acquire_exclusive(self) -> int:
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = _read_path(self.path)
                if not _stale(holder, self.path):
                    raise self._locked(holder) from None
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
                continue
            _write(fd)
            return fd
        raise self._locked(_read_path(self.path))

    def _locked(self, holder: dict[str, Any]) -> BookLocked:
        pid, host, since = holder.get("pid"), holder.get("host"), holder.get("since")
        who = "open in another Scrutiny Desktop window"
        if pid is not None:
            who += f" (pid {pid} on host {host}"
            if since:
                who += f" since {_clock(since)}"
            who += ")"
        return BookLocked(
            f"{self.book} is {who}; close it there, or open it read-only here",
            pid=pid,
            host=host,
            since=since,
        )


def _clock(since: str) -> str:
    try:
        when = datetime.fromisoformat(since)
    except ValueError:
        return since
    if when.date() == datetime.now().date():
        return when.strftime("%H:%M")
    return when.strftime("%d %b %Y %H:%M")


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), path.stat()
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return None


def _host() -> str:
    """This machine's name, as ``socket.gethostname()`` gives it."""
    if hasattr(os, "uname"):
        # The same name without importing socket (~6 ms of every window start, issue 7).
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _write(fd: int) -> None:
    info = {
        "pid": os.getpid(),
        "host": _host(),
        "since": datetime.now().isoformat(timespec="seconds"),
        "boot": _boot_id(),
        "app": "Scrutiny Desktop",
    }
    data = json.dumps(info).encode()
    # Only the message a second opener sees depends on this (a full disk may refuse it).
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, data, 0)


def _read(fd: int) -> dict[str, Any]:
    try:
        data = os.pread(fd, 4096, 0)
        info = json.loads(data.decode())
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _read_path(path: Path) -> dict[str, Any]:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return {}
    try:
        return _read(fd)
    finally:
        os.close(fd)


def _stale(holder: dict[str, Any], path: Path) -> bool:
    """A lock is stale when its holder is known to be gone: same host, dead pid or reboot.

    A lock file that says nothing readable is stale once it is a minute old (its
    writer would have filled it in within microseconds).
    """
    if not holder:
        try:
            return time.time() - path.stat().st_mtime > 60
        except OSError:
            return True
    if holder.get("host") != _host():
        return False
    boot = _boot_id()
    if boot is not None and holder.get("boot") not in (None, boot):
        return True
    pid = holder.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
