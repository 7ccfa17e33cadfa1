"""The reference meeting exported to PDF and read back: order, columns, pages, fonts, versions."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from scrutiny_desktop.domain.model import (
    Item,
    ItemKind,
    MeetingStatus,
    Minutes,
    Paragraph,
    SignOff,
)
from scrutiny_desktop.export import pdf_layout
from scrutiny_desktop.export.interchange import load
from scrutiny_desktop.export.pdf import default_filename, export_pdf
from tests.unit.pdf_helpers import (
    chunks,
    in_order,
    outline_titles,
    page_texts,
    pdffonts,
    seed_path,
    squash,
    table_columns,
)

FOOTER = "Force Performance Scrutiny Meeting – Thursday 26 February 2015"


@pytest.fixture(scope="module")
def reference() -> Minutes:
    return load(seed_path())


@pytest.fixture(scope="module")
def ref_pdf(tmp_path_factory: pytest.TempPathFactory, reference: Minutes) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("ref") / "minutes.pdf"
    return out, export_pdf(reference, out)


def _export(minutes: Minutes, tmp_path: Path, name: str = "m.pdf", **kw: object) -> Path:
    out = tmp_path / name
    export_pdf(minutes, out, **kw)  # type: ignore[arg-type]
    return out


def test_importing_the_module_does_not_import_reportlab() -> None:
    code = "import sys, scrutiny_desktop.export.pdf; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_page_count_is_returned(ref_pdf: tuple[Path, int]) -> None:
    path, pages = ref_pdf
    assert pages == len(PdfReader(path).pages)
    assert 3 <= pages <= 6


def test_heading_block_reads_like_the_reference(ref_pdf: tuple[Path, int]) -> None:
    first = page_texts(ref_pdf[0])[0]
    assert (
        in_order(
            squash(first),
            [
                "Force Performance Scrutiny Meeting",
                "Thursday 26 February 2015",
                "9:00am, PCC's Conference Room, Hoffmanns Way",
                "Present:-",
                "Lindsay Whitehouse, Deputy Police and Crime Commissioner (DPCC), Office of the",
                "Susannah Hancock, Chief Executive, OPCC",
                "Tina Bateman, Performance and Scrutiny Officer, OPCC",
                "Matter Raised",
            ],
        )
        == []
    )
    initials = [c for c in chunks(ref_pdf[0]) if c.page == 0 and c.text in ("LW", "SH", "TB")]
    assert len(initials) >= 3
    assert all(c.x > 450 for c in initials[:3])  # right-hand column


def test_matter_column_holds_every_title_paragraph_heading_and_update_in_order(
    ref_pdf: tuple[Path, int], reference: Minutes
) -> None:
    cols = table_columns(ref_pdf[0])
    expected: list[str] = []
    for it in reference.items:
        expected.append(it.title)
        expected.extend(p.text for p in it.body)
        expected.extend(f"{u.ref} – " for u in it.updates)
    assert in_order(cols.text("Matter Raised"), expected) == []
    updates = [
        "76/14 – completed",
        "81/14 – to follow",
        "94/14 – SH to action",
        "05/15 – to follow",
        "06/15 – completed",
    ]
    assert in_order(cols.text("Matter Raised"), updates) == []
    assert cols.text("No.") == "1 2 3 4 5 6 7"


def test_action_owner_and_date_columns_in_order(
    ref_pdf: tuple[Path, int], reference: Minutes
) -> None:
    cols = table_columns(ref_pdf[0])
    actions = [a for it in reference.items for a in it.actions]
    texts = [f"{a.ref} – {a.text}" if a.ref else a.text for a in actions]
    texts.append("Thursday 26 March 2015 09:00–11:00, OPCC Conference room")
    assert in_order(cols.text("Action"), texts) == []
    assert cols.text("Owner") == " ".join("/".join(a.owners) for a in actions)
    assert cols.text("Owner") == "JK GM TB SH/CF TS OPCC WK PL TB PL TB"
    assert cols.text("Date for Completion") == "12.03.15"


def test_each_action_is_level_with_its_owners_and_due_date(
    ref_pdf: tuple[Path, int], reference: Minutes
) -> None:
    cols = table_columns(ref_pdf[0])
    actions = [a for it in reference.items for a in it.actions]
    owners = cols.cells["Owner"]
    assert len(owners) == len(actions)
    for action, owner in zip(actions, owners, strict=True):
        start = str(action.ref) if action.ref else action.text[:10]
        first = [c for c in cols.cells["Action"] if c.text.startswith(start)]
        assert first, start
        assert owner.text == "/".join(action.owners)
        assert (owner.page, round(owner.y, 1)) == (first[0].page, round(first[0].y, 1))
    (due,) = cols.cells["Date for Completion"]
    assert round(due.y, 1) == round(owners[0].y, 1)


def test_header_row_tops_every_page(ref_pdf: tuple[Path, int]) -> None:
    path, pages = ref_pdf
    all_chunks = chunks(path)
    for page in range(pages):
        on_page = [c for c in all_chunks if c.page == page and c.text != "DRAFT"]
        labels = {c.text for c in on_page}
        assert {"No.", "Matter Raised", "Action", "Owner", "Date for", "Completion"} <= labels
        header_y = next(c.y for c in on_page if c.text == "Matter Raised")
        if page > 0:
            assert max(c.y for c in on_page) <= header_y + 0.1


def test_owner_and_date_headers_do_not_wrap_mid_word(ref_pdf: tuple[Path, int]) -> None:
    labels = {c.text for c in chunks(ref_pdf[0]) if c.page == 0}
    assert "Owner" in labels
    assert "Completion" in labels


def test_footer_gives_title_date_and_page_x_of_y(ref_pdf: tuple[Path, int]) -> None:
    path, pages = ref_pdf
    for number, text in enumerate(page_texts(path), start=1):
        assert f"Page {number} of {pages}" in text
        assert FOOTER in text


def test_every_font_is_embedded_dejavu(ref_pdf: tuple[Path, int]) -> None:
    rows = pdffonts(ref_pdf[0])
    assert rows
    assert all(r["emb"] == "yes" for r in rows), rows
    assert all("DejaVuSans" in r["name"] for r in rows), rows


def test_metadata_and_language(ref_pdf: tuple[Path, int], tmp_path: Path) -> None:
    reader = PdfReader(ref_pdf[0])
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Force Performance Scrutiny Meeting"
    assert meta.subject == "Minutes of the meeting held on Thursday 26 February 2015"
    assert meta.author == "Force Performance Scrutiny"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert outline_titles(reader)[:2] == [
        "1 Matters arising",
        "2 Minutes of Performance Meeting held on 29 January 2015",
    ]
    other = _export(load(seed_path()), tmp_path, author="Essex PCC")
    assert PdfReader(other).metadata.author == "Essex PCC"  # type: ignore[union-attr]


def test_draft_carries_a_draft_mark_on_every_page(ref_pdf: tuple[Path, int]) -> None:
    # pdftotext -raw spells rotated text letter by letter; pypdf keeps the run whole.
    path, pages = ref_pdf
    marks = [c for c in chunks(path) if c.text == "DRAFT"]
    assert sorted({c.page for c in marks}) == list(range(pages))


def test_signed_off_shows_who_when_and_fingerprint_and_no_draft(
    reference: Minutes, tmp_path: Path
) -> None:
    signed = replace(
        reference.meeting,
        status=MeetingStatus.SIGNED_OFF,
        signed_off=SignOff(by="LW", on=date(2015, 3, 26), fingerprint="sha256:" + "ab12" * 16),
    )
    path = _export(replace(reference, meeting=signed), tmp_path)
    texts = page_texts(path)
    assert not any(c.text == "DRAFT" for c in chunks(path))
    assert "DRAFT" not in " ".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Agreed by LW on 26.03.15" in texts[-1]
    assert "sha256:" + "ab12" * 16 in squash(texts[-1]).replace(" ", "")
    public = page_texts(_export(replace(reference, meeting=signed), tmp_path, "p.pdf", public=True))
    assert "Agreed by LW on 26.03.15" in public[-1]
    assert "ab12ab12" not in "".join(public).replace(" ", "").replace("\n", "")


def test_full_version_prints_classification_top_and_bottom_of_every_page(
    reference: Minutes, tmp_path: Path
) -> None:
    classified = replace(
        reference, meeting=replace(reference.meeting, classification="OFFICIAL-SENSITIVE")
    )
    full = _export(classified, tmp_path, "full.pdf")
    reader = PdfReader(full)
    height = float(reader.pages[0].mediabox.height)
    marks = [c for c in chunks(full) if c.text == "OFFICIAL-SENSITIVE"]
    for page in range(len(reader.pages)):
        ys = [c.y for c in marks if c.page == page]
        assert any(y > height - 40 for y in ys), page
        assert any(y < 40 for y in ys), page
    public = _export(classified, tmp_path, "public.pdf", public=True)
    assert "OFFICIAL-SENSITIVE" not in " ".join(page_texts(public))


def test_next_meeting_needs_the_meeting_header(reference: Minutes, tmp_path: Path) -> None:
    no_next = replace(reference, meeting=replace(reference.meeting, next_meeting=None))
    text = squash(" ".join(page_texts(_export(no_next, tmp_path))))
    assert "Date of Next Meeting" in text
    assert "26 March 2015" not in text


def test_same_meeting_same_bytes(reference: Minutes, tmp_path: Path) -> None:
    a = _export(reference, tmp_path, "a.pdf")
    b = _export(reference, tmp_path, "b.pdf")
    assert a.read_bytes() == b.read_bytes()


def test_letter_paper_and_unknown_sizes(reference: Minutes, tmp_path: Path) -> None:
    letter = _export(reference, tmp_path, "letter.pdf", page_size="Letter")
    box = PdfReader(letter).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    with pytest.raises(ValueError, match="page size"):
        export_pdf(reference, tmp_path / "a5.pdf", page_size="A5")
    assert not (tmp_path / "a5.pdf").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_failed_layout_leaves_the_old_file_and_no_temporary(
    reference: Minutes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"%PDF-old")

    def broken(*args: object, **kw: object) -> None:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(pdf_layout, "build", broken)
    with pytest.raises(RuntimeError, match="layout failed"):
        export_pdf(reference, out)
    assert out.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


def test_failed_rename_leaves_the_old_file_and_no_temporary(
    reference: Minutes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"%PDF-old")

    def refuse(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("scrutiny_desktop.files.atomic.os.replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        export_pdf(reference, out)
    assert out.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


def test_export_replaces_an_older_file(reference: Minutes, tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"%PDF-old")
    export_pdf(reference, out)
    assert out.read_bytes().startswith(b"%PDF-1.")
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


def test_default_filename(reference: Minutes) -> None:
    assert default_filename(reference, public=True) == (
        "2015-02-26 Force Performance Scrutiny Meeting (public).pdf"
    )
    assert default_filename(reference, public=False) == (
        "2015-02-26 Force Performance Scrutiny Meeting.pdf"
    )
    odd = replace(reference, meeting=replace(reference.meeting, title='A/B: "C" <D>'))
    assert default_filename(odd, public=False) == "2015-02-26 A B C D.pdf"


def test_public_version_of_a_meeting_with_a_private_item(tmp_path: Path) -> None:
    minutes = load(seed_path())
    items = list(minutes.items)
    items[4] = replace(items[4], restricted=True)
    items[3] = replace(
        items[3],
        body=(*items[3].body, Paragraph("Secret paragraph text", restricted=True)),
        actions=(
            *items[3].actions,
            replace(items[3].actions[0], ref=None, text="Secret action", restricted=True),
        ),
    )
    minutes = replace(minutes, items=tuple(items))
    public = squash(" ".join(page_texts(_export(minutes, tmp_path, "p.pdf", public=True))))
    full = squash(" ".join(page_texts(_export(minutes, tmp_path, "f.pdf"))))
    for secret in ("Drugs Report", "Mephedrone", "Secret paragraph text", "Secret action"):
        assert secret not in public
        assert secret in full
    assert "This item was considered in private." in public
    assert in_order(public, ["4 Domestic Abuse", "5 This item was considered", "6 Any other"]) == []
    assert "[Not for publication]" in full


def test_a_next_meeting_row_without_a_title_still_shows_the_date(tmp_path: Path) -> None:
    minutes = load(seed_path())
    last = Item(id=None, number="8", title="", kind=ItemKind.NEXT_MEETING)
    minutes = replace(minutes, items=(*minutes.items, last))
    text = squash(" ".join(page_texts(_export(minutes, tmp_path))))
    assert text.count("Thursday 26 March 2015 09:00–11:00") == 2
