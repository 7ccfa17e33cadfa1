"""Frozen dataclasses for people, meetings, items, actions and updates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import NamedTuple

from scrutiny_desktop.domain.refs import ActionRef

Clock = time  # a time of day (``Moment.time`` would shadow the name inside its class)


class Status(StrEnum):
    """Where an action stands."""

    OPEN = "open"
    TO_FOLLOW = "to_follow"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CLOSED = "closed"

    @property
    def is_done(self) -> bool:
        return self in (Status.COMPLETED, Status.CLOSED)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class AttendanceStatus(StrEnum):
    """How someone took part in a meeting."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    IN_ATTENDANCE = "in_attendance"
    ABSENT = "absent"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class PersonKind(StrEnum):
    """A person, or an organisation that can own actions (OPCC)."""

    PERSON = "person"
    ORGANISATION = "organisation"


class MeetingStatus(StrEnum):
    """A draft can change; signed-off minutes are a record."""

    DRAFT = "draft"
    SIGNED_OFF = "signed_off"


class DeclarationKind(StrEnum):
    """The kind of interest a member declares (Localism Act 2011 and the members' code)."""

    DISCLOSABLE_PECUNIARY = "disclosable_pecuniary"
    OTHER_REGISTRABLE = "other_registrable"
    NON_REGISTRABLE = "non_registrable"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Assurance(StrEnum):
    """How assured a scrutiny meeting was by what it heard on an item."""

    ASSURED = "assured"
    PARTLY_ASSURED = "partly_assured"
    NOT_ASSURED = "not_assured"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class VoteChoice(StrEnum):
    """How one member voted in a recorded vote."""

    FOR = "for"
    AGAINST = "against"
    ABSTAINED = "abstained"


class ItemKind(StrEnum):
    """An ordinary matter, or the row that shows the next meeting."""

    MATTER = "matter"
    NEXT_MEETING = "next_meeting"


@dataclass(frozen=True, slots=True)
class Person:
    """Someone (or some organisation) the minutes name, known by unique initials."""

    initials: str
    name: str | None = None
    role: str | None = None
    organisation: str | None = None
    kind: PersonKind = PersonKind.PERSON
    email: str | None = None  # where circulation drafts are addressed (interchange v2)

    @property
    def display_name(self) -> str:
        return self.name or self.initials


@dataclass(frozen=True, slots=True)
class Moment:
    """When something happened during a meeting: a clock time, the item (its number), or both."""

    time: Clock | None = None
    item: str | None = None

    def __post_init__(self) -> None:
        if self.time is None and self.item is None:
            raise ValueError("a moment needs a time, an item, or both")


@dataclass(frozen=True, slots=True)
class Attendance:
    """One person's attendance at one meeting.

    ``substitute_for``: the member (initials) this person attended in place of.
    ``arrived``/``left``: when they joined after the start or left before the end.
    """

    initials: str
    status: AttendanceStatus = AttendanceStatus.PRESENT
    chair: bool = False
    note: str | None = None
    substitute_for: str | None = None
    arrived: Moment | None = None
    left: Moment | None = None


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """When and where the series meets next."""

    date: date
    start: time | None = None
    end: time | None = None
    venue: str | None = None


@dataclass(frozen=True, slots=True)
class SignOff:
    """Who agreed the minutes, when, and the fingerprint of what they agreed.

    ``scheme``: the fingerprint scheme it was made under (see ``domain.fingerprint``);
    minutes signed off before scheme 2 keep verifying under scheme 1.
    """

    by: str
    on: date
    note: str | None = None
    fingerprint: str | None = None
    scheme: int | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting's header: what, when, where, and whether it is signed off."""

    id: int | None
    title: str
    date: date
    series: str | None = None
    start: time | None = None
    end: time | None = None
    venue: str | None = None
    classification: str | None = None
    status: MeetingStatus = MeetingStatus.DRAFT
    signed_off: SignOff | None = None
    next_meeting: NextMeeting | None = None
    quorum: int | None = None  # members who must be present for business to be transacted

    @property
    def is_signed_off(self) -> bool:
        return self.status is MeetingStatus.SIGNED_OFF


class MeetingListing(NamedTuple):
    """One line of the meeting list: enough to show and pick a meeting (a tuple: a
    book of 5,000 meetings lists them without building 5,000 headers)."""

    id: int
    date: date
    title: str
    is_signed_off: bool


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of an item's body: a paragraph of text (or a list item), or a sub-heading."""

    text: str
    heading: bool = False
    restricted: bool = False
    bullet: bool = False


