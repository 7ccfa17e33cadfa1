"""The full record: one meeting as an interchange version 2 document, and back.

``document`` writes every key with its default filled in, so it is the canonical form
of a meeting: the JSON export, the sign-off snapshot and (fingerprint scheme 2) the
fingerprint are all this document. Everything any output prints is in it: a meeting
moved to another book through it prints and publishes exactly as it did.

``minutes_from`` reads a document that ``export.interchange`` has already validated
against the schema; version 1 documents are read by ``record_v1``.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Assurance,
    Attendance,
    AttendanceStatus,
    AuditEvent,
    AuditKind,
    Declaration,
    DeclarationKind,
    Item,
    ItemKind,
    Minutes,
    Moment,
    NamedVote,
    Paragraph,
    Person,
    PersonKind,
    Resolution,
    Status,
    Vote,
    VoteChoice,
)
from scrutiny_desktop.domain.record_v1 import FORMAT_V1, meeting_from, minutes_from_v1, parse_time
from scrutiny_desktop.domain.refs import ActionRef

FORMAT = "scrutiny-minutes/2"
FORMATS = (FORMAT_V1, FORMAT)
Document = dict[str, Any]


def _iso(value: date | time | None) -> str | None:
    """Dates as YYYY-MM-DD, times as HH:MM (the schema's forms)."""
    if value is None:
        return None
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value.isoformat()


def document(minutes: Minutes) -> Document:
    """The whole meeting as a version 2 document, every key present."""
    m = minutes.meeting
    return {
        "format": FORMAT,
        "meeting": {
            "title": m.title,
            "series": m.series,
            "date": m.date.isoformat(),
            "start": _iso(m.start),
            "end": _iso(m.end),
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
                "start": _iso(m.next_meeting.start),
                "end": _iso(m.next_meeting.end),
                "venue": m.next_meeting.venue,
            },
            "quorum": m.quorum,
            "audit": [
                {
                    "event": e.event.value,
                    "by": e.by,
                    "on": e.on.isoformat(),
                    "reason": e.reason,
                    "fingerprint": e.fingerprint,
                }
                for e in minutes.audit
            ],
        },
        "people": [
            {
                "initials": p.initials,
                "name": p.name,
                "role": p.role,
                "organisation": p.organisation,
                "kind": p.kind.value,
                "email": p.email,
            }
            for p in minutes.people
        ],
        "attendance": [
            {
                "initials": a.initials,
                "status": a.status.value,
                "chair": a.chair,
                "note": a.note,
                "substitute_for": a.substitute_for,
                "arrived": _moment_doc(a.arrived),
                "left": _moment_doc(a.left),
            }
            for a in minutes.attendance
        ],
        "items": [_item_doc(i) for i in minutes.items],
    }


def _moment_doc(moment: Moment | None) -> Document | None:
    if moment is None:
        return None
    return {"time": _iso(moment.time), "item": moment.item}


def _item_doc(item: Item) -> Document:
    return {
        "number": item.number,
        "title": item.title,
        "kind": item.kind.value,
        "restricted": item.restricted,
        "body": [
            {"heading": p.text, "restricted": p.restricted}
            if p.heading
            else {"text": p.text, "restricted": p.restricted, "bullet": p.bullet}
            for p in item.body
        ],
        "actions": [
            {
                "ref": None if a.ref is None else str(a.ref),
                "text": a.text,
                "owners": list(a.owners),
                "due": _iso(a.due),
                "status": a.status.value,
                "restricted": a.restricted,
                "due_text": a.due_text,
            }
            for a in item.actions
        ],
        "action_updates": [
            {
                "ref": None if u.ref is None else str(u.ref),
                "status": u.status.value,
                "note": u.note,
                "action": u.text,
                "restricted": u.restricted,
            }
            for u in item.updates
        ],
        "started": _iso(item.started),
        "exempt_paragraphs": list(item.exempt_paragraphs),
        "public_summary": item.public_summary,
        "assurance": None if item.assurance is None else item.assurance.value,
        "declarations": [
            {
                "initials": d.initials,
                "interest": d.interest,
                "kind": d.kind.value,
                "left_room": d.left_room,
            }
            for d in item.declarations
        ],
        "resolutions": [
            {"text": r.text, "restricted": r.restricted, "vote": _vote_doc(r.vote)}
            for r in item.resolutions
        ],
    }


