"""The minutes laid out once, format-neutral: what every format prints, in order, as plain text.

``lay_out(minutes, public=...)`` is the one place an output chooses between the full record
and ``domain.public.public_view``; PDF, Word and the web page render the ``Layout`` it
returns and never look at restriction flags of the record themselves. All text is plain
(user text exactly as typed); each renderer escapes it for its own markup.

The Matter Raised column is a sequence of *blocks*. To add a kind of block (a declaration
of interest, a resolution, a bullet):

1. add a frozen dataclass below and name it in ``Block``;
2. produce it in ``_matter`` from the record;
3. give each renderer its function for it (``pdf_layout``, ``docx_export``, the HTML
   template): ``tests/unit/test_layout.py`` fails until every renderer knows every kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import get_args

from scrutiny_desktop.domain.dates import format_due, long_date, next_meeting_text
from scrutiny_desktop.domain.model import Action, AuditEvent, AuditKind, Item, ItemKind, Minutes
from scrutiny_desktop.domain.public import public_view
from scrutiny_desktop.export import wording

# ---------------------------------------------------------------- the heading


@dataclass(frozen=True, slots=True)
class Attendee:
    """One line of an attendance list: ``Name, role, organisation`` and initials to the right."""

    text: str
    initials: str
    chair: bool = False
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
class PrivateItem:
    """The public version's whole matter for an item taken in private."""

    text: str = wording.PRIVATE_TEXT


@dataclass(frozen=True, slots=True)
class RestrictedItem:
    """The full version's mark on an item that is not for publication."""

    text: str = wording.NOT_FOR_PUBLICATION


Block = Title | SubHeading | Para | Progress | PrivateItem | RestrictedItem
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


def lay_out(minutes: Minutes, *, public: bool, author: str | None = None) -> Layout:
    """The layout of the full record, or of its public view when ``public``."""
    source = public_view(minutes) if public else minutes
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
        attendance=_attendance(source),
        rows=tuple(_row(source, item, public) for item in source.items),
        closing=_closing(source),
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


def _attendance(minutes: Minutes) -> tuple[AttendanceList, ...]:
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
            people.append(Attendee(", ".join(parts), a.initials, a.chair, a.note))
        if people:
            lists.append(AttendanceList(title, tuple(people)))
    return tuple(lists)


def _row(minutes: Minutes, item: Item, public: bool) -> Row:
    if item.restricted and public:
        # The public view has already emptied the item; only its number is left to show.
        return Row(item.number, wording.PRIVATE_TITLE, (PrivateItem(),), private=True)
    lines: list[Line] = [action_line(a) for a in item.actions]
    nxt = minutes.meeting.next_meeting
    if item.kind is ItemKind.NEXT_MEETING and nxt is not None:
        lines.append(NextMeetingLine(next_meeting_text(nxt)))
    return Row(item.number, item.title, _matter(item), tuple(lines))


def _matter(item: Item) -> tuple[Block, ...]:
    blocks: list[Block] = [RestrictedItem()] if item.restricted else []
    blocks.append(Title(item.title))
    for p in item.body:
        blocks.append(SubHeading(p.text, p.restricted) if p.heading else Para(p.text, p.restricted))
    blocks.extend(Progress(wording.update_text(u), u.restricted) for u in item.updates)
    return tuple(blocks)


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
