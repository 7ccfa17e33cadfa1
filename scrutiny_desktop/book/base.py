"""Connection helpers shared by the parts of ``Book``: transactions, queries, positions.

``_writing`` is the single write path, so the reliability rules live here: the fault
seam for tests, the check that the file is still the one opened, and every storage
failure turned into ``WriteFailed`` with the transaction rolled back.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrutiny_desktop.book import faults, inodes
from scrutiny_desktop.book.errors import (
    BookError,
    MeetingLocked,
    NotFound,
    ReadOnlyBook,
    TooLong,
    WriteFailed,
)
from scrutiny_desktop.book.lock import BookLock
from scrutiny_desktop.book.opening import BookConnection, check_header, connect
from scrutiny_desktop.book.triggers import LOCKED
from scrutiny_desktop.domain.limits import LimitExceeded
from scrutiny_desktop.domain.model import (
    MeetingStatus,
)
from scrutiny_desktop.files.outputs import OutputRefused, check_output

if TYPE_CHECKING:
    from sqlite_utils import Database


class BookBase:
    """The connection and the small helpers every part of the book uses."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        read_only: bool,
        read_only_reason: str | None = None,
    ) -> None:
        self.path = Path(path).absolute()
        self.read_only = read_only
        #: Why the book is read-only, as a sentence a window can show; None when writable.
        self.read_only_reason = read_only_reason if read_only else None
        #: The last write failure, until a write or ``retry`` succeeds again.
        self.fault: WriteFailed | None = None
        #: Sentences about what opening found and did (e.g. lock triggers restored).
        self.notices: list[str] = []
        #: Write transactions committed so far (each user action is one: tests count them).
        self.transactions = 0
        # Reads go straight to the connection; sqlite-utils (atomic(), migrations) is
        # imported on the first write: it and its plugins cost ~90 ms of start-up (issue 7).
        self._conn = conn
        self._utils: Database | None = None
        self._identity = faults.identity(self.path)
        #: The file as opened: its mode and group go to copies if it is gone by then.
        self._opened_stat = os.stat(self.path)
        self._fail_next: BaseException | None = None
        self._depth = 0
        self._lock: BookLock | None = None
        self._tidy = False
        #: This book's entry in the process's table of open book files (book/inodes.py).
        self._inode: inodes.Identity | None = None

    @property
    def _db(self) -> Database:
        """sqlite-utils over the connection, made on first use (a write or a migration)."""
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self._conn)
        return self._utils

    # ------------------------------------------------------------ writing

    @contextmanager
    def _writing(self) -> Iterator[Database]:
        """Every write goes through here: one transaction, refused when read-only.

        A storage failure anywhere in it (or the one ``fail_next_write`` arms) rolls the
        whole transaction back and raises ``WriteFailed``; refusals pass unchanged.
        """
        if self.read_only:
            raise ReadOnlyBook(
                f"{self.path} is open read-only ({self.read_only_reason or 'as asked'}); "
                "changes cannot be saved"
            )
        if self._depth:
            with self._db.atomic() as db:
                yield db
            return
        self._depth += 1
        try:
            with self._db.atomic() as db:
                yield db
                self._before_commit()
        except sqlite3.IntegrityError as e:
            # The lock triggers are the last word; say it the way _check_draft does.
            if str(e).startswith(LOCKED):
                raise MeetingLocked(str(e).removeprefix(LOCKED).strip()) from None
            raise
        except BookError:
            raise
        except BaseException as e:
            if not faults.is_write_fault(e):
                raise
            raise self._failed(faults.reason_of(e)) from e
        finally:
            self._depth -= 1
        self.fault = None
        self.transactions += 1

    def _before_commit(self) -> None:
        error, self._fail_next = self._fail_next, None
        if error is not None:
            raise self._failed(faults.reason_of(error)) from error
        where = faults.where_is(self.path, self._identity)
        if where is not None:
            raise self._failed(where)

    def _failed(self, reason: str) -> WriteFailed:
        detail = None
        if reason == "moved":
            now = faults.moved_to(self._identity)
            detail = f"it is now at {now}" if now else None
        self.fault = faults.write_failed(self.path, reason, detail=detail)
        return self.fault

    def fail_next_write(self, error: BaseException) -> None:
        """For tests: the next write transaction raises ``error`` just before committing.

        It surfaces as ``WriteFailed`` (``error`` as its cause), with nothing written.
        """
        self._fail_next = error

    def can_write(self) -> bool:
        """True when the last write succeeded and the file is still where it was opened.

        Cheap (one ``stat``): a window may call it on every repaint. It cannot see a
        full disk coming; ``retry`` finds out by writing.
        """
        if self.read_only or self.fault is not None:
            return False
        return faults.where_is(self.path, self._identity) is None

    def retry(self) -> bool:
        """Try to make saving work again after a ``WriteFailed``; True when it does.

        Reconnects when the file is back at its path (moved back, drive reconnected:
        the same file, known by its inode), then proves it with a one-page write. Safe
        to call from a timer in the window's thread; on failure ``fault`` says why.
        """
        if self.read_only:
            return False
        if faults.where_is(self.path, self._identity) is not None and not self._reconnect():
            return False
        try:
            with self._writing():
                version = self._db.execute("PRAGMA user_version").fetchone()[0]
                self._db.execute(f"PRAGMA user_version = {int(version)}")
        except WriteFailed:
            return False
        return True

    def _reconnect(self) -> bool:
        """Point the connection at the file now at ``self.path`` if it is ours again."""
        try:
            st = self.path.stat()
        except OSError:
            self._failed(faults.where_is(self.path, self._identity) or "other")
            return False
        try:
            check_header(self.path)
        except BookError:
            self._failed("replaced")
            return False
        same_file = st.st_ino == self._identity[1] and (
            st.st_dev == self._identity[0]
            or (self.fault is not None and self.fault.reason in ("drive_removed", "io_error"))
        )
        if not same_file:
            self._failed("replaced")
            return False
        try:
            conn = connect(self.path, mode="rw")
        except sqlite3.Error as e:
            self._failed(faults.reason_of(e))
            return False
        self._swap_connection(conn)
        if self._lock is not None:
            # The old lock's file may have gone with the drive: take it again.
            with suppress(OSError):
                self._lock.release()
            try:
                self._lock.acquire()
            except BookError:
                self._failed("busy")
                return False
        return True

    def _swap_connection(self, conn: BookConnection) -> None:
        old, old_inode = self._conn, self._inode
        self._conn, self._utils = conn, None
        self._identity = faults.identity(self.path)
        self._opened_stat = os.stat(self.path)
        self._inode = inodes.opened(self.path)
        with suppress(sqlite3.Error):
            old.close()
        inodes.closed(old_inode)

    def save_copy(self, target: Path | str, *, switch: bool = False) -> Path:
        """Write a complete copy of the book to ``target`` (atomically); its path.

        Through the backup API on this book's own connection, so it holds every change
        committed so far, even when the file was since deleted or its disk is full.
        With ``switch`` the book carries on in the copy (locked when this one was):
        the way out of a fault. Call it in the thread that owns the book.
        """
        from scrutiny_desktop.book import backup

        try:
            # The book, its -wal, lock or backups, a device or a folder: never a copy's place.
            target = check_output(target, self.path).absolute()
        except OutputRefused as e:
            raise BookError(str(e)) from None
        lock = None
        if switch and self._lock is not None:
            # Before writing: a file another window has open is not replaced under it.
            lock = BookLock(target, holder=self._lock.holder).acquire()
        try:
            backup.copy(self._conn, target, like=self._file_stat())
            if switch:
                if lock is not None:
                    lock.follow_file()  # the copy is a new file: lock it, not the one replaced
                conn = connect(target, mode="rw")
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if switch:
            old_lock, self._lock = self._lock, lock
            self.path = target
            self._swap_connection(conn)
            if old_lock is not None:
                # Only now that its connection is closed (see book/lock.py).
                with suppress(OSError):
                    old_lock.release()
            self.read_only, self.read_only_reason, self.fault = False, None, None
        return target

    def _file_stat(self) -> os.stat_result:
        """The book file's ``stat`` now, or as opened when it is no longer at its path."""
        if faults.where_is(self.path, self._identity) is None:
            try:
                return os.stat(self.path)
            except OSError:
                pass
        return self._opened_stat

    @property
    def replaced_characters(self) -> int:
        """How many lone surrogates and NULs the book has stored as U+FFFD so far."""
        conn = self._conn
        return conn.replaced_characters if isinstance(conn, BookConnection) else 0

    # ------------------------------------------------------------ reading

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self._conn.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def _one(self, sql: str, params: Sequence[Any], what: str) -> dict[str, Any]:
        found = self._q(sql, params)
        if not found:
            raise NotFound(f"no {what}")
        return found[0]

    def _insert_row(self, table: str, row: dict[str, Any]) -> int:
        """One plain INSERT; its rowid. (sqlite-utils' ``insert`` reads the schema each
        time, which doubled the cost of importing a meeting.)"""
        cols = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" * len(row))
        cur = self._db.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))
        return int(cur.lastrowid or 0)

    def _person_id(self, initials: str) -> int:
        """The id for ``initials``, adding a bare person (initials only) if unknown."""
        found = self._q("SELECT id FROM people WHERE initials = ?", [initials])
        if found:
            return int(found[0]["id"])
        return self._insert_row("people", {"initials": initials, "kind": "person"})

    def _link_person(self, meeting_id: int, person_id: int) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO meeting_people (meeting_id, person_id, position) "
            "SELECT ?, ?, COALESCE(MAX(position) + 1, 0) FROM meeting_people WHERE meeting_id = ?",
            [meeting_id, person_id, meeting_id],
        )

    @staticmethod
    @contextmanager
    def _limits() -> Iterator[None]:
        """Text over a ``domain.limits`` limit is refused as ``TooLong``."""
        try:
            yield
        except LimitExceeded as e:
            raise TooLong(str(e)) from None

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
        return int(
            self._one(
                "SELECT meeting_id FROM items WHERE id = ?", [item_id], f"item with id {item_id}"
            )["meeting_id"]
        )

    def _meeting_of_action(self, action_id: int) -> int:
        return int(
            self._one(
                "SELECT i.meeting_id FROM actions a JOIN items i ON i.id = a.item_id WHERE a.id = ?",
                [action_id],
                f"action with id {action_id}",
            )["meeting_id"]
        )

    def _next_position(self, table: str, parent_col: str, parent_id: int) -> int:
        r = self._db.execute(
            f"SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE {parent_col} = ?",
            [parent_id],
        ).fetchone()
        return int(r[0])

    def _shift(self, table: str, parent_col: str, parent_id: int, from_pos: int, by: int) -> None:
        # Two steps through negative positions, so no UNIQUE index could ever trip midway.
        self._db.execute(
            f"UPDATE {table} SET position = -(position + ?) - 1 "
            f"WHERE {parent_col} = ? AND position >= ?",
            [by, parent_id, from_pos],
        )
        self._db.execute(
            f"UPDATE {table} SET position = -position - 1 WHERE {parent_col} = ? AND position < 0",
            [parent_id],
        )

    def _series_key(self, meeting_id: int) -> int:
        r = self._one("SELECT series_id FROM meetings WHERE id = ?", [meeting_id], "meeting")
        return int(r["series_id"] or 0)
