"""Backups and copies go through SQLite's backup API: complete, checked, rotated, restorable."""

import shutil
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book, BookError, backup
from scrutiny_desktop.book.errors import DamagedBook
from scrutiny_desktop.domain.model import Meeting, Paragraph


def _book_with_pending_frames(
    path: Path, rows: int = 100, *, commits: bool = True
) -> tuple[Book, int]:
    """A book whose last ``rows`` commits are still only in its -wal."""
    book = Book.create(path)
    book._db.execute("PRAGMA wal_autocheckpoint = 0")
    m = book.add_meeting(Meeting(id=None, title="Scrutiny", date=date(2015, 2, 26)))
    assert m.id is not None
    item = book.add_item(m.id, "Drugs Report")
    assert item.id is not None
    body: list[Paragraph] = []
    for n in range(rows):
        body.append(Paragraph(f"paragraph {n}"))
        if commits:
            book.set_body(item.id, body)  # one commit each
    book.set_body(item.id, body)
    return book, item.id


def _paragraphs(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0])
    finally:
        conn.close()


def test_a_snapshot_holds_every_commit_still_in_the_wal(tmp_path):
    book, _ = _book_with_pending_frames(tmp_path / "Minutes 2015.sqlite")
    plain_copy = tmp_path / "plain copy.sqlite"
    shutil.copyfile(book.path, plain_copy)
    assert _paragraphs(plain_copy) == 0  # the pitfall: a file copy misses the -wal
    snap = backup.snapshot(book)
    assert snap.parent == tmp_path / "Minutes 2015.sqlite backups"
    assert snap.name.startswith("Minutes 2015.sqlite 20") and snap.suffix == ".sqlite"
    assert _paragraphs(snap) == 100
    assert sorted(p.name for p in snap.parent.iterdir()) == [snap.name]  # no temp, no -wal
    book.close()


def test_snapshots_keep_the_last_ten_and_nothing_else_is_touched(tmp_path):
    path = tmp_path / "book.sqlite"
    Book.create(path).close()
    folder = backup.backups_folder(path)
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    start = datetime(2026, 1, 1, 9, 0, 0)
    made = [backup.snapshot(path, now=start + timedelta(minutes=n)) for n in range(12)]
    kept = backup.backups(path)
    assert kept == made[2:]
    assert (folder / "notes.txt").read_text() == "mine"
    same_second = backup.snapshot(path, now=start + timedelta(minutes=11))
    assert same_second.name == "book.sqlite 2026-01-01 09.11.00 (2).sqlite"
    assert backup.backups(path)[-1] == same_second and len(backup.backups(path)) == 10


def test_a_snapshot_runs_on_a_worker_thread_while_the_book_is_written(tmp_path):
    book, item_id = _book_with_pending_frames(tmp_path / "book.sqlite", rows=20)
    result: list[Path | BaseException] = []

    def work() -> None:
        try:
            result.append(backup.snapshot(book))
        except BaseException as e:  # pragma: no cover - reported below
            result.append(e)

    worker = threading.Thread(target=work)
    worker.start()
    book.set_body(item_id, [Paragraph("written meanwhile")])
    worker.join()
    assert isinstance(result[0], Path)
    assert _paragraphs(result[0]) in (1, 20)  # before or after that commit, never between
    book.close()


def test_a_book_restored_from_a_backup_opens_normally(tmp_path, seed_path):
    from scrutiny_desktop.export import interchange

    path = tmp_path / "book.sqlite"
    with Book.create(path) as book:
        meeting_id = book.import_minutes(interchange.load(seed_path))
        snap = backup.snapshot(book)
        expected = book.minutes(meeting_id)
    path.unlink()
    shutil.copyfile(snap, path)  # restoring: the snapshot is a complete book on its own
    with Book.open(path, lock=True) as book:
        assert not book.read_only
        assert book.minutes(meeting_id) == expected
        book.add_item(meeting_id, "added after the restore")


