"""Damaged, read-only and oddly named books: refused or opened read-only, never changed.

Tests run as root here, and root ignores permission bits: the book honours the bits
itself (a file marked read-only opens read-only for everyone), and where the kernel can
really refuse root (``chattr +i``, a read-only mount) that is tested too, when possible.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book, ReadOnlyBook, backup
from scrutiny_desktop.book.errors import DamagedBook
from scrutiny_desktop.domain.model import Meeting, Paragraph


def _book(path: Path, paragraphs: int = 50) -> int:
    with Book.create(path) as book:
        m = book.add_meeting(Meeting(id=None, title="Scrutiny", date=date(2015, 2, 26)))
        assert m.id is not None
        item = book.add_item(m.id, "Drugs Report")
        assert item.id is not None
        book.set_body(item.id, [Paragraph(f"paragraph {n} " * 20) for n in range(paragraphs)])
        return item.id


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    path.write_bytes(data[: len(data) - 3 * page])


def _cut_mid_page(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 1000])


def _damage_schema_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[100:page] = b"\xa5" * (page - 100)
    path.write_bytes(bytes(data))


DAMAGE = [
    (_truncate, "the file is truncated"),
    (_cut_mid_page, "the file is truncated"),
    (_damage_schema_page, "is a damaged meeting book (database disk image is malformed)"),
]


@pytest.mark.parametrize(("damage", "phrase"), DAMAGE, ids=[d[0].__name__ for d in DAMAGE])
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_a_damaged_book_is_refused_and_left_as_it_is(tmp_path, damage, phrase, read_only):
    path = tmp_path / "book.sqlite"
    _book(path)
    damage(path)
    before = _state(tmp_path)
    with pytest.raises(DamagedBook) as caught:
        Book.open(path, read_only=read_only, lock=not read_only)
    assert phrase in str(caught.value) and str(path) in str(caught.value)
    assert "restore it from a backup" in str(caught.value)
    assert _state(tmp_path) == before  # byte for byte, and no -wal, -shm or lock beside it


def test_a_just_created_book_is_recognised_while_still_open(tmp_path):
    """Page 1 (application id, version) is checkpointed into the file at creation."""
    path = tmp_path / "book.sqlite"
    with Book.create(path), Book.open(path, read_only=True) as again:
        assert again.meetings() == []


def test_a_book_left_by_a_crash_opens_with_every_commit(tmp_path):
    path = tmp_path / "book.sqlite"
    Book.create(path).close()
    crash = (
        "import os, sys\n"
        "from scrutiny_desktop.book import Book\n"
        "from scrutiny_desktop.domain.model import Meeting\n"
        "from datetime import date\n"
        "book = Book.open(sys.argv[1], lock=True)\n"
        "for n in range(30):\n"
        "    book.add_meeting(Meeting(id=None, title=f'm{n}', date=date(2015, 1, 1)))\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", crash, str(path)], check=False)
    assert Path(f"{path}-wal").stat().st_size > 0
    with Book.open(path, lock=True) as book:
        assert len(book.meetings()) == 30
        assert book._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_marked_read_only_opens_read_only_even_for_root(tmp_path):
    path = tmp_path / "book.sqlite"
    item_id = _book(path)
    path.chmod(0o444)
    before = _state(tmp_path)
    with Book.open(path, lock=True) as book:
        assert book.read_only and book.read_only_reason == "the file is read-only"
        assert len(book.body(item_id)) == 50
        with pytest.raises(ReadOnlyBook, match=r"is open read-only \(the file is read-only\)"):
            book.set_body(item_id, [])
        assert not book.can_write() and not book.retry()
    assert _state(tmp_path) == before


def test_a_book_in_a_read_only_folder_opens_read_only(tmp_path):
    folder = tmp_path / "shared minutes"
    folder.mkdir()
    path = folder / "book.sqlite"
    item_id = _book(path)
    folder.chmod(0o555)
    try:
        before = _state(folder)
        with Book.open(path) as book:
            assert book.read_only and book.read_only_reason == "its folder is read-only"
            assert len(book.body(item_id)) == 50
        assert _state(folder) == before
    finally:
        folder.chmod(0o755)


def test_a_read_only_folder_with_a_live_wal_is_read_through_it(tmp_path):
    """Another writer has it open: read-only, and its -wal commits are seen (no immutable)."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    path = folder / "book.sqlite"
    item_id = _book(path)
    with Book.open(path, lock=True) as writer:
        writer.set_body(item_id, [Paragraph("only in the wal")])
        folder.chmod(0o555)
        try:
            with Book.open(path) as reader:
                assert reader.read_only
                assert [p.text for p in reader.body(item_id)] == ["only in the wal"]
        finally:
            folder.chmod(0o755)