@dataclass(frozen=True, slots=True)
class Action:
    """Something an owner agreed to do.

    ``due_text`` keeps what the minute-taker typed when it did not parse as a date,
    so nothing typed is ever dropped; ``due`` is then None.
    """

    id: int | None
    ref: ActionRef | None
    text: str
    owners: tuple[str, ...] = ()
    due: date | None = None
    status: Status = Status.OPEN
    restricted: bool = False
    due_text: str | None = None


@dataclass(frozen=True, slots=True)
class ActionUpdate:
    """Progress reported at a meeting on an action from an earlier one.

    A numbered action is named by ``ref``. An unnumbered one ("Publication on PCC
    website") has no ref: ``action_id`` is the book's id of the action it reports on.
    ``text`` is that action's text as it stood when carried forward (printed so that
    readers know what ``81/14`` was); None for a reference raised before this book.

    ``restricted``: not for publication, like a restricted action. An update carried
    forward is restricted when the action it reports on, or that action's item, is.
    """

    id: int | None
    ref: ActionRef | None
    status: Status = Status.OPEN
    note: str | None = None
    action_id: int | None = None
    text: str | None = None
    restricted: bool = False

    def __post_init__(self) -> None:
        if self.ref is None and not self.text:
            raise ValueError("an update on an unnumbered action needs the action's text")

    @property
    def subject(self) -> str:
        """What the minutes print for the action: ``07/15``, or the unnumbered action's text."""
        return str(self.ref) if self.ref is not None else (self.text or "")


@dataclass(frozen=True, slots=True)
class Declaration:
    """An interest a member declared at an item, and whether they left the room for it."""

    initials: str
    interest: str
    kind: DeclarationKind = DeclarationKind.OTHER
    left_room: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class NamedVote:
    """One member's vote in a recorded vote."""

    initials: str
    vote: VoteChoice


@dataclass(frozen=True, slots=True)
class Vote:
    """The counts of a vote; ``named`` when it was a recorded vote."""

    for_: int
    against: int
    abstained: int
    named: tuple[NamedVote, ...] = ()

    @property
    def total(self) -> int:
        return self.for_ + self.against + self.abstained


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the meeting RESOLVED at an item, apart from the actions it raised."""

    text: str
    restricted: bool = False
    vote: Vote | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """A numbered agenda item: one row of the minutes table.

    ``exempt_paragraphs``: the Schedule 12A (Part 1) paragraphs under which a restricted
    item was taken in private; ``public_summary`` is what the public version says of it.
    ``started``: when the meeting reached the item.
    """

    id: int | None
    number: str
    title: str
    kind: ItemKind = ItemKind.MATTER
    restricted: bool = False
    body: tuple[Paragraph, ...] = ()
    actions: tuple[Action, ...] = ()
    updates: tuple[ActionUpdate, ...] = ()
    started: time | None = None
    exempt_paragraphs: tuple[int, ...] = ()
    public_summary: str | None = None
    assurance: Assurance | None = None
    declarations: tuple[Declaration, ...] = ()
    resolutions: tuple[Resolution, ...] = ()


class AuditKind(StrEnum):
    """What happened to signed-off minutes."""

    SIGNED_OFF = "signed_off"
    REOPENED = "reopened"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One sign-off or reopening, as the record keeps it (the full PDF prints them).

    ``fingerprint``: the fingerprint the minutes had when it happened.
    """

    event: AuditKind
    by: str
    on: date
    reason: str | None = None
    fingerprint: str | None = None


@dataclass(frozen=True, slots=True)
class Reopening:
    """One reopening of signed-off minutes, as the audit keeps it (and the PDF prints it)."""

    at: datetime
    by: str
    reason: str
    old_fingerprint: str | None
    old_signed_by: str | None
    old_signed_on: date | None


@dataclass(frozen=True, slots=True)
class Minutes:
    """A whole meeting: header, the people it names, attendance and items.

    ``audit``: every sign-off and reopening, oldest first (the current sign-off last).
    """

    meeting: Meeting
    people: tuple[Person, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    items: tuple[Item, ...] = field(default_factory=tuple)
    audit: tuple[AuditEvent, ...] = ()

    def person(self, initials: str) -> Person | None:
        for p in self.people:
            if p.initials == initials:
                return p
        return None
