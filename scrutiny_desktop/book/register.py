"""The action register: every action of a series followed across meetings, and its history."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from scrutiny_desktop.book import rows
from scrutiny_desktop.book.base import BookBase
from scrutiny_desktop.book.errors import NotFound
from scrutiny_desktop.domain.model import Action, Status
from scrutiny_desktop.domain.refs import ActionRef

if TYPE_CHECKING:
    # domain.carry is imported by the methods that use it: opening a book for the window's
    # first screen never follows actions across meetings (issue 7, start-up).
    from scrutiny_desktop.book.rows import Row
    from scrutiny_desktop.domain.carry import Key, RegisterFilter, Tracked

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One word on an action at one meeting: where it was raised, or an update."""

    on: date
    status: Status
    note: str | None
    meeting_id: int
    item_id: int
    raised: bool  # True for the meeting that raised it


@dataclass(frozen=True, slots=True)
class RaisedAt:
    """An action as the meeting that raised it minuted it (what matters arising reports on)."""

    action: Action
    meeting_id: int
    meeting_title: str
    meeting_date: date


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
        from scrutiny_desktop.domain.carry import register_order

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

    def raised_at(self, meeting_id: int, ref: ActionRef | int) -> RaisedAt | None:
        """Where ``ref`` (a reference, or an unnumbered action's id) was raised in the
        series of ``meeting_id``: the action with its owners, and that meeting. None for
        a reference raised before this book began. Reads that one action only (the
        register reads the whole series, and sqlite-utils with it)."""
        if isinstance(ref, ActionRef):
            where, params = "a.ref_year = ? AND a.ref_number = ?", [ref.year, ref.number]
        else:
            where, params = "a.id = ?", [ref]
        found = self._q(
            "SELECT a.*, m.id AS meeting_id, m.title AS meeting_title, m.date AS meeting_date "
            "FROM actions a JOIN items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id "
            f"WHERE {where} AND COALESCE(m.series_id, 0) = ? ORDER BY m.date, m.id LIMIT 1",
            [*params, self._series_key(meeting_id)],
        )
        if not found:
            return None
        r = found[0]
        owners = tuple(
            o["initials"]
            for o in self._q(
                "SELECT p.initials FROM action_owners ao JOIN people p ON p.id = ao.person_id "
                "WHERE ao.action_id = ? ORDER BY ao.position",
                [r["id"]],
            )
        )
        return RaisedAt(
            rows.action(r, owners),
            int(r["meeting_id"]),
            str(r["meeting_title"]),
            date.fromisoformat(r["meeting_date"]),
        )

    def raised_at_many(
        self, meeting_id: int, refs: Iterable[ActionRef | int]
    ) -> dict[ActionRef | int, RaisedAt | None]:
        """``raised_at`` for each of ``refs`` at once: the updates of a matters-arising item
        (43 in the latest meeting of a 5,000-meeting book) in three queries, not three each."""
        wanted = list(dict.fromkeys(refs))
        found: dict[ActionRef | int, RaisedAt | None] = dict.fromkeys(wanted)
        if not wanted:
            return found
        series = self._series_key(meeting_id)
        numbered = [r for r in wanted if isinstance(r, ActionRef)]
        ids = [r for r in wanted if not isinstance(r, ActionRef)]
        chosen: dict[ActionRef | int, Row] = {}
        select = (
            "SELECT a.*, m.id AS meeting_id, m.title AS meeting_title, m.date AS meeting_date "
            "FROM actions a JOIN items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id "
            "WHERE COALESCE(m.series_id, 0) = ? AND {where} ORDER BY m.date DESC, m.id DESC, a.id DESC"
        )
        for chunk in _chunks(numbered):
            pairs = " OR ".join("(a.ref_year = ? AND a.ref_number = ?)" for _ in chunk)
            params = [v for r in chunk for v in (r.year, r.number)]
            for r in self._q(select.format(where=f"({pairs})"), [series, *params]):
                ref = rows.ref(r)
                if ref is not None:
                    chosen[ref] = r  # newest first: the earliest is kept, as raised_at's LIMIT 1
        for some in _chunks(ids):
            marks = ", ".join("?" for _ in some)
            for r in self._q(select.format(where=f"a.id IN ({marks})"), [series, *some]):
                chosen[int(r["id"])] = r
        owners: dict[int, list[str]] = {int(r["id"]): [] for r in chosen.values()}
        for held in _chunks(list(owners)):
            marks = ", ".join("?" for _ in held)
            for o in self._q(
                "SELECT ao.action_id, p.initials FROM action_owners ao "
                f"JOIN people p ON p.id = ao.person_id WHERE ao.action_id IN ({marks}) "
                "ORDER BY ao.action_id, ao.position",
                held,
            ):
                owners[int(o["action_id"])].append(o["initials"])
        for key, r in chosen.items():
            found[key] = RaisedAt(
                rows.action(r, tuple(owners[int(r["id"])])),
                int(r["meeting_id"]),
                str(r["meeting_title"]),
                date.fromisoformat(r["meeting_date"]),
            )
        return found

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
        from scrutiny_desktop.domain.carry import Progress, Raised, track

        where: list[str] = ["1 = 1"]
        params: list[object] = []
        if series_key:  # written so that the meetings_by_series index can drive the joins
            where.append("m.series_id = ?")
            params.append(series_key)
        elif series_key == 0:
            where.append("m.series_id IS NULL")
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
        c = _Cache()
        raised = []
        for r in self._db.execute(
            # Restricted as followed across meetings: the action, or the item it sits in.
            "SELECT a.id, a.ref_year, a.ref_number, a.text, a.due, a.due_text, a.status, "
            "a.restricted OR i.restricted, a.item_id, i.position, a.position, m.id, m.date, "
            f"COALESCE(m.series_id, 0), s.name FROM actions a {head.format(t='a')} WHERE {cond}",
            params,
        ):
            ref = c.ref(r[1], r[2])
            action = Action(
                id=r[0],
                ref=ref,
                text=r[3],
                owners=tuple(owners.get(r[0], ())),
                due=c.date(r[4]) if r[4] else None,
                status=_STATUS[r[6]],
                restricted=bool(r[7]),
                due_text=r[5],
            )
            raised.append(
                Raised(
                    key=(r[13], ref if ref is not None else r[0]),
                    action=action,
                    series=r[14],
                    meeting_id=r[11],
                    meeting_date=c.date(r[12]),
                    item_id=r[8],
                    order=(r[9], r[10]),
                )
            )
        progress = []
        for r in self._db.execute(
            "SELECT u.id, u.ref_year, u.ref_number, u.action_id, u.action_text, u.status, "
            "u.note, u.item_id, u.position, m.id, m.date, COALESCE(m.series_id, 0), s.name, "
            "u.restricted "
            f"FROM action_updates u {head.format(t='u')} WHERE {cond}",
            params,
        ):
            ref = c.ref(r[1], r[2])
            what: ActionRef | int | str = (
                ref if ref is not None else (r[3] if r[3] is not None else str(r[4]))
            )
            progress.append(
                Progress(
                    key=(r[11], what),
                    update_id=r[0],
                    series=r[12],
                    meeting_id=r[9],
                    meeting_date=c.date(r[10]),
                    item_id=r[7],
                    position=r[8],
                    status=_STATUS[r[5]],
                    note=r[6],
                    ref=ref,
                    text=r[4],
                    restricted=bool(r[13]),
                )
            )
        return track(raised, progress)


_STATUS = {s.value: s for s in Status}


class _Cache:
    """Loading 20,000 actions makes the same references and dates over and over."""

    def __init__(self) -> None:
        self._refs: dict[tuple[int, int], ActionRef] = {}
        self._dates: dict[str, date] = {}

    def ref(self, year: int | None, number: int | None) -> ActionRef | None:
        if number is None or year is None:
            return None
        found = self._refs.get((year, number))
        if found is None:
            found = self._refs[(year, number)] = ActionRef(year=year, number=number)
        return found

    def date(self, text: str) -> date:
        found = self._dates.get(text)
        if found is None:
            found = self._dates[text] = date.fromisoformat(text)
        return found


def _chunks(values: Sequence[T], size: int = 400) -> list[Sequence[T]]:
    """``values`` in slices that keep a query under SQLite's limit of bound parameters."""
    return [values[i : i + size] for i in range(0, len(values), size)]
