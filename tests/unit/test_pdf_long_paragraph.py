"""A very long paragraph is laid out in runs: every character printed, nothing re-wrapped per page."""

import subprocess
from dataclasses import replace

from scrutiny_desktop.domain.model import Paragraph
from scrutiny_desktop.export import interchange
from scrutiny_desktop.export.pdf import export_pdf
from scrutiny_desktop.export.pdf_text import chunks


def test_chunks_join_back_to_the_text_and_break_at_sentences_or_spaces():
    text = ("One sentence here. " * 400) + "x" * 5000
    pieces = chunks(text, 2000)
    assert "".join(pieces) == text
    assert all(len(p) <= 2000 for p in pieces)
    assert pieces[0].endswith(". ")
    assert chunks("short") == ["short"]


def test_a_paragraph_of_300_000_characters_prints_every_word_in_order(seed_path, tmp_path):
    minutes = interchange.load(seed_path)
    words = [f"w{i:05d}" for i in range(50_000)]  # 300,000 characters with the spaces
    items = list(minutes.items)
    items[3] = replace(items[3], body=(Paragraph(" ".join(words)),))
    out = tmp_path / "long.pdf"
    pages = export_pdf(replace(minutes, items=tuple(items)), out)
    assert pages > 100
    text = subprocess.run(
        ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True
    ).stdout
    found = [w for w in text.split() if len(w) == 6 and w.startswith("w") and w[1:].isdigit()]
    assert found == words


def test_a_5_mb_paragraph_exports(seed_path, tmp_path):
    minutes = interchange.load(seed_path)
    five_mb = "Lorem ipsum dolor sit amet, " * (5_000_000 // 28)
    items = list(minutes.items)
    items[3] = replace(items[3], body=(Paragraph(five_mb),))
    out = tmp_path / "five.pdf"
    assert export_pdf(replace(minutes, items=tuple(items)), out) > 2000
    assert out.read_bytes().startswith(b"%PDF") and out.read_bytes().rstrip().endswith(b"%%EOF")
