"""Files that are not books we can open are refused clearly and left byte-for-byte unchanged."""

import sqlite3
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book, NewerSchema, NotABook
from scrutiny_desktop.book.schema import SCHEMA_VERSION


def _text_file(p: Path) -> None:
    p.write_text("Minutes of the meeting\n")


def _empty_file(p: Path) -> None:
    p.write_bytes(b"")


def _pdf(p: Path) -> None:
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n")


def _foreign_sqlite(p: Path) -> None:
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada')")
    conn.commit()
    conn.close()


def _newer_book(p: Path) -> None:
    Book.create(p).close()
    conn = sqlite3.connect(p)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _truncated_header(p: Path) -> None:
    p.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")


CASES = [
    (_text_file, NotABook, "is not a meeting book (not a database)"),
    (_empty_file, NotABook, "is an empty file, not a meeting book"),
    (_pdf, NotABook, "is not a meeting book (a PDF)"),
    (_foreign_sqlite, NotABook, "is an SQLite database of another program"),
    (_newer_book, NewerSchema, "written by a newer version of Scrutiny Desktop"),
    (_truncated_header, NotABook, "truncated"),
]


@pytest.mark.parametrize(("make", "error", "message"), CASES, ids=[c[0].__name__ for c in CASES])
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_refused_with_a_clear_message_and_left_unchanged(tmp_path, make, error, message, read_only):
    path = tmp_path / "book.sqlite"
    make(path)
    before = path.read_bytes()
    siblings = sorted(tmp_path.iterdir())
    with pytest.raises(error) as caught:
        Book.open(path, read_only=read_only)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == siblings  # no journal or WAL left beside it


def test_a_folder_is_not_a_book(tmp_path):
    with pytest.raises(NotABook, match="is a folder"):
        Book.open(tmp_path)
