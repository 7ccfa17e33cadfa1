"""Read exported PDFs back (pypdf, poppler) so tests judge the file, not the code that wrote it."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from scrutiny_desktop.domain.model import Item, Meeting, Minutes, Paragraph

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "data" / "seed-meeting.json"  # a copy of the shared seed
EXAMPLE = REPO / "resources" / "example-meeting.json"
HEADER_LABELS = ("No.", "Matter Raised", "Action", "Owner", "Date for", "Completion")


def seed_path() -> Path:
    """The reference meeting: the shared seed when present, else the copy in resources."""
    return SEED if SEED.is_file() else EXAMPLE


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdffonts(path: Path) -> list[dict[str, str]]:
    """Rows of ``pdffonts``: name, type and the emb/sub/uni flags."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    rows = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni object-id gen
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def squash(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Chunk:
    """One run of text as drawn: page (0-based), position in points, text."""

    page: int
    x: float
    y: float
    text: str


def chunks(path: Path) -> list[Chunk]:
    """Every text run with its position in default user space, via pypdf's visitor."""
    out: list[Chunk] = []
    for index, page in enumerate(PdfReader(path).pages):

        def visit(text: str, cm: list[float], tm: list[float], *_: object, i: int = index) -> None:
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append(Chunk(i, x, y, text.strip()))

        page.extract_text(visitor_text=visit)
    return out


@dataclass
class Columns:
    """The minutes table read back column by column, using the header row as the ruler."""

    starts: dict[str, float] = field(default_factory=dict)
    cells: dict[str, list[Chunk]] = field(default_factory=dict)

    def text(self, column: str) -> str:
        return squash(" ".join(c.text for c in self.cells[column]))

    def column_of(self, chunk: Chunk) -> str:
        found = "No."
        for name, x in sorted(self.starts.items(), key=lambda kv: kv[1]):
            if chunk.x >= x - 0.5:
                found = name
        return found


def table_columns(path: Path) -> Columns:
    """Text under the header row of each page, split by column, header and footer removed."""
    all_chunks = chunks(path)
    cols = Columns()
    header_y: dict[int, float] = {}
    for c in all_chunks:
        if c.text in HEADER_LABELS and c.text not in ("Date for", "Completion"):
            header_y.setdefault(c.page, c.y)
            pad = 4.0
            cols.starts.setdefault(c.text, c.x - pad)
        if c.text == "Date for":
            cols.starts.setdefault("Date for Completion", c.x - 4.0)
    names = ["No.", "Matter Raised", "Action", "Owner", "Date for Completion"]
    cols.cells = {n: [] for n in names}
    body = [
        c
        for c in all_chunks
        if c.page in header_y and c.y < header_y[c.page] - 15 and c.y > 45 and c.text != "DRAFT"
    ]
    body.sort(key=lambda c: (c.page, -round(c.y, 1), c.x))
    for c in body:
        cols.cells[cols.column_of(c)].append(c)
    return cols


def in_order(haystack: str, needles: list[str]) -> list[str]:
    """The needles not found in order (each searched after the previous match)."""
    missing, pos = [], 0
    for needle in needles:
        found = haystack.find(squash(needle), pos)
        if found < 0:
            missing.append(needle)
        else:
            pos = found + len(squash(needle))
    return missing


def page_texts(path: Path) -> list[str]:
    """pdftotext -raw, one string per page."""
    return pdftotext(path, "-raw").split("\f")[:-1]


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(entries: list[object]) -> None:
        for e in entries:
            if isinstance(e, list):
                walk(e)
            else:
                titles.append(str(e["/Title"]))  # type: ignore[index]

    walk(reader.outline)  # type: ignore[arg-type]
    return titles


def pdf_everything(path: Path) -> str:
    """All the places a reader (or a script) could find text in a PDF file."""
    reader = PdfReader(path)
    parts = [
        " ".join(page.extract_text() for page in reader.pages),
        pdftotext(path, "-raw"),
        pdftotext(path, "-layout"),
        " ".join(f"{k}={v}" for k, v in (reader.metadata or {}).items()),
        " ".join(outline_titles(reader)),
        raw_streams(reader).decode("latin-1"),
        path.read_bytes().decode("latin-1"),
        path.name,
    ]
    return "\n".join(parts)


def raw_streams(reader: PdfReader) -> bytes:
    """Every page's decompressed content stream, concatenated."""
    parts = []
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            parts.append(contents.get_data())
    return b"\n".join(parts)


def minutes_with(items: list[Item], **meeting: object) -> Minutes:
    """A small meeting around the given items."""
    m = Meeting(id=None, title="Test Scrutiny Meeting", date=date(2015, 2, 26))
    return Minutes(meeting=replace(m, **meeting), items=tuple(items))  # type: ignore[arg-type]


def item(number: str, title: str, *paras: str, **kw: object) -> Item:
    return Item(id=None, number=number, title=title, body=tuple(Paragraph(p) for p in paras), **kw)  # type: ignore[arg-type]
