"""Who was in the room at each item: late arrivals, departures, declarations, the quorum.

Members are the people whose attendance is "present" (officers "in attendance" are not
members and neither vote nor count towards the quorum). At each item two sets: the
members in the room for the whole of it, and those in for part of it, having arrived or
left during it. The quorum is judged on the first (a member leaving during an item left
the rest of it to those who stayed); a vote is judged on both (the member who left may
have voted first). Where a moment falls is decided by ``place``, for the minutes'
wording too. A member who declared an interest and left the room for an item is in
neither set at that item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scrutiny_desktop.domain.model import (
    Attendance,
    AttendanceStatus,
    Item,
    Minutes,
    Moment,
    Resolution,
)


@dataclass(frozen=True, slots=True)
class Presence:
    """The members in the room at one item, and whether that made the meeting quorate."""

    item_number: str
    members: tuple[str, ...]
    """In the room for the whole item."""
    quorum: int | None
    part: tuple[str, ...] = ()
    """In the room for part of it: arrived or left during it."""

    @property
    def inquorate(self) -> bool:
        return self.quorum is not None and len(self.members) < self.quorum

    @property
    def any_time(self) -> tuple[str, ...]:
        """Everyone in the room at some time during the item (who may have voted)."""
        return self.members + self.part


def place(items: Sequence[Item], moment: Moment) -> tuple[int, bool] | None:
    """Where a moment falls: (index, True) during that item, (index, False) just before
    it; None when it can be placed nowhere (it then moves nobody and prints nowhere).

    A moment naming an item is during it. A time alone is during the last item started
    before it, or before the item started at it (or before the first item started)."""
    if moment.item is not None:
        for i, item in enumerate(items):
            if item.number == moment.item:
                return i, True
    if moment.time is None:
        return None
    last = None
    for i, item in enumerate(items):
        if item.started is None:
            continue
        if item.started >= moment.time:
            return (i, False) if item.started == moment.time or last is None else (last, True)
        last = i
    return None if last is None else (last, True)


def _in_room(a: Attendance, index: int, items: Sequence[Item]) -> bool | None:
    """In the room for the whole item (True), for part of it (None), or not (False)."""
    if a.status is not AttendanceStatus.PRESENT:
        return False
    whole = True
    came = None if a.arrived is None else place(items, a.arrived)
    if came is not None:
        at, during = came
        if index < at:
            return False
        whole = not (index == at and during)
    went = None if a.left is None else place(items, a.left)
    if went is not None:
        at, during = went
        if index > at or (index == at and not during):
            return False
        whole = whole and index != at
    return True if whole else None


def presence(minutes: Minutes) -> list[Presence]:
    """Each item's members in the room, in agenda order."""
    items = minutes.items
    out = []
    for index, item in enumerate(items):
        withdrew = {d.initials for d in item.declarations if d.left_room}
        rooms = {
            a.initials: _in_room(a, index, items)
            for a in minutes.attendance
            if a.initials not in withdrew
        }
        whole = tuple(i for i, r in rooms.items() if r is True)
        part = tuple(i for i, r in rooms.items() if r is None)
        out.append(Presence(item.number, whole, minutes.meeting.quorum, part))
    return out


def vote_warning(resolution: Resolution, room: Presence) -> str | None:
    """A sentence when a vote counts more votes than members in the room at its item."""
    vote = resolution.vote
    if vote is None:
        return None
    problems = []
    present = room.any_time
    if vote.total > len(present):
        problems.append(
            f"{vote.total} votes counted but only {len(present)} members were in the "
            f"room at item {room.item_number}"
        )
    voters = [v.initials for v in vote.named]
    absent = [i for i in voters if i not in present]
    if absent:
        problems.append(f"{', '.join(absent)} voted but not in the room at item {room.item_number}")
    twice = sorted({i for i in voters if voters.count(i) > 1})
    if twice:
        problems.append(f"{', '.join(twice)} voted more than once")
    if vote.named:
        counted = {
            c: sum(1 for v in vote.named if v.vote.value == c)
            for c in ("for", "against", "abstained")
        }
        if (counted["for"], counted["against"], counted["abstained"]) != (
            vote.for_,
            vote.against,
            vote.abstained,
        ):
            problems.append("the named votes do not add up to the counts")
    return "; ".join(problems) or None
