"""The minutes as reportlab flowables: heading, attendance and the five-column table.

Imported only while exporting (it imports reportlab). The caller has already removed
restricted material for a public version; this module draws what it is given.
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
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from scrutiny_desktop.domain.dates import format_due
from scrutiny_desktop.domain.model import (
    Action,
    AttendanceStatus,
    AuditEvent,
    AuditKind,
    Item,
    ItemKind,
    Minutes,
)
from scrutiny_desktop.export.fonts import FontSet
from scrutiny_desktop.export.pdf_text import (
    TextPrep,
    chunks,
    clock,
    long_date,
    next_meeting_text,
    update_text,
)

PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
BODY_SIZE = 9.5
LEADING = 12
PAD = 4
GRID = colors.Color(0.45, 0.45, 0.45)
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
PRIVATE_TEXT = "This item was considered in private."
NOT_FOR_PUBLICATION = "[Not for publication]"


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
    """Turns one Minutes into the story of flowables for the PDF."""

    def __init__(
        self, minutes: Minutes, fonts: FontSet, prep: TextPrep, width: float, *, public: bool
    ) -> None:
        self._m, self._fonts, self._prep, self._public = minutes, fonts, prep, public
        self._s = _Styles(fonts)
        self._width = width
        self._cols = self._column_widths(width)

    # ------------------------------------------------------------ sizes

    def _column_widths(self, width: float) -> list[float]:
        f = self._fonts
        numbers = [i.number for i in self._m.items] + ["No."]
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
        m = self._m.meeting
        s = self._s
        out: list[Any] = [
            self._p(m.title, s.title, "the title"),
            self._fixed(long_date(m.date), s.subtitle),
        ]
        when = clock(m.start) if m.start else ""
        if m.start and m.end:
            when += f" – {clock(m.end)}"
        if m.venue:
            when = f"{when}, {m.venue}" if when else m.venue
        out.append(self._p(when, s.venue, "the venue") if when else Spacer(0, 8))
        for status, label in (
            (AttendanceStatus.PRESENT, "Present:-"),
            (AttendanceStatus.APOLOGIES, "Apologies:-"),
            (AttendanceStatus.IN_ATTENDANCE, "In attendance:-"),
        ):
            block = self._attendance(status, label)
            out.extend(block)
        out.append(Spacer(0, 6))
        out.append(self._table())
        out.extend(self._sign_off())
        return out

    def _attendance(self, status: AttendanceStatus, label: str) -> list[Any]:
        rows = []
        for a in self._m.attendance:
            if a.status is not status:
                continue
            person = self._m.person(a.initials)
            parts = [person.display_name] if person else [a.initials]
            if person and person.role:
                parts.append(person.role)
            if person and person.organisation:
                parts.append(person.organisation)
            text = ", ".join(parts)
            where = f"attendance of {a.initials}"
            markup = self._prep.markup(text, where)
            if a.chair:
                markup += " (Chair)"
            if a.note:
                markup += f" <i>({self._prep.markup(a.note, where)})</i>"
            rows.append(
                [
                    Paragraph(markup, self._s.tight),
                    self._p(a.initials, self._s.initials, where),
                ]
            )
        if not rows:
            return []
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
        return [self._fixed(label, self._s.label), table, Spacer(0, 8)]

    def _table(self) -> Any:
        s = self._s
        header = [
            self._fixed("No.", s.header),
            self._fixed("Matter Raised", s.header),
            self._fixed("Action", s.header),
            self._fixed("Owner", s.header),
            self._fixed("Date for Completion", s.header),
        ]
        rows: list[list[Any]] = [header]
        # An item's row is followed by continuation rows when its matter is long: reportlab
        # re-wraps a whole cell at every page it splits, so one cell holding a very long
        # item costs time in the square of its length. Lines are drawn only above an
        # item's first row, so the continuation reads as the same row.
        item_starts: list[int] = []
        for index, item in enumerate(self._m.items):
            first, *more = self._row(index, item)
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

    def _row(self, index: int, item: Item) -> list[list[Any]]:
        s, prep = self._s, self._prep
        where = f"item {item.number}"
        key = f"item-{index}"
        number = self._p(item.number, s.tight, where)
        if item.restricted and self._public:
            # The caller has already emptied the item; only its number is left to show.
            private = [
                _Bookmark(key, f"{prep.plain(item.number, where)} Considered in private"),
                self._fixed(PRIVATE_TEXT, s.italic),
            ]
            return [[number, private, "", "", ""]]
        title = prep.plain(item.title, where)
        matter: list[Any] = [_Bookmark(key, f"{prep.plain(item.number, where)} {title}")]
        if item.restricted:
            matter.append(self._fixed(NOT_FOR_PUBLICATION, s.note))
        matter.extend(self._body(item, where))
        for i, update in enumerate(item.updates):
            style = s.body if i == len(item.updates) - 1 else s.tight
            markup = prep.markup(update_text(update), where)
            if update.restricted:
                markup += f" <i>{NOT_FOR_PUBLICATION}</i>"
            matter.append(Paragraph(markup, style))
        lines: list[list[Any]] = [self._action_row(a, where) for a in item.actions]
        if item.kind is ItemKind.NEXT_MEETING and self._m.meeting.next_meeting is not None:
            text = next_meeting_text(self._m.meeting.next_meeting)
            lines.append([self._p(text, s.tight, "the next meeting"), "", ""])
        first, *more = _runs_of(matter, ROW_TEXT)
        row = [number, first, self._actions(lines) if lines else "", "", ""]
        return [row, *[["", run, "", "", ""] for run in more]]

    def _body(self, item: Item, where: str) -> list[Any]:
        """Title and paragraphs; a title or sub-heading shares a Paragraph with the text
        under it, so a page break can never leave it alone at the foot of a page."""
        prep = self._prep
        blocks: list[tuple[bool, str, list[str]]] = [(True, prep.markup(item.title, where), [])]
        for para in item.body:
            first, *rest = chunks(para.text)
            markup = prep.markup(first, where)
            if para.restricted:
                markup = f"<i>{NOT_FOR_PUBLICATION}</i> {markup}"
            blocks.append((para.heading, markup, [prep.markup(r, where) for r in rest]))
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

    def _action_row(self, action: Action, where: str) -> list[Any]:
        s, prep = self._s, self._prep
        text = prep.markup(action.text, where)
        if action.ref is not None:
            text = f"{action.ref} – {text}"
        if action.restricted:
            text += f" <i>{NOT_FOR_PUBLICATION}</i>"
        owners = "/".join(action.owners)
        due = format_due(action.due) if action.due is not None else action.due_text or ""
        return [
            Paragraph(text, s.tight),
            self._p(owners, s.tight, where),
            self._p(due, s.tight, where),
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
        m = self._m.meeting
        s = self._s
        out: list[Any] = [Spacer(0, 10)]
        agreed: AuditEvent | None = None
        for e in self._m.audit:
            if e.event is AuditKind.SIGNED_OFF:
                agreed = e
                continue
            where = "a reopening"
            text = (
                f"Reopened on {format_due(e.on)} by {self._prep.markup(e.by, where)}: "
                f"{self._prep.markup(e.reason or '', where)}"
            )
            if agreed is not None:
                text += (
                    f" (previously agreed by {self._prep.markup(agreed.by, where)} "
                    f"on {format_due(agreed.on)}"
                )
                if agreed.fingerprint:
                    text += f", fingerprint {self._prep.markup(agreed.fingerprint, where)}"
                text += ")"
            out.append(Paragraph(text, s.small))
        reopened = any(e.event is AuditKind.REOPENED for e in self._m.audit)
        if not m.is_signed_off:
            return [KeepTogether(out)] if reopened else []
        if m.signed_off is None:
            out.append(self._fixed("These minutes were agreed.", s.bold))
            return out
        so = m.signed_off
        text = f"Agreed by {self._prep.markup(so.by, 'the sign-off')} on {format_due(so.on)}"
        if so.note:
            text += f" – {self._prep.markup(so.note, 'the sign-off')}"
        out.append(Paragraph(text, s.bold))
        if so.fingerprint:
            fp = self._prep.markup(so.fingerprint, "the sign-off")
            out.append(Paragraph(f"Fingerprint: {fp}", s.small))
        return [KeepTogether(out)]


def build(
    minutes: Minutes,
    fonts: FontSet,
    prep: TextPrep,
    *,
    page_size: str,
    metadata: dict[str, str],
    decor: PageDecor,
    public: bool,
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
    layout = MinutesLayout(minutes, fonts, prep, doc.width, public=public)
    result: dict[str, int] = {}
    doc.build(
        layout.story(),
        canvasmaker=partial(_MinutesCanvas, decor=decor, fonts=fonts, result=result),
    )
    return Built(buf.getvalue(), result["pages"])
