"""Circulation drafts: one e-mail per action owner, one to the attendees, one for the minute-taker.

Each is an ``.eml`` draft (Python's ``email``; ``X-Unsent: 1`` makes Outlook and others open
it for sending) with the chosen minutes attached as PDF; nothing is sent and nothing
needs a network. What goes in comes from the caller, already chosen: this meeting's
actions from the full record or its public view, and earlier open actions likewise.

A restricted action is listed only in its own owners' drafts (and marked "[Not for
publication]"); the covering message lists no actions, and the minute-taker's message
only counts restricted ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from scrutiny_desktop.domain.dates import format_due, long_date
from scrutiny_desktop.domain.model import AttendanceStatus, Minutes, Person
from scrutiny_desktop.domain.public import action_restricted
from scrutiny_desktop.export.safe_text import xml_safe
from scrutiny_desktop.export.wording import NOT_FOR_PUBLICATION, action_label
from scrutiny_desktop.files.atomic import write_bytes_atomically

# CRLF line ends as mail files have them. Headers are not folded at 78 characters: the
# library folds a long subject straight after "Subject:", which readers then show with a
# leading space; one line of up to 998 characters is what RFC 5322 allows.
FILE_POLICY = SMTP.clone(max_line_length=998)
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
# Who receives the minutes: everyone on the attendance list but those marked absent.
RECIPIENTS = (AttendanceStatus.PRESENT, AttendanceStatus.IN_ATTENDANCE, AttendanceStatus.APOLOGIES)


@dataclass(frozen=True, slots=True)
class OwnedAction:
    """One action as a draft lists it."""

    ref: str | None
    text: str
    owners: tuple[str, ...]
    due: str  # 12.03.15, or as typed; empty when none
    item: str  # "3 Monthly Force Performance Reports"
    restricted: bool = False
    raised_on: date | None = None  # None: raised at this meeting
    latest: str | None = None  # an earlier action's latest word: "to follow, SH to action"


@dataclass(frozen=True, slots=True)
class Attachment:
    """The minutes to attach."""

    filename: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Draft:
    """One message and the file name it is written under."""

    filename: str
    message: EmailMessage
    kind: str  # "owner", "attendees" or "minute-taker"
    initials: str | None = None


def meeting_actions(minutes: Minutes) -> list[OwnedAction]:
    """The actions raised in these minutes (full or public, as given), in order."""
    out = []
    for item in minutes.items:
        where = f"{item.number} {item.title}".strip()
        for a in item.actions:
            due = format_due(a.due) if a.due is not None else (a.due_text or "")
            ref = None if a.ref is None else str(a.ref)
            out.append(OwnedAction(ref, a.text, a.owners, due, where, action_restricted(item, a)))
    return out


def _address(person: Person | None) -> Address | None:
    """The person's usable address, or None (none given, or one a mail client would refuse)."""
    if person is None or not person.email:
        return None
    try:
        name = _one_line(person.display_name)
        address = Address(display_name=name, addr_spec=person.email.strip())
    except (ValueError, IndexError, TypeError):
        return None
    return address if "@" in address.addr_spec and address.domain else None


def _one_line(text: str) -> str:
    return " ".join(xml_safe(text).split())


