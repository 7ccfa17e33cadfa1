"""The minutes laid out once, format-neutral: what every format prints, in order, as plain text.

``lay_out(minutes, public=...)`` is the one place an output chooses between the full record
and ``domain.public.public_view``; PDF, Word and the web page render the ``Layout`` it
returns and never look at restriction flags of the record themselves. All text is plain
(user text exactly as typed); each renderer escapes it for its own markup.

The Matter Raised column is a sequence of *blocks*. The sentences the minutes make about
the record (a declaration of interest, a late arrival, an assurance rating, an exempt
item's wording) come from ``domain.wording`` and are plain paragraphs. To add a kind of
block:

1. add a frozen dataclass below and name it in ``Block``;
2. produce it in ``_matter`` from the record;
3. give each renderer its function for it (``pdf_layout``, ``docx_export``, the HTML
   template): ``tests/unit/test_layout.py`` fails until every renderer knows every kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import get_args

from scrutiny_desktop.domain import wording as domain_wording
from scrutiny_desktop.domain.dates import format_due, long_date, next_meeting_text
from scrutiny_desktop.domain.model import Action, AuditEvent, AuditKind, Item, ItemKind, Minutes
from scrutiny_desktop.domain.presence import place, presence
from scrutiny_desktop.domain.presentation import Presentation
from scrutiny_desktop.domain.public import public_view
from scrutiny_desktop.export import wording

PLAIN = Presentation()

# ---------------------------------------------------------------- the heading


@dataclass(frozen=True, slots=True)
class Attendee:
    """One line of an attendance list: ``Name, role, organisation`` and initials to the right."""

    text: str
    initials: str
    chair: bool = False
    """Marked "(Chair)": they chaired, and their role does not say so already."""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AttendanceList:
    """Present, Apologies or In attendance, with the people listed under it."""

    title: str
    people: tuple[Attendee, ...]

    @property
    def label(self) -> str:
        """As the reference minutes write it: ``Present:-``."""
        return f"{self.title}:-"


# ---------------------------------------------------------------- blocks of the matter


@dataclass(frozen=True, slots=True)
class Title:
    """The item's title, first in its matter."""

    text: str


@dataclass(frozen=True, slots=True)
class SubHeading:
    """A bold sub-heading in the matter ("Domestic abuse")."""

    text: str
    restricted: bool = False


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of the minutes."""

    text: str
    restricted: bool = False


@dataclass(frozen=True, slots=True)
class Progress:
    """Matters arising: progress on an earlier action (``76/14 – completed``)."""

    text: str
    restricted: bool = False


@dataclass(frozen=True, slots=True)
class Bullet:
    """One item of a bulleted list."""

    text: str
    restricted: bool = False


@dataclass(frozen=True, slots=True)
class Bullets:
    """Bulleted paragraphs that follow one another: one list."""

    items: tuple[Bullet, ...]


@dataclass(frozen=True, slots=True)
class Resolved:
    """``RESOLVED: That the report be noted.``, with the vote in words when there was one."""

    text: str
    vote: str | None = None
    restricted: bool = False


@dataclass(frozen=True, slots=True)
class Flag:
    """A warning the full version prints at an item (it was taken without a quorum)."""

    text: str


@dataclass(frozen=True, slots=True)
class PrivateItem:
    """The public version's whole matter for an item taken in private."""

    text: str = wording.PRIVATE_TEXT


@dataclass(frozen=True, slots=True)
class RestrictedItem:
    """The full version's mark on an item that is not for publication."""

    text: str = wording.NOT_FOR_PUBLICATION


Block = (
    Title | SubHeading | Para | Bullets | Progress | Resolved | Flag | PrivateItem | RestrictedItem
)
BLOCK_KINDS: tuple[type, ...] = get_args(Block)


# ---------------------------------------------------------------- the action cells


