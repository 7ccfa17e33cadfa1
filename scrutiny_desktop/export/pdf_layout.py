"""The minutes as reportlab flowables: heading, attendance and the five-column table.

Imported only while exporting (it imports reportlab). It draws a ``layout.Layout``, which
already holds the full or the public version; nothing here looks at restriction.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from scrutiny_desktop.export import wording
from scrutiny_desktop.export.fonts import FontSet
from scrutiny_desktop.export.layout import (
    AttendanceList,
    Block,
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
)
from scrutiny_desktop.export.pdf_paragraph import Paragraph
from scrutiny_desktop.export.pdf_text import TextPrep, chunks
from scrutiny_desktop.export.wording import CHAIR, NOT_FOR_PUBLICATION, PRIVATE_TEXT

__all__ = ["NOT_FOR_PUBLICATION", "PRIVATE_TEXT", "Built", "MinutesLayout", "PageDecor", "build"]

PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
BODY_SIZE = 9.5
LEADING = 12
PAD = 4
GRID = colors.Color(0.45, 0.45, 0.45)
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)


@dataclass(frozen=True, slots=True)
class PageDecor:
    """What every page carries besides the flowables."""

    footer: str
    classification: str | None
    draft: bool


@dataclass(frozen=True, slots=True)
class Built:
    """A finished PDF in memory and its page count."""

    data: bytes
    pages: int


# Characters of matter per table row before a continuation row starts (about a page).
ROW_TEXT = 6000


def _runs_of(flowables: list[Any], budget: int) -> list[list[Any]]:
    """Consecutive groups of flowables, each holding about ``budget`` characters of text."""
    runs: list[list[Any]] = [[]]
    size = 0
    for f in flowables:
        length = len(getattr(f, "text", "") or "")
        if runs[-1] and size + length > budget:
            runs.append([])
            size = 0
        runs[-1].append(f)
        size += length
    return runs


class _Styles:
    """Paragraph styles, all in the embedded family."""

    def __init__(self, fonts: FontSet) -> None:
        base = ParagraphStyle(
            "body",
            fontName=fonts.regular,
            fontSize=BODY_SIZE,
            leading=LEADING,
            splitLongWords=1,
            allowWidows=0,
            spaceAfter=5,
        )
        self.body = base
        self.tight = ParagraphStyle("tight", parent=base, spaceAfter=0)
        # The runs of one very long paragraph after the first: no gap between them.
        self.run = ParagraphStyle("run", parent=base, spaceBefore=0)
        self.bold = ParagraphStyle("bold", parent=base, fontName=fonts.bold)
        self.italic = ParagraphStyle("italic", parent=base, fontName=fonts.italic)
        self.note = ParagraphStyle(
            "note", parent=base, fontName=fonts.italic, fontSize=8, leading=10, spaceAfter=1
        )
        self.header = ParagraphStyle(
            "header", parent=base, fontName=fonts.bold, fontSize=9, leading=11, spaceAfter=0
        )
        self.title = ParagraphStyle(
            "title", parent=base, fontName=fonts.bold, fontSize=15, leading=19, spaceAfter=4
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=base, fontName=fonts.bold, fontSize=11, leading=14, spaceAfter=2
        )
        self.venue = ParagraphStyle("venue", parent=base, fontSize=11, leading=14, spaceAfter=10)
        self.label = ParagraphStyle(
            "label", parent=base, fontName=fonts.bold, fontSize=10.5, leading=13, spaceAfter=3
        )
        self.initials = ParagraphStyle("initials", parent=self.tight, alignment=TA_RIGHT)
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, spaceAfter=2)
        # The bullet in the embedded face too: reportlab's default is a Helvetica that
        # would not be embedded.
        self.bullet = ParagraphStyle(
            "bullet",
            parent=base,
            leftIndent=10,
            bulletIndent=1,
            spaceAfter=1,
            bulletFontName=fonts.regular,
        )
        self.last_bullet = ParagraphStyle("last bullet", parent=self.bullet, spaceAfter=5)
        self.flag = ParagraphStyle("flag", parent=self.bold, fontName=fonts.bold)
        self.heading = ParagraphStyle(
            "closing heading", parent=base, fontName=fonts.bold, spaceBefore=6, spaceAfter=2
        )


class _Overhang(Flowable):  # type: ignore[misc]
    """A table drawn from the Action column across Owner and Date for Completion.

    The outer table sees a flowable as wide as the Action cell; the inner table lays
    each action, its owners and its due date on one row, so they stay level however
    the text wraps, and it splits between (or, when taller than a page, inside) rows.
    """

    def __init__(self, table: Any, full_width: float) -> None:
        super().__init__()
        self._table = table
        self._full = full_width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, height = self._table.wrap(self._full, avail_height)
        self.width, self.height = avail_width, height
        return avail_width, height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        self._table.wrap(self._full, avail_height)
        return [_Overhang(part, self._full) for part in self._table.split(self._full, avail_height)]

    def draw(self) -> None:
        self._table.drawOn(self.canv, 0, 0)


class _Bookmark(Flowable):  # type: ignore[misc]
    """A zero-size mark that adds an outline entry pointing at where it is drawn."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self._key, self._title = key, title
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self._key, 0, LEADING)
        self.canv.addOutlineEntry(self._title, self._key, level=0)