def _vote_doc(vote: Vote | None) -> Document | None:
    if vote is None:
        return None
    return {
        "for": vote.for_,
        "against": vote.against,
        "abstained": vote.abstained,
        "named": [{"initials": v.initials, "vote": v.vote.value} for v in vote.named],
    }


# ---------------------------------------------------------------- reading


def minutes_from(doc: Document) -> Minutes:
    """A validated document of either version as Minutes."""
    if doc["format"] == FORMAT_V1:
        return minutes_from_v1(doc)
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
                email=p.get("email"),
            )
            for p in doc["people"]
        ),
        attendance=tuple(
            Attendance(
                initials=a["initials"],
                status=AttendanceStatus(a["status"]),
                chair=a.get("chair", False),
                note=a.get("note"),
                substitute_for=a.get("substitute_for"),
                arrived=_moment(a.get("arrived")),
                left=_moment(a.get("left")),
            )
            for a in doc["attendance"]
        ),
        items=tuple(_item(i) for i in doc["items"]),
        audit=tuple(
            AuditEvent(
                event=AuditKind(e["event"]),
                by=e["by"],
                on=date.fromisoformat(e["on"]),
                reason=e.get("reason"),
                fingerprint=e.get("fingerprint"),
            )
            for e in md.get("audit", [])
        ),
    )


def _moment(d: Document | None) -> Moment | None:
    if d is None or (d.get("time") is None and d.get("item") is None):
        return None
    return Moment(time=parse_time(d.get("time")), item=d.get("item"))


def _item(d: Document) -> Item:
    assurance = d.get("assurance")
    return Item(
        id=None,
        number=d["number"],
        title=d["title"],
        kind=ItemKind(d.get("kind", "matter")),
        restricted=d.get("restricted", False),
        body=tuple(
            Paragraph(text=b["heading"], heading=True, restricted=b.get("restricted", False))
            if "heading" in b
            else Paragraph(
                text=b["text"],
                restricted=b.get("restricted", False),
                bullet=b.get("bullet", False),
            )
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
                due_text=a.get("due_text"),
            )
            for a in d.get("actions", [])
        ),
        updates=tuple(
            ActionUpdate(
                id=None,
                ref=None if u.get("ref") is None else ActionRef.parse(u["ref"]),
                status=Status(u["status"]),
                note=u.get("note"),
                text=u.get("action"),
                restricted=u.get("restricted", False),
            )
            for u in d.get("action_updates", [])
        ),
        started=parse_time(d.get("started")),
        exempt_paragraphs=tuple(d.get("exempt_paragraphs", [])),
        public_summary=d.get("public_summary"),
        assurance=None if assurance is None else Assurance(assurance),
        declarations=tuple(
            Declaration(
                initials=x["initials"],
                interest=x["interest"],
                kind=DeclarationKind(x.get("kind", "other")),
                left_room=x.get("left_room", False),
            )
            for x in d.get("declarations", [])
        ),
        resolutions=tuple(
            Resolution(
                text=r["text"],
                restricted=r.get("restricted", False),
                vote=_vote(r.get("vote")),
            )
            for r in d.get("resolutions", [])
        ),
    )


def _vote(d: Document | None) -> Vote | None:
    if d is None:
        return None
    return Vote(
        for_=d["for"],
        against=d["against"],
        abstained=d["abstained"],
        named=tuple(
            NamedVote(initials=v["initials"], vote=VoteChoice(v["vote"]))
            for v in d.get("named", [])
        ),
    )
