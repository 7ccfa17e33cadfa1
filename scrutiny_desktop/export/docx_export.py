"""Word (DOCX) minutes for colleagues who edit: the PDF's table in real Word structure.

The heading, the Present/Apologies/In attendance lists, then the five-column table with
its header row repeated on every page (``w:tblHeader``) and each row kept whole where it
fits (``w:cantSplit``). An item with several actions spans a row per action, its number
and matter merged down them, so each action stays level with its owners and date.
Headings and the table use Word's own styles (Heading 1–3, Table Grid), so Word's "Save as
PDF" can tag them. The full version carries the classification in its header and
footer; a draft says DRAFT in its header. Drawn from ``layout.lay_out``: the public version
holds nothing restricted to draw.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt, RGBColor, Twips

from scrutiny_desktop.domain.model import Minutes
from scrutiny_desktop.domain.presentation import Presentation
from scrutiny_desktop.export import docx_ooxml as ox
from scrutiny_desktop.export import wording
from scrutiny_desktop.export.layout import (
    PLAIN,
    ActionLine,
    Bullets,
    Flag,
    Layout,
    Line,
    NextMeetingLine,
    Para,
    PrivateItem,
    Progress,
    Resolved,
    RestrictedItem,
    Row,
    SubHeading,
    Title,
    block_texts,
    lay_out,
)
from scrutiny_desktop.export.safe_text import xml_safe
from scrutiny_desktop.files.atomic import write_bytes_atomically

FONT = "Arial"
BODY_PT = 10
MARGIN_MM = 18
# No. | Matter Raised | Action | Owner | Date for Completion, in millimetres (174 in all).
COLUMNS_MM = (16, 74, 44, 16, 24)  # No. holds "100/26" on one line
HEADER_FILL = "E6E6E6"
BLACK = RGBColor(0, 0, 0)


def write_docx(
    minutes: Minutes, out: Path, *, public: bool = False, presentation: Presentation = PLAIN
) -> None:
    """Write the minutes to ``out`` as a Word document, full or public."""
    layout = lay_out(minutes, public=public, presentation=presentation)
    write_bytes_atomically(out, render_docx(layout))


def render_docx(layout: Layout) -> bytes:
    """The document's bytes."""
    doc = Document()
    _drop_thumbnail(doc)
    _page(doc)
    _styles(doc, layout.properties.language)
    _properties(doc, layout)
    _header_and_footer(doc, layout)
    _DocxMinutes(doc, layout).write()
    buf = io.BytesIO()
    doc.save(buf)
    return ox.repeatable(buf.getvalue())


