"""The web page in a real browser: axe-core (WCAG 2.2 AA) finds nothing in Debian's headless
Chromium, at desktop width and at 320 px (a phone, or 400% zoom), where the table reflows
with no sideways scrolling; the page asks for nothing but itself."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bench.browser import Browser, find_chromium
from scrutiny_desktop.domain.model import Action, MeetingStatus, Paragraph, SignOff
from scrutiny_desktop.export.html_export import write_html
from tests.unit.publication_helpers import AXE_JS, need_tool, reference

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"desktop": (1280, False), "phone": (320, True)}


def _everything_used():  # type: ignore[no-untyped-def]
    """The reference meeting with a restricted item, paragraph and action, classified and
    signed off, so both versions draw every part of the page."""
    from datetime import date

    minutes = reference()
    items = list(minutes.items)
    items[4] = replace(items[4], restricted=True)
    items[3] = replace(
        items[3],
        body=(
            *items[3].body,
            Paragraph("A restricted heading", heading=True, restricted=True),
            Paragraph("A restricted paragraph", restricted=True),
        ),
        actions=(
            *items[3].actions,
            Action(None, None, "A restricted action", ("LW",), restricted=True),
        ),
    )
    meeting = replace(
        minutes.meeting,
        classification="OFFICIAL-SENSITIVE",
        status=MeetingStatus.SIGNED_OFF,
        signed_off=SignOff(by="LW", on=date(2015, 3, 26), fingerprint="sha256:" + "ab" * 32),
    )
    return replace(minutes, items=tuple(items), meeting=meeting)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("web")
    out = {}
    for name, minutes in (("draft", reference()), ("signed", _everything_used())):
        for public in (False, True):
            path = folder / f"{name}-{'public' if public else 'full'}.html"
            write_html(minutes, path, public=public)
            out[path.stem] = path
    return out


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    need_tool("Chromium", find_chromium() is not None, "Debian: chromium")
    need_tool("axe-core", AXE_JS.is_file(), "make test installs it with npm")
    with Browser() as b:
        yield b


def _axe(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    page.evaluate(AXE_JS.read_text())
    tags = json.dumps(WCAG_22_AA)
    script = (
        f"axe.run(document, {{runOnly: {{type: 'tag', values: {tags}}}}}).then(r => ({{"
        "violations: r.violations.map(v => ({id: v.id, impact: v.impact, "
        "nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})),"
        "passes: r.passes.map(p => p.id), version: r.testEngine.version}))"
    )
    result: dict[str, object] = page.evaluate(script, wait=True)
    return result


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["draft-public", "draft-full", "signed-public", "signed-full"])
def test_axe_finds_no_wcag_22_aa_violation(browser, pages, name: str, width: str):
    pixels, mobile = WIDTHS[width]
    page = browser.open(pages[name], pixels, mobile=mobile)
    result = _axe(page)
    assert result["violations"] == []
    passed = set(result["passes"])  # type: ignore[arg-type]
    # The checks that matter most here ran and passed (not merely found nothing to check).
    assert {"html-has-lang", "html-lang-valid", "document-title", "color-contrast"} <= passed
    assert {"th-has-data-cells", "td-headers-attr", "list", "listitem"} <= passed


@pytest.mark.parametrize("name", ["draft-public", "signed-full"])
def test_at_320_px_the_table_reflows_without_sideways_scrolling(browser, pages, name: str):
    page = browser.open(pages[name], 320, mobile=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Each item is one block; every non-empty cell shows its column's label.
    shown = page.evaluate(
        "[...document.querySelectorAll('tbody td:not(.empty)')]"
        ".filter(td => td.offsetParent !== null)"
        ".map(td => [getComputedStyle(td).display, td.querySelector('.label') &&"
        " getComputedStyle(td.querySelector('.label')).display])"
    )
    assert shown and all(d == "block" and label == "block" for d, label in shown)
    wide = browser.open(pages[name], 1280)
    assert wide.evaluate("getComputedStyle(document.querySelector('tbody td')).display") == (
        "table-cell"
    )
    assert wide.evaluate("getComputedStyle(document.querySelector('.label')).display") == "none"


def test_the_page_asks_for_nothing_but_itself(browser, pages):
    page = browser.open(pages["signed-full"], 1280)
    assert page.requests() == [pages["signed-full"].resolve().as_uri()]
