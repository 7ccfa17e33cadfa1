"""LibreOffice opens the Word minutes and converts them to PDF: the minutes in order, the header
row on every page, and pages that can be looked at (``pdftoppm -png -r 60``)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from scrutiny_desktop.domain.model import Action, ItemKind
from scrutiny_desktop.export.docx_export import write_docx
from tests.unit.pdf_helpers import in_order, page_texts, squash
from tests.unit.publication_helpers import need_tool, reference

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The reference meeting's full and public Word minutes, converted by LibreOffice."""
    need_tool("LibreOffice", SOFFICE is not None, "Debian: libreoffice-writer-nogui")
    assert SOFFICE is not None
    folder = tmp_path_factory.mktemp("lo")
    minutes = reference()
    items = list(minutes.items)
    items[4] = replace(items[4], restricted=True)
    minutes = replace(minutes, items=tuple(items))
    write_docx(minutes, folder / "full.docx")
    write_docx(minutes, folder / "public.docx", public=True)
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(folder / "full.docx"),
            str(folder / "public.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {"full": folder / "full.pdf", "public": folder / "public.pdf"}


def _expected(public: bool) -> list[str]:
    """Each item's number and title, then its actions: the order a reader meets them (item 5
    is restricted)."""
    out: list[str] = []
    for i, item in enumerate(reference().items):
        if i == 4:  # the restricted item
            if public:
                out.append("5 This item was considered in private.")
                continue
            out.append(f"5 [Not for publication] {item.title}")
        else:
            out.append(f"{item.number} {item.title}")
        out += [_label(a) for a in item.actions]
        if item.kind is ItemKind.NEXT_MEETING:
            out.append("Thursday 26 March 2015 09:00–11:00, OPCC Conference room")
    return out


def _label(a: Action) -> str:
    return f"{a.ref} – {a.text}" if a.ref else a.text


@pytest.mark.parametrize("version", ["full", "public"])
def test_libreoffice_converts_it_and_the_minutes_read_in_order(converted, version: str):
    pdf = converted[version]
    pages = page_texts(pdf)
    text = squash(" ".join(pages))
    assert in_order(text, ["Force Performance Scrutiny Meeting", "Thursday 26 February 2015"]) == []
    assert in_order(text, _expected(version == "public")) == []
    # The header row comes back at the top of every page (w:tblHeader).
    assert len(pages) >= 3
    for page in pages:
        assert "Matter Raised" in page
    if version == "public":
        assert "Mephedrone" not in text
    else:
        assert "Mephedrone" in text and "[Not for publication]" in text


def test_the_converted_pages_render(converted, tmp_path: Path):
    need_tool("pdftoppm", shutil.which("pdftoppm") is not None, "Debian: poppler-utils")
    pdf = converted["full"]
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == len(PdfReader(pdf).pages)
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
