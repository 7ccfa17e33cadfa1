"""One writer per book, whatever it is called: the real file is locked, not its name.

Two locks, both taken by ``acquire`` and both dropped by the kernel when the holder
exits, however it exits (a lock left by a crash is simply not held, and is taken over
without asking or guessing from pids, which get reused):

* **The name lock**, an exclusive ``flock`` on ``<real book>.lock``: the book's path with
  every symbolic link resolved (``files.companions.lock_path``), so a link to the book,
  a linked folder and a relative path all meet it. The file holds the holder's pid,
  host, start time and what it is (the window, or a command such as ``import``), for
  the message a second opener sees.
* **The file lock** (Linux), an open-file-description lock (``F_OFD_SETLK``) on one byte
  of the book file itself, at ``FILE_LOCK_BYTE``, far from the bytes SQLite locks (1 GiB
  and the 511 after it). It belongs to the inode, so a hard link, a bind mount or a
  second drive letter for the same file meets it too, where no name would.

**The POSIX trap.** fcntl record locks belong to a process and a file, and closing
*any* descriptor of that file drops all of them, SQLite's included. In WAL mode every
SQLite connection keeps a shared lock on the book while it is open; without it, another
program closing its connection believes it is the last one and checkpoints and deletes
the -wal and -shm in use (``tests/unit/test_lock.py`` shows the holder keeps it). So:

* the file lock's descriptor is opened once, by ``acquire``, before ``Book.open``
  connects, and given up only by ``release``, which ``Book.close`` calls after closing its
  connection (opening a descriptor drops nothing; closing one does);
* an OFD lock is owned by its open file description, not the process: SQLite closing
  one of its own descriptors does not drop it, and its byte is one SQLite never locks;
* nothing in the book layer opens the book file while this process has a connection
  to it, by construction: ``book/inodes.py`` is the process's table of the book files its
  connections (every ``Book``, a backup's reader) have open. ``check_header`` does not
  reopen a file in it, and a descriptor of such a file that must be given up (a failed
  file lock, ``release`` while a backup still reads) is closed with the last connection,
  as SQLite does with its own. ``files.outputs`` only ``stat``s; backups go through
  SQLite; ``_reconnect`` reads the header of a file at the book's path only when it is
  not the one open.

Elsewhere: without OFD locks (macOS and the BSDs, where ``flock`` on the book itself may
conflict with SQLite's fcntl locks) only the name lock is taken: links and relative
paths are recognised, a hard link is not. Without ``flock`` (Windows, some network
drives) the lock file is created with ``O_EXCL`` and a lock whose pid is dead on this
host (or which was written before this machine last started) is stale.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import struct
import time
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from scrutiny_desktop.book import inodes
from scrutiny_desktop.book.errors import BookError, BookLocked
from scrutiny_desktop.files import companions
from scrutiny_desktop.files.permissions import share_like

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: The byte of the book file the file lock covers (far beyond any byte SQLite locks).
FILE_LOCK_BYTE = 1 << 62
WINDOW = "window"


def lock_path(book: Path) -> Path:
    """``<real book>.lock``: where the name lock and the holder's details live."""
    return companions.lock_path(book)