@dataclass(frozen=True, slots=True)
class ActionLine:
    """One action across Action, Owner and Date for Completion, level with each other."""

    ref: str | None
    text: str
    owners: str  # ``SH/CF``
    due: str  # ``12.03.15``, or as typed when it is not a date
    due_date: date | None = None
    restricted: bool = False

    @property
    def label(self) -> str:
        """``07/15 – text``."""
        return wording.action_label(self.ref, self.text)


@dataclass(frozen=True, slots=True)
class NextMeetingLine:
    """The next meeting, in the last row's Action cell."""

    text: str


Line = ActionLine | NextMeetingLine
LINE_KINDS: tuple[type, ...] = get_args(Line)


@dataclass(frozen=True, slots=True)
class Row:
    """One item: a row of the minutes table."""

    number: str
    title: str  # for outlines and bookmarks; the private wording for a private item
    matter: tuple[Block, ...]
    lines: tuple[Line, ...] = ()
    private: bool = False

    @property
    def outline(self) -> str:
        return f"{self.number} {self.title}"


# ---------------------------------------------------------------- the end and the marks


@dataclass(frozen=True, slots=True)
class Closing:
    """After the table: reopenings, then who agreed the minutes and the fingerprint."""

    reopenings: tuple[str, ...] = ()
    signed_off: bool = False
    agreed: str | None = None  # None while a draft
    recorded: bool = False  # False: signed off with no record of who or when
    fingerprint: str | None = None
    assurance: tuple[str, ...] = ()  # "Not assured: items 46/26 and 47/26"
    abbreviations: tuple[tuple[str, str], ...] = ()  # those the minutes use, in order


@dataclass(frozen=True, slots=True)
class Properties:
    """Document properties (PDF metadata, Word core properties, HTML head)."""

    title: str
    subject: str
    author: str
    keywords: str
    language: str = "en-GB"


@dataclass(frozen=True, slots=True)
class Layout:
    """Everything a format prints for one meeting, full or public."""

    public: bool
    title: str
    meeting_date: date
    date: str  # Thursday 26 February 2015
    when: str  # 9:00am – 11:00am, venue (may be empty)
    attendance: tuple[AttendanceList, ...]
    rows: tuple[Row, ...]
    closing: Closing
    draft: bool
    classification: str | None
    properties: Properties
    footer: str
    columns: tuple[str, ...] = wording.COLUMNS


def lay_out(
    minutes: Minutes,
    *,
    public: bool,
    author: str | None = None,
    presentation: Presentation = PLAIN,
) -> Layout:
    """The layout of the full record, or of its public view when ``public``."""
    source = public_view(minutes) if public else minutes
    rows = _rows(source, public, presentation)
    attendance = _attendance(source)
    m = source.meeting
    when_date = long_date(m.date)
    when = wording.clock(m.start) if m.start else ""
    if m.start and m.end:
        when += f" – {wording.clock(m.end)}"
    if m.venue:
        when = f"{when}, {m.venue}" if when else m.venue
    return Layout(
        public=public,
        title=m.title,
        meeting_date=m.date,
        date=when_date,
        when=when,
        attendance=attendance,
        rows=rows,
        closing=replace(
            _closing(source),
            assurance=tuple(domain_wording.assurance_summary(source.items)),
            abbreviations=_abbreviations(
                [m.title, when, *(a.text for group in attendance for a in group.people)],
                rows,
                presentation,
            ),
        ),
        draft=not m.is_signed_off,
        classification=m.classification or None,
        properties=Properties(
            title=m.title,
            subject=wording.subject(when_date, public=public),
            author=author or m.series or m.title,
            keywords=m.classification or "",
        ),
        footer=wording.footer(m.title, when_date),
    )


def _name(minutes: Minutes) -> Callable[[str], str]:
    """Initials to the name the minutes print."""

    def name(initials: str) -> str:
        person = minutes.person(initials)
        return person.display_name if person else initials

    return name


_CHAIRS = frozenset({"chair", "chairman", "chairwoman", "chairperson"})


