"""Issue 16 in the book and the outputs: the glossary printed at the end (only the
abbreviations used, in order of first use), first uses marked on the web page, this
book's words and the meeting's ignored words known to the spelling check, phrases per series."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from scrutiny_desktop.book import BookError
from scrutiny_desktop.export.docx_export import write_docx
from scrutiny_desktop.export.html_export import write_html
from scrutiny_desktop.export.pdf import export_pdf
from scrutiny_desktop.writing.glossary import GlossaryEntry
from scrutiny_desktop.writing.phrases import DEFAULT_PHRASES, Phrase
from tests.unit.pdf_helpers import pdftotext, squash

ENTRIES = (
    GlossaryEntry("DAAT", "Drugs and Alcohol Team"),
    GlossaryEntry("IOM", "Integrated Offender Management"),
    GlossaryEntry("BWV", "Body Worn Video"),
    GlossaryEntry("ANPR", "Automatic Number Plate Recognition"),  # not in these minutes
)


@pytest.fixture
def book(seeded_book):
    book, mid = seeded_book
    for entry in ENTRIES:
        book.put_glossary_entry(entry)
    return book, mid


def test_the_pdf_ends_with_the_abbreviations_it_uses_in_order_of_first_use(book, tmp_path):
    b, mid = book
    out = tmp_path / "m.pdf"
    export_pdf(b.minutes(mid), out, presentation=b.presentation(mid))
    text = squash(pdftotext(out, "-raw"))
    listed = text.split("Abbreviations used in these minutes", 1)[1]
    assert listed.startswith(
        " IOM – Integrated Offender Management DAAT – Drugs and Alcohol Team BWV – Body Worn Video"
    )  # in order of first use (none is in the heading or the attendance lists)
    assert "ANPR" not in text


def test_the_web_page_marks_each_first_use_and_lists_them(book, tmp_path):
    b, mid = book
    out = tmp_path / "m.html"
    write_html(b.minutes(mid), out, public=True, presentation=b.presentation(mid))
    page = out.read_text()
    assert page.count('<abbr title="Drugs and Alcohol Team">DAAT</abbr>') == 1
    assert page.count('<abbr title="Body Worn Video">BWV</abbr>') == 1
    assert "<dt>IOM</dt><dd>Integrated Offender Management</dd>" in page
    assert "ANPR" not in page


def test_the_word_minutes_end_with_the_list(book, tmp_path):
    b, mid = book
    out = tmp_path / "m.docx"
    write_docx(b.minutes(mid), out, presentation=b.presentation(mid))
    texts = [p.text for p in Document(str(out)).paragraphs]
    at = texts.index("Abbreviations used in these minutes")
    assert texts[at + 1 : at + 4] == [
        "IOM – Integrated Offender Management",
        "DAAT – Drugs and Alcohol Team",
        "BWV – Body Worn Video",
    ]


def test_glossary_entries_change_and_go_with_what_they_replaced_for_undo(book):
    b, _ = book
    old = b.put_glossary_entry(GlossaryEntry("DAAT", "Drug and Alcohol Action Team"))
    assert old == ENTRIES[0]
    assert b.remove_glossary_entry("DAAT") == GlossaryEntry("DAAT", "Drug and Alcohol Action Team")
    assert [e.abbreviation for e in b.glossary()] == ["ANPR", "BWV", "IOM"]
    with pytest.raises(BookError):
        b.put_glossary_entry(GlossaryEntry("X", "  "))


def test_known_words_come_from_the_book(seeded_book):
    b, mid = seeded_book
    b.put_glossary_entry(GlossaryEntry("DAAT", "Drugs and Alcohol Team"))
    b.add_book_word("Grimsditch")
    b.ignore_word(mid, "Thurrockian")
    known = b.known_words(mid)
    for word in (
        "Whitehouse",
        "LW",
        "OPCC",
        "Hancock",
        "DAAT",
        "Grimsditch",
        "Thurrockian",
        "Scrutiny",
    ):
        assert word in known, word
    assert "Thurrockian" not in b.known_words(None)
    b.ignore_word(mid, "Thurrockian", ignore=False)
    b.add_book_word("Grimsditch", add=False)
    assert "Thurrockian" not in b.known_words(mid) and "Grimsditch" not in b.known_words(mid)


def test_phrases_are_the_defaults_until_a_series_edits_them(seeded_book, tmp_path: Path):
    b, _ = seeded_book
    series = "Force Performance Scrutiny"
    assert b.phrases(series) == list(DEFAULT_PHRASES)
    mine = [Phrase(";thanks", "The Chair thanked officers for the report.")]
    assert b.set_phrases(series, mine) == list(DEFAULT_PHRASES)
    assert b.phrases(series) == mine
    assert b.phrases("Another series") == list(DEFAULT_PHRASES)
    with pytest.raises(BookError):
        b.set_phrases(series, [Phrase(";a", "x"), Phrase(";a", "y")])
