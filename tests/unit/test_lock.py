"""One writer per book: a second opener is refused with who holds it; a dead holder's lock is taken."""

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book
from scrutiny_desktop.book.errors import BookLocked
from scrutiny_desktop.book.lock import BookLock, lock_path

HOLD = """
import sys
from scrutiny_desktop.book import Book
book = Book.open(sys.argv[1], lock=True)
print("ready", flush=True)
sys.stdin.read()
book.close()
"""


@pytest.fixture
def holder(tmp_path):
    """Another process that has the book open (and locked), until the test ends."""
    path = tmp_path / "book.sqlite"
    Book.create(path).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield path, proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_a_second_instance_is_refused_and_may_read(holder):
    path, proc = holder
    with pytest.raises(BookLocked) as caught:
        Book.open(path, lock=True)
    message = str(caught.value)
    assert "open in another Scrutiny Desktop window" in message
    assert f"(pid {proc.pid} on host {socket.gethostname()} since " in message
    assert "open it read-only here" in message
    assert caught.value.pid == proc.pid
    with Book.open(path, read_only=True) as book:
        assert book.read_only and book.meetings() == []


def test_a_crashed_holders_lock_is_taken_over_without_asking(holder):
    path, proc = holder
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert lock_path(path).exists()  # left behind by the crash
    with Book.open(path, lock=True) as book:
        assert not book.read_only
        info = json.loads(lock_path(path).read_text())
        assert info["pid"] == os.getpid()
    assert not lock_path(path).exists()  # released on close


def test_a_lock_file_naming_a_dead_pid_is_stale(tmp_path):
    path = tmp_path / "book.sqlite"
    Book.create(path).close()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    lock_path(path).write_text(
        json.dumps({"pid": int(dead.stdout), "host": socket.gethostname(), "since": "x"})
    )
    with Book.open(path, lock=True):
        pass


def test_the_same_process_cannot_lock_twice(tmp_path):
    path = tmp_path / "book.sqlite"
    with Book.create(path, lock=True), pytest.raises(BookLocked, match=f"pid {os.getpid()}"):
        Book.open(path, lock=True)
    with Book.open(path, lock=True):  # released by the first close
        pass


def test_read_only_opens_take_no_lock(tmp_path):
    path = tmp_path / "book.sqlite"
    with Book.create(path, lock=True), Book.open(path, read_only=True) as reader:
        assert reader.read_only


def test_without_flock_a_live_pid_holds_and_a_dead_one_does_not(tmp_path, monkeypatch):
    """The O_EXCL fallback, for file systems without flock."""
    import scrutiny_desktop.book.lock as lock_module

    monkeypatch.setattr(lock_module, "fcntl", None)
    path = tmp_path / "book.sqlite"
    live = {"pid": os.getppid(), "host": socket.gethostname(), "since": "2026-01-01T14:02:00"}
    lock_path(path).write_text(json.dumps(live))
    with pytest.raises(BookLocked, match=r"since 01 Jan 2026 14:02\)"):
        BookLock(path).acquire()
    other_host = dict(live, host="another-laptop", pid=999_999_999)
    lock_path(path).write_text(json.dumps(other_host))
    with pytest.raises(BookLocked, match="on host another-laptop"):
        BookLock(path).acquire()
    lock_path(path).write_text(json.dumps(dict(live, pid=999_999_999)))
    with BookLock(path) as lock:
        assert lock.held and json.loads(lock_path(path).read_text())["pid"] == os.getpid()
    assert not lock_path(path).exists()


def test_an_unreadable_lock_file_is_not_a_lock_forever(tmp_path):
    path = tmp_path / "book.sqlite"
    lock_path(path).write_text("")
    old = os.stat(lock_path(path)).st_mtime - 3600
    os.utime(lock_path(path), (old, old))
    with BookLock(path):
        pass


def test_book_path_with_spaces_and_accents_locks(tmp_path):
    path: Path = tmp_path / "Réunions du conseil" / "Procès-verbal 2015.sqlite"
    path.parent.mkdir()
    with Book.create(path, lock=True):
        assert lock_path(path).exists()
