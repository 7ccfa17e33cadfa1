"""Word minutes read back with python-docx: the table in column order, its header row, styles, marks."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from scrutiny_desktop.domain.model import (
    Action,
    Item,
    MeetingStatus,
    Minutes,
    Paragraph,
    SignOff,
)
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.export.docx_export import write_docx
from tests.unit.pdf_helpers import in_order, squash
from tests.unit.publication_helpers import docx_everything, docx_rows, docx_text, reference


@pytest.fixture(scope="module")
def ref_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx") / "minutes.docx"
    write_docx(reference(), out)
    return out


def _write(minutes: Minutes, tmp_path: Path, **kw: bool) -> Path:
    out = tmp_path / ("public.docx" if kw.get("public") else "full.docx")
    write_docx(minutes, out, **kw)
    return out


def test_every_item_action_owner_and_date_in_column_order(ref_docx: Path):
    minutes = reference()
    rows = docx_rows(ref_docx)
    assert [r.number for r in rows] == [i.number for i in minutes.items]
    for row, item in zip(rows, minutes.items, strict=True):
        expected = [
            item.title,
            *(p.text for p in item.body),
            *(f"{u.ref} – " for u in item.updates),
        ]
        assert in_order(squash(" ".join(row.matter)), expected) == [], item.number
        actions = [f"{a.ref} – {a.text}" if a.ref else a.text for a in item.actions]
        if item.kind.value == "next_meeting":
            actions.append("Thursday 26 March 2015 09:00–11:00, OPCC Conference room")
        assert row.actions == actions, item.number
        owners = ["/".join(a.owners) for a in item.actions]
        assert row.owners[: len(owners)] == owners
        dues = [a.due.strftime("%d.%m.%y") if a.due else "" for a in item.actions]
        assert row.dues[: len(dues)] == dues
    flat_owners = " ".join(o for r in rows for o in r.owners if o)
    assert flat_owners == "JK GM TB SH/CF TS OPCC WK PL TB PL TB"
    assert [d for r in rows for d in r.dues if d] == ["12.03.15"]


def test_the_header_row_is_marked_to_repeat_and_rows_are_kept_whole(ref_docx: Path):
    table = Document(str(ref_docx)).tables[0]
    trs = table._tbl.tr_lst
    header_cells = ["".join(t.text for t in tc.iter(qn("w:t"))) for tc in trs[0].tc_lst]
    assert header_cells == ["No.", "Matter Raised", "Action", "Owner", "Date for Completion"]
    assert trs[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr is None or tr.trPr.find(qn("w:tblHeader")) is None for tr in trs[1:])
    whole = [tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in trs]
    # Every item row that fits on a page is kept whole; item 3 and 4 run over a page.
    assert whole == [True, True, True, False, False, True, True, True]
    assert table.style.name == "Table Grid"


def test_real_styles_make_the_outline(ref_docx: Path):
    doc = Document(str(ref_docx))
    headings = [
        (p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[:2] == [
        ("Heading 1", "Force Performance Scrutiny Meeting"),
        ("Heading 2", "Present:-"),
    ]
    cell_styles = {
        p.text: p.style.name for tc in doc.tables[0]._tbl.iter(qn("w:tc")) for p in _paras(doc, tc)
    }
    assert cell_styles["Monthly Force Performance Reports"] == "Heading 2"
    assert cell_styles["Domestic abuse"] == "Heading 3"
    assert cell_styles["The minutes of the meeting were agreed."] == "Normal"


def _paras(doc, tc):  # type: ignore[no-untyped-def]
    from docx.text.paragraph import Paragraph as DocxParagraph

    return [DocxParagraph(p, doc) for p in tc.findall(qn("w:p"))]


def test_document_properties_and_language(ref_docx: Path):
    doc = Document(str(ref_docx))
    cp = doc.core_properties
    assert cp.title == "Force Performance Scrutiny Meeting"
    assert cp.subject == "Minutes of the meeting held on Thursday 26 February 2015"
    assert cp.author == "Force Performance Scrutiny"
    assert cp.language == "en-GB"
    assert cp.content_status == "Draft"
    lang = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"


def test_attendance_lists_name_role_organisation_and_initials(ref_docx: Path):
    text = [p.text for p in Document(str(ref_docx)).paragraphs]
    assert "Susannah Hancock, Chief Executive, OPCC\tSH" in text
    assert "Tina Bateman, Performance and Scrutiny Officer, OPCC\tTB" in text


def _header_footer(path: Path) -> str:
    doc = Document(str(path))
    s = doc.sections[0]
    return " | ".join(p.text for p in [*s.header.paragraphs, *s.footer.paragraphs])


def test_a_draft_says_so_and_the_full_version_carries_its_classification(tmp_path: Path):
    minutes = reference()
    classified = replace(
        minutes, meeting=replace(minutes.meeting, classification="OFFICIAL-SENSITIVE")
    )
    full = _header_footer(_write(classified, tmp_path))
    assert full.startswith("OFFICIAL-SENSITIVE  DRAFT")
    assert full.endswith("OFFICIAL-SENSITIVE")
    assert "Force Performance Scrutiny Meeting – Thursday 26 February 2015\tPage  of " in full
    footer = Document(str(_write(classified, tmp_path))).sections[0].footer._element
    fields = [f.get(qn("w:instr")).strip() for f in footer.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]  # Page X of Y, filled in by Word and LibreOffice
    public = _write(classified, tmp_path, public=True)
    assert "OFFICIAL-SENSITIVE" not in docx_everything(public)
    assert _header_footer(public).startswith("DRAFT")


def test_signed_off_minutes_carry_no_draft_mark_and_say_who_agreed(tmp_path: Path):
    minutes = reference()
    signed = replace(
        minutes.meeting,
        status=MeetingStatus.SIGNED_OFF,
        signed_off=SignOff(by="LW", on=date(2015, 3, 26), fingerprint="sha256:" + "ab" * 32),
    )
    path = _write(replace(minutes, meeting=signed), tmp_path)
    assert "DRAFT" not in _header_footer(path)
    assert Document(str(path)).core_properties.content_status == "Agreed"
    text = docx_text(path)
    assert "Agreed by LW on 26.03.15" in text
    assert "Fingerprint: sha256:" + "ab" * 32 in text
    public = _write(replace(minutes, meeting=signed), tmp_path, public=True)
    assert "Agreed by LW on 26.03.15" in docx_text(public)
    assert "abab" not in docx_everything(public)


def test_restricted_material_only_in_the_full_version_and_marked(tmp_path: Path):
    minutes = reference()
    items = list(minutes.items)
    items[4] = replace(items[4], restricted=True)
    items[3] = replace(
        items[3],
        body=(
            *items[3].body,
            Paragraph("Secret heading", heading=True, restricted=True),
            Paragraph("Secret paragraph", restricted=True),
        ),
        actions=(*items[3].actions, Action(None, None, "Secret action", ("LW",), restricted=True)),
    )
    minutes = replace(minutes, items=tuple(items))
    full = docx_text(_write(minutes, tmp_path))
    public_path = _write(minutes, tmp_path, public=True)
    public = docx_everything(public_path)
    for secret in (
        "Drugs Report",
        "Mephedrone",
        "Secret heading",
        "Secret paragraph",
        "Secret action",
    ):
        assert secret in full
        assert secret not in public
    assert "[Not for publication] Secret heading" in full
    assert "Secret action [Not for publication]" in full
    assert "This item was considered in private." in docx_text(public_path)
    assert [r.number for r in docx_rows(public_path)] == ["1", "2", "3", "4", "5", "6", "7"]


def test_user_text_is_printed_exactly_and_characters_xml_cannot_hold_are_marked(tmp_path: Path):
    tricky = "R&D <draft> & <b>not bold</b> ŵ ŷ Zażółć"
    minutes = reference()
    item = Item(
        id=None,
        number="8",
        title=tricky,
        body=(Paragraph("line one\nline two"), Paragraph("bell\x07 and escape\x1b")),
        actions=(Action(None, ActionRef(15, 17), "<unclosed", ("A&B",), due_text="before Easter"),),
    )
    path = _write(replace(minutes, items=(*minutes.items, item)), tmp_path)
    row = docx_rows(path)[-1]
    assert row.matter[0] == tricky
    assert "bell\ufffd and escape\ufffd" in row.matter
    assert (row.actions, row.owners, row.dues) == (
        ["17/15 – <unclosed"],
        ["A&B"],
        ["before Easter"],
    )
    assert "line one" in docx_everything(path) and "<w:br/>" in docx_everything(path)


def test_the_same_minutes_make_the_same_document(tmp_path: Path):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    write_docx(reference(), a)
    write_docx(reference(), b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:  # not the moment of writing, which would differ
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert Document(str(a)).core_properties.created.date() == date(2015, 2, 26)


def test_no_blank_preview_picture_travels_with_the_minutes(ref_docx: Path):
    """Found by a clerk: the template's thumbnail, a blank page, was the file's preview."""
    names = zipfile.ZipFile(ref_docx).namelist()
    assert not [n for n in names if "thumbnail" in n]


def test_the_number_column_holds_a_council_minute_number_on_one_line(ref_docx: Path):
    # Found live: "10/26" wrapped as "10/2" over "6" in Word and LibreOffice.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from scrutiny_desktop.export.docx_export import BODY_PT, COLUMNS_MM

    cell_margins_mm = 2 * 1.9  # Word's default, left and right
    widest = stringWidth("100/26", "Helvetica-Bold", BODY_PT) * 25.4 / 72  # Arial's metrics
    assert widest + cell_margins_mm <= COLUMNS_MM[0]
    grid = Document(str(ref_docx)).tables[-1]._tbl.tblGrid
    assert grid.gridCol_lst[0].w.mm == pytest.approx(COLUMNS_MM[0], abs=0.1)
    assert sum(COLUMNS_MM) == 174  # the page less its margins, as before
