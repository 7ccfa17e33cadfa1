"""The decisions register and the declarations register, full and public (issue 14)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from scrutiny_desktop import cli
from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange

PANEL = Path(__file__).resolve().parents[1] / "data" / "panel-meeting.v2.json"


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
        from dataclasses import replace
        from datetime import date

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