class BookLock:
    """The lock on one book, held from ``acquire`` until ``release`` (or ``with``).

    ``holder`` says what holds it, for the message another opener sees: ``"window"``,
    or the name of a command (``"import"``).
    """

    def __init__(self, book: Path, *, holder: str = WINDOW) -> None:
        self.book = Path(book)
        self.path = lock_path(self.book)
        self.holder = holder
        self._fd: int | None = None
        self._file_fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> BookLock:
        """Take the lock, or raise BookLocked naming who holds it.

        The file lock needs the book to exist: for a book not yet made, call ``acquire``
        again once it is (``Book.create`` does); the name lock is kept meanwhile.
        """
        took_name = self._fd is None
        if took_name:
            self._fd = self._take_name_lock()
        if self._file_fd is None:
            try:
                self._file_fd = self._take_file_lock()
            except BookLocked:
                if took_name:
                    self.release()
                raise
        if self._fd is not None:
            if took_name:
                _write(self._fd, self.holder)
            share_like(self._fd, self.book)  # readable (and lockable) by whoever may write the book
        return self

    def follow_file(self) -> None:
        """Lock the file now at the book's path (a copy was just written over the old one).

        Raises BookLocked when someone opened the new file first.
        """
        old, self._file_fd = self._file_fd, None
        if old is not None:
            inodes.close_when_unused(old)  # the replaced file
        self._file_fd = self._take_file_lock()

    def release(self) -> None:
        """Drop both locks. Call it only after closing this process's connection to the book."""
        file_fd, self._file_fd = self._file_fd, None
        if file_fd is not None:
            inodes.close_when_unused(file_fd)
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

    def _take_name_lock(self) -> int:
        if fcntl is not None:
            fd = self._acquire_flock()
            if fd is not None:
                return fd
        return self._acquire_exclusive()

    # ------------------------------------------------------------ the file itself

    def _take_file_lock(self) -> int | None:
        """An OFD lock on the book's own inode; None where there is none to take."""
        op = getattr(fcntl, "F_OFD_SETLK", None) if fcntl is not None else None
        if op is None:
            return None
        try:
            # Kept open until release: closing it would drop SQLite's locks (see above).
            fd = os.open(self.book, os.O_RDWR | os.O_CLOEXEC)
        except OSError:
            return None  # not there yet, or not writable: SQLite will say so
        try:
            fcntl.fcntl(fd, op, _flock(fcntl.F_WRLCK, FILE_LOCK_BYTE))
        except OSError as e:
            inodes.close_when_unused(fd)  # another Book of this process may have it open
            if e.errno in (errno.EAGAIN, errno.EACCES):
                raise self._locked_elsewhere() from None
            return None  # a file system without OFD locks: the name lock stands alone
        return fd

    def _locked_elsewhere(self) -> BookLocked:
        return BookLocked(
            f"{self.book} is open in another Scrutiny Desktop window under another name "
            "(a link to the same file); close it there, or open it read-only here",
            pid=None,
            host=None,
            since=None,
            who="another Scrutiny Desktop window, under another name (a link to the same file)",
        )

    # ------------------------------------------------------------ flock

    def _acquire_flock(self) -> int | None:
        """The locked fd; None when this file system has no flock (use O_EXCL then)."""
        assert fcntl is not None
        for _ in range(10):
            fd = _open_lock_file(self.path)
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
            return fd
        raise self._locked({})

    # ------------------------------------------------------------ O_EXCL and pids

    def _acquire_exclusive(self) -> int:
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                holder = _read_path(self.path)
                if not _stale(holder, self.path):
                    raise self._locked(holder) from None
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
                continue
            return fd
        raise self._locked(_read_path(self.path))

    def _locked(self, holder: dict[str, Any]) -> BookLocked:
        pid, host, since = holder.get("pid"), holder.get("host"), holder.get("since")
        by = holder.get("by") or WINDOW
        who = (
            "another Scrutiny Desktop window"
            if by == WINDOW
            else f"the Scrutiny Desktop {by} command"
        )
        if pid is not None:
            who += f" (pid {pid} on host {host}"
            if since:
                who += f" since {_clock(since)}"
            who += ")"
        return BookLocked(
            f"{self.book} is open in {who}; close it there, or open it read-only here",
            pid=pid,
            host=host,
            since=since,
            who=who,
        )


def _open_lock_file(path: Path) -> int:
    """The lock file, made 0600 (``share_like`` then gives it the book's mode and group).

    Read-only when this user may not write it (another member of the book's group left
    it behind): ``flock`` works all the same, only the holder's details stay stale.
    """
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except PermissionError:
        try:
            return os.open(path, os.O_RDONLY)
        except OSError as e:
            raise BookError(f"{path} (the book's lock file) cannot be opened ({e.strerror})") from e


def _flock(kind: int, start: int) -> bytes:
    """A ``struct flock`` for one byte at ``start`` (l_pid 0, as OFD locks require)."""
    packed = struct.pack("@hhqqi", kind, os.SEEK_SET, start, 1, 0)
    return packed + bytes(-len(packed) % 8)  # the C struct's trailing padding


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


def _write(fd: int, by: str) -> None:
    info = {
        "pid": os.getpid(),
        "host": _host(),
        "since": datetime.now().isoformat(timespec="seconds"),
        "boot": _boot_id(),
        "app": "Scrutiny Desktop",
        "by": by,
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
