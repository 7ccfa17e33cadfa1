"""The format-neutral layout: what every format prints, and every renderer draws every kind of block."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from scrutiny_desktop.domain.model import Action, Paragraph
from scrutiny_desktop.export import layout as lay
from scrutiny_desktop.export.docx_export import _DocxMinutes, render_docx
from scrutiny_desktop.export.html_export import BLOCK_MACROS, LINE_MACROS, render_html
from tests.unit.publication_helpers import docx_text, reference


def test_the_reference_meeting_laid_out():
    out = lay.lay_out(reference(), public=False)
    assert (out.title, out.date) == (
        "Force Performance Scrutiny Meeting",
        "Thursday 26 February 2015",
    )
    assert out.when == "9:00am, PCC's Conference Room, Hoffmanns Way"
    assert [g.label for g in out.attendance] == ["Present:-"]
    assert out.attendance[0].people[0].initials == "LW"
    assert [r.number for r in out.rows] == ["1", "2", "3", "4", "5", "6", "7"]
    assert out.rows[0].matter[0] == lay.Title("Matters arising")
    assert lay.Progress("94/14 – SH to action") in out.rows[0].matter
    first = out.rows[1].lines[0]
    assert isinstance(first, lay.ActionLine)
    assert (first.label, first.owners, first.due) == (
        "Publication on PCC website",
        "JK",
        "12.03.15",
    )
    assert first.due_date == date(2015, 3, 12)
    assert out.rows[2].lines[0].label.startswith("07/15 – LW and CF")  # type: ignore[union-attr]
    assert out.rows[-1].lines == (
        lay.NextMeetingLine("Thursday 26 March 2015 09:00–11:00, OPCC Conference room"),
    )
    assert out.draft and out.classification is None
    assert out.properties.subject == "Minutes of the meeting held on Thursday 26 February 2015"


def _restricted():
    minutes = reference()
    items = list(minutes.items)
    items[4] = replace(items[4], restricted=True)
    items[3] = replace(
        items[3],
        body=(*items[3].body, Paragraph("Secret words", restricted=True)),
        actions=(*items[3].actions, Action(None, None, "Secret action", restricted=True)),
    )
    return replace(minutes, items=tuple(items))


def test_the_public_layout_holds_nothing_restricted():
    out = lay.lay_out(_restricted(), public=True)
    assert out.rows[4] == lay.Row("5", "Considered in private", (lay.PrivateItem(),), private=True)
    blocks = [b for r in out.rows for b in r.matter]
    assert not any(getattr(b, "restricted", False) for b in blocks)
    assert not any(isinstance(b, lay.RestrictedItem) for b in blocks)
    assert "Secret" not in repr(out)
    assert out.properties.subject.endswith("(public version)")


def test_the_full_layout_marks_what_is_restricted():
    out = lay.lay_out(_restricted(), public=False)
    assert out.rows[4].matter[:2] == (lay.RestrictedItem(), lay.Title("Drugs Report"))
    assert lay.Para("Secret words", restricted=True) in out.rows[3].matter
    assert out.rows[3].lines[-1] == lay.ActionLine(None, "Secret action", "", "", restricted=True)


# ---------------------------------------------------------------- every kind, every format


def _one_of_each() -> lay.Layout:
    """A layout whose one row holds one block of every kind and one line of every kind,
    each with words of its own."""
    kinds = (*lay.BLOCK_KINDS, *lay.LINE_KINDS)
    words = {kind: f"Kind{i}{kind.__name__[:4]}" for i, kind in enumerate(kinds)}  # fits a cell
    blocks = []
    for kind in lay.BLOCK_KINDS:
        fields = {f.name for f in dataclasses.fields(kind)}
        if kind is lay.Bullets:  # a list: its one item carries the words
            blocks.append(lay.Bullets((lay.Bullet(words[kind]),)))
            continue
        blocks.append(kind(**{"text": words[kind]} if "text" in fields else {}))
    lines = [
        lay.ActionLine("07/15", words[lay.ActionLine], "SH/CF", "12.03.15", date(2015, 3, 12)),
        lay.NextMeetingLine(words[lay.NextMeetingLine]),
    ]
    assert {type(b) for b in blocks} | {type(x) for x in lines} == set(words)
    base = lay.lay_out(reference(), public=False)
    return replace(base, rows=(lay.Row("1", "Every kind", tuple(blocks), tuple(lines)),))


def _pdf_text(layout: lay.Layout, tmp_path: Path) -> str:
    from scrutiny_desktop.export import pdf_layout
    from scrutiny_desktop.export.fonts import register_fonts
    from scrutiny_desktop.export.pdf_text import TextPrep

    fonts = register_fonts()
    decor = pdf_layout.PageDecor(footer="f", classification=None, draft=True)
    meta = {"title": "t", "subject": "s", "author": "a"}
    built = pdf_layout.build(
        layout, fonts, TextPrep(fonts.covered), page_size="A4", metadata=meta, decor=decor
    )
    (tmp_path / "k.pdf").write_bytes(built.data)
    return " ".join(p.extract_text() for p in PdfReader(tmp_path / "k.pdf").pages)


def _docx_text(layout: lay.Layout, tmp_path: Path) -> str:
    (tmp_path / "k.docx").write_bytes(render_docx(layout))
    return docx_text(tmp_path / "k.docx")


def _html_text(layout: lay.Layout, tmp_path: Path) -> str:
    return render_html(layout)


@pytest.mark.parametrize("render", [_pdf_text, _docx_text, _html_text], ids=["pdf", "docx", "html"])
def test_every_renderer_draws_every_kind_of_block_and_line(render, tmp_path: Path):
    layout = _one_of_each()
    text = " ".join(render(layout, tmp_path).split())
    for block in layout.rows[0].matter:
        for words in lay.block_texts(block):
            assert words in text, type(block).__name__
    for line in layout.rows[0].lines:
        assert line.text in text, type(line).__name__
    assert "SH/CF" in text and "12.03.15" in text


def test_each_renderer_names_exactly_the_kinds_there_are():
    assert set(BLOCK_MACROS) == set(lay.BLOCK_KINDS)
    assert set(LINE_MACROS) == set(lay.LINE_KINDS)
    from docx import Document

    assert set(_DocxMinutes(Document(), _one_of_each()).blocks) == set(lay.BLOCK_KINDS)


def test_a_chair_whose_role_says_so_is_not_marked_chair_twice():
    # Found live: "Cllr Margaret Okafor, Chair (Chair)" in every output.
    from scrutiny_desktop.domain.model import Attendance, AttendanceStatus

    m = reference()
    lw = m.person("LW")
    assert lw is not None
    for role, marked in (
        ("Chair", False),
        ("Chairman of the Panel", False),
        ("Panel Chair", False),
        ("Vice-Chair", True),  # chairing in the chair's absence
        ("PCC", True),
    ):
        people = tuple(replace(lw, role=role) if p.initials == "LW" else p for p in m.people)
        attendance = tuple(
            Attendance("LW", AttendanceStatus.PRESENT, chair=True) if a.initials == "LW" else a
            for a in m.attendance
        )
        out = lay.lay_out(replace(m, people=people, attendance=attendance), public=False)
        lw_line = out.attendance[0].people[0]
        assert (f", {role}" in lw_line.text, lw_line.chair) == (True, marked), role
