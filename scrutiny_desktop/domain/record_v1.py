"""Interchange version 1 (``scrutiny-minutes/1``): read for import, written only to fingerprint.

Minutes signed off before version 2 were fingerprinted over this document (fingerprint
scheme 1), so ``document_v1`` must keep producing exactly the bytes it produced then:
it is frozen. Version 1 has no place for many things the minutes print (a heading's or
an update's restriction, a typed due date, a note on an unnumbered update), which is
why scheme 2 fingerprints the full record instead.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Attendance,
    AttendanceStatus,
    Item,
    ItemKind,
    Meeting,
    MeetingStatus,
    Minutes,
    NextMeeting,
    Paragraph,
    Person,
    PersonKind,
    SignOff,
    Status,
)
from scrutiny_desktop.domain.refs import ActionRef

FORMAT_V1 = "scrutiny-minutes/1"
Document = dict[str, Any]


def document_v1(minutes: Minutes) -> Document:
    """The meeting as a version 1 document, every key present (frozen: see the module)."""
    m = minutes.meeting
    return {
        "format": FORMAT_V1,
        "meeting": {
            "title": m.title,
            "series": m.series,
            "date": m.date.isoformat(),
            "start": _time(m.start),
            "end": _time(m.end),
            "venue": m.venue,
            "classification": m.classification,
            "status": m.status.value,
            "signed_off": None
            if m.signed_off is None
            else {
                "by": m.signed_off.by,
                "on": m.signed_off.on.isoformat(),
                "note": m.signed_off.note,
            },
            "next_meeting": None
            if m.next_meeting is None
            else {
                "date": m.next_meeting.date.isoformat(),
                "start": _time(m.next_meeting.start),
                "end": _time(m.next_meeting.end),
                "venue": m.next_meeting.venue,
            },
        },
        "people": [
            {
                "initials": p.initials,
                "name": p.name,
                "role": p.role,
                "organisation": p.organisation,
                "kind": p.kind.value,
            }
            for p in minutes.people
        ],
        "attendance": [
            {"initials": a.initials, "status": a.status.value, "chair": a.chair, "note": a.note}
            for a in minutes.attendance
        ],
        "items": [_item_doc(i) for i in minutes.items],
    }


def _item_doc(item: Item) -> Document:
    body: list[Document] = [
        {"heading": p.text} if p.heading else {"text": p.text, "restricted": p.restricted}
        for p in item.body
    ]
    return {
        "number": item.number,
        "title": item.title,
        "kind": item.kind.value,
        "restricted": item.restricted,
        "body": body,
        "actions": [
            {
                "ref": None if a.ref is None else str(a.ref),
                "text": a.text,
                "owners": list(a.owners),
                "due": None if a.due is None else a.due.isoformat(),
                "status": a.status.value,
                "restricted": a.restricted,
            }
            for a in item.actions
        ]
        # Version 1 names updates by reference only: progress on an unnumbered action is
        # written as that action listed again, with its progress as status.
        + [
            {
                "ref": None,
                "text": u.text,
                "owners": [],
                "due": None,
                "status": u.status.value,
                "restricted": u.restricted,
            }
            for u in item.updates
            if u.ref is None
        ],
        "action_updates": [
            {"ref": str(u.ref), "status": u.status.value, "note": u.note}
            for u in item.updates
            if u.ref is not None
        ],
    }


def _time(t: time | None) -> str | None:
    return None if t is None else t.strftime("%H:%M")


# ---------------------------------------------------------------- reading


def minutes_from_v1(doc: Document) -> Minutes:
    """A validated version 1 document as Minutes.

    An unnumbered action listed again under Matters arising is how version 1 writes
    progress on it: the book reads it back as an update (``Book.import_minutes``).
    """
    md = doc["meeting"]
    return Minutes(
        meeting=meeting_from(md),
        people=tuple(
            Person(
                initials=p["initials"],
                name=p.get("name"),
                role=p.get("role"),
                organisation=p.get("organisation"),
                kind=PersonKind(p.get("kind", "person")),
            )
            for p in doc["people"]
        ),
        attendance=tuple(
            Attendance(
                initials=a["initials"],
                status=AttendanceStatus(a["status"]),
                chair=a.get("chair", False),
                note=a.get("note"),
            )
            for a in doc["attendance"]
        ),
        items=tuple(_item(i) for i in doc["items"]),
    )


def meeting_from(md: Document) -> Meeting:
    """The ``meeting`` object of either version (version 2 adds ``quorum``)."""
    signed = md.get("signed_off")
    nxt = md.get("next_meeting")
    return Meeting(
        id=None,
        title=md["title"],
        date=date.fromisoformat(md["date"]),
        series=md.get("series"),
        start=parse_time(md.get("start")),
        end=parse_time(md.get("end")),
        venue=md.get("venue"),
        classification=md.get("classification"),
        status=MeetingStatus(md.get("status", "draft")),
        signed_off=None
        if signed is None
        else SignOff(by=signed["by"], on=date.fromisoformat(signed["on"]), note=signed.get("note")),
        next_meeting=None
        if nxt is None
        else NextMeeting(
            date=date.fromisoformat(nxt["date"]),
            start=parse_time(nxt.get("start")),
            end=parse_time(nxt.get("end")),
            venue=nxt.get("venue"),
        ),
        quorum=md.get("quorum"),
    )


def _item(d: Document) -> Item:
    return Item(
        id=None,
        number=d["number"],
        title=d["title"],
        kind=ItemKind(d.get("kind", "matter")),
        restricted=d.get("restricted", False),
        body=tuple(
            Paragraph(text=b["heading"], heading=True)
            if "heading" in b
            else Paragraph(text=b["text"], restricted=b.get("restricted", False))
            for b in d.get("body", [])
        ),
        actions=tuple(
            Action(
                id=None,
                ref=None if a.get("ref") is None else ActionRef.parse(a["ref"]),
                text=a["text"],
                owners=tuple(a.get("owners", [])),
                due=None if a.get("due") is None else date.fromisoformat(a["due"]),
                status=Status(a.get("status", "open")),
                restricted=a.get("restricted", False),
            )
            for a in d.get("actions", [])
        ),
        updates=tuple(
            ActionUpdate(
                id=None,
                ref=ActionRef.parse(u["ref"]),
                status=Status(u["status"]),
                note=u.get("note"),
            )
            for u in d.get("action_updates", [])
        ),
    )


def parse_time(text: str | None) -> time | None:
    return None if text is None else time.fromisoformat(text)