def _chattr(flag: str, path: Path) -> bool:
    done = subprocess.run(["chattr", flag, str(path)], capture_output=True)
    return done.returncode == 0


def test_an_immutable_file_is_read_only_for_real(tmp_path):
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    path = tmp_path / "book.sqlite"
    item_id = _book(path)
    if not _chattr("+i", path):
        pytest.skip("this file system or user cannot set the immutable attribute")
    try:
        before = _state(tmp_path)
        with Book.open(path) as book:
            assert book.read_only and book.read_only_reason == "the file is read-only"
            assert len(book.body(item_id)) == 50
        assert _state(tmp_path) == before
    finally:
        _chattr("-i", path)


@pytest.fixture
def drive(tmp_path):
    """A real 8 MB drive (tmpfs), when this user may mount one; else the test is skipped."""
    mount = tmp_path / "drive"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a test drive needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a test drive here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_book_on_a_read_only_drive_opens_read_only(drive):
    path = drive / "book.sqlite"
    item_id = _book(path)
    subprocess.run(["mount", "-o", "remount,ro", str(drive)], check=True)
    with Book.open(path, lock=True) as book:
        assert book.read_only and book.read_only_reason == "it is on a read-only drive"
        assert len(book.body(item_id)) == 50


def test_a_real_full_drive_fails_the_write_and_recovers_when_space_is_freed(drive):
    from scrutiny_desktop.book.errors import WriteFailed

    path = drive / "book.sqlite"
    item_id = _book(path)
    filler = drive / "filler"
    with Book.open(path, lock=True) as book:
        with filler.open("wb") as f, pytest.raises(OSError):  # the drive fills up
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        with pytest.raises(WriteFailed, match="the disk is full") as caught:
            book.set_body(item_id, [Paragraph("x" * 100_000)] * 10)
        assert caught.value.reason == "disk_full"
        assert len(book.body(item_id)) == 50
        filler.unlink()
        assert book.retry()
        book.set_body(item_id, [Paragraph("x" * 100_000)] * 10)
    with Book.open(path) as book:
        assert [len(p.text) for p in book.body(item_id)] == [100_000] * 10


def test_a_removed_drive_is_named(drive, tmp_path):
    from scrutiny_desktop.book.errors import WriteFailed

    path = drive / "book.sqlite"
    item_id = _book(path)
    book = Book.open(path)
    subprocess.run(["umount", "-l", str(drive)], check=True)  # the stick is pulled
    with pytest.raises(WriteFailed, match="the drive holding it was removed"):
        book.set_body(item_id, [Paragraph("typed after")])
    assert not book.retry()
    rescue = tmp_path / "rescued.sqlite"
    book.save_copy(rescue)  # (a lazily unmounted tmpfs still answers its open files)
    book.close()
    with Book.open(rescue) as copy:
        assert len(copy.body(item_id)) == 50


NAMES = [
    "Réunions du conseil/Procès-verbal 2015 – ŵ ŷ ąęśż.sqlite",
    "with spaces/minutes book #1?.sqlite",
    "日本語 フォルダ/議事録.sqlite",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_book_on_a_path_with_accents_and_spaces_opens_normally(tmp_path, name):
    path = tmp_path / name
    path.parent.mkdir()
    item_id = _book(path)
    with Book.open(path, lock=True) as book:
        assert not book.read_only
        book.set_body(item_id, [Paragraph("ŵ")])
        snap = backup.snapshot(book)
    with Book.open(path, read_only=True) as book:  # the URI form of the path
        assert [p.text for p in book.body(item_id)] == ["ŵ"]
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([path.name, snap.parent.name])
    path.chmod(0o444)  # and the immutable URI form
    with Book.open(path) as book:
        assert book.read_only and [p.text for p in book.body(item_id)] == ["ŵ"]


def test_a_read_only_open_leaves_nothing_beside_the_book(tmp_path):
    path = tmp_path / "book.sqlite"
    _book(path)
    before = _state(tmp_path)
    with Book.open(path, read_only=True) as book:
        assert book.read_only_reason == "opened read-only as asked"
    assert _state(tmp_path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_book_read_through_a_link_leaves_nothing_beside_the_real_file(tmp_path):
    """SQLite keeps -wal and -shm beside the real file: that is where they are tidied."""
    real = tmp_path / "books" / "book.sqlite"
    real.parent.mkdir()
    _book(real)
    link = tmp_path / "shortcut.sqlite"
    link.symlink_to(real)
    before = _state(real.parent)
    with Book.open(link, read_only=True) as book:
        assert len(book.meetings()) == 1
    backup.snapshot(link)
    assert _state(real.parent) == before
