"""Read Word, web page and e-mail outputs back, so tests judge the files, not the code that wrote them."""

from __future__ import annotations

import email
import os
import zipfile
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from email.policy import default
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from scrutiny_desktop.domain.model import Minutes
from scrutiny_desktop.export.interchange import load
from tests.unit.pdf_helpers import REPO, pdf_everything, pdftotext, seed_path

AXE_JS = REPO / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"

# Addresses for the reference meeting's people; JK and CF (owners not at the meeting) have none.
EMAILS = {
    "LW": "lindsay.whitehouse@example.org",
    "SH": "susannah.hancock@example.org",
    "WK": "wil.kennedy@example.org",
    "TS": "tom.simons@example.org",
    "PL": "paul.lopez@example.org",
    "TB": "tina.bateman@example.org",
    "GM": "gwanwyn.mason@example.org",
    "OPCC": "office@example.org",
}


def reference(*, emails: bool = False) -> Minutes:
    """The reference meeting; with ``emails``, most of its people have an address."""
    minutes = load(seed_path())
    if not emails:
        return minutes
    people = tuple(replace(p, email=EMAILS.get(p.initials)) for p in minutes.people)
    return replace(minutes, people=people)


def need_tool(what: str, found: bool, install: str) -> None:
    """Skip (fail under CI) when a test tool is missing, saying how to get it."""
    if found:
        return
    message = f"{what} is not installed ({install})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


# ---------------------------------------------------------------- Word


@dataclass
class DocxRow:
    """One row of the minutes table: the texts of its five columns, actions one per line."""

    number: str
    matter: list[str]
    actions: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    dues: list[str] = field(default_factory=list)


def _text(element: object) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))  # type: ignore[attr-defined]


def docx_rows(path: Path) -> list[DocxRow]:
    """The minutes table's item rows, read from the XML in document order."""
    doc = Document(str(path))
    table = doc.tables[0]
    rows = []
    for tr in table._tbl.tr_lst[1:]:
        tcs = tr.tc_lst
        number = _text(tcs[0])
        matter = [_text(p) for p in tcs[1].iter(qn("w:p")) if _text(p)]
        row = DocxRow(number, matter)
        inner = tcs[2].find(qn("w:tbl"))
        if inner is not None:
            for itr in inner.iter(qn("w:tr")):
                a, o, d = (_text(tc) for tc in itr.findall(qn("w:tc")))
                row.actions.append(a)
                row.owners.append(o)
                row.dues.append(d)
        rows.append(row)
    return rows


def docx_everything(path: Path) -> str:
    """Every part of the package, decompressed: body, headers, footers, properties, styles."""
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()) + path.name


def docx_text(path: Path) -> str:
    """The document's visible text in order (body, table cells and nested tables)."""
    doc = Document(str(path))
    return " ".join(_text(p) for p in doc.element.body.iter(qn("w:p")))


# ---------------------------------------------------------------- web page


class Outline(HTMLParser):
    """Headings, text, tags and attributes of a page, as a reader's tools would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._heading: int | None = None
        self._heading_text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "title"):
            self._skip += 1
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self._heading, self._heading_text = int(tag[1]), []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, " ".join("".join(self._heading_text).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading_text.append(data)

    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


def html_outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# ---------------------------------------------------------------- e-mail


def read_eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def eml_body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())  # type: ignore[attr-defined]


def eml_attachments(message: EmailMessage) -> list[tuple[str, bytes]]:
    return [
        (a.get_filename() or "", a.get_content())  # type: ignore[attr-defined]
        for a in message.iter_attachments()
    ]


# ---------------------------------------------------------------- anything


def everything(path: Path) -> str:
    """Every place a reader or a script could find text in an output, by its suffix."""
    if path.suffix == ".pdf":
        return pdf_everything(path)
    if path.suffix == ".docx":
        return docx_everything(path)
    if path.suffix == ".eml":
        message = read_eml(path)
        parts = [path.read_bytes().decode("utf-8", "replace"), eml_body(message), path.name]
        for name, data in eml_attachments(message):
            attached = path.with_name(f".{path.stem}-{name}")
            attached.write_bytes(data)
            parts.append(everything(attached) if attached.suffix == ".pdf" else name)
            attached.unlink()
        return "\n".join(parts)
    if path.suffix in (".html", ".csv", ".json"):
        return path.read_bytes().decode("utf-8", "replace") + path.name
    # A new format needs its reader here, or a canary inside (say) a zip would go unseen.
    raise AssertionError(f"no reader for {path.suffix} files: add one to everything()")


def readable(path: Path) -> str:
    """The text a reader sees: PDF via pdftotext, Word's text, the rest as it is."""
    if path.suffix == ".pdf":
        return pdftotext(path, "-raw")
    if path.suffix == ".docx":
        return docx_text(path)
    return path.read_text(encoding="utf-8-sig")
