"""PDF minutes in the classic table (No. | Matter Raised | Action | Owner | Date for Completion).

``export_pdf`` writes the full or the public version atomically and returns the page
count. reportlab is imported only inside the export, so importing this module (as the
window does at start) stays cheap.

The public version is made by removing restricted material from the Minutes *before*
layout (``domain.public.public_view``): what is not handed to reportlab cannot leak into the text,
the metadata, the bookmarks or the file name. A restricted item keeps its number, so the
published numbering has no unexplained gap, and says only that it was considered in
private.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from scrutiny_desktop.domain.model import Minutes
from scrutiny_desktop.domain.presentation import Presentation
from scrutiny_desktop.export import wording
from scrutiny_desktop.export.formats import default_filename
from scrutiny_desktop.export.layout import PLAIN, lay_out
from scrutiny_desktop.export.pdf_text import Substitution, TextPrep

__all__ = ["PdfReport", "default_filename", "export_pdf", "export_pdf_report", "render_pdf"]
from scrutiny_desktop.files.atomic import write_bytes_atomically

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PdfReport:
    """What an export produced: pages written and any characters the font could not draw."""

    pages: int
    substitutions: tuple[Substitution, ...] = ()


def export_pdf(
    minutes: Minutes,
    out: Path,
    *,
    public: bool = False,
    page_size: str = "A4",
    author: str | None = None,
    presentation: Presentation = PLAIN,
) -> int:
    """Write the minutes to ``out`` as PDF and return the number of pages.

    Characters the embedded font cannot draw are printed as U+FFFD and logged as a
    warning; ``export_pdf_report`` returns them instead.
    """
    report = export_pdf_report(
        minutes, out, public=public, page_size=page_size, author=author, presentation=presentation
    )
    for sub in report.substitutions:
        log.warning("PDF %s: %s", out.name, sub)
    return report.pages


def export_pdf_report(
    minutes: Minutes,
    out: Path,
    *,
    public: bool = False,
    page_size: str = "A4",
    author: str | None = None,
    presentation: Presentation = PLAIN,
) -> PdfReport:
    """As ``export_pdf``, returning the page count and the glyph substitutions made."""
    data, report = render_pdf(
        minutes, public=public, page_size=page_size, author=author, presentation=presentation
    )
    write_bytes_atomically(out, data)
    return report


def render_pdf(
    minutes: Minutes,
    *,
    public: bool = False,
    page_size: str = "A4",
    author: str | None = None,
    presentation: Presentation = PLAIN,
) -> tuple[bytes, PdfReport]:
    """The PDF in memory (to attach to an e-mail, say) and its report."""
    from scrutiny_desktop.export import pdf_layout
    from scrutiny_desktop.export.fonts import register_fonts

    fonts = register_fonts()
    prep = TextPrep(fonts.covered)
    lay = lay_out(minutes, public=public, author=author, presentation=presentation)
    props = lay.properties
    metadata = {
        "title": prep.plain(props.title, "the title"),
        "subject": props.subject,
        "author": prep.plain(props.author, "the author"),
        "keywords": prep.plain(props.keywords, "the classification"),
    }
    decor = pdf_layout.PageDecor(
        footer=wording.footer(metadata["title"], lay.date),
        classification=prep.plain(lay.classification, "the classification")
        if lay.classification
        else None,
        draft=lay.draft,
    )
    built = pdf_layout.build(lay, fonts, prep, page_size=page_size, metadata=metadata, decor=decor)
    return built.data, PdfReport(built.pages, _unique(prep.substitutions))


def _unique(subs: list[Substitution]) -> tuple[Substitution, ...]:
    seen: dict[tuple[str, str], Substitution] = {}
    for s in subs:
        seen.setdefault((s.char, s.where), s)
    return tuple(seen.values())
