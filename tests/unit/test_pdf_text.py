"""User text in the PDF: printed exactly as typed, any Latin script, long words, long items."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from scrutiny_desktop.domain.model import Action, Item, Minutes, Paragraph
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.export.pdf import export_pdf, export_pdf_report
from scrutiny_desktop.export.pdf_text import TextPrep
from tests.unit.pdf_helpers import (
    chunks,
    in_order,
    item,
    minutes_with,
    page_texts,
    pdftotext,
    squash,
    table_columns,
)

LATIN = [
    "Gwenllian ap Dafydd ŵ ŷ Ŵ Ŷ",
    "Zażółć gęślą jaźń ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
    "Seán Ó Briain, Máire Ní Bhriain",
    "‘single’ “double” it’s",
    "en – dash, em — dash",
    "€1,000 … £5 ß æ ø å ñ ç",
]


def _texts(path: Path) -> tuple[str, str]:
    """(pypdf text, pdftotext -raw text), whitespace squashed."""
    py = squash(" ".join(p.extract_text() for p in PdfReader(path).pages))
    return py, squash(pdftotext(path, "-raw"))


def _action(text: str, *owners: str, number: int = 1) -> Action:
    return Action(id=None, ref=ActionRef(15, number), text=text, owners=owners)


def test_markup_characters_print_literally(tmp_path: Path) -> None:
    tricky = ["R&D <draft>", "<b>not bold</b> & <i>", "<unclosed", "a &amp; b", "x < y > z"]
    minutes = minutes_with(
        [
            item("1", "R&D <draft>", *tricky[1:]),
            Item(
                id=None,
                number="2",
                title="<para>",
                actions=(_action("Check <b>tags</b> & stuff", "A&B"),),
            ),
        ],
        venue="Room <1> & 2",
    )
    out = tmp_path / "m.pdf"
    export_pdf(minutes, out)
    for text in _texts(out):
        for needle in [*tricky, "<para>", "15 – Check <b>tags</b> & stuff", "A&B", "Room <1> & 2"]:
            assert needle in text


def test_latin_script_sample_comes_back_exactly(tmp_path: Path) -> None:
    minutes = minutes_with(
        [
            item("1", LATIN[0], *LATIN[1:]),
            Item(id=None, number="2", title="Actions", actions=(_action(LATIN[1], "SÓB"),)),
        ],
        title="Cyfarfod Craffu – Zażółć",
    )
    out = tmp_path / "m.pdf"
    report = export_pdf_report(minutes, out)
    assert report.substitutions == ()
    for text in _texts(out):
        assert in_order(text, [*LATIN, LATIN[1], "SÓB"]) == []
    meta = PdfReader(out).metadata
    assert meta is not None and meta.title == "Cyfarfod Craffu – Zażółć"


def test_characters_the_font_lacks_are_substituted_visibly_and_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    minutes = minutes_with([item("1", "Budget 中", "Bell\x07 and person 🧑 here")])
    out = tmp_path / "m.pdf"
    with caplog.at_level(logging.WARNING):
        export_pdf(minutes, out)
    for text in _texts(out):
        assert "Budget \ufffd" in text
        assert "Bell\ufffd and person \ufffd here" in text
    logged = caplog.text
    assert "U+4E2D" in logged and "U+1F9D1" in logged and "U+0007" in logged
    report = export_pdf_report(minutes, tmp_path / "again.pdf")
    assert [f"U+{ord(s.char):04X}" for s in report.substitutions] == ["U+4E2D", "U+0007", "U+1F9D1"]
    assert all(s.where == "item 1" for s in report.substitutions)


def test_text_prep_keeps_covered_text_and_line_breaks() -> None:
    prep = TextPrep(frozenset(map(ord, "abc <&>\ufffd")))
    assert prep.markup("a <b>\nc & d", "here") == "a &lt;b&gt;<br/>c &amp; \ufffd"
    assert [s.char for s in prep.substitutions] == ["d"]
    assert TextPrep(frozenset()).replacement == "?"


def test_line_breaks_typed_in_a_paragraph_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    export_pdf(minutes_with([item("1", "Lines", "first line\nsecond line")]), out)
    raw = pdftotext(out, "-raw")
    assert "first line\nsecond line" in raw


def test_a_3000_character_word_wraps_inside_its_column(tmp_path: Path) -> None:
    word = "abcdefghij" * 300
    minutes = minutes_with(
        [
            item("1", "Long word", f"Before {word} after"),
            Item(id=None, number="2", title="Long action", actions=(_action(word, "LW"),)),
        ]
    )
    out = tmp_path / "m.pdf"
    pages = export_pdf(minutes, out)
    assert pages >= 2
    cols = table_columns(out)
    assert f"Before{word}after" in cols.text("Matter Raised").replace(" ", "")
    assert f"01/15–{word}" in cols.text("Action").replace(" ", "")
    width = float(PdfReader(out).pages[0].mediabox.width)
    pieces = [c for c in chunks(out) if "abcdefghij" in c.text]
    assert pieces and max(len(c.text) for c in pieces) < 80  # wrapped, not one long line
    assert all(c.x < width - 40 for c in pieces)


def test_an_item_longer_than_three_pages_splits_with_header_rows(tmp_path: Path) -> None:
    sentence = "The panel discussed performance figures for the quarter in some detail. "
    paras = [f"Paragraph {n:03d}. " + sentence * 4 for n in range(90)]
    long_action = "Follow up every point raised. " * 120
    minutes = minutes_with(
        [
            item("1", "Opening", "Short."),
            Item(
                id=None,
                number="2",
                title="A very long item",
                body=tuple(Paragraph(p, heading=False) for p in paras),
                actions=(_action(long_action, "LW", number=2), _action("Second", "SH", number=3)),
            ),
            item("3", "Closing", "Short."),
        ]
    )
    out = tmp_path / "m.pdf"
    pages = export_pdf(minutes, out)
    assert pages >= 4
    texts = page_texts(out)
    assert all("Matter Raised" in t and "Owner" in t for t in texts)
    cols = table_columns(out)
    assert in_order(cols.text("Matter Raised"), ["Opening", *paras, "Closing"]) == []
    assert in_order(cols.text("Action"), ["02/15 – " + long_action, "03/15 – Second"]) == []
    assert cols.text("Owner") == "LW SH"
    # each page's header row is at the top of that page's table
    for page in range(1, pages):
        on_page = [c for c in chunks(out) if c.page == page and c.text != "DRAFT"]
        header = next(c.y for c in on_page if c.text == "Matter Raised")
        assert max(c.y for c in on_page) <= header + 0.1


def test_dates_and_unparsed_due_text(tmp_path: Path) -> None:
    actions = (
        Action(id=None, ref=None, text="Dated", owners=("LW",), due=date(2015, 3, 12)),
        Action(id=None, ref=None, text="Typed", owners=("SH", "CF"), due_text="end of Q1"),
    )
    out = tmp_path / "m.pdf"
    export_pdf(minutes_with([Item(id=None, number="1", title="Dates", actions=actions)]), out)
    cols = table_columns(out)
    assert cols.text("Date for Completion") == "12.03.15 end of Q1"
    assert cols.text("Owner") == "LW SH/CF"


def test_attendance_lists_apologies_and_chair(tmp_path: Path) -> None:
    from scrutiny_desktop.domain.model import Attendance, AttendanceStatus, Person

    minutes = replace(
        minutes_with([item("1", "Only item")]),
        people=(
            Person("LW", "Lindsay Whitehouse", "DPCC"),
            Person("JK", "Jane Kay"),
            Person("RB", "Rhys Bowen"),
        ),
        attendance=(
            Attendance("LW", chair=True),
            Attendance("JK", AttendanceStatus.APOLOGIES),
            Attendance("RB", AttendanceStatus.IN_ATTENDANCE, note="for item 4 only"),
        ),
    )
    out = tmp_path / "m.pdf"
    export_pdf(minutes, out)
    raw = squash(pdftotext(out, "-raw"))
    assert (
        in_order(
            raw,
            [
                "Present:-",
                "Lindsay Whitehouse, DPCC (Chair)",
                "Apologies:-",
                "Jane Kay",
                "In attendance:-",
                "Rhys Bowen (for item 4 only)",
            ],
        )
        == []
    )


def test_minutes_with_no_items_or_people_still_export(tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    assert export_pdf(Minutes(meeting=minutes_with([]).meeting), out) == 1
    assert "Matter Raised" in pdftotext(out, "-raw")


def test_file_names_come_from_date_and_title_made_safe_for_any_platform():
    from datetime import date

    from scrutiny_desktop.domain.model import Meeting, Minutes
    from scrutiny_desktop.export.pdf import default_filename

    m = Minutes(
        meeting=Meeting(id=None, title='Audit: "Q3"/Q4 *draft*?\nnotes', date=date(2015, 2, 26))
    )
    assert (
        default_filename(m, public=False, ext=".json") == "2015-02-26 Audit Q3 Q4 draft notes.json"
    )
    assert default_filename(m, public=True) == "2015-02-26 Audit Q3 Q4 draft notes (public).pdf"
