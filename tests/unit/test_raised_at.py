"""Book.raised_at: what a carried action was, read without the whole register."""

from datetime import date

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.refs import ActionRef


def test_a_carried_action_is_found_where_it_was_raised(seeded_book: tuple[Book, int]) -> None:
    book, first = seeded_book
    second = book.new_meeting_after(first)
    found = book.raised_at(second, ActionRef.parse("07/15"))
    assert found is not None
    assert found.action.text.startswith("LW and CF to be briefed")
    assert found.action.owners == ("GM",)
    assert (found.meeting_id, found.meeting_date) == (first, date(2015, 2, 26))
    assert found.meeting_title == "Force Performance Scrutiny Meeting"
    unnumbered = next(a for i in book.items(first, full=True) for a in i.actions if a.ref is None)
    assert unnumbered.id is not None
    again = book.raised_at(second, unnumbered.id)
    assert again is not None and again.action == unnumbered


def test_a_reference_raised_before_the_book_began_is_not_found(
    seeded_book: tuple[Book, int],
) -> None:
    book, first = seeded_book
    assert book.raised_at(first, ActionRef.parse("81/14")) is None


def test_many_at_once_find_what_each_alone_finds(seeded_book: tuple[Book, int]) -> None:
    """The updates of a matters-arising item are read together (issue 17, start-up)."""
    book, first = seeded_book
    second = book.new_meeting_after(first)
    keys: list[ActionRef | int] = [
        u.ref if u.ref is not None else u.action_id
        for i in book.items(second, full=True)
        for u in book.updates(i.id)  # type: ignore[arg-type]
        if u.ref is not None or u.action_id is not None
    ]
    keys.append(ActionRef.parse("81/14"))  # raised before the book began
    assert len(keys) > 2
    many = book.raised_at_many(second, keys)
    assert many == {k: book.raised_at(second, k) for k in keys}
    assert many[ActionRef.parse("81/14")] is None
    assert sum(v is not None for v in many.values()) > 1
    assert book.raised_at_many(second, []) == {}