def _role_says_chair(role: str | None) -> bool:
    """ "Chair", "Panel Chairman": the role names the chair ("Vice-Chair" does not)."""
    words = re.split(r"[\s-]+", (role or "").lower())
    return any(
        w in _CHAIRS and (i == 0 or words[i - 1] not in ("vice", "deputy"))
        for i, w in enumerate(words)
    )


def _attendance(minutes: Minutes) -> tuple[AttendanceList, ...]:
    name = _name(minutes)
    lists = []
    for status, title in wording.ATTENDANCE_GROUPS:
        people = []
        for a in minutes.attendance:
            if a.status is not status:
                continue
            person = minutes.person(a.initials)
            parts = [person.display_name] if person else [a.initials]
            if person and person.role:
                parts.append(person.role)
            if person and person.organisation:
                parts.append(person.organisation)
            notes = [a.note] if a.note else []
            if a.substitute_for:
                notes.append(domain_wording.substitute_text(name(a.substitute_for)))
            if a.arrived:
                notes.append(f"joined {domain_wording.moment_text(a.arrived)}")
            if a.left:
                notes.append(f"left {domain_wording.moment_text(a.left)}")
            # "(Chair)" unless the role says so already ("Chair (Chair)" was printed).
            marked = a.chair and not _role_says_chair(person.role if person else None)
            people.append(Attendee(", ".join(parts), a.initials, marked, "; ".join(notes) or None))
        if people:
            lists.append(AttendanceList(title, tuple(people)))
    return tuple(lists)


def _rows(minutes: Minutes, public: bool, presentation: Presentation) -> tuple[Row, ...]:
    """Every item's row; the quorum flag and arrivals open it, departures close it."""
    name = _name(minutes)
    arrivals = _movements(minutes, name, arrived=True)
    departures = _movements(minutes, name, arrived=False)
    inquorate = {} if public else {p.item_number: p for p in presence(minutes) if p.inquorate}
    rows = []
    for item in minutes.items:
        opening: list[Block] = []
        room = inquorate.get(item.number)
        if room is not None and room.quorum is not None:
            opening.append(Flag(domain_wording.inquorate_text(len(room.members), room.quorum)))
        opening.extend(arrivals.get(item.number, []))
        closing = departures.get(item.number, [])
        rows.append(_row(minutes, item, public, presentation, (opening, closing), name))
    return tuple(rows)


def _movements(
    minutes: Minutes, name: Callable[[str], str], *, arrived: bool
) -> dict[str, list[Block]]:
    """Each item's arrivals (or departures), in the words the minutes print at the item:
    an arrival at the item it falls during or before; a departure at the item it falls
    during, or the one before the item it falls before (``place``, as the quorum)."""
    out: dict[str, list[Block]] = {}
    says = domain_wording.arrival_text if arrived else domain_wording.departure_text
    items = minutes.items
    for a in minutes.attendance:
        moment = a.arrived if arrived else a.left
        where = None if moment is None else place(items, moment)
        if moment is None or where is None:
            continue
        at, during = where
        if not arrived and not during:
            at = max(0, at - 1)
        out.setdefault(items[at].number, []).append(Para(says(name(a.initials), moment)))
    return out


def _row(
    minutes: Minutes,
    item: Item,
    public: bool,
    presentation: Presentation,
    notes: tuple[list[Block], list[Block]],
    name: Callable[[str], str],
) -> Row:
    title = item.title
    if presentation.item_times and item.started is not None:
        title = f"{title} ({domain_wording.hhmm(item.started)})"
    if item.restricted and public:
        # The public view has emptied the item: its number, its title if it is exempt,
        # the words that it was taken in private, and its public summary.
        matter: list[Block] = [Title(title)] if item.title else []
        matter.append(PrivateItem(domain_wording.private_text(item.exempt_paragraphs)))
        if item.public_summary:
            matter.append(Para(item.public_summary))
        return Row(item.number, item.title or wording.PRIVATE_TITLE, tuple(matter), private=True)
    lines: list[Line] = [action_line(a) for a in item.actions]
    nxt = minutes.meeting.next_meeting
    if item.kind is ItemKind.NEXT_MEETING and nxt is not None:
        lines.append(NextMeetingLine(next_meeting_text(nxt)))
    return Row(item.number, item.title, _matter(item, title, notes, name), tuple(lines))


