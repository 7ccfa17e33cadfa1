"""Issue 13, must-show 3: every field any output prints is covered by the fingerprint.

A panel meeting using every part of the record is signed off. Then, for each column of
each table that feeds the minutes, the lock triggers are dropped, one value is changed
behind the application's back, and ``verify`` must fail. The columns left out are listed
with the reason they print nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.export import interchange

PANEL = Path(__file__).resolve().parents[1] / "data" / "panel-meeting.v2.json"

# Columns that print nothing, and why.
NOT_PRINTED = {
    ("meetings", "previous_id"): "which meeting this one followed: not printed",
    ("action_updates", "action_id"): "the link to an unnumbered action; its text is printed",
    ("signed_snapshots", "scheme"): "verify uses the meeting's scheme",
    ("signed_snapshots", "fingerprint"): "a copy kept with the snapshot; the meeting's is checked",
    ("signed_snapshots", "meeting_id"): (
        "only its people print: moved away, the directory's (today the same) print instead, "
        "and any later change to them fails verify"
    ),
    ("series", "year_start_month"): "numbers new actions; printed references are covered",
    ("series", "quorum"): "given to new meetings; each meeting's own quorum is covered",
    ("series", "minute_numbering"): "numbers draft items; printed item numbers are covered",
    ("series", "print_item_times"): "a choice of layout, not content: the times are covered",
    ("series", "first_minute"): "numbers draft items; printed item numbers are covered",
}
# Tables whose every column feeds the printed minutes of a signed-off meeting. (The
# people directory is not here: signed minutes print the people of their snapshot,
# which is; a person's initials are reached through attendance, owners and votes.)
TABLES = (
    "meetings",
    "series",
    "attendance",
    "items",
    "paragraphs",
    "actions",
    "action_owners",
    "action_updates",
    "declarations",
    "resolutions",
    "resolution_votes",
    "audit",
    "signed_snapshots",
)
# What a row's position orders it within.
PARENT = {
    "attendance": "meeting_id",
    "items": "meeting_id",
    "paragraphs": "item_id",
    "actions": "item_id",
    "action_updates": "item_id",
    "declarations": "item_id",
    "resolutions": "item_id",
    "action_owners": "action_id",
    "resolution_votes": "resolution_id",
}
# Another valid value for columns with a CHECK or a foreign key.
CHOICES = {
    "status": ("draft", "open", "to_follow", "completed", "present", "apologies"),
    "kind": ("matter", "next_meeting", "other", "non_registrable"),
    "assurance": ("assured", "not_assured"),
    "vote": ("for", "against", "abstained"),
    "event": ("signed_off", "reopened"),
    "minute_numbering": ("simple", "yearly"),
}


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("coverage") / "panel.sqlite"
    with Book.create(path) as book:
        mid = book.import_minutes(interchange.load(PANEL))
        book.sign_off(mid, "RGH", date(2026, 4, 23), note="agreed with one correction")
        assert book.verify(mid).ok
    return path, mid


def _schema_columns(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return [
            (table, row[1])
            for table in TABLES
            for row in conn.execute(f"PRAGMA table_info({table})")
            if (table, row[1]) not in NOT_PRINTED and row[1] != "id"
        ]
    finally:
        conn.close()


def _mutate(conn: sqlite3.Connection, table: str, column: str, mid: int) -> str:
    """Change one value of ``column`` in a row of the signed meeting; a description."""
    rows = conn.execute(
        f"SELECT rowid, {_quote(column)} FROM {table} WHERE {_of_meeting(table)}", {"m": mid}
    ).fetchall()
    assert rows, f"the signed meeting has no {table} row to change"
    rowid, value = next(((r, v) for r, v in rows if v is not None), rows[0])
    if column == "position":  # a row with siblings, so that moving it changes the order
        parent = PARENT[table]
        rowid, value = conn.execute(
            f"SELECT rowid, position FROM {table} t WHERE {_of_meeting(table)} ORDER BY "
            f"(SELECT count(*) FROM {table} s WHERE s.{parent} = t.{parent}) DESC LIMIT 1",
            {"m": mid},
        ).fetchone()
    for new in _candidates(conn, column, value):
        try:
            conn.execute(f"UPDATE {table} SET {_quote(column)} = ? WHERE rowid = ?", [new, rowid])
        except sqlite3.IntegrityError:  # a choice this table's CHECK does not allow
            continue
        return f"{table}.{column}: {value!r} -> {new!r}"
    raise AssertionError(f"no other valid value for {table}.{column}")


def _quote(column: str) -> str:
    return f'"{column}"'


def _of_meeting(table: str) -> str:
    item = "item_id IN (SELECT id FROM items WHERE meeting_id = :m)"
    return {
        "meetings": "id = :m",
        "series": "id = (SELECT series_id FROM meetings WHERE id = :m)",
        "items": "meeting_id = :m",
        "attendance": "meeting_id = :m",
        "audit": "meeting_id = :m AND id = (SELECT MIN(id) FROM audit WHERE meeting_id = :m)",
        "signed_snapshots": "meeting_id = :m",
        "action_owners": "action_id IN (SELECT a.id FROM actions a JOIN items i "
        "ON i.id = a.item_id WHERE i.meeting_id = :m)",
        "resolution_votes": "resolution_id IN (SELECT r.id FROM resolutions r JOIN items i "
        "ON i.id = r.item_id WHERE i.meeting_id = :m)",
    }.get(table, item)


def _candidates(conn: sqlite3.Connection, column: str, value: object) -> list[object]:
    """Other values for ``column``, the likeliest valid first."""
    if column in CHOICES:
        return [c for c in CHOICES[column] if c != value]
    if column.endswith("_id") or column in ("substitute_for", "arrived_item", "left_item"):
        # Another row of what it points at (a person, an item, an action, a resolution).
        target = {
            "person_id": "people",
            "substitute_for": "people",
            "action_id": "actions",
            "resolution_id": "resolutions",
            "series_id": "series",
            "meeting_id": "meetings",
        }.get(column, "items")
        found = conn.execute(
            f"SELECT id FROM {target} WHERE id IS NOT ? ORDER BY id DESC", [value]
        ).fetchall()
        return [r[0] for r in found] + [9999]
    return [_other(column, value)]


def _other(column: str, value: object) -> object:
    if column == "document":
        assert isinstance(value, str)
        return value.replace("Cllr Raj Patel", "Cllr R Patel")
    if column in ("date", "signed_on", "on_day", "due", "next_date"):
        return "2026-01-01" if value != "2026-01-01" else "2026-01-02"
    if column in ("start", "end", "started", "next_start", "next_end", "arrived_time", "left_time"):
        return "09:59" if value != "09:59" else "09:58"
    if column == "exempt_paragraphs":
        return "2,7"
    if column == "position":
        return 9999  # the row moves to the end
    if isinstance(value, int) or column in (
        "quorum",
        "chair",
        "restricted",
        "heading",
        "bullet",
        "left_room",
        "ref_year",
        "ref_number",
        "vote_for",
        "vote_against",
        "vote_abstained",
        "fingerprint_scheme",
        "year_start_month",
        "print_item_times",
    ):
        if column == "fingerprint_scheme":
            return 1
        if column in ("chair", "restricted", "heading", "bullet", "left_room", "print_item_times"):
            return 0 if value else 1
        return (value or 0) + 1 if column != "year_start_month" else (value % 12) + 1
    return f"{value or ''} (changed)"


def test_every_printed_column_is_checked(signed: tuple[Path, int]) -> None:
    path, _ = signed
    assert len(_schema_columns(path)) > 70


def test_changing_any_printed_column_fails_verify(signed: tuple[Path, int], tmp_path: Path) -> None:
    path, mid = signed
    survived = []
    for table, column in _schema_columns(path):
        copy = tmp_path / f"{table}.{column}.sqlite"
        shutil.copy(path, copy)
        conn = sqlite3.connect(copy)
        for (name,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("PRAGMA foreign_keys = OFF")
        change = _mutate(conn, table, column, mid)
        conn.commit()
        conn.close()
        # Opened for writing, the book restores its locks (so a missing lock is not what
        # fails the check): the fingerprint alone must notice the change.
        with Book.open(copy) as book:
            try:
                result = book.verify(mid)
            except BookError:  # the status was changed: a draft has no sign-off to verify
                continue
        if result.ok:
            survived.append(change)
        copy.unlink()
    assert survived == [], "\n".join(survived)