class _MinutesCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end so each footer can say "Page X of Y".

    Bookmarks name the page they are on when made, so they are held back with their
    page and made as it is finally written.
    """

    def __init__(
        self, *args: Any, decor: PageDecor, fonts: FontSet, result: dict[str, int], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self._decor, self._fonts, self._result = decor, fonts, result
        self._pages: list[dict[str, Any]] = []
        self._marks: list[tuple[str, float, float]] = []

    def bookmarkHorizontalAbsolute(
        self, key: str, top: float, left: float = 0, fit: str = "XYZ", **kw: Any
    ) -> None:
        self._marks.append((key, top, left))

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._marks = []
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            for key, top, left in self._marks:
                super().bookmarkHorizontalAbsolute(key, top, left=left)
            self._decorate(number, total)
            super().showPage()
        self._result["pages"] = total
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        width, height = self._pagesize
        f, d = self._fonts, self._decor
        self.saveState()
        self.setFillColor(colors.black)
        self.setFont(f.regular, 8)
        self.drawString(18 * mm, 12 * mm, d.footer)
        self.drawRightString(width - 18 * mm, 12 * mm, f"Page {number} of {total}")
        if d.classification:
            self.setFont(f.bold, 10)
            self.drawCentredString(width / 2, height - 10 * mm, d.classification)
            self.drawCentredString(width / 2, 6 * mm, d.classification)
        self.restoreState()


def _draft_mark(fonts: FontSet, canv: Any, doc: Any) -> None:
    """A large pale diagonal DRAFT beneath the page's content."""
    width, height = doc.pagesize
    canv.saveState()
    canv.setFillColor(colors.Color(0.86, 0.86, 0.86))
    canv.setFont(fonts.bold, 110)
    canv.translate(width / 2, height / 2)
    canv.rotate(50)
    canv.drawCentredString(0, -38, "DRAFT")
    canv.restoreState()