def _matter(
    item: Item, title: str, notes: tuple[list[Block], list[Block]], name: Callable[[str], str]
) -> tuple[Block, ...]:
    """The Matter column: the title, what opens the item, its minutes, what closes it."""
    opening, closing = notes
    blocks: list[Block] = [RestrictedItem()] if item.restricted else []
    blocks.append(Title(title))
    if item.restricted and item.exempt_paragraphs:
        blocks.append(Para(domain_wording.private_text(item.exempt_paragraphs)))
    if item.restricted and item.public_summary:
        blocks.append(Para(f"{wording.PUBLIC_SUMMARY}: {item.public_summary}"))
    blocks.extend(opening)
    blocks.extend(Para(domain_wording.declaration_text(d, name)) for d in item.declarations)
    bullets: list[Bullet] = []
    for p in item.body:
        if p.bullet and not p.heading:
            bullets.append(Bullet(p.text, p.restricted))
            continue
        if bullets:
            blocks.append(Bullets(tuple(bullets)))
            bullets = []
        blocks.append(SubHeading(p.text, p.restricted) if p.heading else Para(p.text, p.restricted))
    if bullets:
        blocks.append(Bullets(tuple(bullets)))
    blocks.extend(Progress(wording.update_text(u), u.restricted) for u in item.updates)
    for r in item.resolutions:
        vote = None if r.vote is None else domain_wording.vote_text(r.vote, name)
        blocks.append(Resolved(r.text, vote, r.restricted))
    if item.assurance is not None:
        blocks.append(Para(domain_wording.assurance_text(item.assurance)))
    blocks.extend(closing)
    return tuple(blocks)


def _abbreviations(
    heading: list[str], rows: tuple[Row, ...], presentation: Presentation
) -> tuple[tuple[str, str], ...]:
    """The glossary's abbreviations these minutes use, in order of first use."""
    if not presentation.glossary:
        return ()
    from scrutiny_desktop.writing.glossary import abbreviations_used

    texts = heading + [text for row in rows for text in row_texts(row)]
    return tuple(
        (e.abbreviation, e.meaning) for e in abbreviations_used(texts, presentation.glossary)
    )


def block_texts(block: Block) -> list[str]:
    """The texts one block prints."""
    if isinstance(block, Bullets):
        return [b.text for b in block.items]
    if isinstance(block, Resolved):
        return [t for t in (block.text, block.vote) if t]
    return [block.text]


def row_texts(row: Row) -> list[str]:
    """Every text a row prints, in order (for the glossary and the web page's first uses)."""
    return [t for block in row.matter for t in block_texts(block)] + [
        line.text for line in row.lines
    ]


def action_line(a: Action) -> ActionLine:
    """An action as its cells print it: reference, text, owners ``SH/CF``, due ``12.03.15``."""
    due = format_due(a.due) if a.due is not None else a.due_text or ""
    return ActionLine(
        ref=None if a.ref is None else str(a.ref),
        text=a.text,
        owners="/".join(a.owners),
        due=due,
        due_date=a.due,
        restricted=a.restricted,
    )


def _closing(minutes: Minutes) -> Closing:
    """The reopenings (the public view has no audit), then the sign-off."""
    m = minutes.meeting
    reopenings: list[str] = []
    agreed: AuditEvent | None = None
    for event in minutes.audit:
        if event.event is AuditKind.SIGNED_OFF:
            agreed = event
        else:
            reopenings.append(wording.reopened(event, agreed))
    if not m.is_signed_off:
        return Closing(tuple(reopenings))
    if m.signed_off is None:
        return Closing(tuple(reopenings), True, wording.AGREED_WITHOUT_RECORD)
    so = m.signed_off
    return Closing(tuple(reopenings), True, wording.agreed(so), True, so.fingerprint)
