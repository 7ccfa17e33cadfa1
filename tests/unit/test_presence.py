"""Who was in the room at each item: where an arrival or departure falls, the members there
for the whole item (the quorum's) and those there for part of it (who may have voted)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from scrutiny_desktop.domain.model import (
    Attendance,
    AttendanceStatus,
    Item,
    Meeting,
    Minutes,
    Moment,
    Person,
)
from scrutiny_desktop.domain.presence import place, presence

# Three items reached at 10:00, 10:10 and 10:20; a fourth not reached yet.
ITEMS = tuple(
    Item(None, f"{n}/26", f"Item {n}", started=None if n == 4 else time(10, 10 * (n - 1)))
    for n in range(1, 5)
)


@pytest.mark.parametrize(
    ("moment", "where"),
    [
        (Moment(None, "2/26"), (1, True)),  # during the item it names
        (Moment(time(10, 15), None), (1, True)),  # during the last item started before
        (Moment(time(10, 10), None), (1, False)),  # as item 2 started: before it
        (Moment(time(9, 50), None), (0, False)),  # before the first
        (Moment(time(11, 0), None), (2, True)),  # during the last item reached
        (Moment(None, "9/26"), None),  # an item no longer there: placed nowhere
    ],
)
def test_where_a_moment_falls(moment: Moment, where: tuple[int, bool] | None) -> None:
    assert place(ITEMS, moment) == where


def _rooms(arrived: Moment | None = None, left: Moment | None = None) -> list[str]:
    """For each item: "whole", "part" or "out" for a member arriving and leaving so."""
    people = (Person("AA", "A A"), Person("BB", "B B"))
    attendance = (
        Attendance("AA", AttendanceStatus.PRESENT, arrived=arrived, left=left),
        Attendance("BB", AttendanceStatus.PRESENT),
    )
    meeting = Meeting(None, "Panel", date(2026, 6, 18), "Panel", quorum=2)
    minutes = Minutes(meeting, people, attendance, ITEMS)
    out = []
    for room in presence(minutes):
        assert "BB" in room.members  # there throughout
        out.append("whole" if "AA" in room.members else "part" if "AA" in room.part else "out")
    return out


def test_arriving_and_leaving_during_items_is_part_of_them() -> None:
    assert _rooms() == ["whole"] * 4
    assert _rooms(arrived=Moment(time(10, 15), "2/26")) == ["out", "part", "whole", "whole"]
    assert _rooms(left=Moment(time(10, 15), "2/26")) == ["whole", "part", "out", "out"]
    assert _rooms(left=Moment(time(10, 15), None)) == ["whole", "part", "out", "out"]


def test_at_the_moment_an_item_starts_a_member_is_in_it_or_not_at_all() -> None:
    assert _rooms(arrived=Moment(time(10, 10), None)) == ["out", "whole", "whole", "whole"]
    assert _rooms(left=Moment(time(10, 10), None)) == ["whole", "out", "out", "out"]


def test_the_quorum_counts_the_whole_item_and_the_vote_any_part() -> None:
    people = (Person("AA", "A A"), Person("BB", "B B"))
    attendance = (
        Attendance("AA", AttendanceStatus.PRESENT, left=Moment(None, "2/26")),
        Attendance("BB", AttendanceStatus.PRESENT),
    )
    meeting = Meeting(None, "Panel", date(2026, 6, 18), "Panel", quorum=2)
    second = presence(Minutes(meeting, people, attendance, ITEMS))[1]
    assert second.inquorate and second.any_time == ("BB", "AA")
    assert not presence(Minutes(replace(meeting, quorum=1), people, attendance, ITEMS))[1].inquorate
