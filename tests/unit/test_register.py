"""The action register: status by latest update, filters (overdue on a given day), CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book, NotFound
from scrutiny_desktop.domain.carry import RegisterFilter
from scrutiny_desktop.domain.model import Action, Meeting, Person, Status
from scrutiny_desktop.export.csv_export import HEADER, register_csv, register_table

SERIES = "Force Performance Scrutiny"


@pytest.fixture
def book_with_march(seeded_book):  # type: ignore[no-untyped-def]
    """The reference meeting and the next one, with some progress reported in March."""
    book, feb = seeded_book
    march = book.new_meeting_after(feb)
    ups = {u.subject: u for u in book.items(march, full=True)[0].updates}
    book.set_progress(ups["07/15"].id, "completed")
    book.set_progress(ups["81/14"].id, "closed", "Superseded")
    return book, feb, march


def refs(rows) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(t.ref) if t.ref else t.text for t in rows]


def test_register_lists_every_action_with_the_latest_status(book_with_march):
    book, feb, _ = book_with_march
    rows = book.register(SERIES)
    by = {str(t.ref) if t.ref else t.text: t for t in rows}
    assert by["07/15"].status is Status.COMPLETED and by["07/15"].raised_on == date(2015, 2, 26)
    assert by["07/15"].last_update_on == date(2015, 3, 26)
    assert by["81/14"].status is Status.CLOSED and by["81/14"].latest.note == "Superseded"
    assert by["81/14"].text is None and by["81/14"].raised_on is None  # raised before the book
    assert by["76/14"].status is Status.COMPLETED
    assert by["09/15"].owners == ("SH", "CF") and by["08/15"].place[0] == feb
    assert by["Publication on PCC website"].due == date(2015, 3, 12)
    open_first = [t.is_done for t in rows]
    assert open_first == sorted(open_first)


def test_filters_open_overdue_owner_text(book_with_march):
    book, _, _ = book_with_march
    open_refs = refs(book.register(SERIES, filters=RegisterFilter(open_only=True)))
    assert "07/15" not in open_refs and "81/14" not in open_refs and "08/15" in open_refs
    # Only the publication action has a due date (12.03.15): overdue from the 13th.
    assert refs(book.register(SERIES, filters=RegisterFilter(overdue_on=date(2015, 3, 12)))) == []
    assert refs(book.register(SERIES, filters=RegisterFilter(overdue_on=date(2015, 3, 13)))) == [
        "Publication on PCC website"
    ]
    assert refs(book.register(SERIES, filters=RegisterFilter(owner="cf"))) == ["09/15"]
    assert refs(book.register(SERIES, filters=RegisterFilter(text="DHR information"))) == ["12/15"]
    assert refs(book.register(SERIES, filters=RegisterFilter(text="superseded"))) == ["81/14"]


def test_done_actions_are_never_overdue(book_with_march):
    book, _, march = book_with_march
    ups = {u.subject: u for u in book.items(march, full=True)[0].updates}
    book.set_progress(ups["Publication on PCC website"].id, "completed")
    assert book.register(SERIES, filters=RegisterFilter(overdue_on=date(2016, 1, 1))) == []


def test_register_of_an_unknown_series(book_with_march):
    book, _, _ = book_with_march
    with pytest.raises(NotFound, match="Audit"):
        book.register("Audit")


def test_register_spans_series_when_none_is_given(book_with_march):
    book, _, _ = book_with_march
    m = book.add_meeting(Meeting(id=None, title="Audit", date=date(2015, 3, 1), series="Audit"))
    item = book.add_item(m.id, "Accounts")  # type: ignore[arg-type]
    book.add_action(item.id, Action(id=None, ref=None, text="Check"))  # type: ignore[arg-type]
    assert {t.series for t in book.register()} == {SERIES, "Audit"}
    assert refs(book.register("Audit")) == ["01/15"]


def test_csv_round_trips_through_the_csv_module_with_non_ascii_intact(
    book_path: Path,
):
    with Book.create(book_path) as book:
        m = book.add_meeting(
            Meeting(id=None, title="Cyfarfod", date=date(2024, 5, 2), series="Pwyllgor")
        )
        item = book.add_item(m.id, "Eitem")  # type: ignore[arg-type]
        book.save_person(Person("ŴŶ", "Gwŷn Ŵ"))
        texts = [
            "Gwŷn i adrodd ar y ŵyl; Łódź: zażółć gęślą jaźń",
            'Quote "this", and a comma, and\na new line',
            '=HYPERLINK("http://example.com")',
        ]
        for t in texts:
            book.add_action(
                item.id,  # type: ignore[arg-type]
                Action(id=None, ref=None, text=t, owners=("ŴŶ",), due=date(2024, 6, 1)),
            )
        rows = book.register("Pwyllgor")
    data = register_csv(rows, today=date(2024, 7, 1))
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(read[0]) == HEADER
    got = {r[1]: r for r in read[1:]}
    assert got["01/24"][2] == texts[0] and got["01/24"][3] == "ŴŶ"
    assert got["02/24"][2] == texts[1]
    assert got["03/24"][2] == "'" + texts[2]  # never a live formula
    assert got["01/24"][4] == "2024-06-01" and got["01/24"][9] == "yes"
    assert "Gwŷn" in register_table(rows)
