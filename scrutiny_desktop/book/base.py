"""Connection helpers shared by the parts of ``Book``: transactions, queries, positions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from scrutiny_desktop.book.errors import MeetingLocked, NotFound, ReadOnlyBook
from scrutiny_desktop.domain.model import (
    MeetingStatus,
)


class BookBase:
    """The connection and the small helpers every part of the book uses."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._db = Database(conn)

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
