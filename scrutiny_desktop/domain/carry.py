"""Carry-forward rules: following actions across meetings, which stay open, in what order.

An action is followed by its key within a series: its reference (``07/15``) when it has
one, else the book's id of the unnumbered action. Its status is the latest word on it:
the status it was raised with, then every update at every later meeting (latest wins).
A reference seen only in a matters-arising update (raised before this book began) is
followed too, so that it is chased until someone reports it done.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from scrutiny_desktop.domain.model import Action, Status
from scrutiny_desktop.domain.refs import ActionRef

# Keys are unique within a series: a reference, an unnumbered action's id, or (when that
# action was deleted) the text its updates kept.
Key = tuple[int, ActionRef | int | str]

# The single keys the matters-arising view binds to progress.
PROGRESS_KEYS: dict[str, Status] = {
    "o": Status.OPEN,
    "f": Status.TO_FOLLOW,
    "p": Status.IN_PROGRESS,
    "c": Status.COMPLETED,
    "x": Status.CLOSED,
}


@dataclass(frozen=True, slots=True)
class Raised:
    """An action where a meeting raised it."""

    key: Key
    action: Action
    series: str | None
    meeting_id: int
    meeting_date: date
    item_id: int
    order: tuple[int, int]  # (item position, action position) within the meeting


@dataclass(frozen=True, slots=True)
class Progress:
    """One update on an action, reported at a later meeting."""

    key: Key
    update_id: int
    series: str | None
    meeting_id: int
    meeting_date: date
    item_id: int
    position: int
    status: Status
    note: str | None
    ref: ActionRef | None
    text: str | None
    restricted: bool = False

    @property
    def when(self) -> tuple[date, int, int]:
        return (self.meeting_date, self.meeting_id, self.position)


@dataclass(frozen=True, slots=True)
class Tracked:
    """One action followed across meetings: as raised (if this book saw that) and its updates."""

    key: Key
    raised: Raised | None
    updates: tuple[Progress, ...] = ()  # oldest first

    @property
    def ref(self) -> ActionRef | None:
        if self.raised is not None:
            return self.raised.action.ref
        return self.updates[0].ref if self.updates else None

    @property
    def series(self) -> str | None:
        return self.raised.series if self.raised else self.updates[0].series

    @property
    def text(self) -> str | None:
        """The action's text; None for a reference raised before this book began."""
        if self.raised is not None:
            return self.raised.action.text
        return next((u.text for u in self.updates if u.text), None)

    @property
    def owners(self) -> tuple[str, ...]:
        return self.raised.action.owners if self.raised else ()

    @property
    def due(self) -> date | None:
        return self.raised.action.due if self.raised else None

    @property
    def due_text(self) -> str | None:
        return self.raised.action.due_text if self.raised else None

    @property
    def restricted(self) -> bool:
        """Not for publication: the action as raised (the register reads it as restricted
        when its item is); else, for a reference raised before this book, any update on it."""
        if self.raised is not None:
            return self.raised.action.restricted
        return any(u.restricted for u in self.updates)

    @property
    def raised_on(self) -> date | None:
        """The date of the meeting that raised it; None if raised before this book began."""
        return self.raised.meeting_date if self.raised else None

    @property
    def latest(self) -> Progress | None:
        return self.updates[-1] if self.updates else None

    @property
    def last_update_on(self) -> date | None:
        return self.updates[-1].meeting_date if self.updates else None

    @property
    def place(self) -> tuple[int, int]:
        """(meeting id, item id) to open: where it was raised, else its latest update."""
        if self.raised is not None:
            return (self.raised.meeting_id, self.raised.item_id)
        return (self.updates[-1].meeting_id, self.updates[-1].item_id)

    @property
    def status(self) -> Status:
        """The latest update's status, else the status it was raised with."""
        if self.updates:
            return self.updates[-1].status
        assert self.raised is not None
        return self.raised.action.status

    @property
    def is_done(self) -> bool:
        return self.status.is_done

    def is_overdue(self, today: date) -> bool:
        """Due before ``today`` and not done."""
        return self.due is not None and self.due < today and not self.is_done

    @property
    def sort_key(self) -> tuple[date, int, int, tuple[int, int]]:
        """Oldest first: by the meeting that first mentions it; a reference that meeting only
        reports on predates the actions it raises; then by reference, or by place in the minutes."""
        if self.raised is not None:
            r = self.raised
            return (r.meeting_date, r.meeting_id, 1, r.order)
        first = self.updates[0]
        ref = first.ref
        return (first.meeting_date, first.meeting_id, 0, (ref.year, ref.number) if ref else (0, 0))


def track(raised: Iterable[Raised], progress: Iterable[Progress]) -> list[Tracked]:
    """Group actions and updates by key; oldest first.

    An update that names a reference raised later than itself (a typo, or a reference
    reused across a century) still counts: the latest update wins.
    """
    first: dict[Key, Raised] = {}
    for r in raised:
        first.setdefault(r.key, r)
    by_key: dict[Key, list[Progress]] = {}
    for p in progress:
        by_key.setdefault(p.key, []).append(p)
    keys = list(first) + [k for k in by_key if k not in first]
    out = [
        Tracked(key=k, raised=first.get(k), updates=tuple(sorted(by_key.get(k, ()), key=_when)))
        for k in keys
    ]
    out.sort(key=lambda t: t.sort_key)
    return out


def _when(p: Progress) -> tuple[date, int, int]:
    return p.when


def to_carry(tracked: Sequence[Tracked]) -> list[Tracked]:
    """What a new meeting's matters arising must hold: everything not completed or closed."""
    return [t for t in tracked if not t.is_done]


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    """The action register's filters; each left at its default lets everything through."""

    open_only: bool = False
    overdue_on: date | None = None  # keep only actions overdue on this day
    owner: str | None = None  # initials, case-insensitive
    text: str | None = None  # words that must all appear in the reference or text

    def matches(self, t: Tracked) -> bool:
        if self.open_only and t.is_done:
            return False
        if self.overdue_on is not None and not t.is_overdue(self.overdue_on):
            return False
        if self.owner and self.owner.casefold() not in {o.casefold() for o in t.owners}:
            return False
        if self.text:
            hay = f"{t.ref or ''} {t.text or ''} {' '.join(u.note or '' for u in t.updates)}"
            hay = hay.casefold()
            if not all(w in hay for w in self.text.casefold().split()):
                return False
        return True


def register_order(tracked: Iterable[Tracked]) -> list[Tracked]:
    """Open actions first, each group oldest first."""
    return sorted(tracked, key=lambda t: (t.is_done, t.sort_key))
