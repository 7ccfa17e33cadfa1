"""Migrations keep the lock and search triggers; a version-1 book migrates with its data."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from scrutiny_desktop.book import Book
from scrutiny_desktop.book.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from scrutiny_desktop.book.triggers import install_triggers, trigger_names
from scrutiny_desktop.domain.model import Status


def test_schema_version_counts_the_migrations():
    assert len(MIGRATIONS._migrations) == SCHEMA_VERSION


def _triggers(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}


def test_a_version_1_book_migrates_with_its_updates_and_gets_an_index(book_path: Path):
    conn = sqlite3.connect(book_path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn)
    MIGRATIONS.apply(db, stop_before="m002_lifecycle")
    conn.execute("PRAGMA user_version = 1")
    conn.executescript(
        """
        INSERT INTO series (id, name) VALUES (1, 'Panel');
        INSERT INTO meetings (id, series_id, title, date) VALUES (1, 1, 'Panel', '2015-02-26');
        INSERT INTO items (id, meeting_id, position, number, title)
            VALUES (1, 1, 0, '1', 'Matters arising');
        INSERT INTO action_updates (id, item_id, position, ref_year, ref_number, status, note)
            VALUES (1, 1, 0, 14, 81, 'to_follow', 'awaiting the capybara report');
        """
    )
    conn.close()
    with Book.open(book_path) as book:
        (u,) = book.items(1, full=True)[0].updates
        assert (str(u.ref), u.status, u.note) == ("81/14", Status.TO_FOLLOW, u.note)
        assert book.search("capybara")[0].kind == "update"
        new = book.new_meeting_after(1, date(2015, 3, 26))
        assert [x.subject for x in book.items(new, full=True)[0].updates] == ["81/14"]
    conn = sqlite3.connect(book_path)
    assert trigger_names() <= _triggers(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("table", ["items", "paragraphs", "actions", "action_updates", "meetings"])
def test_install_triggers_restores_what_transform_drops(seeded_book, table: str):
    book, mid = seeded_book
    book.sign_off(mid, "LW", date(2015, 3, 26))
    path = book.path
    book.close()
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn)
    conn.execute("PRAGMA foreign_keys = OFF")
    # What a later migration might do: rebuild a table (here, only to add an index column).
    db[table].transform(types={"id": int})
    missing = trigger_names() - _triggers(conn)
    assert any(name.startswith((f"lock_{table}_", f"fts_{table}_")) for name in missing)
    install_triggers(db)
    assert trigger_names() <= _triggers(conn)
    with pytest.raises(sqlite3.IntegrityError, match="locked:"):
        conn.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} LIMIT 1)")
    conn.close()
    with Book.open(path) as again:
        assert again.verify(mid).ok and again.search("drugs")


def test_a_version_5_book_numbered_through_the_year_keeps_its_first_minute(book_path: Path):
    conn = sqlite3.connect(book_path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn)
    MIGRATIONS.apply(db, stop_before="m006_first_minute")
    conn.execute("PRAGMA user_version = 5")
    conn.executescript(
        """
        INSERT INTO series (id, name, minute_numbering) VALUES (1, 'Panel', 'yearly');
        INSERT INTO meetings (id, series_id, title, date) VALUES (1, 1, 'Panel', '2026-03-12');
        INSERT INTO items (id, meeting_id, position, number, title)
            VALUES (1, 1, 0, '41/26', 'Apologies'), (2, 1, 1, '42/26', 'Declarations');
        """
    )
    conn.close()
    with Book.open(book_path) as book:
        assert book.series_settings("Panel").first_minute == "41/26"
        book.add_item(1, "Any other business")
        assert [i.number for i in book.items(1)] == ["41/26", "42/26", "43/26"]
