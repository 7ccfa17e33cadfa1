"""Every export format in one table: name, file suffix, full or public, and what writes it.

``export --format``, default file names and the tests are made from ``FORMATS`` (and the
File menu will be). A new format is one module with a function ``(minutes, path, *,
public) -> object`` plus one entry per version here; its module is imported only when
something is exported in it, so reading this table stays cheap.

Each writer takes the full ``Minutes``; a public entry's writer makes the public version
from ``domain.public.public_view`` (through ``export.layout.lay_out`` for the documents),
never deciding restriction itself.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named: reading the table (``export --help``) needs no domain
    from scrutiny_desktop.domain.model import Minutes

Writer = Callable[..., object]
"""``write(minutes, path, *, presentation=...)``: the book's presentation choices as keywords."""

_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


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


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One way out for a meeting's minutes."""

    name: str  # the --format value: several entries share it, full and public
    label: str  # as a menu says it: "Public PDF"
    suffix: str  # ".pdf"
    public: bool
    write: Writer
    media_type: str

    def filename(self, minutes: Minutes) -> str:
        """The file name offered for these minutes in this format."""
        return default_filename(minutes, self.public, self.suffix)


def _lazy(module: str, function: str, **options: object) -> Writer:
    """``module.function(minutes, path, **options)``, importing the module on first use."""

    def write(minutes: Minutes, out: Path, **presentation: object) -> object:
        found: Callable[..., object] = getattr(
            importlib.import_module(f"scrutiny_desktop.export.{module}"), function
        )
        return found(minutes, out, **options, **presentation)

    write.__qualname__ = f"{module}.{function}"
    return write


def _both(
    name: str, labels: tuple[str, str], suffix: str, module: str, function: str, media_type: str
) -> tuple[ExportFormat, ExportFormat]:
    """The full and the public entry of one format."""
    full, public = labels
    return (
        ExportFormat(name, full, suffix, False, _lazy(module, function, public=False), media_type),
        ExportFormat(name, public, suffix, True, _lazy(module, function, public=True), media_type),
    )


def _write_json(minutes: Minutes, out: Path, **_presentation: object) -> None:
    from scrutiny_desktop.export import interchange
    from scrutiny_desktop.files.atomic import write_bytes_atomically

    write_bytes_atomically(out, interchange.dumps(minutes).encode("utf-8"))


_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

FORMATS: tuple[ExportFormat, ...] = (
    # Returns a ``PdfReport``: the pages written and any characters the font could not draw.
    *_both("pdf", ("PDF", "Public PDF"), ".pdf", "pdf", "export_pdf_report", "application/pdf"),
    *_both("docx", ("Word", "Public Word"), ".docx", "docx_export", "write_docx", _DOCX),
    *_both(
        "html", ("Web page", "Public web page"), ".html", "html_export", "write_html", "text/html"
    ),
    # The interchange document is the full record by definition: there is no public JSON.
    ExportFormat("json", "JSON", ".json", False, _write_json, "application/json"),
    *_both(
        "csv",
        ("Actions (CSV)", "Public actions (CSV)"),
        ".csv",
        "meeting_csv",
        "write_meeting_csv",
        "text/csv",
    ),
)


def names() -> list[str]:
    """Every --format value, each once, in the table's order."""
    return list(dict.fromkeys(f.name for f in FORMATS))


def find(name: str, *, public: bool) -> ExportFormat:
    """The entry for ``name`` in the full or the public version; ValueError says why not."""
    for f in FORMATS:
        if f.name == name and f.public == public:
            return f
    if name in names():
        other = "full" if public else "public"
        raise ValueError(f"{name} is written only as the {other} version")
    raise ValueError(f"unknown format {name!r}: choose one of {', '.join(names())}")