class MinutesLayout:
    """Turns one ``layout.Layout`` into the story of flowables for the PDF."""

    def __init__(self, layout: Layout, fonts: FontSet, prep: TextPrep, width: float) -> None:
        self._l, self._fonts, self._prep = layout, fonts, prep
        self._s = _Styles(fonts)
        self._width = width
        self._cols = self._column_widths(width)
        self._blocks: dict[type, Callable[[Any, str], list[Any]]] = {
            RestrictedItem: lambda b, where: [self._fixed(b.text, self._s.note)],
            PrivateItem: lambda b, where: [self._fixed(b.text, self._s.italic)],
            Bullets: self._bullets,
            Resolved: self._resolved,
            Flag: lambda b, where: [self._fixed(b.text, self._s.flag)],
        }

    # ------------------------------------------------------------ sizes

    def _column_widths(self, width: float) -> list[float]:
        f = self._fonts
        numbers = [r.number for r in self._l.rows] + ["No."]
        no_w = max(stringWidth(n, f.bold, 9) for n in numbers[:50]) + 2 * PAD
        no_w = min(max(no_w, 26), 48)
        owner_w = max(stringWidth("Owner", f.bold, 9) + 2 * PAD + 10, 46)
        date_w = max(stringWidth("Completion", f.bold, 9), stringWidth("00.00.00", f.regular, 9.5))
        date_w += 2 * PAD + 4
        rest = width - no_w - owner_w - date_w
        return [no_w, rest * 0.6, rest * 0.4, owner_w, date_w]

    # ------------------------------------------------------------ text

    def _p(self, text: str, style: Any, where: str) -> Any:
        return Paragraph(self._prep.markup(text, where), style)

    def _fixed(self, markup: str, style: Any) -> Any:
        """A Paragraph of our own wording (no user text)."""
        return Paragraph(markup, style)

    # ------------------------------------------------------------ story

    def story(self) -> list[Any]:
        lay, s = self._l, self._s
        out: list[Any] = [
            self._p(lay.title, s.title, "the title"),
            self._fixed(lay.date, s.subtitle),
        ]
        out.append(self._p(lay.when, s.venue, "the venue") if lay.when else Spacer(0, 8))
        for group in lay.attendance:
            out.extend(self._attendance(group))
        out.append(Spacer(0, 6))
        out.append(self._table())
        out.extend(self._sign_off())
        return out

    def _attendance(self, group: AttendanceList) -> list[Any]:
        rows = []
        for a in group.people:
            where = f"attendance of {a.initials}"
            markup = self._prep.markup(a.text, where)
            if a.chair:
                markup += f" {CHAIR}"
            if a.note:
                markup += f" <i>({self._prep.markup(a.note, where)})</i>"
            rows.append(
                [
                    Paragraph(markup, self._s.tight),
                    self._p(a.initials, self._s.initials, where),
                ]
            )
        table = Table(rows, colWidths=[self._width - 60, 60], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self._fonts.regular),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return [self._fixed(group.label, self._s.label), table, Spacer(0, 8)]

    def _table(self) -> Any:
        s = self._s
        header = [self._fixed(label, s.header) for label in self._l.columns]
        rows: list[list[Any]] = [header]
        # An item's row is followed by continuation rows when its matter is long: reportlab
        # re-wraps a whole cell at every page it splits, so one cell holding a very long
        # item costs time in the square of its length. Lines are drawn only above an
        # item's first row, so the continuation reads as the same row.
        item_starts: list[int] = []
        for index, row in enumerate(self._l.rows):
            first, *more = self._row(index, row)
            item_starts.append(len(rows))
            rows.append(first)
            rows.extend(more)
        continuations = sorted(set(range(1, len(rows))) - set(item_starts))
        table = Table(
            rows,
            colWidths=self._cols,
            repeatRows=1,
            splitByRow=0,
            splitInRow=1,
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self._fonts.regular),
                    ("FONTNAME", (0, 0), (-1, 0), self._fonts.bold),
                    ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (-1, -1), 0.5, GRID),
                    ("LINEBEFORE", (1, 0), (-1, -1), 0.5, GRID),
                    *[("LINEABOVE", (0, r), (-1, r), 0.5, GRID) for r in item_starts],
                    *[("TOPPADDING", (0, r), (-1, r), 0) for r in continuations],
                    *[("BOTTOMPADDING", (0, r - 1), (-1, r - 1), 0) for r in continuations],
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                    ("TOPPADDING", (0, 0), (-1, -1), PAD),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
                    # The action cells' inner table brings its own padding.
                    ("LEFTPADDING", (2, 1), (2, -1), 0),
                    ("RIGHTPADDING", (2, 1), (2, -1), 0),
                    ("TOPPADDING", (2, 1), (2, -1), 0),
                ]
            )
        )
        return table

    def _row(self, index: int, row: Row) -> list[list[Any]]:
        prep = self._prep
        where = f"item {row.number}"
        number = self._p(row.number, self._s.tight, where)
        matter: list[Any] = [_Bookmark(f"item-{index}", prep.plain(row.outline, where))]
        matter.extend(self._matter(row.matter, where))
        lines = [self._line(line, where) for line in row.lines]
        if row.private:
            return [[number, matter, "", "", ""]]
        first, *more = _runs_of(matter, ROW_TEXT)
        first_row = [number, first, self._actions(lines) if lines else "", "", ""]
        return [first_row, *[["", run, "", "", ""] for run in more]]

    def _matter(self, blocks: tuple[Block, ...], where: str) -> list[Any]:
        """The blocks of the Matter column in order; runs of title, sub-headings and
        paragraphs are laid out together (``_body``), and progress lines close together."""
        out: list[Any] = []
        run: list[Title | SubHeading | Para] = []
        for i, block in enumerate(blocks):
            if isinstance(block, Title | SubHeading | Para):
                run.append(block)
                continue
            out.extend(self._body(run, where))
            run = []
            if isinstance(block, Progress):
                last = i + 1 == len(blocks) or not isinstance(blocks[i + 1], Progress)
                markup = self._prep.markup(block.text, where)
                if block.restricted:
                    markup += f" <i>{NOT_FOR_PUBLICATION}</i>"
                out.append(Paragraph(markup, self._s.body if last else self._s.tight))
            else:
                out.extend(self._blocks[type(block)](block, where))
        out.extend(self._body(run, where))
        return out

    def _bullets(self, block: Bullets, where: str) -> list[Any]:
        out = []
        for n, b in enumerate(block.items):
            markup = self._prep.markup(b.text, where)
            if b.restricted:
                markup = f"<i>{NOT_FOR_PUBLICATION}</i> {markup}"
            style = self._s.bullet if n + 1 < len(block.items) else self._s.last_bullet
            out.append(Paragraph(markup, style, bulletText="•"))
        return out

    def _resolved(self, block: Resolved, where: str) -> list[Any]:
        markup = f"<b>{wording.RESOLVED}:</b> {self._prep.markup(block.text, where)}"
        if block.restricted:
            markup += f" <i>{NOT_FOR_PUBLICATION}</i>"
        if block.vote is None:
            return [Paragraph(markup, self._s.body)]
        vote = f"<i>{self._prep.markup(block.vote, where)}</i>"
        return [Paragraph(markup, self._s.tight), Paragraph(vote, self._s.body)]

    def _body(self, run: list[Title | SubHeading | Para], where: str) -> list[Any]:
        """Title and paragraphs; a title or sub-heading shares a Paragraph with the text
        under it, so a page break can never leave it alone at the foot of a page."""
        prep = self._prep
        blocks: list[tuple[bool, str, list[str]]] = []
        for block in run:
            first, *rest = chunks(block.text)
            markup = prep.markup(first, where)
            if not isinstance(block, Title) and block.restricted:
                markup = f"<i>{NOT_FOR_PUBLICATION}</i> {markup}"
            heading = not isinstance(block, Para)
            blocks.append((heading, markup, [prep.markup(r, where) for r in rest]))
        out: list[Any] = []
        i = 0
        while i < len(blocks):
            heading, markup, runs = blocks[i]
            if heading and i + 1 < len(blocks) and not blocks[i + 1][0]:
                markup = f"<b>{markup}</b><br/>{blocks[i + 1][1]}"
                runs = blocks[i + 1][2]
                i += 1
            elif heading:
                markup = f"<b>{markup}</b>"
            i += 1
            if runs:
                out.append(Paragraph(markup, self._s.tight))
                out.extend(Paragraph(r, self._s.tight) for r in runs[:-1])
                out.append(Paragraph(runs[-1], self._s.body))
            else:
                out.append(Paragraph(markup, self._s.body))
        return out

    def _line(self, line: Line, where: str) -> list[Any]:
        s, prep = self._s, self._prep
        if isinstance(line, NextMeetingLine):
            return [self._p(line.text, s.tight, "the next meeting"), "", ""]
        text = prep.markup(line.text, where)
        if line.ref is not None:
            text = f"{line.ref} – {text}"
        if line.restricted:
            text += f" <i>{NOT_FOR_PUBLICATION}</i>"
        return [
            Paragraph(text, s.tight),
            self._p(line.owners, s.tight, where),
            self._p(line.due, s.tight, where),
        ]

    def _actions(self, lines: list[list[Any]]) -> Any:
        widths = self._cols[2:]
        inner = Table(lines, colWidths=widths, splitByRow=1, splitInRow=1, hAlign="LEFT")
        inner.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self._fonts.regular),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                    ("TOPPADDING", (0, 0), (-1, -1), PAD),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return _Overhang(inner, sum(widths))

    def _sign_off(self) -> list[Any]:
        closing, s = self._l.closing, self._s
        ends: list[Any] = []
        if closing.assurance:  # each list is kept with its heading, on one page
            section = [self._fixed(wording.ASSURANCE_HEADING, s.heading)]
            section.extend(self._fixed(text, s.tight) for text in closing.assurance)
            ends.append(KeepTogether(section))
        if closing.abbreviations:
            section = [self._fixed(wording.ABBREVIATIONS_HEADING, s.heading)]
            section.extend(
                self._p(f"{short} – {meaning}", s.tight, "the glossary")
                for short, meaning in closing.abbreviations
            )
            ends.append(KeepTogether(section))
        out: list[Any] = [Spacer(0, 10)]
        out.extend(self._p(text, s.small, "a reopening") for text in closing.reopenings)
        if not closing.signed_off or closing.agreed is None:
            return ends + ([KeepTogether(out)] if closing.reopenings else [])
        if not closing.recorded:
            out.append(self._fixed(closing.agreed, s.bold))
            return ends + out
        out.append(self._p(closing.agreed, s.bold, "the sign-off"))
        if closing.fingerprint:
            out.append(self._p(wording.fingerprint(closing.fingerprint), s.small, "the sign-off"))
        return [*ends, KeepTogether(out)]


