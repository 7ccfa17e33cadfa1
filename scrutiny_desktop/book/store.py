"""``Book``: the meeting book's API. Every method takes and returns domain objects."""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import suppress
from dataclasses import replace
from datetime import date
from pathlib import Path

from scrutiny_desktop.book import inodes, rows
from scrutiny_desktop.book.errors import BookError, NotFound
from scrutiny_desktop.book.lifecycle import LifecycleStore
from scrutiny_desktop.book.lock import WINDOW, BookLock
from scrutiny_desktop.book.opening import (
    BookConnection,
    check_header,
    connect,
    create_file,
    read_mode,
    tidy_sidecars,
    uncreatable_reason,
    unopenable,
    unwritable_reason,
)
from scrutiny_desktop.book.people import PeopleStore
from scrutiny_desktop.book.registers import RegistersStore
from scrutiny_desktop.book.search import SearchStore
from scrutiny_desktop.book.triggers import trigger_problems
from scrutiny_desktop.book.version import APPLICATION_ID, MIGRATION_SET, SCHEMA_VERSION
from scrutiny_desktop.book.writing import WritingStore
from scrutiny_desktop.domain import limits
from scrutiny_desktop.domain.model import (
    AuditKind,
    Meeting,
    MeetingListing,
    MeetingStatus,
    Minutes,
)
from scrutiny_desktop.domain.people import merge
from scrutiny_desktop.files.companions import sidecar

_YEARLY = re.compile(r"^\d+/\d\d$")


