"""Reopened and re-signed minutes carry the reopening on their PDF."""

import subprocess
from datetime import UTC, date, datetime

from scrutiny_desktop.export.pdf import export_pdf


def _text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_reopening_is_printed_with_who_when_why_and_the_old_sign_off(seeded_book, tmp_path):
    book, mid = seeded_book
    first = book.sign_off(mid, "LW", date(2015, 3, 26))
    book.reopen(
        mid, "Item 4: wrong officer named", "TB", at=datetime(2015, 4, 2, 10, 0, tzinfo=UTC)
    )
    book.sign_off(mid, "LW", date(2015, 4, 23))
    minutes = book.minutes(mid)
    assert [e.event.value for e in minutes.audit] == ["signed_off", "reopened", "signed_off"]

    full, public = tmp_path / "full.pdf", tmp_path / "public.pdf"
    export_pdf(minutes, full)
    export_pdf(minutes, public, public=True)
    text = " ".join(_text(full).split())
    assert "Reopened on 02.04.15 by TB: Item 4: wrong officer named" in text
    assert "previously agreed by LW on 26.03.15" in text
    assert first.signed_off.fingerprint.removeprefix("sha256:")[:20] in text.replace(" ", "")
    assert "Agreed by LW on 23.04.15" in text
    public_text = " ".join(_text(public).split())
    # The audit is for the record: its free text (a reason) never reaches the public.
    assert "Reopened" not in public_text and "wrong officer" not in public_text
    assert "Agreed by LW on 23.04.15" in public_text
    assert "sha256" not in public_text


def test_free_text_of_the_sign_off_stays_out_of_the_public_pdf(seeded_book, tmp_path):
    book, mid = seeded_book
    book.sign_off(mid, "LW", date(2015, 3, 26), note="agreed; the DCI's conduct noted privately")
    public = tmp_path / "public.pdf"
    export_pdf(book.minutes(mid), public, public=True)
    text = " ".join(_text(public).split())
    assert "Agreed by LW on 26.03.15" in text
    assert "conduct" not in text


def test_a_reopened_draft_shows_the_reopening_and_the_draft_mark(seeded_book, tmp_path):
    book, mid = seeded_book
    book.sign_off(mid, "LW", date(2015, 3, 26))
    book.reopen(mid, "Correction", "TB", at=datetime(2015, 4, 2, tzinfo=UTC))
    out = tmp_path / "draft.pdf"
    export_pdf(book.minutes(mid), out)
    text = _text(out)
    assert "Reopened on 02.04.15 by TB: Correction" in " ".join(text.split())
    assert "D\nR\nA\nF\nT\n" in text  # the diagonal mark, one letter a line
