"""Issue 14, must-show 3: a police and crime panel's PDF, full and public, read back.

Declarations, RESOLVED with the vote in words, the exempt item's wording with its
paragraphs and public summary (and nothing else of it in public), arrivals and departures
with their times, substitutes, the quorum flag (full version only), assurance.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.export.pdf import export_pdf
from tests.unit.pdf_helpers import pdftotext, squash

PANEL = Path(__file__).resolve().parents[1] / "data" / "panel-meeting.v2.json"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("panel")
    with Book.create(folder / "panel.sqlite") as book:
        mid = book.import_minutes(interchange.load(PANEL))
        settings = book.series_settings("Police and Crime Panel")  # from 41/26, as imported
        book.set_series_settings(replace(settings, numbering="yearly", print_item_times=True))
        minutes, presentation = book.minutes(mid), book.presentation(mid)
    full, public = folder / "full.pdf", folder / "public.pdf"
    export_pdf(minutes, full, presentation=presentation)
    export_pdf(minutes, public, public=True, presentation=presentation)
    return squash(pdftotext(full, "-raw")), squash(pdftotext(public, "-raw"))


def test_declarations_are_printed_under_their_item(pdfs):
    full, public = pdfs
    for text in (full, public):
        assert (
            "Cllr Raj Patel declared a disclosable pecuniary interest (spouse works in force "
            "finance) and left the room for this item." in text
        )
        assert "Jane Gardner declared an other registrable interest" in text


def test_resolved_with_the_vote_in_words_and_who_voted_which_way(pdfs):
    full, _ = pdfs
    assert "RESOLVED: That the Panel supports the proposed precept of £14.00" in full
    assert (
        "For 4, against 1, abstained 0. For: Cllr Robert G Hannam, Cllr Anne Spoor, "
        "Cllr Mark Wiles, Jane Gardner; Against: Cllr Kevin Bentley." in full
    )
    assert "RESOLVED: That the minutes of the meeting held on 29 January 2026" in full


def test_the_exempt_item_in_public_is_its_title_paragraphs_and_summary_only(pdfs):
    full, public = pdfs
    wording = (
        "This item was considered in private under paragraphs 1 and 3 of Part 1 of "
        "Schedule 12A to the Local Government Act 1972."
    )
    assert f"46/26 Complaint against the Commissioner (11:45) {wording}" in public
    assert "The Panel considered a complaint and resolved that no further action" in public
    for secret in ("Kestrel", "Write to the complainant", "09/26", "resolved informally"):
        assert secret not in public, secret
    # The full version has all of it, marked, with the wording and the summary.
    assert "Kestrel-Canary" in full and "09/26" in full and wording in full
    assert "Public summary: The Panel considered a complaint" in full


def test_arrivals_departures_and_substitutes(pdfs):
    full, public = pdfs
    for text in (full, public):
        assert "Cllr Anne Spoor joined the meeting at 11:15 during item 44/26." in text
        assert "Cllr Mark Wiles" in text and "substitute for Cllr Tom Watson" in text
        assert "joined at 11:15 during item 44/26" in text  # beside the attendance too
    assert "Cllr Raj Patel left the meeting at 12:10 during item 46/26." in full
    assert "left at 12:10 during item 46/26" in public  # the attendance says so publicly


def test_an_inquorate_item_is_flagged_in_the_full_version_only(pdfs):
    full, public = pdfs
    # Item 42/26: Cllr Patel withdrew for his declaration, Cllr Spoor had not yet arrived.
    assert "42/26 Declarations of interest (10:02) Inquorate: 4 members present, quorum 5." in full
    assert "Inquorate" not in public


def test_assurance_at_the_item_and_in_the_summary(pdfs):
    full, public = pdfs
    assert "Assurance: partly assured" in full
    assert "Assurance Partly assured: item 44/26 Not assured: item 46/26" in full
    assert "Partly assured: item 44/26" in public and "Not assured" not in public


def test_bulleted_paragraphs_print_as_a_list(pdfs):
    full, _ = pdfs
    assert "• It would fund 60 additional officers • and protect the rural crime team" in full


def test_item_times_print_when_the_series_asks(pdfs, tmp_path):
    full, _ = pdfs
    assert "44/26 Proposed Police Precept 2026/27 (10:20)" in full
    with Book.create(tmp_path / "plain.sqlite") as book:
        mid = book.import_minutes(interchange.load(PANEL))
        out = tmp_path / "plain.pdf"
        export_pdf(book.minutes(mid), out, presentation=book.presentation(mid))
    assert "(10:20)" not in squash(pdftotext(out, "-raw"))


def test_every_font_in_the_panel_pdf_is_embedded(tmp_path):
    from tests.unit.pdf_helpers import pdffonts

    with Book.create(tmp_path / "p.sqlite") as book:
        mid = book.import_minutes(interchange.load(PANEL))
        out = tmp_path / "p.pdf"
        export_pdf(book.minutes(mid), out)
    fonts = pdffonts(out)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    assert not any("Helvetica" in f["name"] for f in fonts)


def test_an_arrival_opens_its_item_and_a_departure_closes_it(tmp_path: Path):
    # A clerk read "Cllr Patel left the meeting … during item 46/26" above the item's
    # minutes, as if he had left before it was discussed.
    from scrutiny_desktop.export.layout import Resolved, block_texts, lay_out

    with Book.create(tmp_path / "panel.sqlite") as book:
        mid = book.import_minutes(interchange.load(PANEL))
        minutes = book.minutes(mid)
    rows = {row.number: row for row in lay_out(minutes, public=False).rows}
    left = [" ".join(block_texts(b)) for b in rows["46/26"].matter]
    assert left[-1] == "Cllr Raj Patel left the meeting at 12:10 during item 46/26."
    assert any(isinstance(b, Resolved) for b in rows["46/26"].matter[:-1])
    joined = [" ".join(block_texts(b)) for b in rows["44/26"].matter]
    assert joined[1] == "Cllr Anne Spoor joined the meeting at 11:15 during item 44/26."