class Book(LifecycleStore, PeopleStore, SearchStore, RegistersStore, WritingStore):
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
        holder: str = WINDOW,
    ) -> Book:
        """Open an existing book (or create it when ``create`` and missing).

        Raises a BookError subclass, with the file untouched, for anything that is
        not a book this release can open. A book that cannot be written (read-only
        file, folder or drive) opens read-only, saying why in ``read_only_reason``.
        With ``lock`` (the window's way, and every command that writes), a book open
        for writing elsewhere, under any name, raises ``BookLocked``; the caller may
        then open it with ``read_only=True``. ``holder`` names the opener to others
        (``"window"``, or a command: ``"import"``).
        """
        path = Path(path)
        if not path.exists():
            if not create:
                raise NotFound(f"{path} does not exist")
            return cls.create(path, lock=lock, holder=holder)
        check_header(path)
        unwritable = unwritable_reason(path)
        reason = "opened read-only as asked" if read_only else unwritable
        read_only = read_only or unwritable is not None
        # Before connecting: the lock keeps a descriptor of the book open until close.
        held = BookLock(path, holder=holder).acquire() if lock and not read_only else None
        had_wal = sidecar(path, "-wal").exists()
        mode = read_mode(path, unwritable is not None) if read_only else "rw"
        try:
            conn = connect(path, mode=mode)
            try:
                book = cls(path, conn, read_only=read_only, read_only_reason=reason)
                # Reads the schema page and one index root: O(1), unlike quick_check.
                book._conn.execute("SELECT count(*) FROM meetings").fetchone()
                if book._needs_migration():
                    if read_only:
                        book._migrate_in_memory()
                    else:
                        book._migrate()
                book._check_triggers()
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
        book._inode = inodes.opened(path)  # see book/inodes.py
        return book

    @classmethod
    def create(cls, path: Path | str, *, lock: bool = False, holder: str = WINDOW) -> Book:
        """Create a new, empty book at ``path`` (which must not exist)."""
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise BookError(f"{path} already exists; open it instead of creating it")
        reason = uncreatable_reason(path)
        if reason is not None:
            raise BookError(f"{path} cannot be created: {reason}")
        held = BookLock(path, holder=holder).acquire() if lock else None
        conn, made, book = None, None, None
        try:
            create_file(path)
            made = os.stat(path)
            if held is not None:
                held.acquire()  # the file exists now: lock the file itself too
            conn = connect(path, mode="rw")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            book = cls(path, conn, read_only=False)
            book._lock = held
            book._inode = inodes.opened(path)
            book._migrate()
        except BaseException:
            if conn is not None:
                conn.close()
            if book is not None:
                inodes.closed(book._inode)
            if held is not None:
                held.release()
            with suppress(OSError):
                now = os.stat(path)
                if made is not None and (now.st_dev, now.st_ino) == (made.st_dev, made.st_ino):
                    path.unlink()  # a half-made book is no book: leave nothing behind
            raise
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

    def _migrate_in_memory(self) -> None:
        """Read an older book read-only: a copy in memory is brought up to date (the file
        itself is never written)."""
        memory = sqlite3.connect(":memory:", factory=BookConnection)
        self._conn.backup(memory)
        self._conn.close()
        self._conn, self._utils = memory, None
        self._migrate()

    def _check_triggers(self) -> None:
        """Notice triggers that were dropped, edited or added outside the application;
        restore them when the book can be written (``notices`` says so either way)."""
        problem = trigger_problems(self._conn)
        if problem is None:
            return
        if self.read_only:
            self.notices.append(f"{problem}; open the book for writing to restore them")
            return
        from scrutiny_desktop.book.triggers import install_triggers

        with self._db.atomic():
            install_triggers(self._db)
        self.notices.append(f"{problem}; they have been restored")

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
                    self._lock.release()  # its descriptor closes with the last connection
                self._lock = None
            inodes.closed(self._inode)
            self._inode = None
        if self._tidy:
            tidy_sidecars(self.path)

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
        """Add a draft meeting header; returns it with its id. Without a quorum of its
        own, it takes its series' (see ``series_settings``)."""
        if meeting.quorum is None and meeting.series is not None:
            meeting = replace(meeting, quorum=self.series_settings(meeting.series).quorum)
        with self._limits():
            limits.check_meeting(meeting)
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
        with self._limits():
            limits.check_meeting(meeting)
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
            audit=tuple(self.audit(meeting_id)),
        )

    def import_minutes(self, minutes: Minutes) -> int:
        """Add a whole meeting (from the interchange format) in one transaction; its id.

        People are merged by initials (``domain.people.merge``: what the document gives
        replaces the directory's, what it leaves out is kept). Signed-off minutes are
        signed off again here, with their audit; their fingerprint is this book's own.
        """
        head = minutes.meeting
        if head.is_signed_off and head.signed_off is None:
            raise BookError("the minutes are marked signed off but say nobody signed them off")
        with self._limits():
            limits.check_minutes(minutes)
        with self._writing():
            new_series = (
                head.series is not None and self._series_id(head.series, create=False) is None
            )
            # Content first, as a draft; signed-off minutes are then signed off here.
            meeting_id = self._insert_meeting(
                replace(head, status=MeetingStatus.DRAFT, signed_off=None)
            )
            if new_series and minutes.items and all(_YEARLY.match(i.number) for i in minutes.items):
                # A series this book meets first in minutes numbered 41/26, 42/26, ...
                # numbers through the year, from the first of them: its next items go on.
                self._db.execute(
                    "UPDATE series SET minute_numbering = 'yearly', first_minute = ? "
                    "WHERE name = ?",
                    [minutes.items[0].number, head.series],
                )
            for p in minutes.people:
                self._link_person(meeting_id, self._save_person(merge(self.person(p.initials), p)))
            series_key = self._series_key(meeting_id)
            item_ids: dict[str, int] = {}
            for pos, item in enumerate(minutes.items):
                item_id = self._insert_item(meeting_id, item, pos)
                item_ids[item.number] = item_id
                actions, updates = self._as_carried(meeting_id, item)
                self._insert_item_content(item_id, replace(item, actions=actions, updates=updates))
                for action in actions:
                    if action.ref is not None:
                        self._bump_counter(series_key, action.ref)
            for pos, a in enumerate(minutes.attendance):
                self._put_attendance(meeting_id, a, pos, item_ids)
            self._derive_updates(meeting_id)
            history = minutes.audit
            if head.signed_off is not None and head.is_signed_off:
                if history and history[-1].event is AuditKind.SIGNED_OFF:
                    history = history[:-1]  # the sign-off made again below
                self._put_audit(meeting_id, history)
                so = head.signed_off
                self._sign_off(meeting_id, so.by, so.on, so.note)
            else:
                self._put_audit(meeting_id, history)
        return meeting_id