def build(
    layout: Layout,
    fonts: FontSet,
    prep: TextPrep,
    *,
    page_size: str,
    metadata: dict[str, str],
    decor: PageDecor,
) -> Built:
    """Lay the minutes out and return the PDF bytes and page count."""
    try:
        size = PAGE_SIZES[page_size.upper()]
    except KeyError:
        raise ValueError(
            f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}"
        ) from None
    buf = io.BytesIO()
    margin = 18 * mm
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=metadata["title"],
        subject=metadata["subject"],
        author=metadata["author"],
        creator="Scrutiny Desktop",
        keywords=metadata.get("keywords", ""),
        invariant=1,
        lang="en-GB",
        initialFontName=fonts.regular,
        initialFontSize=BODY_SIZE,
        initialLeading=LEADING,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    on_page: Callable[[Any, Any], None] = (
        partial(_draft_mark, fonts) if decor.draft else (lambda canv, doc: None)
    )
    doc.addPageTemplates([PageTemplate(id="minutes", frames=[frame], onPage=on_page)])
    story = MinutesLayout(layout, fonts, prep, doc.width).story()
    result: dict[str, int] = {}
    doc.build(
        story,
        canvasmaker=partial(_MinutesCanvas, decor=decor, fonts=fonts, result=result),
    )
    return Built(buf.getvalue(), result["pages"])