def test_save_a_copy_while_edits_are_pending_holds_every_edit(tmp_path):
    book, item_id = _book_with_pending_frames(tmp_path / "book.sqlite")
    target = tmp_path / "copies" / "copy of book.sqlite"
    target.parent.mkdir()
    target.write_bytes(b"an older copy")
    assert book.save_copy(target) == target
    assert _paragraphs(target) == 100
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    with Book.open(target) as copy:
        assert len(copy.body(item_id)) == 100
    assert book.path == tmp_path / "book.sqlite"  # without switch the book stays put
    with pytest.raises(BookError, match="is the meeting book itself"):
        book.save_copy(book.path)
    book.close()


def test_a_failed_copy_leaves_the_old_target(tmp_path):
    book, _ = _book_with_pending_frames(tmp_path / "book.sqlite", rows=3)
    with pytest.raises(backup.BackupFailed):
        book.save_copy(tmp_path / "no such folder" / "copy.sqlite")
    book.close()


def test_a_damaged_book_fails_its_snapshot_and_the_good_ones_stay(tmp_path):
    path = tmp_path / "book.sqlite"
    book, _ = _book_with_pending_frames(path, rows=300, commits=False)
    good = backup.snapshot(book)
    root = book._db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'paragraphs'")
    page = int(root.fetchone()[0])
    book.close()
    _damage_page(path, page)
    before = path.read_bytes()
    # Open does O(1) checks only (quick_check costs O(size)): this damage is in a data page.
    with (
        Book.open(path) as damaged,
        pytest.raises(DamagedBook, match=r"is damaged .*this copy was not kept"),
    ):
        backup.snapshot(damaged)
    assert backup.backups(path) == [good]
    assert path.read_bytes() == before


def test_a_backups_folder_that_cannot_be_made_is_reported(tmp_path):
    path = tmp_path / "book.sqlite"
    Book.create(path).close()
    backup.backups_folder(path).write_text("a file in the way")
    with pytest.raises(backup.BackupFailed, match=r"no backup of .* was made"):
        backup.snapshot(path)


def test_two_books_with_the_same_stem_keep_their_own_backups(tmp_path):
    """``minutes.sqlite`` and ``minutes.db`` shared one folder and one rotation (issue 13, 8)."""
    start = datetime(2026, 1, 1, 9, 0, 0)
    books = {}
    for name in ("minutes.sqlite", "minutes.db"):
        books[name] = tmp_path / name
        Book.create(books[name]).close()
    mine = [
        backup.snapshot(books["minutes.sqlite"], now=start + timedelta(minutes=n)) for n in range(3)
    ]
    theirs = [
        backup.snapshot(books["minutes.db"], now=start + timedelta(hours=1, minutes=n))
        for n in range(12)
    ]
    assert backup.backups(books["minutes.sqlite"]) == mine
    assert backup.backups(books["minutes.db"]) == theirs[2:]
    assert {p.parent.name for p in mine} == {"minutes.sqlite backups"}
    assert {p.parent.name for p in theirs[2:]} == {"minutes.db backups"}


def test_backups_of_earlier_releases_are_left_as_they_are(tmp_path):
    """The old ``<stem> backups`` folder may hold two books' snapshots: never written or rotated."""
    path = tmp_path / "minutes.sqlite"
    Book.create(path).close()
    old = tmp_path / "minutes backups"
    old.mkdir()
    for n in range(12):
        (old / f"minutes 2020-01-01 09.{n:02d}.00.sqlite").write_bytes(b"an old snapshot %d" % n)
    before = {p.name: p.read_bytes() for p in old.iterdir()}
    start = datetime(2026, 1, 1, 9, 0, 0)
    for n in range(11):
        backup.snapshot(path, now=start + timedelta(minutes=n))
    assert {p.name: p.read_bytes() for p in old.iterdir()} == before
    assert len(backup.backups(path)) == 10
    assert backup.earlier_backups_folder(path) == old


def test_a_book_reached_through_a_link_is_backed_up_beside_the_real_file(tmp_path):
    real = tmp_path / "books" / "minutes.sqlite"
    real.parent.mkdir()
    Book.create(real).close()
    link = tmp_path / "shortcut.sqlite"
    link.symlink_to(real)
    snap = backup.snapshot(link)
    assert snap.parent == real.parent / "minutes.sqlite backups"
    assert backup.backups(link) == backup.backups(real) == [snap]


def _damage_page(path: Path, page: int) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[(page - 1) * size : page * size] = b"\xa5" * size
    path.write_bytes(bytes(data))
