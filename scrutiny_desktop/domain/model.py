"""Frozen dataclasses for people, meetings, items, actions and updates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import NamedTuple

from scrutiny_desktop.domain.refs import ActionRef


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
class Attendance:
    """One person's attendance at one meeting."""

    initials: str
    status: AttendanceStatus = AttendanceStatus.PRESENT
    chair: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """When and where the series meets next."""

    date: date
    start: time | None = None
    end: time | None = None
    venue: str | None = None


@dataclass(frozen=True, slots=True)
class SignOff:
    """Who agreed the minutes, when, and the fingerprint of what they agreed."""

    by: str
    on: date
    note: str | None = None
    fingerprint: str | None = None


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
    """One block of an item's body: a paragraph of text or a sub-heading."""

    text: str
    heading: bool = False
    restricted: bool = False


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
    website") has no ref: ``action_id`` is the book's id of the action it reports on
    and ``text`` that action's text as it stood when carried forward.

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
class Item:
    """A numbered agenda item: one row of the minutes table."""

    id: int | None
    number: str
    title: str
    kind: ItemKind = ItemKind.MATTER
    restricted: bool = False
    body: tuple[Paragraph, ...] = ()
    actions: tuple[Action, ...] = ()
    updates: tuple[ActionUpdate, ...] = ()


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
    """A whole meeting: header, the people it names, attendance and items."""

    meeting: Meeting
    people: tuple[Person, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    items: tuple[Item, ...] = field(default_factory=tuple)
    # The audit of earlier reopenings: printed on the PDF, not part of the interchange
    # document, and so not part of the fingerprint.
    reopenings: tuple[Reopening, ...] = ()

    def person(self, initials: str) -> Person | None:
        for p in self.people:
            if p.initials == initials:
                return p
        return None