def _drop_thumbnail(doc: Any) -> None:
    """python-docx's template carries a picture of a blank page, which file managers and
    Outlook show as the minutes' preview (found by a clerk): leave it out."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rels = doc.part.package.rels
    for key, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[key]


def _page(doc: Any) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.header_distance = section.footer_distance = Mm(8)


def _styles(doc: Any, language: str) -> None:
    styles = doc.styles
    ox.set_language(styles.element, language)
    normal = styles["Normal"]
    ox.set_fonts(normal, FONT)
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.space_before = Pt(0)
    # (style, size, space before, space after): black, in the body font, for print.
    for name, size, before, after in (
        ("Title", 16, 0, 2),
        ("Heading 1", 16, 0, 2),
        ("Subtitle", 11, 0, 2),
        ("Heading 2", 10.5, 8, 3),
        ("Heading 3", BODY_PT, 4, 0),
        ("Header", 9, 0, 0),
        ("Footer", 8, 0, 0),
    ):
        style = styles[name]
        ox.set_fonts(style, FONT)
        style.font.size = Pt(size)
        style.font.color.rgb = BLACK
        style.font.italic = False
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Subtitle"):
        styles[name].font.bold = True
    # The template spaces the subtitle's letters out and rules a line under the title.
    for name in ("Subtitle", "Title"):
        ox.plain_characters(styles[name])


def _properties(doc: Any, layout: Layout) -> None:
    props, cp = layout.properties, doc.core_properties
    cp.title = xml_safe(props.title)
    cp.subject = xml_safe(props.subject)
    cp.author = cp.last_modified_by = xml_safe(props.author)
    cp.keywords = xml_safe(props.keywords)
    cp.language = props.language
    cp.category = "Minutes"
    cp.content_status = wording.DRAFT.title() if layout.draft else "Agreed"
    cp.comments = ""
    cp.revision = 1
    # The meeting's date rather than the moment of export (the template says 2013), so the
    # same minutes make the same document.
    cp.created = cp.modified = datetime.combine(layout.meeting_date, time(0, 0))


def _header_and_footer(doc: Any, layout: Layout) -> None:
    section = doc.sections[0]
    marks = [m for m in (layout.classification, wording.DRAFT if layout.draft else None) if m]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, mark in enumerate(marks):
        run = header.add_run(("  " if i else "") + xml_safe(mark))
        run.bold = True
        run.font.size = Pt(10)
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(Mm(210 - 2 * MARGIN_MM), WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run(xml_safe(layout.footer) + "\tPage ")
    ox.field(footer, "PAGE", "1")
    footer.add_run(" of ")
    ox.field(footer, "NUMPAGES", "1")
    if layout.classification:
        below = section.footer.add_paragraph(style="Footer")
        below.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = below.add_run(xml_safe(layout.classification))
        run.bold = True
        run.font.size = Pt(10)


class _DocxMinutes:
    """Writes one layout into the document body."""

    def __init__(self, doc: Any, layout: Layout) -> None:
        self._doc, self._l = doc, layout
        # One function per kind of block in the Matter column (see layout.Block).
        self.blocks: dict[type, Callable[[Any, Any], None]] = {
            Title: lambda cell, b: self._para(cell, b.text, "Heading 2"),
            SubHeading: lambda cell, b: self._para(cell, b.text, "Heading 3", b.restricted),
            Para: lambda cell, b: self._para(cell, b.text, None, b.restricted),
            Progress: lambda cell, b: self._para(cell, b.text, None, b.restricted, after=0),
            PrivateItem: lambda cell, b: self._fixed(cell, b.text, italic=True),
            RestrictedItem: lambda cell, b: self._fixed(cell, b.text, italic=True, size=8),
            Bullets: self._bullets,
            Resolved: self._resolved,
            Flag: lambda cell, b: self._fixed(cell, b.text, italic=False, bold=True),
        }

    def write(self) -> None:
        doc, lay = self._doc, self._l
        doc.add_heading(xml_safe(lay.title), level=1)
        doc.add_paragraph(lay.date, style="Subtitle")
        if lay.when:
            doc.add_paragraph(xml_safe(lay.when))
        for group in lay.attendance:
            doc.add_heading(group.label, level=2)
            for a in group.people:
                p = doc.add_paragraph()
                p.paragraph_format.space_after = Pt(1)
                width = Mm(210 - 2 * MARGIN_MM)
                p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
                p.add_run(xml_safe(a.text))
                if a.chair:
                    p.add_run(f" {wording.CHAIR}")
                if a.note:
                    p.add_run(f" ({xml_safe(a.note)})").italic = True
                p.add_run("\t" + xml_safe(a.initials))
        self._table()
        self._closing()

    # ------------------------------------------------------------ the table

    def _table(self) -> None:
        lay = self._l
        table = self._doc.add_table(rows=1, cols=len(lay.columns))
        table.style = self._doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        widths = [int(Mm(w).twips) for w in COLUMNS_MM]
        ox.fixed_layout(table, widths)
        header = table.rows[0]
        ox.mark_header_row(header)
        ox.keep_row_whole(header)
        for cell, label in zip(header.cells, lay.columns, strict=True):
            run = cell.paragraphs[0].add_run(label)
            run.bold, run.font.size = True, Pt(9)
            ox.shade(cell, HEADER_FILL)
        for row in lay.rows:
            self._row(table, row)
        for tr in table._tbl.tr_lst:
            for tc, w in zip(tr.tc_lst, widths, strict=False):
                tc.width = Twips(w)

    def _row(self, table: Any, row: Row) -> None:
        r = table.add_row()
        if _fits_on_a_page(row):
            ox.keep_row_whole(r)
        cells = r.cells
        self._text(cells[0].paragraphs[0], row.number)
        matter = cells[1]
        first = True
        for block in row.matter:
            self.blocks[type(block)](_Fresh(matter) if first else matter, block)
            first = False
        # Nothing above the first line of a cell: the number, title and first action level.
        matter.paragraphs[0].paragraph_format.space_before = Pt(0)
        if row.lines:
            self._actions(cells[2].merge(cells[4]), row.lines)

    def _actions(self, cell: Any, lines: tuple[Line, ...]) -> None:
        """As in the PDF: one cell across Action, Owner and Date for Completion holding a
        table of the actions, so each stays level with its owners and date however it wraps."""
        ox.no_side_margins(cell)
        inner = cell.add_table(rows=len(lines), cols=3)
        ox.inner_grid(inner, [int(Mm(w).twips) for w in COLUMNS_MM[2:]])
        # A cell holds a paragraph before and after a table: the one before goes, the
        # one after (which Word requires) is made as small as it can be.
        ox.drop_first_paragraph(cell)
        ox.shrink(cell.paragraphs[-1])
        for tr, line in zip(inner.rows, lines, strict=True):
            self._line(tr.cells, line)

    def _line(self, cells: list[Any], line: Line) -> None:
        action, owner, due = (c.paragraphs[0] for c in cells)
        if isinstance(line, NextMeetingLine):
            self._text(action, line.text)
            return
        assert isinstance(line, ActionLine)
        self._text(action, line.label)
        if line.restricted:
            action.add_run(f" {wording.NOT_FOR_PUBLICATION}").italic = True
        self._text(owner, line.owners)
        self._text(due, line.due)

    # ------------------------------------------------------------ text

    @staticmethod
    def _text(paragraph: Any, text: str) -> None:
        if text:
            paragraph.add_run(xml_safe(text))

    def _para(
        self,
        cell: Any,
        text: str,
        style: str | None,
        restricted: bool = False,
        *,
        after: float | None = None,
    ) -> None:
        p = cell.add_paragraph(style=style)
        if after is not None:
            p.paragraph_format.space_after = Pt(after)
        if restricted:
            mark = p.add_run(f"{wording.NOT_FOR_PUBLICATION} ")
            mark.italic, mark.bold = True, False
        self._text(p, text)

    def _fixed(
        self, cell: Any, text: str, *, italic: bool, size: float | None = None, bold: bool = False
    ) -> None:
        run = cell.add_paragraph().add_run(text)
        run.italic, run.bold = italic, bold
        if size is not None:
            run.font.size = Pt(size)

    def _bullets(self, cell: Any, block: Bullets) -> None:
        for b in block.items:
            self._para(cell, b.text, "List Bullet", b.restricted, after=1)

    def _resolved(self, cell: Any, block: Resolved) -> None:
        p = cell.add_paragraph()
        p.add_run(f"{wording.RESOLVED}: ").bold = True
        self._text(p, block.text)
        if block.restricted:
            p.add_run(f" {wording.NOT_FOR_PUBLICATION}").italic = True
        if block.vote:
            p.paragraph_format.space_after = Pt(0)
            cell.add_paragraph().add_run(xml_safe(block.vote)).italic = True

    # ------------------------------------------------------------ after the table

    def _closing(self) -> None:
        closing = self._l.closing
        for heading, texts in (
            (wording.ASSURANCE_HEADING, list(closing.assurance)),
            (wording.ABBREVIATIONS_HEADING, [f"{a} – {m}" for a, m in closing.abbreviations]),
        ):
            if texts:
                self._doc.add_heading(heading, level=2)
                for text in texts:
                    self._doc.add_paragraph(xml_safe(text)).paragraph_format.space_after = Pt(1)
        lines: list[tuple[str, bool]] = [(text, False) for text in closing.reopenings]
        if closing.signed_off and closing.agreed:
            lines.append((closing.agreed, True))
        if closing.fingerprint:
            lines.append((wording.fingerprint(closing.fingerprint), False))
        for i, (text, agreed) in enumerate(lines):
            p = self._doc.add_paragraph()
            if i == 0:  # space above, not an empty paragraph
                p.paragraph_format.space_before = Pt(12)
            run = p.add_run(xml_safe(text))
            run.bold = agreed
            if not agreed:
                run.font.size = Pt(8)


# For judging whether a row fits on a page: at 10 pt Arial the Matter column holds about
# 48 characters a line and the Action column 28; a line is 11.5 pt, a paragraph adds 4,
# and a page of A4 between the margins, header and footer holds about 700 pt.
_MATTER_CHARS, _ACTION_CHARS, _LINE_PT, _PARA_PT, _PAGE_PT = 48, 28, 11.5, 4.0, 700.0


def _fits_on_a_page(row: Row) -> bool:
    """Whether the row is short enough to keep whole (``w:cantSplit``) with room to spare.

    A row that is kept whole but cannot fit on a page is first moved to a new page and
    then split anyway, leaving most of a page empty: a longer item flows instead.
    """

    def height(texts: list[str], chars: int) -> float:
        lines = sum(max(1, -(-len(t) // chars)) + t.count("\n") for t in texts)
        return lines * _LINE_PT + len(texts) * _PARA_PT

    matter = [text for block in row.matter for text in block_texts(block)]
    actions = [getattr(line, "text", "") for line in row.lines]
    tallest = max(height(matter, _MATTER_CHARS), height(actions, _ACTION_CHARS))
    return tallest < 0.8 * _PAGE_PT


class _Fresh:
    """A new cell's first paragraph is already there: the first block writes into it."""

    def __init__(self, cell: Any) -> None:
        self._cell = cell

    def add_paragraph(self, style: str | None = None) -> Any:
        p = self._cell.paragraphs[0]
        if style is not None:
            p.style = style
        return p
