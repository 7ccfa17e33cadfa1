"""The triggers that lock signed-off minutes and keep the search index in step.

``install_triggers`` drops and re-creates every one of them. sqlite-utils' ``transform()``
drops a table's triggers, so every migration that transforms a table must call it at its
end (m002 does; a test checks that after all migrations every trigger is in place).

The lock holds for any connection, including a raw ``sqlite3`` one with
``recursive_triggers`` off: besides UPDATE and DELETE, each table's BEFORE INSERT
trigger refuses a row for a signed-off meeting *and* a row that would replace one of
its rows (``INSERT OR REPLACE`` deletes the old row without firing DELETE triggers).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

# Every lock trigger aborts with a message starting with this, so the book can turn it
# into MeetingLocked; the rest of the message is what a raw SQL user sees.
LOCKED = "locked:"
_MSG = LOCKED + " the minutes are signed off and cannot change; reopen them first"

# How each table reaches its meeting's id, from a row alias (NEW or OLD).
_ITEM_MEETING = "(SELECT meeting_id FROM items WHERE id = {r}.item_id)"
_MEETING_OF: dict[str, str] = {
    "items": "{r}.meeting_id",
    "attendance": "{r}.meeting_id",
    "meeting_people": "{r}.meeting_id",
    "signed_snapshots": "{r}.meeting_id",
    "paragraphs": _ITEM_MEETING,
    "actions": _ITEM_MEETING,
    "action_updates": _ITEM_MEETING,
    "declarations": _ITEM_MEETING,
    "resolutions": _ITEM_MEETING,
    "action_owners": (
        "(SELECT i.meeting_id FROM actions a JOIN items i ON i.id = a.item_id "
        "WHERE a.id = {r}.action_id)"
    ),
    "resolution_votes": (
        "(SELECT i.meeting_id FROM resolutions x JOIN items i ON i.id = x.item_id "
        "WHERE x.id = {r}.resolution_id)"
    ),
}
# Tables with an INTEGER PRIMARY KEY, where INSERT OR REPLACE can hit another meeting's
# row; the others have the meeting in their primary key, so NEW's meeting covers them.
_REPLACEABLE_BY_ID = {
    "items",
    "paragraphs",
    "actions",
    "action_updates",
    "declarations",
    "resolutions",
    "signed_snapshots",
}


def _locked(meeting_expr: str) -> str:
    return f"(SELECT status FROM meetings WHERE id = {meeting_expr}) = 'signed_off'"


def _child_lock_triggers(table: str) -> list[str]:
    new = _locked(_MEETING_OF[table].format(r="NEW"))
    old = _locked(_MEETING_OF[table].format(r="OLD"))
    collide = ""
    if table in _REPLACEABLE_BY_ID:
        occupant = _MEETING_OF[table].format(r="x")
        collide = (
            f" OR EXISTS (SELECT 1 FROM {table} x WHERE x.id = NEW.id AND {_locked(occupant)})"
        )
    raise_ = f"BEGIN SELECT RAISE(ABORT, '{_MSG}'); END"
    return [
        f"CREATE TRIGGER lock_{table}_insert BEFORE INSERT ON {table} WHEN {new}{collide} {raise_}",
        f"CREATE TRIGGER lock_{table}_update BEFORE UPDATE ON {table} WHEN {old} OR {new} {raise_}",
        f"CREATE TRIGGER lock_{table}_delete BEFORE DELETE ON {table} WHEN {old} {raise_}",
    ]


# Columns of a meeting's row other than its status and sign-off: a reopening may not touch them.
_MEETING_CONTENT = (
    "id",
    "series_id",
    "title",
    "date",
    "start",
    '"end"',
    "venue",
    "classification",
    "next_date",
    "next_start",
    "next_end",
    "next_venue",
    "previous_id",
    "quorum",
)


def _meeting_lock_triggers() -> list[str]:
    same = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in _MEETING_CONTENT)
    reopening = (
        "NEW.status = 'draft' AND NEW.signed_by IS NULL AND NEW.signed_on IS NULL "
        "AND NEW.signed_note IS NULL AND NEW.fingerprint IS NULL "
        "AND NEW.fingerprint_scheme IS NULL AND " + same + " AND EXISTS "
        "(SELECT 1 FROM reopenings r WHERE r.meeting_id = OLD.id AND r.applied = 0)"
    )
    return [
        "CREATE TRIGGER lock_meetings_insert BEFORE INSERT ON meetings "
        "WHEN NEW.status = 'signed_off' OR EXISTS "
        "(SELECT 1 FROM meetings x WHERE x.id = NEW.id AND x.status = 'signed_off') "
        f"BEGIN SELECT RAISE(ABORT, '{_MSG}'); END",
        "CREATE TRIGGER lock_meetings_update BEFORE UPDATE ON meetings "
        f"WHEN OLD.status = 'signed_off' AND NOT ({reopening}) "
        f"BEGIN SELECT RAISE(ABORT, '{_MSG}'); END",
        # Signing off happens through the book, which stores the fingerprint and snapshot.
        "CREATE TRIGGER lock_meetings_sign BEFORE UPDATE ON meetings "
        "WHEN OLD.status = 'draft' AND NEW.status = 'signed_off' AND (NEW.signed_by IS NULL "
        "OR NEW.signed_on IS NULL OR NEW.fingerprint IS NULL OR NOT EXISTS "
        "(SELECT 1 FROM signed_snapshots s WHERE s.meeting_id = NEW.id)) "
        f"BEGIN SELECT RAISE(ABORT, '{LOCKED} sign off through the application: "
        "a sign-off needs initials, a date, a fingerprint and a snapshot'); END",
        "CREATE TRIGGER lock_meetings_reopened AFTER UPDATE ON meetings "
        "WHEN OLD.status = 'signed_off' AND NEW.status = 'draft' "
        "BEGIN UPDATE reopenings SET applied = 1 WHERE meeting_id = NEW.id AND applied = 0; END",
        "CREATE TRIGGER lock_meetings_delete BEFORE DELETE ON meetings "
        "WHEN OLD.status = 'signed_off' "
        f"BEGIN SELECT RAISE(ABORT, '{_MSG}'); END",
        "CREATE TRIGGER lock_meetings_audited BEFORE DELETE ON meetings "
        "WHEN EXISTS (SELECT 1 FROM reopenings r WHERE r.meeting_id = OLD.id) "
        "OR EXISTS (SELECT 1 FROM audit a WHERE a.meeting_id = OLD.id) "
        f"BEGIN SELECT RAISE(ABORT, '{LOCKED} these minutes were signed off once "
        "and have an audit trail; they cannot be deleted'); END",
    ]


def _audit_lock_triggers() -> list[str]:
    cols = ("id", "meeting_id", "at", "by", "reason", "old_fingerprint")
    same = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in cols)
    msg = f"{LOCKED} the reopening audit is a record and cannot change"
    return [
        "CREATE TRIGGER lock_reopenings_insert BEFORE INSERT ON reopenings "
        "WHEN EXISTS (SELECT 1 FROM reopenings x WHERE x.id = NEW.id) "
        "OR NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = NEW.meeting_id "
        "AND m.status = 'signed_off') "
        f"BEGIN SELECT RAISE(ABORT, '{msg}; only signed-off minutes can be reopened'); END",
        "CREATE TRIGGER lock_reopenings_update BEFORE UPDATE ON reopenings "
        f"WHEN NOT (OLD.applied = 0 AND NEW.applied = 1 AND {same}) "
        f"BEGIN SELECT RAISE(ABORT, '{msg}'); END",
        "CREATE TRIGGER lock_reopenings_delete BEFORE DELETE ON reopenings "
        f"BEGIN SELECT RAISE(ABORT, '{msg}'); END",
    ]


def _record_lock_triggers() -> list[str]:
    """The audit and the sign-off snapshots are append-only: kept for ever, never changed."""
    out = []
    for table, what in (
        ("audit", "the audit of sign-offs and reopenings"),
        ("signed_snapshots", "the snapshot of a sign-off"),
    ):
        msg = f"{LOCKED} {what} is a record and cannot change"
        out += [
            f"CREATE TRIGGER keep_{table}_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{msg}'); END",
            f"CREATE TRIGGER keep_{table}_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{msg}'); END",
        ]
    out.append(
        "CREATE TRIGGER keep_audit_insert BEFORE INSERT ON audit "
        "WHEN EXISTS (SELECT 1 FROM audit x WHERE x.id = NEW.id) "
        f"BEGIN SELECT RAISE(ABORT, '{LOCKED} the audit of sign-offs and reopenings "
        "is a record and cannot change'); END"
    )
    return out


def _directory_lock_triggers() -> list[str]:
    """People and series are shared, but what a signed-off meeting prints must not move:
    their names may change (the meeting keeps a snapshot), their identity may not."""
    person_used = (
        "EXISTS (SELECT 1 FROM meeting_people mp JOIN meetings m ON m.id = mp.meeting_id "
        "WHERE mp.person_id = {r}.id AND m.status = 'signed_off')"
    )
    series_used = (
        "EXISTS (SELECT 1 FROM meetings m WHERE m.series_id = {r}.id AND m.status = 'signed_off')"
    )
    msg = f"{LOCKED} signed-off minutes name this entry; it cannot be removed or renamed"
    out = []
    for table, used, key in (
        ("people", person_used, "initials"),
        ("series", series_used, "name"),
    ):
        occupant = used.format(r="x")
        out += [
            f"CREATE TRIGGER lock_{table}_insert BEFORE INSERT ON {table} WHEN EXISTS "
            f"(SELECT 1 FROM {table} x WHERE (x.id = NEW.id OR x.{key} = NEW.{key}) AND {occupant}) "
            f"BEGIN SELECT RAISE(ABORT, '{msg}'); END",
            f"CREATE TRIGGER lock_{table}_update BEFORE UPDATE OF id, {key} ON {table} "
            f"WHEN (NEW.id IS NOT OLD.id OR NEW.{key} IS NOT OLD.{key}) AND {used.format(r='OLD')} "
            f"BEGIN SELECT RAISE(ABORT, '{msg}'); END",
            f"CREATE TRIGGER lock_{table}_delete BEFORE DELETE ON {table} "
            f"WHEN {used.format(r='OLD')} BEGIN SELECT RAISE(ABORT, '{msg}'); END",
        ]
    return out


# ---------------------------------------------------------------- search index

# The index's rowid is source id * 8 + kind, so a row is found (and replaced) by rowid.
KIND_MEETING, KIND_ITEM, KIND_PARAGRAPH, KIND_ACTION, KIND_UPDATE = 1, 2, 3, 4, 5
KIND_DECLARATION, KIND_RESOLUTION = 6, 7
_REF_TEXT = "printf('%02d/%02d ', {r}.ref_number, {r}.ref_year)"
_INDEXED: dict[str, tuple[int, str, str]] = {
    # table: (kind, title expression, body expression)
    "meetings": (KIND_MEETING, "{r}.title", "''"),
    "items": (KIND_ITEM, "{r}.title", "''"),
    "paragraphs": (KIND_PARAGRAPH, "''", "{r}.text"),
    "actions": (
        KIND_ACTION,
        "''",
        "COALESCE(" + _REF_TEXT + ", '') || {r}.text",
    ),
    "action_updates": (
        KIND_UPDATE,
        "''",
        "COALESCE(" + _REF_TEXT + ", '') || COALESCE({r}.action_text || ' ', '') "
        "|| replace({r}.status, '_', ' ') || COALESCE(' ' || {r}.note, '')",
    ),
    "declarations": (KIND_DECLARATION, "''", "'declared ' || {r}.interest"),
    "resolutions": (KIND_RESOLUTION, "''", "'RESOLVED ' || {r}.text"),
}


def _search_triggers() -> list[str]:
    out = []
    for table, (kind, title, body) in _INDEXED.items():
        t_new, b_new = title.format(r="NEW"), body.format(r="NEW")
        put = (
            f"DELETE FROM search_index WHERE rowid = NEW.id * 8 + {kind}; "
            f"INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 8 + {kind}, {t_new}, {b_new});"
        )
        drop = f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {kind};"
        out += [
            f"CREATE TRIGGER fts_{table}_insert AFTER INSERT ON {table} BEGIN {put} END",
            f"CREATE TRIGGER fts_{table}_update AFTER UPDATE ON {table} BEGIN {drop} {put} END",
            f"CREATE TRIGGER fts_{table}_delete AFTER DELETE ON {table} BEGIN {drop} END",
        ]
    return out


def _tables(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}


def rebuild_search_index(db: Database) -> None:
    """Fill the search index from scratch (after a migration that creates or changes it).

    An earlier migration calls this before later ones have made every indexed table:
    it indexes the tables there are.
    """
    db.execute("DELETE FROM search_index")
    tables = _tables(db)
    for table, (kind, title, body) in _INDEXED.items():
        if table not in tables:
            continue
        db.execute(
            f"INSERT INTO search_index (rowid, title, body) SELECT r.id * 8 + {kind}, "
            f"{title.format(r='r')}, {body.format(r='r')} FROM {table} r"
        )


def all_trigger_sql() -> list[str]:
    out = (
        _meeting_lock_triggers()
        + _audit_lock_triggers()
        + _record_lock_triggers()
        + _directory_lock_triggers()
    )
    for table in _MEETING_OF:
        out += _child_lock_triggers(table)
    return out + _search_triggers()


def trigger_names() -> set[str]:
    return {sql.split()[2] for sql in all_trigger_sql()}


def drop_triggers(db: Database) -> None:
    """Drop every trigger in the book (ours or not): a migration's first step."""
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'")]
    for name in names:
        db.execute(f'DROP TRIGGER IF EXISTS "{name}"')