class Circulation:
    """Builds the drafts for one meeting from what the caller chose to circulate."""

    def __init__(
        self,
        minutes: Minutes,
        actions: Sequence[OwnedAction],
        attachment: Attachment,
        *,
        people: Mapping[str, Person],
        public: bool,
        sender: str | None = None,
    ) -> None:
        self._m, self._actions, self._pdf = minutes, list(actions), attachment
        self._people, self._public, self._sender = people, public, sender
        meeting = minutes.meeting
        self._what = f"{_one_line(meeting.title)}, {long_date(meeting.date)}"  # for subjects
        self._held = f"{_one_line(meeting.title)} held on {long_date(meeting.date)}"
        self._version = "public version" if public else "full version"
        if not meeting.is_signed_off:
            self._version = f"draft, {self._version}"

    def drafts(self) -> list[Draft]:
        """Every draft: one per owner with an address, the attendees', and the minute-taker's
        (only when someone could not be addressed)."""
        out: list[Draft] = []
        unaddressed: dict[str, list[OwnedAction]] = {}
        for initials in self._owners():
            mine = [a for a in self._actions if initials in a.owners]
            address = _address(self._people.get(initials))
            if address is None:
                unaddressed[initials] = mine
                continue
            out.append(self._owner_draft(initials, address, mine))
        attendees, missing = self._attendees()
        out.append(self._covering(attendees))
        if unaddressed or missing:
            out.append(self._minute_taker(unaddressed, missing))
        return out

    def _owners(self) -> list[str]:
        return list(dict.fromkeys(o for a in self._actions for o in a.owners))

    def _name(self, initials: str) -> str:
        """``Tina Bateman (TB)``, or ``JK`` for someone known only by initials."""
        person = self._people.get(initials)
        name = _one_line(person.display_name) if person else initials
        return name if name == initials else f"{name} ({initials})"

    # ------------------------------------------------------------ messages

    def _message(
        self, subject: str, body: str, to: Iterable[Address], attach: bool
    ) -> EmailMessage:
        msg = EmailMessage()
        msg["X-Unsent"] = "1"
        if self._sender:
            msg["From"] = self._sender
        addresses = list(to)
        if addresses:
            msg["To"] = addresses
        msg["Subject"] = _one_line(subject)
        msg.set_content(xml_safe(body))
        if attach:
            msg.add_attachment(
                self._pdf.data, maintype="application", subtype="pdf", filename=self._pdf.filename
            )
        return msg

    def _owner_draft(self, initials: str, to: Address, mine: list[OwnedAction]) -> Draft:
        now = [a for a in mine if a.raised_on is None]
        earlier = [a for a in mine if a.raised_on is not None]
        lines = [
            f"Dear {to.display_name or initials},",
            "",
            f"The minutes of the {self._held} are attached ({self._version}). "
            f"These are your actions ({initials}).",
        ]
        if now:
            lines += ["", "Raised at this meeting:", ""]
            lines += [entry for a in now for entry in _entry(a, initials)]
        if earlier:
            lines += ["", "Still open from earlier meetings:", ""]
            lines += [entry for a in earlier for entry in _entry(a, initials)]
        subject = f"Your actions: {self._what}"
        name = f"Actions for {self._name(initials)}.eml"
        return Draft(
            _file_name(name),
            self._message(subject, "\n".join(lines), [to], True),
            "owner",
            initials,
        )

    def _attendees(self) -> tuple[list[Address], list[str]]:
        found, missing = [], []
        for a in self._m.attendance:
            if a.status not in RECIPIENTS:
                continue
            address = _address(self._people.get(a.initials))
            if address is None:
                missing.append(a.initials)
            else:
                found.append(address)
        return found, missing

    def _covering(self, to: list[Address]) -> Draft:
        body = "\n".join(
            [
                "Dear all,",
                "",
                f"Please find attached the minutes of the {self._held} ({self._version}).",
                "Each action's owner receives their actions separately.",
            ]
        )
        msg = self._message(f"Minutes: {self._what}", body, to, True)
        return Draft(_file_name("Minutes to attendees.eml"), msg, "attendees")

    def _minute_taker(self, owners: dict[str, list[OwnedAction]], attendees: list[str]) -> Draft:
        lines = [f"Drafts for the {self._held} ({self._version}) could not be addressed to:"]
        for initials, mine in owners.items():
            if lines[-1] == "":
                lines.pop()
            lines += ["", f"{self._name(initials)}, owner of:", ""]
            shown = [a for a in mine if not a.restricted]
            lines += [entry for a in shown for entry in _entry(a, initials)]
            hidden = len(mine) - len(shown)
            if hidden:
                lines += [
                    f"  and {hidden} action{'s' if hidden > 1 else ''} not for publication "
                    "(in the full minutes)",
                    "",
                ]
        if attendees:
            lines += ["", "Attendees without an e-mail address:"]
            lines += [f"  {self._name(i)}" for i in attendees]
        lines += ["", "Add their addresses in the book's people, or forward the minutes by hand."]
        to = []
        if self._sender:
            try:
                to = [Address(addr_spec=self._sender)]
            except (ValueError, IndexError):
                to = []
        msg = self._message(f"Not addressed: {self._what}", "\n".join(lines), to, False)
        return Draft(_file_name("Not addressed (for the minute-taker).eml"), msg, "minute-taker")


def _entry(a: OwnedAction, owner: str) -> list[str]:
    label = action_label(a.ref, a.text)
    if a.restricted:
        label += f" {NOT_FOR_PUBLICATION}"
    out = [f"  {label}", f"      Item: {a.item}"]
    if a.raised_on is not None:
        out.append(f"      Raised: {format_due(a.raised_on)}")
    out.append(f"      Due: {a.due or 'no date set'}")
    others = [o for o in a.owners if o != owner]
    if others:
        out.append(f"      With: {'/'.join(others)}")
    if a.latest:
        out.append(f"      Latest: {a.latest}")
    out.append("")
    return out


def _file_name(name: str) -> str:
    return " ".join(_UNSAFE_IN_NAME.sub(" ", name).split())


def write_drafts(folder: Path, drafts: Sequence[Draft]) -> list[Path]:
    """Write each draft into ``folder``; their paths."""
    written = []
    for d in drafts:
        path = folder / d.filename
        write_bytes_atomically(path, d.message.as_bytes(policy=FILE_POLICY))
        written.append(path)
    return written
