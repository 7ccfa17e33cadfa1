"""The web page read back as HTML: language, outline, a real data table, nothing external, text as typed."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from scrutiny_desktop.domain.model import Action, Item, Paragraph
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.export.html_export import write_html
from tests.unit.pdf_helpers import in_order
from tests.unit.publication_helpers import html_outline, reference


@pytest.fixture(scope="module")
def ref_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "minutes.html"
    write_html(reference(), out, public=True)
    return out


def test_language_title_and_viewport(ref_html: Path):
    page = html_outline(ref_html)
    tags = dict((t, a) for t, a in page.tags if t in ("html", "meta", "title"))
    assert tags["html"] == {"lang": "en-GB"}
    metas = {a.get("name"): a.get("content") for t, a in page.tags if t == "meta"}
    assert metas["viewport"] == "width=device-width, initial-scale=1"
    assert (
        metas["description"]
        == "Minutes of the meeting held on Thursday 26 February 2015 (public version)"
    )
    text = ref_html.read_text()
    assert (
        "<title>Force Performance Scrutiny Meeting – Thursday 26 February 2015 (DRAFT)</title>"
        in text
    )


def test_headings_outline_the_minutes_without_skipping_a_level(ref_html: Path):
    headings = html_outline(ref_html).headings
    assert headings[:3] == [
        (1, "Force Performance Scrutiny Meeting"),
        (2, "Present"),
        (2, "Minutes"),
    ]
    assert [h for h in headings if h[0] == 3][:2] == [
        (3, "Matters arising"),
        (3, "Minutes of Performance Meeting held on 29 January 2015"),
    ]
    assert (4, "Domestic abuse") in headings
    levels = [level for level, _ in headings]
    assert levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_the_minutes_are_a_data_table_with_caption_and_headers(ref_html: Path):
    tags = html_outline(ref_html).tags
    names = [t for t, _ in tags]
    assert names.count("table") == 1 and names.count("caption") == 1
    cols = [a for t, a in tags if t == "th" and a.get("scope") == "col"]
    rows = [a for t, a in tags if t == "th" and a.get("scope") == "row"]
    assert len(cols) == 5
    assert len(rows) == len(reference().items)
    assert all(t != "th" or a.get("scope") in ("col", "row") for t, a in tags)
    text = ref_html.read_text()
    for label in ("No.", "Matter Raised", "Action", "Owner", "Date for Completion"):
        assert f'<th scope="col">{label}</th>' in text
    # References and dates are text; a due date also says which day it is.
    assert '<time datetime="2015-03-12">12.03.15</time>' in text
    assert "07/15 – LW and CF to be briefed" in text


def test_nothing_external_no_script(ref_html: Path):
    tags = html_outline(ref_html).tags
    assert not any(t in ("script", "link", "img", "iframe", "object", "embed") for t, _ in tags)
    assert not any(("src" in a or "href" in a) for _, a in tags)
    assert "url(" not in ref_html.read_text() and "@import" not in ref_html.read_text()


def test_every_item_and_action_in_order(ref_html: Path):
    plain = html_outline(ref_html).plain()
    expected: list[str] = []
    for item in reference().items:
        expected += [item.number, item.title, *(p.text for p in item.body)]
        expected += [f"{a.ref} – {a.text}" if a.ref else a.text for a in item.actions]
    assert in_order(plain, expected) == []


def test_user_text_is_escaped_and_shown_exactly(tmp_path: Path):
    tricky = "R&D <draft> <script>alert(1)</script> \"q\" 'a' ŵ ŷ"
    minutes = reference()
    item = Item(
        id=None,
        number="8",
        title=tricky,
        body=(Paragraph("line one\nline two"), Paragraph("escape\x1b here")),
        actions=(Action(None, ActionRef(15, 17), "<b>not bold</b>", ("A&B",), due_text="<soon>"),),
    )
    minutes = replace(minutes, items=(*minutes.items, item))
    out = tmp_path / "m.html"
    write_html(minutes, out)
    page = html_outline(out)
    assert not any(t in ("script", "b", "draft", "soon") for t, _ in page.tags)
    plain = page.plain()
    for needle in (tricky, "17/15 – <b>not bold</b>", "A&B", "<soon>", "escape\ufffd here"):
        assert needle in plain
    assert "line one<br>line two" in out.read_text()


def test_the_full_version_marks_restricted_material_and_the_public_has_none(tmp_path: Path):
    minutes = reference()
    items = list(minutes.items)
    items[4] = replace(items[4], restricted=True)
    items[3] = replace(items[3], body=(*items[3].body, Paragraph("Secret words", restricted=True)))
    minutes = replace(
        minutes,
        items=tuple(items),
        meeting=replace(minutes.meeting, classification="OFFICIAL-SENSITIVE"),
    )
    full, public = tmp_path / "f.html", tmp_path / "p.html"
    write_html(minutes, full)
    write_html(minutes, public, public=True)
    f, p = full.read_text(), public.read_text()
    assert f.count('<p class="marking">OFFICIAL-SENSITIVE</p>') == 2  # top and bottom
    assert "[Not for publication]</span> Secret words" in f
    for secret in ("Secret words", "Drugs Report", "OFFICIAL-SENSITIVE", "Not for publication"):
        assert secret not in p
    assert "This item was considered in private." in p
