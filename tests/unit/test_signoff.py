"""Sign-off: fingerprint, snapshot, the lock (book API and raw SQL on every table), reopening."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book, BookError, MeetingLocked
from scrutiny_desktop.book.triggers import trigger_names
from scrutiny_desktop.domain.fingerprint import canonical_bytes, fingerprint
from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Attendance,
    AttendanceStatus,
    Item,
    Paragraph,
    Person,
)
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.export import interchange

SIGNED_ON = date(2015, 3, 26)


@pytest.fixture
def signed(seeded_book):  # type: ignore[no-untyped-def]
    """The reference meeting, signed off by LW; yields (book, meeting id)."""
    book, mid = seeded_book
    book.sign_off(mid, "LW", SIGNED_ON)
    return book, mid


def raw(book: Book) -> sqlite3.Connection:
    """A plain sqlite3 connection to the book, recursive triggers off, autocommit."""
    conn = sqlite3.connect(book.path, isolation_level=None)
    assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
    return conn


def test_sign_off_records_initials_date_and_sha256_of_canonical_content(seeded_book):
    book, mid = seeded_book
    m = book.sign_off(mid, "LW", SIGNED_ON, note="agreed at the March meeting")
    assert m.is_signed_off and m.signed_off is not None
    assert (m.signed_off.by, m.signed_off.on) == ("LW", SIGNED_ON)
    minutes = book.minutes(mid)
    digest = hashlib.sha256(canonical_bytes(minutes)).hexdigest()
    assert m.signed_off.fingerprint == f"sha256:{digest}" == fingerprint(minutes)
    assert book.verify(mid).ok


def test_sign_off_needs_initials(seeded_book):
    book, mid = seeded_book
    with pytest.raises(BookError, match="initials"):
        book.sign_off(mid, "  ", SIGNED_ON)
    assert not book.meeting(mid).is_signed_off


def test_signing_twice_is_refused(signed):
    book, mid = signed
    with pytest.raises(MeetingLocked):
        book.sign_off(mid, "SH", SIGNED_ON)


# ---------------------------------------------------------------- the book API refuses


def _api_writes(book: Book, mid: int) -> dict[str, Callable[[], object]]:
    items = book.items(mid, full=True)
    item = items[2]
    assert item.id is not None and item.actions[0].id is not None
    action = item.actions[0]
    update = items[0].updates[0]
    assert update.id is not None and items[0].id is not None
    header = book.meeting(mid)
    return {
        "update_meeting": lambda: book.update_meeting(header),
        "delete_meeting": lambda: book.delete_meeting(mid),
        "add_item": lambda: book.add_item(mid, "AOB"),
        "update_item": lambda: book.update_item(Item(id=item.id, number="3", title="x")),
        "move_item": lambda: book.move_item(item.id, 0),
        "delete_item": lambda: book.delete_item(item.id),
        "set_body": lambda: book.set_body(item.id, [Paragraph("changed")]),
        "add_action": lambda: book.add_action(item.id, Action(id=None, ref=None, text="x")),
        "update_action": lambda: book.update_action(
            Action(id=action.id, ref=action.ref, text="changed")
        ),
        "delete_action": lambda: book.delete_action(action.id),  # type: ignore[arg-type]
        "add_update": lambda: book.add_update(items[0].id, ActionUpdate(None, ActionRef(14, 1))),
        "set_progress": lambda: book.set_progress(update.id, "completed"),  # type: ignore[arg-type]
        "change_update": lambda: book.change_update(ActionUpdate(update.id, update.ref, note="x")),
        "delete_update": lambda: book.delete_update(update.id),  # type: ignore[arg-type]
        "set_attendance": lambda: book.set_attendance(
            mid, Attendance("LW", AttendanceStatus.APOLOGIES)
        ),
        "remove_attendance": lambda: book.remove_attendance(mid, "LW"),
        "link_person": lambda: book.link_person(mid, "ZZ"),
    }


def test_every_book_write_to_a_signed_off_meeting_is_refused(signed):
    book, mid = signed
    before = canonical_bytes(book.minutes(mid))
    for name, write in _api_writes(book, mid).items():
        with pytest.raises(MeetingLocked):
            write()
        assert canonical_bytes(book.minutes(mid)) == before, name
    assert book.verify(mid).ok


def test_a_signed_off_meeting_can_still_have_a_next_meeting(signed):
    book, mid = signed
    new = book.new_meeting_after(mid)
    assert book.meeting(new).date == date(2015, 3, 26)
    assert book.verify(mid).ok


# ---------------------------------------------------------------- raw SQL refuses, table by table

# Statements against the signed-off meeting's rows (ids resolved from the seeded book).
RAW_WRITES = {
    "meetings": [
        "UPDATE meetings SET title = 'x' WHERE id = :mid",
        "UPDATE meetings SET status = 'draft', signed_by = NULL, signed_on = NULL, "
        "signed_note = NULL, fingerprint = NULL WHERE id = :mid",
        "DELETE FROM meetings WHERE id = :mid",
        "INSERT OR REPLACE INTO meetings (id, title, date) VALUES (:mid, 'x', '2015-02-26')",
        "INSERT INTO meetings (id, title, date) VALUES (:mid, 'x', '2015-02-26') "
        "ON CONFLICT (id) DO UPDATE SET title = excluded.title",
        "INSERT INTO meetings (title, date, status) VALUES ('forged', '2015-01-01', 'signed_off')",
    ],
    "items": [
        "UPDATE items SET title = 'x' WHERE id = :item",
        "DELETE FROM items WHERE id = :item",
        "INSERT OR REPLACE INTO items (id, meeting_id, position, number, title) "
        "VALUES (:item, :draft, 0, '1', 'x')",
        "INSERT INTO items (id, meeting_id, position, number, title) "
        "VALUES (:item, :mid, 0, '1', 'x') ON CONFLICT (id) DO UPDATE SET title = 'x'",
        "INSERT INTO items (meeting_id, position, number, title) VALUES (:mid, 99, '99', 'x')",
        "UPDATE items SET meeting_id = :mid WHERE id = :draft_item",
    ],
    "paragraphs": [
        "UPDATE paragraphs SET text = 'x' WHERE id = :para",
        "DELETE FROM paragraphs WHERE id = :para",
        "INSERT OR REPLACE INTO paragraphs (id, item_id, position, text) "
        "VALUES (:para, :draft_item, 0, 'x')",
        "INSERT INTO paragraphs (id, item_id, position, text) VALUES (:para, :item, 0, 'x') "
        "ON CONFLICT (id) DO UPDATE SET text = 'x'",
        "INSERT INTO paragraphs (item_id, position, text) VALUES (:item, 99, 'x')",
    ],
    "actions": [
        "UPDATE actions SET text = 'x' WHERE id = :action",
        "DELETE FROM actions WHERE id = :action",
        "INSERT OR REPLACE INTO actions (id, item_id, position, text) "
        "VALUES (:action, :draft_item, 0, 'x')",
        "INSERT INTO actions (id, item_id, position, text) VALUES (:action, :item, 0, 'x') "
        "ON CONFLICT (id) DO UPDATE SET text = 'x'",
        "INSERT INTO actions (item_id, position, text) VALUES (:item, 99, 'x')",
    ],
    "action_owners": [
        "UPDATE action_owners SET position = 5 WHERE action_id = :action",
        "DELETE FROM action_owners WHERE action_id = :action",
        "INSERT OR REPLACE INTO action_owners (action_id, person_id, position) "
        "VALUES (:action, :person, 0)",
        "INSERT INTO action_owners (action_id, person_id, position) VALUES (:action, :owner, 0) "
        "ON CONFLICT DO UPDATE SET position = 7",
    ],
    "action_updates": [
        "UPDATE action_updates SET status = 'closed' WHERE id = :update",
        "DELETE FROM action_updates WHERE id = :update",
        "INSERT OR REPLACE INTO action_updates (id, item_id, position, ref_year, ref_number, "
        "status) VALUES (:update, :draft_item, 0, 14, 1, 'open')",
        "INSERT INTO action_updates (id, item_id, position, ref_year, ref_number, status) "
        "VALUES (:update, :item1, 0, 14, 1, 'open') ON CONFLICT (id) DO UPDATE SET note = 'x'",
        "INSERT INTO action_updates (item_id, position, ref_year, ref_number, status) "
        "VALUES (:item1, 99, 14, 1, 'open')",
    ],
    "attendance": [
        "UPDATE attendance SET status = 'absent' WHERE meeting_id = :mid",
        "DELETE FROM attendance WHERE meeting_id = :mid",
        "INSERT OR REPLACE INTO attendance (meeting_id, person_id, position, status) "
        "VALUES (:mid, :person, 0, 'absent')",
        "INSERT INTO attendance (meeting_id, person_id, position, status) "
        "VALUES (:mid, :person, 0, 'absent') ON CONFLICT DO UPDATE SET status = 'absent'",
    ],
    "meeting_people": [
        "UPDATE meeting_people SET position = position + 100 WHERE meeting_id = :mid",
        "DELETE FROM meeting_people WHERE meeting_id = :mid",
        "INSERT OR REPLACE INTO meeting_people (meeting_id, person_id, position) "
        "VALUES (:mid, :person, 0)",
        "INSERT INTO meeting_people (meeting_id, person_id, position) VALUES (:mid, :person, 0) "
        "ON CONFLICT DO UPDATE SET position = 9",
        "INSERT INTO meeting_people (meeting_id, person_id, position) VALUES (:mid, :stranger, 50)",
    ],
    "signed_snapshots": [
        "UPDATE signed_snapshots SET document = '{}' WHERE meeting_id = :mid",
        "DELETE FROM signed_snapshots WHERE meeting_id = :mid",
        "INSERT OR REPLACE INTO signed_snapshots (meeting_id, document) VALUES (:mid, '{}')",
    ],
    "people": [
        "UPDATE people SET initials = 'XX' WHERE id = :person",
        "DELETE FROM people WHERE id = :person",
        "INSERT OR REPLACE INTO people (initials, name) VALUES ('LW', 'Someone Else')",
        "INSERT OR REPLACE INTO people (id, initials) VALUES (:person, 'QQ')",
    ],
    "series": [
        "UPDATE series SET name = 'Renamed' WHERE id = :series",
        "DELETE FROM series WHERE id = :series",
        "INSERT OR REPLACE INTO series (name) VALUES ('Force Performance Scrutiny')",
    ],
}


def _ids(book: Book, mid: int) -> dict[str, int]:
    draft = book.add_meeting(book.meeting(mid).__class__(id=None, title="Draft", date=SIGNED_ON))
    assert draft.id is not None
    draft_item = book.add_item(draft.id, "Draft item").id
    book.save_person(Person("ZZ", "A Stranger"))
    c = raw(book)

    def one(sql: str, *args: object) -> int:
        return int(c.execute(sql, args).fetchone()[0])

    item = one("SELECT id FROM items WHERE meeting_id = ? AND position = 2", mid)
    action = one("SELECT id FROM actions WHERE item_id = ? ORDER BY position LIMIT 1", item)
    ids = {
        "mid": mid,
        "draft": draft.id,
        "draft_item": draft_item,
        "item": item,
        "item1": one("SELECT id FROM items WHERE meeting_id = ? AND position = 0", mid),
        "para": one("SELECT id FROM paragraphs WHERE item_id = ? LIMIT 1", item),
        "action": action,
        "owner": one("SELECT person_id FROM action_owners WHERE action_id = ?", action),
        "update": one("SELECT MIN(id) FROM action_updates"),
        "person": one("SELECT id FROM people WHERE initials = 'LW'"),
        "stranger": one("SELECT id FROM people WHERE initials = 'ZZ'"),
        "series": one("SELECT series_id FROM meetings WHERE id = ?", mid),
    }
    c.close()
    return ids


def _dump(conn: sqlite3.Connection) -> list[object]:
    tables = [*RAW_WRITES, "reopenings"]
    return [conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables]


@pytest.mark.parametrize(
    ("table", "n"), [(t, n) for t, stmts in RAW_WRITES.items() for n in range(len(stmts))]
)
def test_raw_sql_cannot_change_a_signed_off_meeting(signed, table: str, n: int):
    book, mid = signed
    ids = _ids(book, mid)
    conn = raw(book)
    conn.execute("PRAGMA foreign_keys = OFF")  # the worst case: nothing but the triggers
    before = _dump(conn)
    sql = RAW_WRITES[table][n]
    with pytest.raises(sqlite3.IntegrityError, match="locked:"):
        conn.execute(sql, {k: v for k, v in ids.items() if f":{k}" in sql})
    assert _dump(conn) == before
    conn.close()
    assert book.verify(mid).ok


def test_directory_names_may_change_without_moving_signed_minutes(signed):
    book, mid = signed
    print_before = book.meeting(mid).signed_off.fingerprint  # type: ignore[union-attr]
    people_before = book.minutes(mid).people
    book.save_person(Person("LW", "Lindsay Renamed", role="Someone else entirely"))
    conn = raw(book)
    conn.execute("UPDATE people SET organisation = 'Elsewhere' WHERE initials = 'SH'")
    conn.close()
    assert book.minutes(mid).people == people_before
    assert book.meeting(mid).signed_off.fingerprint == print_before  # type: ignore[union-attr]
    assert book.verify(mid).ok
    assert book.person("LW").name == "Lindsay Renamed"  # type: ignore[union-attr]


def test_draft_meetings_stay_writable_by_raw_sql(signed):
    book, mid = signed
    ids = _ids(book, mid)
    conn = raw(book)
    conn.execute("UPDATE items SET title = 'fine' WHERE id = ?", [ids["draft_item"]])
    conn.execute(
        "INSERT OR REPLACE INTO items (id, meeting_id, position, number, title) "
        "VALUES (?, ?, 0, '1', 'replaced')",
        [ids["draft_item"], ids["draft"]],
    )
    assert conn.execute("SELECT title FROM items WHERE id = ?", [ids["draft_item"]]).fetchone()
    conn.close()


def test_all_triggers_exist_after_migrations(book_path: Path):
    Book.create(book_path).close()
    conn = sqlite3.connect(book_path)
    found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert trigger_names() <= found


# ---------------------------------------------------------------- verify


def test_verify_detects_a_change_made_after_dropping_the_triggers(signed):
    book, mid = signed
    conn = raw(book)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(
        "UPDATE paragraphs SET text = 'The minutes were NOT agreed.' WHERE item_id = "
        "(SELECT id FROM items WHERE meeting_id = ? AND position = 1)",
        [mid],
    )
    conn.close()
    result = book.verify(mid)
    assert not result.ok
    assert "changed outside the application" in result.message
    assert "items[1].body[0]" in result.message


def test_verify_refuses_a_draft(seeded_book):
    book, mid = seeded_book
    with pytest.raises(BookError, match="draft"):
        book.verify(mid)


# ---------------------------------------------------------------- reopening


def test_reopen_is_audited_and_unlocks(signed):
    book, mid = signed
    old = book.meeting(mid).signed_off
    at = datetime(2015, 4, 1, 10, 30, tzinfo=UTC)
    m = book.reopen(mid, "Item 3 misquoted the DHR figures", by="TB", at=at)
    assert not m.is_signed_off and m.signed_off is None
    (r,) = book.reopenings(mid)
    assert (r.by, r.reason, r.at) == ("TB", "Item 3 misquoted the DHR figures", at)
    assert r.old_fingerprint == old.fingerprint  # type: ignore[union-attr]
    assert (r.old_signed_by, r.old_signed_on) == ("LW", SIGNED_ON)
    book.add_item(mid, "Correction")  # a draft again
    again = book.sign_off(mid, "LW", date(2015, 4, 30))
    assert again.signed_off.fingerprint != old.fingerprint  # type: ignore[union-attr]
    assert len(book.reopenings(mid)) == 1 and book.verify(mid).ok


def test_reopen_needs_a_reason_and_a_signed_off_meeting(seeded_book):
    book, mid = seeded_book
    with pytest.raises(BookError, match="not signed off"):
        book.reopen(mid, "why not", by="TB")
    book.sign_off(mid, "LW", SIGNED_ON)
    with pytest.raises(BookError, match="reason"):
        book.reopen(mid, "   ", by="TB")
    assert book.meeting(mid).is_signed_off


def test_the_audit_cannot_be_rewritten_or_a_reopened_meeting_deleted(signed):
    book, mid = signed
    book.reopen(mid, "typo", by="TB")
    conn = raw(book)
    for sql in (
        "UPDATE reopenings SET reason = 'nothing'",
        "DELETE FROM reopenings",
        "INSERT OR REPLACE INTO reopenings (id, meeting_id, at, by, reason) "
        "SELECT id, meeting_id, at, by, 'x' FROM reopenings",
        f"DELETE FROM meetings WHERE id = {mid}",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="locked:"):
            conn.execute(sql)
    conn.close()
    with pytest.raises(MeetingLocked):
        book.delete_meeting(mid)


def test_import_of_signed_off_minutes_signs_them_off_with_the_same_fingerprint(
    signed, tmp_path: Path
):
    book, mid = signed
    doc = interchange.dumps(book.minutes(mid))
    with Book.create(tmp_path / "other.sqlite") as other:
        new = other.import_minutes(interchange.loads(doc))
        assert other.meeting(new).signed_off.fingerprint == (  # type: ignore[union-attr]
            book.meeting(mid).signed_off.fingerprint  # type: ignore[union-attr]
        )
        assert other.verify(new).ok
        with pytest.raises(MeetingLocked):
            other.add_item(new, "x")
