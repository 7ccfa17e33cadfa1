"""``Book``: the meeting book's API. Every method takes and returns domain objects."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from scrutiny_desktop.book import rows
from scrutiny_desktop.book.errors import BookError, MeetingLocked, NotFound, ReadOnlyBook
from scrutiny_desktop.book.opening import check_header, connect
from scrutiny_desktop.book.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Attendance,
    Item,
    ItemKind,
    Meeting,
    MeetingStatus,
    Minutes,
    Paragraph,
    Person,
)
from scrutiny_desktop.domain.refs import ActionRef, action_year


class Book:
    """One meeting book file. Open with ``Book.open`` or ``Book.create``; close when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._db = Database(conn)

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, read_only: bool = False) -> Book:
        """Open an existing book (or create it when ``create`` and missing).

        Raises a BookError subclass, with the file untouched, for anything that is
        not a book this release can open.
        """
        path = Path(path)
        if not path.exists():
            if not create:
                raise NotFound(f"{path} does not exist")
            return cls.create(path)
        check_header(path)
        try:
            conn = connect(path, read_only=read_only)
            book = cls(path, conn, read_only=read_only)
            if not read_only:
                book._migrate()
            book._db.execute("SELECT count(*) FROM meetings").fetchone()
        except sqlite3.DatabaseError as e:
            raise BookError(f"{path} cannot be opened as a meeting book: {e}") from None
        return book

    @classmethod
    def create(cls, path: Path | str) -> Book:
        """Create a new, empty book at ``path`` (which must not exist)."""
        path = Path(path)
        if path.exists():
            raise BookError(f"{path} already exists; open it instead of creating it")
        conn = connect(path, read_only=False)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        book = cls(path, conn, read_only=False)
        book._migrate()
        return book

    def _migrate(self) -> None:
        MIGRATIONS.apply(self._db)
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self._db.conn.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[Database]:
        """Every write goes through here: one transaction, refused when read-only."""
        if self.read_only:
            raise ReadOnlyBook(f"{self.path} is open read-only; changes cannot be saved")
        with self._db.atomic() as db:
            yield db

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self._db.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def _one(self, sql: str, params: Sequence[Any], what: str) -> dict[str, Any]:
        found = self._q(sql, params)
        if not found:
            raise NotFound(f"no {what}")
        return found[0]

    # ------------------------------------------------------------ people

    def people(self) -> list[Person]:
        """The book's people directory, by initials."""
        return [rows.person(r) for r in self._q("SELECT * FROM people ORDER BY initials")]

    def person(self, initials: str) -> Person | None:
        found = self._q("SELECT * FROM people WHERE initials = ?", [initials])
        return rows.person(found[0]) if found else None

    def save_person(self, person: Person) -> Person:
        """Add a person, or update the one with the same initials."""
        with self._writing():
            self._save_person(person)
        return person

    def _save_person(self, person: Person) -> int:
        row = rows.person_row(person)
        found = self._q("SELECT id FROM people WHERE initials = ?", [person.initials])
        if found:
            self._db.execute(
                "UPDATE people SET name = ?, role = ?, organisation = ?, kind = ? WHERE id = ?",
                [row["name"], row["role"], row["organisation"], row["kind"], found[0]["id"]],
            )
            return int(found[0]["id"])
        return int(self._db["people"].insert(row).last_pk)

    def _person_id(self, initials: str) -> int:
        """The id for ``initials``, adding a bare person (initials only) if unknown."""
        found = self._q("SELECT id FROM people WHERE initials = ?", [initials])
        if found:
            return int(found[0]["id"])
        return int(self._db["people"].insert({"initials": initials, "kind": "person"}).last_pk)

    def _link_person(self, meeting_id: int, person_id: int) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO meeting_people (meeting_id, person_id, position) "
            "SELECT ?, ?, COALESCE(MAX(position) + 1, 0) FROM meeting_people WHERE meeting_id = ?",
            [meeting_id, person_id, meeting_id],
        )

    def link_person(self, meeting_id: int, initials: str) -> None:
        """Name a person in a meeting's minutes without marking them as attending."""
        with self._writing():
            self._check_draft(meeting_id)
            self._link_person(meeting_id, self._person_id(initials))

    # ------------------------------------------------------------ series

    def _series_id(self, name: str | None, *, create: bool) -> int | None:
        if name is None:
            return None
        found = self._q("SELECT id FROM series WHERE name = ?", [name])
        if found:
            return int(found[0]["id"])
        if not create:
            return None
        return int(self._db["series"].insert({"name": name}).last_pk)

    def series_names(self) -> list[str]:
        return [r["name"] for r in self._q("SELECT name FROM series ORDER BY name")]

    def set_series_year_start(self, name: str, month: int) -> None:
        """The month a series' action year starts in (4 for a financial year)."""
        with self._writing():
            sid = self._series_id(name, create=True)
            self._db.execute("UPDATE series SET year_start_month = ? WHERE id = ?", [month, sid])

    # ------------------------------------------------------------ meetings

    def meetings(self) -> list[Meeting]:
        """Every meeting header, newest first."""
        return [
            rows.meeting(r, r["series_name"])
            for r in self._q(
                "SELECT m.*, s.name AS series_name FROM meetings m "
                "LEFT JOIN series s ON s.id = m.series_id ORDER BY m.date DESC, m.id DESC"
            )
        ]

    def meeting(self, meeting_id: int) -> Meeting:
        r = self._one(
            "SELECT m.*, s.name AS series_name FROM meetings m "
            "LEFT JOIN series s ON s.id = m.series_id WHERE m.id = ?",
            [meeting_id],
            f"meeting with id {meeting_id}",
        )
        return rows.meeting(r, r["series_name"])

    def resolve_meeting(self, spec: str) -> int:
        """A meeting id from an id, a date (YYYY-MM-DD, the latest that day) or ``latest``."""
        spec = spec.strip()
        if spec == "latest":
            found = self._q("SELECT id FROM meetings ORDER BY date DESC, id DESC LIMIT 1")
            if not found:
                raise NotFound(f"{self.path} holds no meetings yet")
            return int(found[0]["id"])
        if spec.isdigit():
            return int(self._one("SELECT id FROM meetings WHERE id = ?", [int(spec)],
                                 f"meeting with id {spec}")["id"])
        try:
            day = date.fromisoformat(spec)
        except ValueError:
            raise NotFound(
                f"{spec!r} is not a meeting: give an id, a date (YYYY-MM-DD) or 'latest'"
            ) from None
        return int(self._one(
            "SELECT id FROM meetings WHERE date = ? ORDER BY id DESC LIMIT 1",
            [day.isoformat()], f"meeting on {day.isoformat()}")["id"])

    def add_meeting(self, meeting: Meeting) -> Meeting:
        """Add a draft meeting header; returns it with its id."""
        with self._writing():
            new_id = self._insert_meeting(meeting)
        return self.meeting(new_id)

    def _insert_meeting(self, meeting: Meeting) -> int:
        row = rows.meeting_header_row(meeting)
        row["series_id"] = self._series_id(meeting.series, create=True)
        row["status"] = meeting.status.value
        row.update(rows.sign_off_row(meeting.signed_off))
        return int(self._db["meetings"].insert(row).last_pk)

    def update_meeting(self, meeting: Meeting) -> None:
        """Write a draft meeting's header fields (title, series, date, times, venue, ...)."""
        assert meeting.id is not None
        with self._writing():
            self._check_draft(meeting.id)
            row = rows.meeting_header_row(meeting)
            row["series_id"] = self._series_id(meeting.series, create=True)
            sets = ", ".join(f'"{k}" = ?' for k in row)
            self._db.execute(f"UPDATE meetings SET {sets} WHERE id = ?", [*row.values(), meeting.id])

    def delete_meeting(self, meeting_id: int) -> None:
        with self._writing():
            self._check_draft(meeting_id)
            self._db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])

    def _check_draft(self, meeting_id: int) -> None:
        found = self._q("SELECT status, date FROM meetings WHERE id = ?", [meeting_id])
        if not found:
            raise NotFound(f"no meeting with id {meeting_id}")
        if found[0]["status"] == MeetingStatus.SIGNED_OFF.value:
            raise MeetingLocked(
                f"the minutes of {found[0]['date']} are signed off and cannot change; "
                "reopen them first (with a reason)"
            )

    def _meeting_of_item(self, item_id: int) -> int:
        return int(self._one("SELECT meeting_id FROM items WHERE id = ?", [item_id],
                             f"item with id {item_id}")["meeting_id"])

    def _meeting_of_action(self, action_id: int) -> int:
        return int(self._one(
            "SELECT i.meeting_id FROM actions a JOIN items i ON i.id = a.item_id WHERE a.id = ?",
            [action_id], f"action with id {action_id}")["meeting_id"])

    # ------------------------------------------------------------ whole minutes

    def minutes(self, meeting_id: int) -> Minutes:
        """The whole meeting, as the export and the window read it."""
        meeting = self.meeting(meeting_id)
        people = tuple(
            rows.person(r)
            for r in self._q(
                "SELECT p.* FROM meeting_people mp JOIN people p ON p.id = mp.person_id "
                "WHERE mp.meeting_id = ? ORDER BY mp.position",
                [meeting_id],
            )
        )
        return Minutes(
            meeting=meeting,
            people=people,
            attendance=tuple(self.attendance(meeting_id)),
            items=tuple(self.items(meeting_id, full=True)),
        )

    def import_minutes(self, minutes: Minutes) -> int:
        """Add a whole meeting (from the interchange format) in one transaction; its id.

        People are merged by initials: a name, role or organisation given here
        replaces the directory's; an absent one keeps what the directory has.
        """
        with self._writing():
            meeting_id = self._insert_meeting(minutes.meeting)
            for p in minutes.people:
                old = self.person(p.initials)
                merged = p if old is None else Person(
                    initials=p.initials,
                    name=p.name if p.name is not None else old.name,
                    role=p.role if p.role is not None else old.role,
                    organisation=p.organisation if p.organisation is not None else old.organisation,
                    kind=p.kind,
                )
                self._link_person(meeting_id, self._save_person(merged))
            for pos, a in enumerate(minutes.attendance):
                self._put_attendance(meeting_id, a, pos)
            series_key = self._series_key(meeting_id)
            for pos, item in enumerate(minutes.items):
                item_id = self._insert_item(meeting_id, item, pos)
                self._put_body(item_id, item.body)
                for apos, action in enumerate(item.actions):
                    self._insert_action(item_id, action, apos)
                    if action.ref is not None:
                        self._bump_counter(series_key, action.ref)
                for upos, u in enumerate(item.updates):
                    self._insert_update(item_id, u, upos)
        return meeting_id

    # ------------------------------------------------------------ attendance

    def attendance(self, meeting_id: int) -> list[Attendance]:
        return [
            rows.attendance(r)
            for r in self._q(
                "SELECT a.*, p.initials FROM attendance a JOIN people p ON p.id = a.person_id "
                "WHERE a.meeting_id = ? ORDER BY a.position",
                [meeting_id],
            )
        ]

    def set_attendance(self, meeting_id: int, attendance: Attendance, position: int | None = None) -> None:
        """Add or change one person's attendance (the person is added if unknown)."""
        with self._writing():
            self._check_draft(meeting_id)
            if attendance.chair:
                self._db.execute("UPDATE attendance SET chair = 0 WHERE meeting_id = ?", [meeting_id])
            self._put_attendance(meeting_id, attendance, position)

    def _put_attendance(self, meeting_id: int, a: Attendance, position: int | None) -> None:
        pid = self._person_id(a.initials)
        self._link_person(meeting_id, pid)
        existing = self._q(
            "SELECT position FROM attendance WHERE meeting_id = ? AND person_id = ?", [meeting_id, pid]
        )
        if existing and position is None:
            position = existing[0]["position"]
        if position is None:
            position = self._next_position("attendance", "meeting_id", meeting_id)
        elif not existing:
            self._db.execute(
                "UPDATE attendance SET position = position + 1 WHERE meeting_id = ? AND position >= ?",
                [meeting_id, position],
            )
        self._db.execute(
            "INSERT INTO attendance (meeting_id, person_id, position, status, chair, note) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id, person_id) DO UPDATE SET "
            "status = excluded.status, chair = excluded.chair, note = excluded.note",
            [meeting_id, pid, position, a.status.value, int(a.chair), a.note],
        )

    def remove_attendance(self, meeting_id: int, initials: str) -> int:
        """Take someone off a meeting's attendance; returns their old position (for undo)."""
        with self._writing():
            self._check_draft(meeting_id)
            found = self._q(
                "SELECT a.position, a.person_id FROM attendance a JOIN people p ON p.id = a.person_id "
                "WHERE a.meeting_id = ? AND p.initials = ?",
                [meeting_id, initials],
            )
            if not found:
                raise NotFound(f"{initials} is not in the attendance of meeting {meeting_id}")
            pos = int(found[0]["position"])
            self._db.execute(
                "DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?",
                [meeting_id, found[0]["person_id"]],
            )
            self._db.execute(
                "UPDATE attendance SET position = position - 1 WHERE meeting_id = ? AND position > ?",
                [meeting_id, pos],
            )
        return pos

    def _next_position(self, table: str, parent_col: str, parent_id: int) -> int:
        r = self._db.execute(
            f"SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE {parent_col} = ?", [parent_id]
        ).fetchone()
        return int(r[0])

    # ------------------------------------------------------------ items

    def items(self, meeting_id: int, *, full: bool = False) -> list[Item]:
        """A meeting's items in order; with ``full``, their bodies, actions and updates too."""
        found = self._q("SELECT * FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id])
        if not full:
            return [self._item_head(r) for r in found]
        return [self._item_full(r) for r in found]

    def item(self, item_id: int) -> Item:
        return self._item_full(self._one("SELECT * FROM items WHERE id = ?", [item_id],
                                         f"item with id {item_id}"))

    def _item_head(self, r: dict[str, Any]) -> Item:
        return Item(id=r["id"], number=r["number"], title=r["title"],
                    kind=ItemKind(r["kind"]), restricted=bool(r["restricted"]))

    def _item_full(self, r: dict[str, Any]) -> Item:
        head = self._item_head(r)
        return Item(
            id=head.id, number=head.number, title=head.title, kind=head.kind,
            restricted=head.restricted,
            body=tuple(self.body(r["id"])),
            actions=tuple(self.actions(r["id"])),
            updates=tuple(self.updates(r["id"])),
        )

    def add_item(self, meeting_id: int, title: str, *, kind: ItemKind = ItemKind.MATTER,
                 position: int | None = None) -> Item:
        """A new item at ``position`` (default: the end); items are renumbered 1, 2, 3..."""
        with self._writing():
            self._check_draft(meeting_id)
            if position is None:
                position = self._next_position("items", "meeting_id", meeting_id)
            self._shift("items", "meeting_id", meeting_id, position, +1)
            item_id = self._insert_item(
                meeting_id, Item(id=None, number=str(position + 1), title=title, kind=kind), position
            )
            self._renumber(meeting_id)
        return self.item(item_id)

    def _insert_item(self, meeting_id: int, item: Item, position: int) -> int:
        row = {"meeting_id": meeting_id, "position": position, "number": item.number,
               "title": item.title, "kind": item.kind.value, "restricted": int(item.restricted)}
        if item.id is not None:
            row["id"] = item.id
        return int(self._db["items"].insert(row).last_pk)

    def _shift(self, table: str, parent_col: str, parent_id: int, from_pos: int, by: int) -> None:
        # Two steps through negative positions, so no UNIQUE index could ever trip midway.
        self._db.execute(
            f"UPDATE {table} SET position = -(position + ?) - 1 "
            f"WHERE {parent_col} = ? AND position >= ?", [by, parent_id, from_pos])
        self._db.execute(
            f"UPDATE {table} SET position = -position - 1 WHERE {parent_col} = ? AND position < 0",
            [parent_id])

    def _renumber(self, meeting_id: int) -> None:
        self._db.execute(
            "UPDATE items SET number = CAST(position + 1 AS TEXT) WHERE meeting_id = ?", [meeting_id]
        )

    def update_item(self, item: Item) -> None:
        """Write an item's title, kind and restricted flag."""
        assert item.id is not None
        with self._writing():
            self._check_draft(self._meeting_of_item(item.id))
            self._db.execute(
                "UPDATE items SET title = ?, kind = ?, restricted = ? WHERE id = ?",
                [item.title, item.kind.value, int(item.restricted), item.id],
            )

    def move_item(self, item_id: int, position: int) -> None:
        """Move an item to ``position`` (0-based) and renumber."""
        with self._writing():
            meeting_id = self._meeting_of_item(item_id)
            self._check_draft(meeting_id)
            ids = [r["id"] for r in self._q(
                "SELECT id FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id])]
            ids.remove(item_id)
            ids.insert(max(0, min(position, len(ids))), item_id)
            for pos, iid in enumerate(ids):
                self._db.execute("UPDATE items SET position = ? WHERE id = ?", [pos, iid])
            self._renumber(meeting_id)

    def delete_item(self, item_id: int) -> tuple[int, Item]:
        """Delete an item with everything in it; returns (position, item) for ``restore_item``."""
        with self._writing():
            meeting_id = self._meeting_of_item(item_id)
            self._check_draft(meeting_id)
            item = self.item(item_id)
            pos = int(self._one("SELECT position FROM items WHERE id = ?", [item_id], "item")["position"])
            self._db.execute("DELETE FROM items WHERE id = ?", [item_id])
            self._shift("items", "meeting_id", meeting_id, pos + 1, -1)
            self._renumber(meeting_id)
        return pos, item

    def restore_item(self, meeting_id: int, position: int, item: Item) -> None:
        """Put back a deleted item, with the same ids, references and content."""
        with self._writing():
            self._check_draft(meeting_id)
            self._shift("items", "meeting_id", meeting_id, position, +1)
            item_id = self._insert_item(meeting_id, item, position)
            self._put_body(item_id, item.body)
            for apos, a in enumerate(item.actions):
                self._insert_action(item_id, a, apos)
            for upos, u in enumerate(item.updates):
                self._insert_update(item_id, u, upos)
            self._renumber(meeting_id)

    # ------------------------------------------------------------ body

    def body(self, item_id: int) -> list[Paragraph]:
        return [rows.paragraph(r) for r in self._q(
            "SELECT * FROM paragraphs WHERE item_id = ? ORDER BY position", [item_id])]

    def set_body(self, item_id: int, body: Sequence[Paragraph]) -> None:
        """Replace an item's body (paragraphs and sub-headings) in one transaction."""
        with self._writing():
            self._check_draft(self._meeting_of_item(item_id))
            self._put_body(item_id, body)

    def _put_body(self, item_id: int, body: Sequence[Paragraph]) -> None:
        self._db.execute("DELETE FROM paragraphs WHERE item_id = ?", [item_id])
        self._db.conn.executemany(
            "INSERT INTO paragraphs (item_id, position, text, heading, restricted) VALUES (?, ?, ?, ?, ?)",
            [(item_id, pos, p.text, int(p.heading), int(p.restricted)) for pos, p in enumerate(body)],
        )

    # ------------------------------------------------------------ actions

    def actions(self, item_id: int) -> list[Action]:
        found = self._q("SELECT * FROM actions WHERE item_id = ? ORDER BY position", [item_id])
        owners: dict[int, list[str]] = {r["id"]: [] for r in found}
        if found:
            for r in self._q(
                "SELECT ao.action_id, p.initials FROM action_owners ao JOIN people p ON p.id = ao.person_id "
                "JOIN actions a ON a.id = ao.action_id WHERE a.item_id = ? ORDER BY ao.position",
                [item_id],
            ):
                owners[r["action_id"]].append(r["initials"])
        return [rows.action(r, tuple(owners[r["id"]])) for r in found]

    def action(self, action_id: int) -> Action:
        r = self._one("SELECT * FROM actions WHERE id = ?", [action_id], f"action with id {action_id}")
        owners = tuple(o["initials"] for o in self._q(
            "SELECT p.initials FROM action_owners ao JOIN people p ON p.id = ao.person_id "
            "WHERE ao.action_id = ? ORDER BY ao.position", [action_id]))
        return rows.action(r, owners)

    def add_action(self, item_id: int, action: Action, *, numbered: bool = True,
                   position: int | None = None) -> Action:
        """Add an action to an item; a numbered one gets the series' next reference now.

        The reference is never handed out again, even if this action is deleted.
        """
        with self._writing():
            meeting_id = self._meeting_of_item(item_id)
            self._check_draft(meeting_id)
            ref = None
            if numbered:
                ref = self._next_ref(meeting_id)
                self._bump_counter(self._series_key(meeting_id), ref)
            if position is None:
                position = self._next_position("actions", "item_id", item_id)
            else:
                self._shift("actions", "item_id", item_id, position, +1)
            new = Action(id=None, ref=ref, text=action.text, owners=action.owners, due=action.due,
                         status=action.status, restricted=action.restricted, due_text=action.due_text)
            action_id = self._insert_action(item_id, new, position)
            for initials in action.owners:
                self._link_person(meeting_id, self._person_id(initials))
        return self.action(action_id)

    def _insert_action(self, item_id: int, a: Action, position: int) -> int:
        row = rows.action_row(a)
        row.update(item_id=item_id, position=position,
                   ref_year=a.ref.year if a.ref else None, ref_number=a.ref.number if a.ref else None)
        if a.id is not None:
            row["id"] = a.id
        action_id = int(self._db["actions"].insert(row).last_pk)
        self._put_owners(action_id, a.owners)
        return action_id

    def _put_owners(self, action_id: int, owners: Sequence[str]) -> None:
        self._db.execute("DELETE FROM action_owners WHERE action_id = ?", [action_id])
        for pos, initials in enumerate(dict.fromkeys(owners)):
            self._db.execute(
                "INSERT INTO action_owners (action_id, person_id, position) VALUES (?, ?, ?)",
                [action_id, self._person_id(initials), pos],
            )

    def update_action(self, action: Action) -> None:
        """Write an action's text, owners, due date, status and restricted flag (not its ref)."""
        assert action.id is not None
        with self._writing():
            meeting_id = self._meeting_of_action(action.id)
            self._check_draft(meeting_id)
            row = rows.action_row(action)
            sets = ", ".join(f"{k} = ?" for k in row)
            self._db.execute(f"UPDATE actions SET {sets} WHERE id = ?", [*row.values(), action.id])
            self._put_owners(action.id, action.owners)
            for initials in action.owners:
                self._link_person(meeting_id, self._person_id(initials))

    def delete_action(self, action_id: int) -> tuple[int, int, Action]:
        """Delete an action; returns (item id, position, action) for ``restore_action``."""
        with self._writing():
            self._check_draft(self._meeting_of_action(action_id))
            action = self.action(action_id)
            r = self._one("SELECT item_id, position FROM actions WHERE id = ?", [action_id], "action")
            self._db.execute("DELETE FROM actions WHERE id = ?", [action_id])
            self._shift("actions", "item_id", r["item_id"], r["position"] + 1, -1)
        return int(r["item_id"]), int(r["position"]), action

    def restore_action(self, item_id: int, position: int, action: Action) -> None:
        """Put back a deleted action with its id and reference."""
        with self._writing():
            self._check_draft(self._meeting_of_item(item_id))
            self._shift("actions", "item_id", item_id, position, +1)
            self._insert_action(item_id, action, position)

    def _series_key(self, meeting_id: int) -> int:
        r = self._one("SELECT series_id FROM meetings WHERE id = ?", [meeting_id], "meeting")
        return int(r["series_id"] or 0)

    def _next_ref(self, meeting_id: int) -> ActionRef:
        r = self._one(
            "SELECT m.date, m.series_id, COALESCE(s.year_start_month, 1) AS start_month "
            "FROM meetings m LEFT JOIN series s ON s.id = m.series_id WHERE m.id = ?",
            [meeting_id], "meeting")
        year = action_year(date.fromisoformat(r["date"]), int(r["start_month"]))
        key = int(r["series_id"] or 0)
        counter = self._q("SELECT last_number FROM action_counters WHERE series_key = ? AND ref_year = ?",
                          [key, year])
        used = self._db.execute(
            "SELECT COALESCE(MAX(a.ref_number), 0) FROM actions a JOIN items i ON i.id = a.item_id "
            "JOIN meetings m ON m.id = i.meeting_id WHERE COALESCE(m.series_id, 0) = ? AND a.ref_year = ?",
            [key, year]).fetchone()[0]
        last = max(int(used), int(counter[0]["last_number"]) if counter else 0)
        return ActionRef(year=year, number=last + 1)

    def _bump_counter(self, series_key: int, ref: ActionRef) -> None:
        self._db.execute(
            "INSERT INTO action_counters (series_key, ref_year, last_number) VALUES (?, ?, ?) "
            "ON CONFLICT (series_key, ref_year) DO UPDATE SET "
            "last_number = MAX(last_number, excluded.last_number)",
            [series_key, ref.year, ref.number],
        )

    # ------------------------------------------------------------ matters arising updates

    def updates(self, item_id: int) -> list[ActionUpdate]:
        return [rows.update(r) for r in self._q(
            "SELECT * FROM action_updates WHERE item_id = ? ORDER BY position", [item_id])]

    def add_update(self, item_id: int, update: ActionUpdate, position: int | None = None) -> ActionUpdate:
        """Record progress on an earlier action at this meeting (matters arising)."""
        with self._writing():
            self._check_draft(self._meeting_of_item(item_id))
            if position is None:
                position = self._next_position("action_updates", "item_id", item_id)
            else:
                self._shift("action_updates", "item_id", item_id, position, +1)
            new_id = self._insert_update(item_id, update, position)
        return rows.update(self._one("SELECT * FROM action_updates WHERE id = ?", [new_id], "update"))

    def _insert_update(self, item_id: int, u: ActionUpdate, position: int) -> int:
        row = {"item_id": item_id, "position": position, "ref_year": u.ref.year,
               "ref_number": u.ref.number, "status": u.status.value, "note": u.note}
        if u.id is not None:
            row["id"] = u.id
        return int(self._db["action_updates"].insert(row).last_pk)

    def change_update(self, update: ActionUpdate) -> None:
        """Write an update's reference, status and note."""
        assert update.id is not None
        with self._writing():
            r = self._one("SELECT item_id FROM action_updates WHERE id = ?", [update.id], "update")
            self._check_draft(self._meeting_of_item(int(r["item_id"])))
            self._db.execute(
                "UPDATE action_updates SET ref_year = ?, ref_number = ?, status = ?, note = ? WHERE id = ?",
                [update.ref.year, update.ref.number, update.status.value, update.note, update.id])

    def delete_update(self, update_id: int) -> tuple[int, int, ActionUpdate]:
        """Delete an update; returns (item id, position, update) for ``add_update``."""
        with self._writing():
            r = self._one("SELECT * FROM action_updates WHERE id = ?", [update_id], "update")
            self._check_draft(self._meeting_of_item(int(r["item_id"])))
            self._db.execute("DELETE FROM action_updates WHERE id = ?", [update_id])
            self._shift("action_updates", "item_id", r["item_id"], r["position"] + 1, -1)
        return int(r["item_id"]), int(r["position"]), rows.update(r)
