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
import re
from dataclasses import dataclass
from pathlib import Path

from scrutiny_desktop.domain.model import Minutes
from scrutiny_desktop.domain.public import public_view
from scrutiny_desktop.export.pdf_text import Substitution, TextPrep, long_date
from scrutiny_desktop.files.atomic import write_bytes_atomically

log = logging.getLogger(__name__)

_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True, slots=True)
class PdfReport:
    """What an export produced: pages written and any characters the font could not draw."""

    pages: int
    substitutions: tuple[Substitution, ...] = ()


def default_filename(minutes: Minutes, public: bool, ext: str = ".pdf") -> str:
    """``2015-02-26 Force Performance Scrutiny Meeting (public).pdf`` (or ``ext``).

    Made from the meeting's date and title only, never from items; characters that are
    unsafe in a file name on any platform become spaces.
    """
    m = minutes.meeting
    title = _UNSAFE_IN_NAME.sub(" ", m.title).strip(" .") or "Minutes"
    title = " ".join(title.split())[:120]
    suffix = " (public)" if public else ""
    return f"{m.date.isoformat()} {title}{suffix}{ext}"


def export_pdf(
    minutes: Minutes,
    out: Path,
    *,
    public: bool = False,
    page_size: str = "A4",
    author: str | None = None,
) -> int:
    """Write the minutes to ``out`` as PDF and return the number of pages.

    Characters the embedded font cannot draw are printed as U+FFFD and logged as a
    warning; ``export_pdf_report`` returns them instead.
    """
    report = export_pdf_report(minutes, out, public=public, page_size=page_size, author=author)
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
) -> PdfReport:
    """As ``export_pdf``, returning the page count and the glyph substitutions made."""
    from scrutiny_desktop.export import pdf_layout
    from scrutiny_desktop.export.fonts import register_fonts

    fonts = register_fonts()
    prep = TextPrep(fonts.covered)
    source = public_view(minutes) if public else minutes
    m = source.meeting
    title = prep.plain(m.title, "the title")
    when = long_date(m.date)
    subject = f"Minutes of the meeting held on {when}"
    if public:
        subject += " (public version)"
    metadata = {
        "title": title,
        "subject": subject,
        "author": prep.plain(author or m.series or m.title, "the author"),
        "keywords": prep.plain(m.classification or "", "the classification"),
    }
    decor = pdf_layout.PageDecor(
        footer=f"{title} – {when}",
        classification=prep.plain(m.classification, "the classification")
        if m.classification
        else None,
        draft=not m.is_signed_off,
    )
    built = pdf_layout.build(
        source, fonts, prep, page_size=page_size, metadata=metadata, decor=decor, public=public
    )
    write_bytes_atomically(out, built.data)
    return PdfReport(built.pages, _unique(prep.substitutions))


def _unique(subs: list[Substitution]) -> tuple[Substitution, ...]:
    seen: dict[tuple[str, str], Substitution] = {}
    for s in subs:
        seen.setdefault((s.char, s.where), s)
    return tuple(seen.values())
