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
    with subprocess.Popen(  # leaving the block closes its pipes and waits for it
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield path, proc
        if proc.poll() is None:
            proc.kill()


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
    with Book.open(path, lock=True):  # taken over, not refused
        assert json.loads(lock_path(path).read_text())["pid"] == os.getpid()


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
    with BookLock(path):  # taken over, not refused
        assert json.loads(lock_path(path).read_text())["pid"] == os.getpid()


def test_book_path_with_spaces_and_accents_locks(tmp_path):
    path: Path = tmp_path / "Réunions du conseil" / "Procès-verbal 2015.sqlite"
    path.parent.mkdir()
    with Book.create(path, lock=True):
        assert lock_path(path).exists()


# ------------------------------------------------------------ links (issue 13, finding 7)


def _symlink(path: Path) -> Path:
    link = path.parent / "shortcut.sqlite"
    link.symlink_to(path)
    return link


def _hard_link(path: Path) -> Path:
    other = path.parent / "same file.sqlite"
    os.link(path, other)
    return other


def _linked_folder(path: Path) -> Path:
    folder = path.parent.parent / "linked folder"
    folder.symlink_to(path.parent)
    return folder / path.name


LINKS = [_symlink, _hard_link, _linked_folder]


@pytest.mark.parametrize("link", LINKS, ids=[f.__name__[1:] for f in LINKS])
def test_another_name_for_a_locked_book_is_refused(holder, link):
    path, _ = holder
    other = link(path)
    with pytest.raises(BookLocked) as caught:
        Book.open(other, lock=True)
    assert str(other) in str(caught.value) and "open it read-only here" in str(caught.value)
    with Book.open(other, read_only=True) as book:  # reading is still allowed
        assert book.meetings() == []


@pytest.mark.parametrize("link", LINKS, ids=[f.__name__[1:] for f in LINKS])
def test_a_book_locked_under_another_name_is_refused_by_its_own(tmp_path, link):
    path = tmp_path / "books" / "book.sqlite"
    path.parent.mkdir()
    Book.create(path).close()
    other = link(path)
    with Book.open(other, lock=True), pytest.raises(BookLocked):
        Book.open(path, lock=True)


def test_a_relative_path_meets_the_same_lock(tmp_path, monkeypatch):
    path = tmp_path / "book.sqlite"
    Book.create(path).close()
    monkeypatch.chdir(tmp_path)
    with Book.open(path, lock=True), pytest.raises(BookLocked):
        Book.open(Path("book.sqlite"), lock=True)


def test_the_lock_file_is_named_after_the_real_book(tmp_path):
    path = tmp_path / "book.sqlite"
    Book.create(path).close()
    link = _symlink(path)
    with Book.open(link, lock=True):
        assert lock_path(link) == lock_path(path) == tmp_path / "book.sqlite.lock"
        assert lock_path(path).exists() and not (tmp_path / "shortcut.sqlite.lock").exists()


HOLD_AND_WORK = """
import sys
from pathlib import Path
from scrutiny_desktop.book import Book, backup
from scrutiny_desktop.domain.model import Meeting
from datetime import date
book = Book.open(sys.argv[1], lock=True)
m = book.add_meeting(Meeting(id=None, title="first", date=date(2026, 1, 1)))
book.can_write(), book.retry(), backup.snapshot(book)
print("ready", flush=True)
sys.stdin.readline()
book.add_meeting(Meeting(id=None, title="second", date=date(2026, 1, 2)))
book.close()
print("closed", flush=True)
"""


def test_the_holders_sqlite_locks_survive_its_own_lock_and_backups(tmp_path):
    """POSIX drops a process's fcntl locks on a file when it closes *any* descriptor of it.

    If the holder ever opened and closed the book file while its connection was open, its
    SQLite shared lock would be gone: another program closing its own connection would
    then think itself the last one and delete the -wal and -shm the holder is using.
    """
    import sqlite3

    path = tmp_path / "book.sqlite"
    Book.create(path).close()
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_AND_WORK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:  # leaving the block closes its pipes and waits
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
            other = sqlite3.connect(path)
            assert other.execute("SELECT title FROM meetings").fetchall() == [("first",)]
            other.close()
            assert Path(f"{path}-wal").exists()  # the holder is still known to be there
            assert proc.stdin is not None
            proc.stdin.write("\n")
            proc.stdin.flush()
            assert proc.stdout.readline().strip() == "closed"
        finally:
            proc.kill()
    with Book.open(path) as book:
        assert [m.title for m in book.meetings()] == ["second", "first"]


def test_carrying_on_in_a_copy_locks_the_copys_own_file(tmp_path):
    path, target = tmp_path / "book.sqlite", tmp_path / "copy.sqlite"
    Book.create(path).close()
    target.write_bytes(b"an older file, replaced by the copy")
    with Book.open(path, lock=True) as book:
        book.save_copy(target, switch=True)
        with pytest.raises(BookLocked):
            Book.open(_hard_link(target), lock=True)
        with Book.open(path, lock=True):  # the old book is free again
            pass


SECOND_OPENS = """
import os, sys
from scrutiny_desktop.book import Book
from scrutiny_desktop.book.errors import BookLocked
book = Book.open(sys.argv[1], lock=True)
with Book.open(sys.argv[1], read_only=True) as reader:   # a second Book on the same file
    reader.meetings()
os.link(sys.argv[1], sys.argv[2])
for name in sys.argv[1:3]:
    try:
        Book.open(name, lock=True)                      # the same file again, two names
    except BookLocked:
        pass
print("ready", flush=True)
sys.stdin.readline()
book.close()
"""


def test_a_second_open_of_the_same_file_in_one_process_keeps_the_first_ones_locks(tmp_path):
    """Reading the header, or trying the file lock, would open and close the book: parked."""
    import sqlite3

    path = tmp_path / "book.sqlite"
    Book.create(path).close()
    with subprocess.Popen(
        [sys.executable, "-c", SECOND_OPENS, str(path), str(tmp_path / "other name.sqlite")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:  # leaving the block closes its pipes and waits
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
            other = sqlite3.connect(path)
            other.execute("SELECT count(*) FROM meetings").fetchall()
            other.close()
            assert Path(f"{path}-wal").exists()  # the first Book's shared lock is still held
        finally:
            proc.kill()
