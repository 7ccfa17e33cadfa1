"""One person, one step: adding, changing and taking someone off a meeting, and putting
back what was there, are each one transaction."""

from __future__ import annotations

from scrutiny_desktop.domain.model import Attendance, AttendanceStatus, Person


def _one_step(book, change) -> None:
    before = book.transactions
    change()
    assert book.transactions == before + 1


def test_adding_someone_and_undoing_it(seeded_book):
    book, mid = seeded_book
    before = book.named_state(mid, "RK")
    new = Person("RK", "Rachel Kent", "Analyst", "OPCC", email="rk@example.org")
    _one_step(book, lambda: book.add_person(mid, new, Attendance("RK")))
    assert book.person("RK") == new and book.attendance(mid)[-1].initials == "RK"
    _one_step(book, lambda: book.put_named_state(mid, before))
    assert "RK" not in [p.initials for p in book.meeting_people(mid)]
    assert "RK" not in [a.initials for a in book.attendance(mid)]


def test_adding_a_known_person_keeps_the_details_not_given(seeded_book):
    book, mid = seeded_book
    _one_step(book, lambda: book.add_person(mid, Person("LW", "Lindsay Whitehouse"), None))
    assert book.person("LW").role == "Deputy Police and Crime Commissioner (DPCC)"  # type: ignore[union-attr]


def test_taking_someone_off_and_putting_them_back_where_they_were(seeded_book):
    book, mid = seeded_book
    book.set_attendance(mid, Attendance("SH", AttendanceStatus.PRESENT, chair=True))
    people = [p.initials for p in book.meeting_people(mid)]
    attendance = book.attendance(mid)
    before = book.named_state(mid, "SH")
    _one_step(book, lambda: book.remove_person(mid, "SH"))
    assert "SH" not in [p.initials for p in book.meeting_people(mid)]
    _one_step(book, lambda: book.put_named_state(mid, before))
    assert [p.initials for p in book.meeting_people(mid)] == people
    assert book.attendance(mid) == attendance


def test_undoing_a_new_chair_gives_the_old_one_back(seeded_book):
    book, mid = seeded_book
    book.set_attendance(mid, Attendance("LW", chair=True))
    before = book.named_state(mid, "SH")
    _one_step(book, lambda: book.set_attendance(mid, Attendance("SH", chair=True)))
    assert [a.initials for a in book.attendance(mid) if a.chair] == ["SH"]
    _one_step(book, lambda: book.put_named_state(mid, before))
    assert [a.initials for a in book.attendance(mid) if a.chair] == ["LW"]