def install_triggers(db: Database) -> None:
    """Drop and re-create every lock and search trigger (call after any ``transform()``).

    An earlier migration calls this before later ones have made every table: it puts
    the triggers of the tables there are (the last migration puts them all).
    """
    drop_triggers(db)
    tables = _tables(db)
    for sql in all_trigger_sql():
        if sql.split(" ON ", 1)[1].split()[0] in tables:
            db.execute(sql)


def trigger_problems(conn: sqlite3.Connection) -> str | None:
    """A sentence naming the triggers that were dropped, edited or added outside the
    application (the lock and the search index depend on them); None when all is well."""
    expected = {sql.split()[2]: " ".join(sql.split()) for sql in all_trigger_sql()}
    found = {
        name: " ".join((sql or "").split())
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")
    }
    missing = sorted(set(expected) - set(found))
    changed = sorted(n for n in set(expected) & set(found) if expected[n] != found[n])
    extra = sorted(set(found) - set(expected))
    if not (missing or changed or extra):
        return None
    parts = []
    for label, names in (("missing", missing), ("changed", changed), ("not ours", extra)):
        if names:
            shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
            parts.append(f"{label}: {shown}")
    return (
        "the triggers that lock signed-off minutes were changed outside the application ("
        + "; ".join(parts)
        + ")"
    )
