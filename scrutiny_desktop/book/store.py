"""``Book``: the meeting book's API. Every method takes and returns domain objects."""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from dataclasses import replace
from datetime import date
from pathlib import Path

from scrutiny_desktop.book import rows
from scrutiny_desktop.book.errors import BookError, NotFound
from scrutiny_desktop.book.lifecycle import LifecycleStore
from scrutiny_desktop.book.lock import BookLock
from scrutiny_desktop.book.opening import (
    check_header,
    connect,
    read_mode,
    tidy_sidecars,
    unopenable,
    unwritable_reason,
)
from scrutiny_desktop.book.search import SearchStore
from scrutiny_desktop.book.version import APPLICATION_ID, MIGRATION_SET, SCHEMA_VERSION
from scrutiny_desktop.domain.model import (
    Attendance,
    Meeting,
    MeetingListing,
    MeetingStatus,
    Minutes,
    Person,
)


class Book(LifecycleStore, SearchStore):
    """One meeting book file. Open with ``Book.open`` or ``Book.create``; close when done."""

    # ------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        read_only: bool = False,
        lock: bool = False,
    ) -> Book:
        """Open an existing book (or create it when ``create`` and missing).

        Raises a BookError subclass, with the file untouched, for anything that is
        not a book this release can open. A book that cannot be written (read-only
        file, folder or drive) opens read-only, saying why in ``read_only_reason``.
        With ``lock`` (the window's way), a book open for writing elsewhere raises
        ``BookLocked``; the caller may then open it with ``read_only=True``.
        """
        path = Path(path)
        if not path.exists():
            if not create:
                raise NotFound(f"{path} does not exist")
            return cls.create(path, lock=lock)
        check_header(path)
        unwritable = unwritable_reason(path)
        reason = "opened read-only as asked" if read_only else unwritable
        read_only = read_only or unwritable is not None
        held = BookLock(path).acquire() if lock and not read_only else None
        had_wal = Path(f"{path}-wal").exists()
        mode = read_mode(path, unwritable is not None) if read_only else "rw"
        try:
            conn = connect(path, mode=mode)
            try:
                book = cls(path, conn, read_only=read_only, read_only_reason=reason)
                # Reads the schema page and one index root: O(1), unlike quick_check.
                book._conn.execute("SELECT count(*) FROM meetings").fetchone()
                if not read_only and book._needs_migration():
                    book._migrate()
            except BaseException:
                conn.close()
                raise
        except BaseException as e:
            if held is not None:
                held.release()
            if mode == "ro" and not had_wal:
                tidy_sidecars(path)
            if isinstance(e, sqlite3.DatabaseError):
                raise unopenable(path, e) from None
            raise
        book._lock = held
        book._tidy = mode == "ro" and not had_wal
        return book

    @classmethod
    def create(cls, path: Path | str, *, lock: bool = False) -> Book:
        """Create a new, empty book at ``path`` (which must not exist)."""
        path = Path(path)
        if path.exists():
            raise BookError(f"{path} already exists; open it instead of creating it")
        held = BookLock(path).acquire() if lock else None
        conn = connect(path, mode="rw")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        book = cls(path, conn, read_only=False)
        book._lock = held
        book._migrate()
        return book

    def _needs_migration(self) -> bool:
        """Whether any migration is pending, read with plain SQL: a current book opens
        without loading the migrations or sqlite-utils (issue 7)."""
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if int(version) < SCHEMA_VERSION:
            return True
        try:
            # sqlite-utils' record of applied migrations; one per SCHEMA_VERSION step.
            applied = self._conn.execute(
                "SELECT count(DISTINCT name) FROM _sqlite_migrations WHERE migration_set = ?",
                [MIGRATION_SET],
            ).fetchone()[0]
        except sqlite3.OperationalError:  # no such table: never migrated by us
            return True
        return int(applied) < SCHEMA_VERSION

    def _migrate(self) -> None:
        from scrutiny_desktop.book.schema import MIGRATIONS

        MIGRATIONS.apply(self._db)
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        # Put page 1 in the file itself: other openers recognise a book by its header
        # bytes (application id, version), which would otherwise sit in the -wal.
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close the book and release its lock; never raises for a book already failing."""
        try:
            self._conn.close()
        except sqlite3.Error:
            if self.fault is None:
                raise
        finally:
            if self._lock is not None:
                with suppress(OSError):
                    self._lock.release()
                self._lock = None
        if self._tidy:
            tidy_sidecars(self.path)

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
        return self._insert_row("people", row)

    def rename_person(self, old: str, new: str) -> None:
        """Give the person known as ``old`` the initials ``new``.

        Attendance and the actions they own refer to the person, not to the initials, so
        they follow. Refused (``MeetingLocked``) when signed-off minutes name the person;
        ``BookError`` when ``new`` is someone else's.
        """
        with self._writing():
            if self._q("SELECT 1 FROM people WHERE initials = ?", [new]):
                raise BookError(f"{new} are already the initials of someone in {self.path.name}")
            found = self._q("SELECT id FROM people WHERE initials = ?", [old])
            if not found:
                raise NotFound(f"nobody has the initials {old}")
            self._db.execute("UPDATE people SET initials = ? WHERE id = ?", [new, found[0]["id"]])

    def remove_person(self, initials: str) -> None:
        """Take someone out of the people directory again (the undo of adding them).

        Refused (``BookError``) while any meeting names them or any action is theirs.
        """
        with self._writing():
            found = self._q("SELECT id FROM people WHERE initials = ?", [initials])
            if not found:
                raise NotFound(f"nobody has the initials {initials}")
            pid = found[0]["id"]
            if self._q(
                "SELECT 1 FROM meeting_people WHERE person_id = ? UNION ALL "
                "SELECT 1 FROM attendance WHERE person_id = ? UNION ALL "
                "SELECT 1 FROM action_owners WHERE person_id = ? LIMIT 1",
                [pid, pid, pid],
            ):
                raise BookError(f"{initials} is named in the minutes and stays in the directory")
            self._db.execute("DELETE FROM people WHERE id = ?", [pid])

    def link_person(self, meeting_id: int, initials: str) -> None:
        """Name a person in a meeting's minutes without marking them as attending."""
        with self._writing():
            self._check_draft(meeting_id)
            self._link_person(meeting_id, self._person_id(initials))

    def meeting_people(self, meeting_id: int) -> list[Person]:
        """Everyone a meeting's minutes name (attending or not), in the order they were named."""
        return [
            rows.person(r)
            for r in self._q(
                "SELECT p.* FROM meeting_people mp JOIN people p ON p.id = mp.person_id "
                "WHERE mp.meeting_id = ? ORDER BY mp.position",
                [meeting_id],
            )
        ]

    def unlink_person(self, meeting_id: int, initials: str) -> int | None:
        """Stop naming a person in a meeting (undo of ``link_person``); their old position.

        The directory keeps the person. Returns None when they were not named.
        """
        with self._writing():
            self._check_draft(meeting_id)
            found = self._q(
                "SELECT mp.position, mp.person_id FROM meeting_people mp "
                "JOIN people p ON p.id = mp.person_id WHERE mp.meeting_id = ? AND p.initials = ?",
                [meeting_id, initials],
            )
            if not found:
                return None
            self._db.execute(
                "DELETE FROM meeting_people WHERE meeting_id = ? AND person_id = ?",
                [meeting_id, found[0]["person_id"]],
            )
        return int(found[0]["position"])

    def relink_person(self, meeting_id: int, initials: str, position: int) -> None:
        """Name a person again at the position ``unlink_person`` returned (for undo)."""
        with self._writing():
            self._check_draft(meeting_id)
            self._db.execute(
                "INSERT OR IGNORE INTO meeting_people (meeting_id, person_id, position) "
                "VALUES (?, ?, ?)",
                [meeting_id, self._person_id(initials), position],
            )

    # ------------------------------------------------------------ series

    def _series_id(self, name: str | None, *, create: bool) -> int | None:
        if name is None:
            return None
        found = self._q("SELECT id FROM series WHERE name = ?", [name])
        if found:
            return int(found[0]["id"])
        if not create:
            return None
        return self._insert_row("series", {"name": name})

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

    def meeting_list(self, limit: int | None = None, offset: int = 0) -> list[MeetingListing]:
        """Meetings' ids, dates, titles and status, newest first: the meeting picker.

        All of them, or the page of ``limit`` meetings after the first ``offset``.
        """
        signed = MeetingStatus.SIGNED_OFF.value
        return [
            MeetingListing(r[0], date.fromisoformat(r[1]), r[2], r[3] == signed)
            for r in self._conn.execute(
                "SELECT id, date, title, status FROM meetings ORDER BY date DESC, id DESC "
                "LIMIT ? OFFSET ?",
                (-1 if limit is None else limit, offset),
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
            return int(
                self._one(
                    "SELECT id FROM meetings WHERE id = ?", [int(spec)], f"meeting with id {spec}"
                )["id"]
            )
        try:
            day = date.fromisoformat(spec)
        except ValueError:
            raise NotFound(
                f"{spec!r} is not a meeting: give an id, a date (YYYY-MM-DD) or 'latest'"
            ) from None
        return int(
            self._one(
                "SELECT id FROM meetings WHERE date = ? ORDER BY id DESC LIMIT 1",
                [day.isoformat()],
                f"meeting on {day.isoformat()}",
            )["id"]
        )

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
        return self._insert_row("meetings", row)

    def update_meeting(self, meeting: Meeting) -> None:
        """Write a draft meeting's header fields (title, series, date, times, venue, ...)."""
        assert meeting.id is not None
        with self._writing():
            self._check_draft(meeting.id)
            row = rows.meeting_header_row(meeting)
            row["series_id"] = self._series_id(meeting.series, create=True)
            sets = ", ".join(f'"{k}" = ?' for k in row)
            self._db.execute(
                f"UPDATE meetings SET {sets} WHERE id = ?", [*row.values(), meeting.id]
            )

    def delete_meeting(self, meeting_id: int) -> None:
        with self._writing():
            self._check_draft(meeting_id)
            self._db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])

    # ------------------------------------------------------------ whole minutes

    def minutes(self, meeting_id: int) -> Minutes:
        """The whole meeting, as the export and the window read it."""
        meeting = self.meeting(meeting_id)
        # Signed-off minutes name people as they were when signed (the snapshot).
        people = (meeting.is_signed_off and self._signed_people(meeting_id)) or tuple(
            self.meeting_people(meeting_id)
        )
        return Minutes(
            meeting=meeting,
            people=people,
            attendance=tuple(self.attendance(meeting_id)),
            items=tuple(self.items(meeting_id, full=True)),
            reopenings=tuple(self.reopenings(meeting_id)),
        )

    def import_minutes(self, minutes: Minutes) -> int:
        """Add a whole meeting (from the interchange format) in one transaction; its id.

        People are merged by initials: a name, role or organisation given here
        replaces the directory's; an absent one keeps what the directory has.
        """
        head = minutes.meeting
        if head.is_signed_off and head.signed_off is None:
            raise BookError("the minutes are marked signed off but say nobody signed them off")
        with self._writing():
            # Content first, as a draft; signed-off minutes are then signed off here.
            meeting_id = self._insert_meeting(
                replace(head, status=MeetingStatus.DRAFT, signed_off=None)
            )
            for p in minutes.people:
                old = self.person(p.initials)
                merged = (
                    p
                    if old is None
                    else Person(
                        initials=p.initials,
                        name=p.name if p.name is not None else old.name,
                        role=p.role if p.role is not None else old.role,
                        organisation=p.organisation
                        if p.organisation is not None
                        else old.organisation,
                        kind=p.kind,
                    )
                )
                self._link_person(meeting_id, self._save_person(merged))
            for pos, a in enumerate(minutes.attendance):
                self._put_attendance(meeting_id, a, pos)
            series_key = self._series_key(meeting_id)
            for pos, item in enumerate(minutes.items):
                item_id = self._insert_item(meeting_id, item, pos)
                self._put_body(item_id, item.body)
                actions, updates = self._as_carried(meeting_id, item)
                for apos, action in enumerate(actions):
                    self._insert_action(item_id, action, apos)
                    if action.ref is not None:
                        self._bump_counter(series_key, action.ref)
                for upos, u in enumerate(updates):
                    self._insert_update(item_id, u, upos)
            if head.signed_off is not None and head.is_signed_off:
                so = head.signed_off
                self._sign_off(meeting_id, so.by, so.on, so.note)
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

    def set_attendance(
        self, meeting_id: int, attendance: Attendance, position: int | None = None
    ) -> None:
        """Add or change one person's attendance (the person is added if unknown)."""
        with self._writing():
            self._check_draft(meeting_id)
            if attendance.chair:
                self._db.execute(
                    "UPDATE attendance SET chair = 0 WHERE meeting_id = ?", [meeting_id]
                )
            self._put_attendance(meeting_id, attendance, position)

    def _put_attendance(self, meeting_id: int, a: Attendance, position: int | None) -> None:
        pid = self._person_id(a.initials)
        self._link_person(meeting_id, pid)
        existing = self._q(
            "SELECT position FROM attendance WHERE meeting_id = ? AND person_id = ?",
            [meeting_id, pid],
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
