"""Conversions between table rows and domain objects (the only place that knows columns)."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Attendance,
    AttendanceStatus,
    AuditEvent,
    AuditKind,
    Declaration,
    DeclarationKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    Moment,
    NamedVote,
    NextMeeting,
    Paragraph,
    Person,
    PersonKind,
    Resolution,
    SignOff,
    Status,
    Vote,
)
from scrutiny_desktop.domain.refs import ActionRef

Row = dict[str, Any]


def d(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def t(text: str | None) -> time | None:
    return None if text is None else time.fromisoformat(text)


def iso(value: date | time | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value.isoformat()


def person(row: Row) -> Person:
    return Person(
        initials=row["initials"],
        name=row["name"],
        role=row["role"],
        organisation=row["organisation"],
        kind=PersonKind(row["kind"]),
        email=row.get("email"),
    )


def person_row(p: Person) -> Row:
    return {
        "initials": p.initials,
        "name": p.name,
        "role": p.role,
        "organisation": p.organisation,
        "kind": p.kind.value,
        "email": p.email,
    }


def meeting(row: Row, series: str | None) -> Meeting:
    signed = None
    if row["signed_by"] is not None:
        signed = SignOff(
            by=row["signed_by"],
            on=date.fromisoformat(row["signed_on"]),
            note=row["signed_note"],
            fingerprint=row["fingerprint"],
            scheme=row.get("fingerprint_scheme"),
        )
    nxt = None
    if row["next_date"] is not None:
        nxt = NextMeeting(
            date=date.fromisoformat(row["next_date"]),
            start=t(row["next_start"]),
            end=t(row["next_end"]),
            venue=row["next_venue"],
        )
    return Meeting(
        id=row["id"],
        title=row["title"],
        date=date.fromisoformat(row["date"]),
        series=series,
        start=t(row["start"]),
        end=t(row["end"]),
        venue=row["venue"],
        classification=row["classification"],
        status=MeetingStatus(row["status"]),
        signed_off=signed,
        next_meeting=nxt,
        quorum=row.get("quorum"),
    )


def meeting_header_row(m: Meeting) -> Row:
    """The header columns a minute-taker edits (not status or sign-off)."""
    nxt = m.next_meeting
    return {
        "title": m.title,
        "date": m.date.isoformat(),
        "start": iso(m.start),
        "end": iso(m.end),
        "venue": m.venue,
        "classification": m.classification,
        "next_date": iso(nxt.date) if nxt else None,
        "next_start": iso(nxt.start) if nxt else None,
        "next_end": iso(nxt.end) if nxt else None,
        "next_venue": nxt.venue if nxt else None,
        "quorum": m.quorum,
    }


def sign_off_row(s: SignOff | None) -> Row:
    return {
        "signed_by": s.by if s else None,
        "signed_on": iso(s.on) if s else None,
        "signed_note": s.note if s else None,
        "fingerprint": s.fingerprint if s else None,
        "fingerprint_scheme": s.scheme if s else None,
    }


def moment(clock: str | None, item: str | None) -> Moment | None:
    """A moment from its time column and its item's number (both may be NULL)."""
    if clock is None and item is None:
        return None
    return Moment(time=t(clock), item=item)


def attendance(row: Row) -> Attendance:
    """An attendance row joined with the initials of the person, of whom they substitute
    for (``substitute_initials``) and the numbers of the items they arrived and left at."""
    return Attendance(
        initials=row["initials"],
        status=AttendanceStatus(row["status"]),
        chair=bool(row["chair"]),
        note=row["note"],
        substitute_for=row.get("substitute_initials"),
        arrived=moment(row.get("arrived_time"), row.get("arrived_number")),
        left=moment(row.get("left_time"), row.get("left_number")),
    )


def paragraph(row: Row) -> Paragraph:
    return Paragraph(
        text=row["text"],
        heading=bool(row["heading"]),
        restricted=bool(row["restricted"]),
        bullet=bool(row.get("bullet", 0)),
    )


def exempt_paragraphs(text: str | None) -> tuple[int, ...]:
    """``'3,5'`` -> (3, 5), in the order they were given."""
    return tuple(int(p) for p in (text or "").split(",") if p.strip())


def exempt_paragraphs_text(paragraphs: tuple[int, ...]) -> str:
    return ",".join(str(p) for p in paragraphs)


def declaration(row: Row) -> Declaration:
    """A declarations row joined with the person's initials."""
    return Declaration(
        initials=row["initials"],
        interest=row["interest"],
        kind=DeclarationKind(row["kind"]),
        left_room=bool(row["left_room"]),
        id=row["id"],
    )


def resolution(row: Row, named: tuple[NamedVote, ...]) -> Resolution:
    vote = None
    if row["vote_for"] is not None:
        vote = Vote(
            for_=row["vote_for"],
            against=row["vote_against"],
            abstained=row["vote_abstained"],
            named=named,
        )
    return Resolution(text=row["text"], restricted=bool(row["restricted"]), vote=vote, id=row["id"])


def resolution_row(r: Resolution) -> Row:
    v = r.vote
    return {
        "text": r.text,
        "restricted": int(r.restricted),
        "vote_for": v.for_ if v else None,
        "vote_against": v.against if v else None,
        "vote_abstained": v.abstained if v else None,
    }


def audit_event(row: Row) -> AuditEvent:
    return AuditEvent(
        event=AuditKind(row["event"]),
        by=row["by"],
        on=date.fromisoformat(row["on_day"]),
        reason=row["reason"],
        fingerprint=row["fingerprint"],
    )


def ref(row: Row) -> ActionRef | None:
    if row["ref_number"] is None:
        return None
    return ActionRef(year=row["ref_year"], number=row["ref_number"])


def action(row: Row, owners: tuple[str, ...]) -> Action:
    return Action(
        id=row["id"],
        ref=ref(row),
        text=row["text"],
        owners=owners,
        due=d(row["due"]),
        status=Status(row["status"]),
        restricted=bool(row["restricted"]),
        due_text=row["due_text"],
    )


def action_row(a: Action) -> Row:
    return {
        "text": a.text,
        "due": iso(a.due),
        "due_text": a.due_text,
        "status": a.status.value,
        "restricted": int(a.restricted),
    }


def update(row: Row) -> ActionUpdate:
    return ActionUpdate(
        id=row["id"],
        ref=ref(row),
        status=Status(row["status"]),
        note=row["note"],
        action_id=row["action_id"] if row["ref_number"] is None else None,
        text=row["action_text"],
        restricted=bool(row["restricted"]),
    )


def update_row(u: ActionUpdate) -> Row:
    """An update's columns (not its item or position)."""
    return {
        "ref_year": u.ref.year if u.ref else None,
        "ref_number": u.ref.number if u.ref else None,
        "action_id": u.action_id if u.ref is None else None,
        "action_text": u.text,
        "status": u.status.value,
        "note": u.note,
        "restricted": int(u.restricted),
    }


def item_kind(text: str) -> ItemKind:
    return ItemKind(text)
