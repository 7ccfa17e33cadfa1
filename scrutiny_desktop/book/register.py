"""The action register: every action of a series followed across meetings, and its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from scrutiny_desktop.book import rows
from scrutiny_desktop.book.base import BookBase
from scrutiny_desktop.book.errors import NotFound
from scrutiny_desktop.domain.carry import (
    Key,
    Progress,
    Raised,
    RegisterFilter,
    Tracked,
    register_order,
    track,
)
from scrutiny_desktop.domain.model import Status
from scrutiny_desktop.domain.refs import ActionRef


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One word on an action at one meeting: where it was raised, or an update."""

    on: date
    status: Status
    note: str | None
    meeting_id: int
    item_id: int
    raised: bool  # True for the meeting that raised it


class RegisterStore(BookBase):
    """Actions across meetings: the register, and what a new meeting carries forward."""

    def register(
        self, series: str | None = None, *, filters: RegisterFilter | None = None
    ) -> list[Tracked]:
        """Every action of ``series`` (None: every series), open ones first, oldest first.

        Each row is a ``Tracked``: ``ref``, ``text`` (None for a reference raised before
        this book began), ``owners``, ``due``, ``status`` (the latest update wins),
        ``raised_on``, ``last_update_on``, ``is_overdue(today)`` and ``place`` (the
        meeting and item to open).
        """
        key = None
        if series is not None:
            found = self._q("SELECT id FROM series WHERE name = ?", [series])
            if not found:
                raise NotFound(f"no series called {series!r} in {self.path}")
            key = int(found[0]["id"])
        tracked = self._tracked(key)
        if filters is not None:
            tracked = [t for t in tracked if filters.matches(t)]
        return register_order(tracked)

    def action_history(self, series: str | None, ref: ActionRef | str) -> list[HistoryEntry]:
        """Where a numbered action was raised and every update on it, oldest first."""
        if isinstance(ref, str):
            ref = ActionRef.parse(ref)
        key = 0
        if series is not None:
            found = self._q("SELECT id FROM series WHERE name = ?", [series])
            if not found:
                raise NotFound(f"no series called {series!r} in {self.path}")
            key = int(found[0]["id"])
        return self._history((key, ref), key)

    def action_history_of(self, action_id: int) -> list[HistoryEntry]:
        """The history of the action with this id (numbered or not)."""
        r = self._one(
            "SELECT a.*, COALESCE(m.series_id, 0) AS skey FROM actions a "
            "JOIN items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id "
            "WHERE a.id = ?",
            [action_id],
            f"action with id {action_id}",
        )
        ref = rows.ref(r)
        key: Key = (int(r["skey"]), ref if ref is not None else action_id)
        return self._history(key, int(r["skey"]))

    def _history(self, key: Key, series_key: int) -> list[HistoryEntry]:
        t = next((t for t in self._tracked(series_key) if t.key == key), None)
        if t is None:
            raise NotFound(f"no action {key[1]} in that series")
        out = []
        if t.raised is not None:
            r = t.raised
            out.append(
                HistoryEntry(r.meeting_date, r.action.status, None, r.meeting_id, r.item_id, True)
            )
        out += [
            HistoryEntry(u.meeting_date, u.status, u.note, u.meeting_id, u.item_id, False)
            for u in t.updates
        ]
        return out

    # ------------------------------------------------------------ loading

    def _tracked(
        self, series_key: int | None, *, before: date | None = None, including: int | None = None
    ) -> list[Tracked]:
        """Actions and updates of a series (None: all), from meetings before ``before``
        (and the meeting ``including``), followed by key, oldest first."""
        where: list[str] = ["1 = 1"]
        params: list[object] = []
        if series_key is not None:
            where.append("COALESCE(m.series_id, 0) = ?")
            params.append(series_key)
        if before is not None:
            where.append("(m.date < ? OR m.id = ?)")
            params += [before.isoformat(), including if including is not None else -1]
        cond = " AND ".join(where)
        head = (
            "JOIN items i ON i.id = {t}.item_id JOIN meetings m ON m.id = i.meeting_id "
            "LEFT JOIN series s ON s.id = m.series_id"
        )
        owners: dict[int, list[str]] = {}
        for r in self._db.execute(
            "SELECT ao.action_id, p.initials FROM action_owners ao "
            "JOIN people p ON p.id = ao.person_id JOIN actions a ON a.id = ao.action_id "
            f"{head.format(t='a')} WHERE {cond} ORDER BY ao.action_id, ao.position",
            params,
        ):
            owners.setdefault(r[0], []).append(r[1])
        raised = [
            self._raised(r, tuple(owners.get(r["id"], ())))
            for r in self._q(
                "SELECT a.*, i.position AS item_pos, m.id AS meeting_id, m.date AS meeting_date, "
                "COALESCE(m.series_id, 0) AS skey, s.name AS series_name "
                f"FROM actions a {head.format(t='a')} WHERE {cond}",
                params,
            )
        ]
        progress = [
            _progress(r)
            for r in self._q(
                "SELECT u.*, m.id AS meeting_id, m.date AS meeting_date, "
                "COALESCE(m.series_id, 0) AS skey, s.name AS series_name "
                f"FROM action_updates u {head.format(t='u')} WHERE {cond}",
                params,
            )
        ]
        return track(raised, progress)

    @staticmethod
    def _raised(r: dict[str, Any], owners: tuple[str, ...]) -> Raised:
        action = rows.action(r, owners)
        key: Key = (int(r["skey"]), action.ref if action.ref is not None else int(r["id"]))
        return Raised(
            key=key,
            action=action,
            series=r["series_name"],
            meeting_id=int(r["meeting_id"]),
            meeting_date=date.fromisoformat(r["meeting_date"]),
            item_id=int(r["item_id"]),
            order=(int(r["item_pos"]), int(r["position"])),
        )


def _progress(r: dict[str, Any]) -> Progress:
    ref = rows.ref(r)
    what: ActionRef | int | str
    if ref is not None:
        what = ref
    elif r["action_id"] is not None:
        what = int(r["action_id"])
    else:
        what = str(r["action_text"])
    return Progress(
        key=(int(r["skey"]), what),
        update_id=int(r["id"]),
        series=r["series_name"],
        meeting_id=int(r["meeting_id"]),
        meeting_date=date.fromisoformat(r["meeting_date"]),
        item_id=int(r["item_id"]),
        position=int(r["position"]),
        status=Status(r["status"]),
        note=r["note"],
        ref=ref,
        text=r["action_text"],
    )
