"""The next meeting of a series: header, expected attendees, matters arising, progress, agreement."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book, BookError, MeetingLocked
from scrutiny_desktop.domain.carry import PROGRESS_KEYS
from scrutiny_desktop.domain.fingerprint import canonical_bytes
from scrutiny_desktop.domain.model import (
    Action,
    Attendance,
    AttendanceStatus,
    ItemKind,
    Meeting,
    Status,
)
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.export import interchange

MARCH = date(2015, 3, 26)
CARRIED = [
    "81/14", "91/14", "93/14", "94/14", "97/14", "05/15",
    "Publication on PCC website",
    "07/15", "08/15", "09/15", "10/15", "11/15", "12/15", "13/15", "14/15", "15/15", "16/15",
]  # fmt: skip


def test_must_show_1_the_next_meeting_after_the_reference_meeting(seeded_book):
    book, feb = seeded_book
    new = book.new_meeting_after(feb)
    m = book.meeting(new)
    assert (m.date, m.start, m.venue) == (MARCH, m.start, "OPCC Conference room")
    assert m.start is not None and m.start.strftime("%H:%M") == "09:00"
    assert (m.title, m.series, m.is_signed_off) == (
        "Force Performance Scrutiny Meeting",
        "Force Performance Scrutiny",
        False,
    )
    items = book.items(new, full=True)
    assert [(i.number, i.title, i.kind) for i in items] == [
        ("1", "Matters arising", ItemKind.MATTER),
        ("2", "Minutes of the meeting held on 26 February 2015", ItemKind.MATTER),
        ("3", "Date of Next Meeting", ItemKind.NEXT_MEETING),
    ]
    arising = items[0].updates
    assert [u.subject for u in arising] == CARRIED
    done = {"76/14", "92/14", "01/15", "02/15", "03/15", "04/15", "06/15"}
    assert not done & {u.subject for u in arising}
    by = {u.subject: u for u in arising}
    assert by["81/14"].status is Status.TO_FOLLOW and by["94/14"].status is Status.OPEN
    assert by["07/15"].status is Status.OPEN and all(u.note is None for u in arising)
    publication = by["Publication on PCC website"]
    assert publication.ref is None and publication.action_id is not None
    assert book.action(publication.action_id).owners == ("JK",)


def test_new_meeting_lists_attendees_without_marking_them(seeded_book):
    book, feb = seeded_book
    new = book.new_meeting_after(feb)
    assert book.attendance(new) == []
    expected = [p.initials for p in book.expected_attendees(new)]
    assert expected == [a.initials for a in book.attendance(feb)]
    book.set_attendance(new, Attendance("SH", AttendanceStatus.APOLOGIES))
    assert "SH" not in [p.initials for p in book.expected_attendees(new)]


def test_a_date_overrides_the_next_meeting_date_and_is_needed_without_one(book_path: Path):
    with Book.create(book_path) as book:
        first = book.add_meeting(Meeting(id=None, title="Panel", date=date(2024, 1, 10)))
        assert first.id is not None
        with pytest.raises(BookError, match="no next meeting"):
            book.new_meeting_after(first.id)
        new = book.new_meeting_after(first.id, date(2024, 2, 14))
        assert book.meeting(new).date == date(2024, 2, 14)


def test_new_meeting_with_a_date_keeps_time_and_venue(seeded_book):
    book, feb = seeded_book
    new = book.new_meeting_after(feb, date(2015, 4, 2))
    m = book.meeting(new)
    assert (m.date, m.venue) == (date(2015, 4, 2), "OPCC Conference room")


def test_progress_set_at_one_meeting_decides_what_the_next_carries(seeded_book):
    book, feb = seeded_book
    march = book.new_meeting_after(feb)
    updates = {u.subject: u for u in book.items(march, full=True)[0].updates}
    assert PROGRESS_KEYS["c"] is Status.COMPLETED
    old = book.set_progress(updates["07/15"].id, PROGRESS_KEYS["c"])  # type: ignore[arg-type]
    assert old.status is Status.OPEN
    book.set_progress(updates["Publication on PCC website"].id, "closed")  # type: ignore[arg-type]
    book.set_progress(updates["94/14"].id, "in_progress", "SH to action")  # type: ignore[arg-type]
    book.set_progress(updates["94/14"].id, "to_follow")  # type: ignore[arg-type]
    assert book.updates(book.items(march)[0].id)[3].note == "SH to action"  # type: ignore[arg-type]
    april = book.new_meeting_after(march, date(2015, 4, 30))
    carried = [u.subject for u in book.items(april, full=True)[0].updates]
    assert carried == [s for s in CARRIED if s not in ("07/15", "Publication on PCC website")]
    history = book.action_history("Force Performance Scrutiny", "94/14")
    assert [(h.on, h.status, h.note) for h in history] == [
        (date(2015, 2, 26), Status.OPEN, "SH to action"),
        (MARCH, Status.TO_FOLLOW, "SH to action"),
        (date(2015, 4, 30), Status.TO_FOLLOW, None),
    ]
    raised = book.action_history("Force Performance Scrutiny", ActionRef(15, 7))
    assert [(h.raised, h.status) for h in raised] == [
        (True, Status.OPEN),
        (False, Status.COMPLETED),
    ]


def test_an_empty_note_clears_it(seeded_book):
    book, feb = seeded_book
    march = book.new_meeting_after(feb)
    u = book.items(march, full=True)[0].updates[0]
    book.set_progress(u.id, "open", "chase")  # type: ignore[arg-type]
    book.set_progress(u.id, "open", "")  # type: ignore[arg-type]
    assert book.items(march, full=True)[0].updates[0].note is None


def test_history_of_an_unnumbered_action(seeded_book):
    book, feb = seeded_book
    march = book.new_meeting_after(feb)
    u = book.items(march, full=True)[0].updates[6]
    assert u.action_id is not None
    book.set_progress(u.id, "completed", "Published 20 March")  # type: ignore[arg-type]
    history = book.action_history_of(u.action_id)
    assert [(h.on, h.status, h.note) for h in history] == [
        (date(2015, 2, 26), Status.OPEN, None),
        (MARCH, Status.COMPLETED, "Published 20 March"),
    ]


def test_agree_previous_signs_it_off_in_one_step(seeded_book):
    book, feb = seeded_book
    march = book.new_meeting_after(feb)
    with pytest.raises(BookError, match="chair"):
        book.agree_previous(march)
    book.set_attendance(march, Attendance("LW", AttendanceStatus.PRESENT, chair=True))
    prev = book.agree_previous(march)
    assert prev.id == feb and prev.signed_off is not None
    assert (prev.signed_off.by, prev.signed_off.on) == ("LW", MARCH)
    body = book.items(march, full=True)[1].body
    assert [p.text for p in body] == ["The minutes of the meeting were agreed."]
    assert book.verify(feb).ok
    with pytest.raises(MeetingLocked):
        book.agree_previous(march)
    with pytest.raises(MeetingLocked):
        book.add_action(book.items(feb)[2].id, Action(id=None, ref=None, text="late"))  # type: ignore[arg-type]


def test_new_meeting_carries_only_its_own_series(seeded_book):
    book, feb = seeded_book
    other = book.add_meeting(
        Meeting(id=None, title="Audit", date=date(2015, 3, 1), series="Audit Committee")
    )
    assert other.id is not None
    item = book.add_item(other.id, "Accounts")
    book.add_action(item.id, Action(id=None, ref=None, text="Audit action"))  # type: ignore[arg-type]
    new = book.new_meeting_after(feb)
    assert "Audit action" not in [u.subject for u in book.items(new, full=True)[0].updates]
    audit_next = book.new_meeting_after(other.id, date(2015, 4, 1))
    assert [u.subject for u in book.items(audit_next, full=True)[0].updates] == ["01/15"]


def test_export_of_the_new_meeting_is_valid_and_round_trips(seeded_book, tmp_path: Path):
    book, feb = seeded_book
    march = book.new_meeting_after(feb)
    doc = interchange.to_document(book.minutes(march))
    interchange.validate(doc)
    arising = doc["items"][0]
    assert arising["actions"] == []
    assert len(arising["action_updates"]) == len(CARRIED)
    unnumbered = [u for u in arising["action_updates"] if u["ref"] is None]
    assert [u["action"] for u in unnumbered] == ["Publication on PCC website"]
    # Into the same book (a copy): the update on the unnumbered action is tied to it again.
    again = book.import_minutes(interchange.from_document(doc))
    ups = book.items(again, full=True)[0]
    (tied,) = [u for u in ups.updates if u.ref is None]
    assert ups.actions == () and tied.action_id is not None
    assert interchange.to_document(book.minutes(again)) == doc


def test_the_generated_bench_book_is_deterministic_and_consistent(tmp_path: Path):
    from bench.make_book import make_book

    docs = []
    for name in ("a.sqlite", "b.sqlite"):
        with Book.open(make_book(9, tmp_path / name)) as book:
            meetings = sorted(book.meetings(), key=lambda m: m.id or 0)
            assert sum(m.is_signed_off for m in meetings) == 3
            assert all(book.verify(m.id).ok for m in meetings if m.is_signed_off)  # type: ignore[arg-type]
            docs.append([canonical_bytes(book.minutes(m.id)) for m in meetings])  # type: ignore[arg-type]
            assert len(book.series_names()) == 8 and book.register()
    assert docs[0] == docs[1]
