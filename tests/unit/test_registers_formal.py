"""The decisions register and the declarations register, full and public (issue 14)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from scrutiny_desktop import cli
from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.book.formal import SeriesSettings
from scrutiny_desktop.domain.model import Meeting
from scrutiny_desktop.export import interchange

PANEL = Path(__file__).resolve().parents[1] / "data" / "panel-meeting.v2.json"
SERIES = "Police and Crime Panel"


@pytest.fixture
def panel_book(tmp_path: Path) -> Path:
    path = tmp_path / "panel.sqlite"
    with Book.create(path) as book:
        book.import_minutes(interchange.load(PANEL))
    return path


def _run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(list(argv), out, err) == 0, err.getvalue()
    return out.getvalue()


def test_the_decisions_register_lists_every_resolution_with_its_vote(panel_book: Path):
    rows = list(csv.DictReader(io.StringIO(_run("decisions", str(panel_book), "--format", "csv"))))
    assert [r["Item"] for r in rows] == ["43/26", "44/26", "44/26", "45/26", "46/26"]
    precept = rows[1]
    assert precept["Resolution"].startswith("RESOLVED: That the Panel supports")
    assert precept["Vote"].startswith("For 4, against 1, abstained 0. For: RGH, AS, MW, JG")
    assert [r["Restricted"] for r in rows] == ["", "", "", "", "yes"]


def test_the_public_decisions_register_leaves_out_what_was_private(panel_book: Path):
    text = _run("decisions", str(panel_book), "--public", "--format", "csv")
    assert "Kestrel" not in text and "46/26" not in text
    assert "supports the proposed precept" in text


def test_decisions_are_searchable(panel_book: Path):
    with Book.open(panel_book, read_only=True) as book:
        found = book.decisions("Police and Crime Panel", text="precept band")
    assert [d.item_number for d in found] == ["44/26"]


def test_a_persons_declarations_across_meetings(panel_book: Path):
    with Book.open(panel_book) as book:
        doc = interchange.load(PANEL)
        later = replace(doc, meeting=replace(doc.meeting, date=date(2026, 4, 23)), audit=())
        book.import_minutes(later)
    table = _run("declarations", str(panel_book), "--person", "RP")
    lines = table.splitlines()
    assert lines[0].split() == ["Who", "Meeting", "Item", "Kind", "Left", "Interest"]
    assert [line.split()[1] for line in lines[1:]] == ["2026-04-23", "2026-03-12"]
    assert "disclosable pecuniary" in lines[1] and "spouse works in force finance" in lines[1]
    everyone = list(
        csv.DictReader(io.StringIO(_run("declarations", str(panel_book), "--format", "csv")))
    )
    assert {r["Initials"] for r in everyone} == {"RP", "JG"}


def test_unknown_initials_are_a_clear_refusal(panel_book: Path):
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["declarations", str(panel_book), "--person", "ZZ"], out, err) == 2
    assert "nobody" in err.getvalue() and "'ZZ'" in err.getvalue()


def test_a_series_first_met_in_yearly_numbers_goes_on_numbering_them(panel_book: Path):
    with Book.open(panel_book) as book:
        assert book.series_settings("Police and Crime Panel").numbering == "yearly"
        (mid,) = [m.id for m in book.meetings()]
        assert mid is not None
        book.add_item(mid, "Any other business")
        numbers = [i.number for i in book.items(mid)]
    assert numbers[:2] == ["41/26", "42/26"] and numbers[-1] == "48/26"


def test_moving_an_item_to_the_top_keeps_the_meetings_first_number(panel_book: Path):
    """A meeting numbered on from 41/26 kept the number of whatever item was first: an item
    moved to the top brought its own number with it and every item went up by one."""
    with Book.open(panel_book) as book:
        (mid,) = [m.id for m in book.meetings()]
        assert mid is not None
        items = book.items(mid)
        moved = items[1]
        assert moved.id is not None
        book.move_item(moved.id, 0)
        numbers = [(i.number, i.title) for i in book.items(mid)]
    assert numbers[0] == ("41/26", moved.title)
    assert [n for n, _ in numbers] == [f"{n}/26" for n in range(41, 48)]


def test_a_book_begun_part_way_through_a_year_goes_on_from_the_minute_the_year_had_reached(
    tmp_path: Path,
):
    # The book was started in June: the panel's minutes of 2026 had reached 40/26 without it.
    with Book.create(tmp_path / "new.sqlite") as book:
        june = book.add_meeting(Meeting(None, "Police and Crime Panel", date(2026, 6, 18), SERIES))
        assert june.id is not None
        for title in ("Apologies", "Declarations of interest"):
            book.add_item(june.id, title)
        numbered = SeriesSettings(SERIES, 5, 5, "yearly", first_minute=" 41/26 ")
        book.set_series_settings(numbered)
        assert book.series_settings(SERIES).first_minute == "41/26"
        assert [i.number for i in book.items(june.id)] == ["41/26", "42/26"]
        book.add_item(june.id, "Police and crime plan")
        assert [i.number for i in book.items(june.id)][-1] == "43/26"
        july = book.add_meeting(Meeting(None, "Police and Crime Panel", date(2026, 7, 16), SERIES))
        assert july.id is not None
        book.add_item(july.id, "Apologies")
        assert [i.number for i in book.items(july.id)] == ["44/26"]  # on from June
        next_year = book.add_meeting(
            Meeting(None, "Police and Crime Panel", date(2027, 6, 17), SERIES)
        )
        assert next_year.id is not None
        book.add_item(next_year.id, "Apologies")
        assert [i.number for i in book.items(next_year.id)] == ["1/27"]  # a year of its own
        book.set_series_settings(replace(numbered, first_minute=None))  # taken back (or undone)
        assert [i.number for i in book.items(june.id)] == ["1/26", "2/26", "3/26"]
        assert [i.number for i in book.items(july.id)] == ["4/26"]
        book.set_series_settings(numbered)
        first = book.items(june.id)[0]
        assert first.id is not None
        book.delete_item(first.id)  # 41/26 goes to the item that is now first
        assert [i.number for i in book.items(june.id)] == ["41/26", "42/26"]
        book.set_series_settings(replace(numbered, first_minute="1/26"))
        with pytest.raises(
            BookError, match=r"'forty-one' is not a minute number: type e\.g\. 23/26"
        ):
            book.set_series_settings(replace(numbered, first_minute="forty-one"))
        assert book.series_settings(SERIES).first_minute == "1/26"  # nothing changed


def test_an_item_not_assured_is_offered_again_at_the_next_meeting(panel_book: Path):
    """Issue 14, must-show 4: as Matters arising carries open actions, the next meeting of
    the series offers every item rated not assured again, private still if it was."""
    with Book.open(panel_book) as book:
        (mid,) = [m.id for m in book.meetings()]
        assert mid is not None
        rated = {i.number: i.assurance for i in book.items(mid)}
        assert rated["46/26"] is not None and rated["46/26"].value == "not_assured"
        assert rated["44/26"] is not None and rated["44/26"].value == "partly_assured"
        new = book.new_meeting_after(mid, date(2026, 4, 23))
        items = book.items(new, full=True)
        again = [i for i in items if i.title == "Complaint against the Commissioner"]
        assert len(again) == 1  # the not-assured one only; partly assured is not offered
        (complaint,) = again
        assert (complaint.restricted, complaint.exempt_paragraphs) == (True, (1, 3))
        assert [p.text for p in complaint.body] == [
            "Not assured at the meeting of 12.03.2026 (item 46/26): brought back to this meeting."
        ]
        assert not any(i.title == "Proposed Police Precept 2026/27" for i in items)
