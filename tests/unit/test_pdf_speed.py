"""What makes the PDF quicker changes nothing it prints (issue 17).

Lines are broken once per width (``pdf_paragraph.Paragraph``), text that needs no character
replaced skips the look at each character, and user text is escaped without importing
``xml.sax``: each gives the same bytes, or the same text, as the slower way.
"""

from __future__ import annotations

from dataclasses import replace
from xml.sax.saxutils import escape as sax_escape

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.platypus import Paragraph as ReportlabParagraph
from reportlab.platypus.paragraph import ParagraphStyle

from bench.bench_pdf import generated
from scrutiny_desktop.domain.model import Minutes, Paragraph
from scrutiny_desktop.export import pdf_layout
from scrutiny_desktop.export.fonts import register_fonts
from scrutiny_desktop.export.pdf import render_pdf
from scrutiny_desktop.export.pdf_paragraph import Paragraph as WrapOnce
from scrutiny_desktop.export.pdf_text import TextPrep, escape
from tests.unit.pdf_helpers import seed_path


def _reference() -> Minutes:
    from scrutiny_desktop.export.interchange import load

    return load(seed_path())


def _long_and_awkward() -> Minutes:
    """The reference meeting with a paragraph of several pages, lists and odd characters."""
    m = _reference()
    items = list(m.items)
    odd = "Welsh ŵ ŷ, Polish ą ę ś ż, emoji 😀, tab\there, <draft> & <unclosed, ctrl\x07. "
    body = (
        Paragraph(odd + "A long sentence of the minutes, repeated. " * 600),
        Paragraph("First point", bullet=True),
        Paragraph("Second point", bullet=True, restricted=True),
        Paragraph("A heading", heading=True),
    )
    items[1] = replace(items[1], body=items[1].body + body)
    return replace(m, items=tuple(items))


@pytest.mark.parametrize(
    "minutes",
    [_reference, _long_and_awkward, lambda: generated(40)],
    ids=["reference", "long", "generated"],
)
@pytest.mark.parametrize("public", [False, True], ids=["full", "public"])
def test_breaking_lines_once_per_width_prints_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch, minutes, public: bool
) -> None:
    m = minutes()
    ours, _ = render_pdf(m, public=public)
    monkeypatch.setattr(pdf_layout, "Paragraph", ReportlabParagraph)
    theirs, _ = render_pdf(m, public=public)
    assert ours == theirs


def _style() -> ParagraphStyle:
    fonts = register_fonts()
    return ParagraphStyle("t", fontName=fonts.regular, fontSize=9.5, leading=12)


def test_a_wrap_at_the_same_width_reuses_the_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    p = WrapOnce("word " * 200, _style())
    breaks = []
    real = ReportlabParagraph.breakLines
    monkeypatch.setattr(
        ReportlabParagraph, "breakLines", lambda self, w: breaks.append(w) or real(self, w)
    )
    first = p.wrap(200, 1000)
    assert p.wrap(200, 50) == first  # the height offered does not change the lines
    assert len(breaks) == 1
    wider = p.wrap(300, 1000)
    assert len(breaks) == 2 and wider[1] < first[1]
    assert p.wrap(200, 1000) == first and len(breaks) == 3


def test_a_paragraph_that_dropped_its_lines_breaks_them_again() -> None:
    p = WrapOnce("word " * 200, _style())
    p.wrap(200, 1000)
    assert p.split(200, 5) == []  # no room for two lines: split drops the lines it had
    assert not hasattr(p, "blPara")
    assert p.wrap(200, 1000)[1] > 0 and hasattr(p, "blPara")


@given(st.text())
def test_escape_is_what_xml_sax_would_make(text: str) -> None:
    assert escape(text) == sax_escape(text)


@given(st.text(alphabet=st.characters(codec="utf-8")) | st.text(alphabet="ab <&>\t\r\n\x07~"))
def test_text_that_needs_no_replacing_comes_out_as_the_slow_way_makes_it(text: str) -> None:
    covered = register_fonts().covered
    quick = TextPrep(covered)
    slow = TextPrep(covered)
    slow._ascii = False  # every character looked at
    assert quick.plain(text, "x") == slow.plain(text, "x")
    assert quick.markup(text, "x") == slow.markup(text, "x")
    assert quick.substitutions == slow.substitutions


def test_reportlab_uses_its_c_accelerator() -> None:
    """``reportlab[accel]`` is a dependency: text widths, numbers and streams in C."""
    from reportlab.lib import rl_accel

    assert rl_accel._py_funcs == {}
    assert rl_accel._c_funcs.keys() >= {"instanceStringWidthTTF", "fp_str", "asciiBase85Encode"}
