"""Faults while open: every failed write is WriteFailed, nothing half-written, retry recovers."""

import errno
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book, NotFound
from scrutiny_desktop.book.errors import WriteFailed
from scrutiny_desktop.domain.model import Meeting, Paragraph


def _book(path: Path) -> tuple[Book, int]:
    book = Book.create(path)
    m = book.add_meeting(Meeting(id=None, title="Scrutiny", date=date(2015, 2, 26)))
    assert m.id is not None
    item = book.add_item(m.id, "Drugs Report")
    assert item.id is not None
    book.set_body(item.id, [Paragraph("first")])
    return book, item.id


def _committed_body(path: Path, item_id: int) -> list[str]:
    """What another connection reads from the file: only what was committed."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT text FROM paragraphs WHERE item_id = ? ORDER BY position", [item_id]
        )
        return [r[0] for r in rows]
    finally:
        conn.close()


FAULTS = [
    (sqlite3.OperationalError("database or disk is full"), "disk_full", "the disk is full"),
    (OSError(errno.ENOSPC, "No space left on device"), "disk_full", "the disk is full"),
    (
        sqlite3.OperationalError("attempt to write a readonly database"),
        "read_only",
        "has become read-only",
    ),
    (OSError(errno.EROFS, "Read-only file system"), "read_only", "has become read-only"),
    (sqlite3.OperationalError("disk I/O error"), "io_error", "was it removed?"),
    (OSError(errno.ENODEV, "No such device"), "drive_removed", "the drive holding it was removed"),
    (RuntimeError("boom"), "other", "unexpected error"),
]


@pytest.mark.parametrize(("error", "reason", "phrase"), FAULTS, ids=[f[1] for f in FAULTS])
def test_a_failed_write_is_write_failed_and_writes_nothing(tmp_path, error, reason, phrase):
    book, item_id = _book(tmp_path / "book.sqlite")
    book.fail_next_write(error)
    with pytest.raises(WriteFailed) as caught:
        book.set_body(item_id, [Paragraph("first"), Paragraph("second")])
    failed = caught.value
    assert failed.reason == reason
    assert failed.__cause__ is error
    assert str(book.path) in str(failed)
    assert "can no longer be saved" in str(failed) and phrase in str(failed)
    assert book.fault is failed and not book.can_write()
    # Rolled back: neither this connection nor the file holds any of it.
    assert [p.text for p in book.body(item_id)] == ["first"]
    assert _committed_body(book.path, item_id) == ["first"]
    # The seam fires once; retry proves writing works, and the next write lands.
    assert book.retry() and book.can_write() and book.fault is None
    book.set_body(item_id, [Paragraph("first"), Paragraph("second")])
    assert _committed_body(book.path, item_id) == ["first", "second"]
    book.close()


def test_refusals_are_not_write_failures(seeded_book):
    book, meeting_id = seeded_book
    with pytest.raises(NotFound):
        book.add_item(meeting_id + 1000, "no such meeting")
    assert book.fault is None and book.can_write()


def test_a_real_full_disk_is_write_failed_and_recovers(tmp_path):
    """SQLITE_FULL for real: the connection may not grow the file past its page limit."""
    book, item_id = _book(tmp_path / "book.sqlite")
    pages = book._db.execute("PRAGMA page_count").fetchone()[0]
    book._db.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(WriteFailed, match="the disk is full") as caught:
        book.set_body(item_id, [Paragraph("x" * 100_000)] * 2)
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    assert caught.value.__cause__.sqlite_errorname == "SQLITE_FULL"
    assert _committed_body(book.path, item_id) == ["first"]
    assert not book.can_write()
    book._db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    assert book.retry()
    book.set_body(item_id, [Paragraph("x" * 100_000)] * 2)
    assert _committed_body(book.path, item_id) == ["x" * 100_000] * 2
    book.close()


def test_a_moved_book_is_noticed_before_committing_and_reconnects_when_back(tmp_path):
    path = tmp_path / "book.sqlite"
    book, item_id = _book(path)
    elsewhere = tmp_path / "renamed.sqlite"
    os.rename(path, elsewhere)
    with pytest.raises(WriteFailed, match="the file was moved or renamed") as caught:
        book.set_body(item_id, [Paragraph("lost?")])
    assert caught.value.reason == "moved"
    assert f"it is now at {elsewhere}" in str(caught.value)
    assert not book.can_write() and not book.retry()
    os.rename(elsewhere, path)
    assert not book.can_write()  # still failed until a retry proves otherwise
    assert book.retry() and book.can_write()
    book.set_body(item_id, [Paragraph("back")])
    book.close()
    assert _committed_body(path, item_id) == ["back"]


def test_a_deleted_book_can_still_be_saved_as_a_complete_copy(tmp_path):
    path = tmp_path / "book.sqlite"
    book, item_id = _book(path)
    book.set_body(item_id, [Paragraph("first"), Paragraph("committed before the delete")])
    path.unlink()
    with pytest.raises(WriteFailed, match="the file was deleted") as caught:
        book.set_body(item_id, [Paragraph("typed after")])
    assert caught.value.reason == "deleted" and "save a copy elsewhere" in str(caught.value)
    assert not book.retry() and book.fault is not None and book.fault.reason == "deleted"
    rescue = tmp_path / "rescued" / "book copy.sqlite"
    rescue.parent.mkdir()
    book.save_copy(rescue, switch=True)
    assert book.path == rescue and book.can_write() and book.fault is None
    book.set_body(item_id, [Paragraph("typed after")])
    book.close()
    with Book.open(rescue) as again:
        assert [p.text for p in again.body(item_id)] == ["typed after"]


def test_a_folder_gone_is_named(tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    book, item_id = _book(folder / "book.sqlite")
    os.rename(folder, tmp_path / "renamed folder")
    with pytest.raises(WriteFailed, match="its folder was deleted, renamed or moved"):
        book.set_body(item_id, [Paragraph("x")])
    os.rename(tmp_path / "renamed folder", folder)
    assert book.retry()
    book.close()


def test_another_file_in_its_place_is_not_written(tmp_path):
    path = tmp_path / "book.sqlite"
    book, item_id = _book(path)
    other, _ = _book(tmp_path / "other.sqlite")
    other.close()
    os.rename(path, tmp_path / "mine.sqlite")
    os.rename(tmp_path / "other.sqlite", path)
    before = path.read_bytes()
    with pytest.raises(WriteFailed, match="another file has taken its place"):
        book.set_body(item_id, [Paragraph("x")])
    assert not book.retry() and book.fault is not None and book.fault.reason == "replaced"
    book.close()
    assert path.read_bytes() == before


def test_write_failed_is_a_book_error_with_a_cause_a_window_can_show():
    from scrutiny_desktop.book import BookError

    assert issubclass(WriteFailed, BookError)
