"""Book.rename_person and remove_person: other initials for someone, with attendance and
actions following; and someone added by mistake taken out of the directory again."""

from datetime import date

import pytest

from scrutiny_desktop.book import Book, BookError, MeetingLocked, NotFound
from scrutiny_desktop.domain.model import Person


def test_attendance_and_owned_actions_follow_new_initials(seeded_book: tuple[Book, int]) -> None:
    book, mid = seeded_book
    before = book.minutes(mid)
    book.rename_person("PL", "PLO")
    after = book.minutes(mid)
    assert book.person("PL") is None
    assert book.person("PLO") is not None
    assert [a.initials for a in after.attendance] == [
        "PLO" if a.initials == "PL" else a.initials for a in before.attendance
    ]
    owners = lambda m: [a.owners for i in m.items for a in i.actions]  # noqa: E731
    assert owners(after) == [tuple("PLO" if o == "PL" else o for o in os) for os in owners(before)]
    book.rename_person("PLO", "PL")
    assert book.minutes(mid) == before


def test_initials_already_taken_or_in_signed_off_minutes_are_refused(
    seeded_book: tuple[Book, int],
) -> None:
    book, mid = seeded_book
    with pytest.raises(BookError, match="already"):
        book.rename_person("PL", "TB")
    book.sign_off(mid, "LW", date(2015, 3, 26))
    with pytest.raises(MeetingLocked):
        book.rename_person("PL", "PLO")
    assert book.person("PL") is not None


def test_someone_added_by_mistake_leaves_the_directory_again(
    seeded_book: tuple[Book, int],
) -> None:
    book, _ = seeded_book
    directory = book.people()
    book.save_person(Person("ZZ", "Zoe Zephaniah"))
    book.forget_person("ZZ")
    assert book.people() == directory
    with pytest.raises(BookError, match="named in the minutes"):
        book.forget_person("PL")  # present, and owns actions
    with pytest.raises(NotFound):
        book.forget_person("ZZ")
