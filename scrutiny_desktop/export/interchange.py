"""The JSON interchange format ``scrutiny-minutes/1``: Minutes to document and back.

``to_document`` writes every key, defaults filled in, so an export is the canonical
form of a meeting (the sign-off fingerprint hashes it). ``from_document`` validates
against the schema first and refuses with ``InterchangeError`` naming the JSON path.
"""

from __future__ import annotations

import json
from datetime import date, time
from importlib import resources
from pathlib import Path
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

FORMAT = "scrutiny-minutes/1"
Document = dict[str, Any]


class InterchangeError(ValueError):
    """A document we will not import; the message names the JSON path and the problem."""


def schema() -> dict[str, Any]:
    """The interchange schema shipped with the package."""
    text = resources.files("scrutiny_desktop.data").joinpath("meeting.schema.json").read_text()
    result: dict[str, Any] = json.loads(text)
    return result


# ---------------------------------------------------------------- export


def to_document(minutes: Minutes) -> Document:
    """The whole meeting as an interchange document, every key present."""
    m = minutes.meeting
    return {
        "format": FORMAT,
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


def dumps(minutes: Minutes) -> str:
    """The document as indented UTF-8 JSON text, ending in a newline."""
    return json.dumps(to_document(minutes), indent=2, ensure_ascii=False) + "\n"


def canonical_bytes(minutes: Minutes) -> bytes:
    """The canonical content that a sign-off fingerprint hashes: sorted keys, no spaces."""
    return json.dumps(
        to_document(minutes), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


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
        # Format 1 names updates by reference only: progress on an unnumbered action is
        # written as that action listed again, with its progress as status (the note,
        # which format 1 has no place for, is left out). The book reads it back as an update.
        # An update's restricted flag has no key of its own in the schema (which forbids
        # unknown keys): listed as an action it is that action's flag; a numbered update
        # goes without it, and an import derives it again from the action it refers to
        # where the book knows that action (restricted, or in a restricted item).
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


# ---------------------------------------------------------------- import


def load(path: Path) -> Minutes:
    """Read, validate and convert a file; InterchangeError says what is wrong and where."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise InterchangeError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    return loads(text, source=str(path))


def loads(text: str, *, source: str = "<document>") -> Minutes:
    """Parse JSON text into Minutes, refusing anything invalid."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InterchangeError(
            f"{source}: not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}"
        ) from None
    return from_document(doc)


def validate(doc: Any) -> None:
    """Raise InterchangeError for the first schema violation, or a broken cross-reference."""
    import jsonschema  # imported on first use: it is slow to import

    validator = jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise InterchangeError(_describe(errors[0]))
    _check_references(doc)


def from_document(doc: Any) -> Minutes:
    """Convert a validated document to Minutes (validates first)."""
    validate(doc)
    md = doc["meeting"]
    signed = md.get("signed_off")
    nxt = md.get("next_meeting")
    meeting = Meeting(
        id=None,
        title=md["title"],
        date=date.fromisoformat(md["date"]),
        series=md.get("series"),
        start=_parse_time(md.get("start")),
        end=_parse_time(md.get("end")),
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
            start=_parse_time(nxt.get("start")),
            end=_parse_time(nxt.get("end")),
            venue=nxt.get("venue"),
        ),
    )
    people = tuple(
        Person(
            initials=p["initials"],
            name=p.get("name"),
            role=p.get("role"),
            organisation=p.get("organisation"),
            kind=PersonKind(p.get("kind", "person")),
        )
        for p in doc["people"]
    )
    attendance = tuple(
        Attendance(
            initials=a["initials"],
            status=AttendanceStatus(a["status"]),
            chair=a.get("chair", False),
            note=a.get("note"),
        )
        for a in doc["attendance"]
    )
    items = tuple(_item(i) for i in doc["items"])
    return Minutes(meeting=meeting, people=people, attendance=attendance, items=items)


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


def _parse_time(text: str | None) -> time | None:
    return None if text is None else time.fromisoformat(text)


def _check_references(doc: Document) -> None:
    """What the schema cannot say: initials unique and known, action references unique."""
    known: set[str] = set()
    for i, p in enumerate(doc["people"]):
        if p["initials"] in known:
            raise InterchangeError(f"people[{i}].initials: {p['initials']!r} appears twice")
        known.add(p["initials"])
    for i, a in enumerate(doc["attendance"]):
        if a["initials"] not in known:
            raise InterchangeError(f"attendance[{i}].initials: {a['initials']!r} is not in people")
    refs: set[str] = set()
    for i, item in enumerate(doc["items"]):
        for j, a in enumerate(item.get("actions", [])):
            for k, owner in enumerate(a.get("owners", [])):
                if owner not in known:
                    raise InterchangeError(
                        f"items[{i}].actions[{j}].owners[{k}]: {owner!r} is not in people"
                    )
            ref = a.get("ref")
            if ref is not None:
                key = str(ActionRef.parse(ref))
                if key in refs:
                    raise InterchangeError(f"items[{i}].actions[{j}].ref: {ref!r} appears twice")
                refs.add(key)


def _path(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(document)"


_FIELD_HINTS = {
    "date": "is not a date (YYYY-MM-DD)",
    "on": "is not a date (YYYY-MM-DD)",
    "due": "is not a date (YYYY-MM-DD)",
    "start": "is not a time (HH:MM, 24-hour)",
    "end": "is not a time (HH:MM, 24-hour)",
    "initials": "is not initials (a letter, then up to 11 letters, digits or & ' . -)",
    "ref": "is not an action reference (NN/YY)",
}


def _describe(error: Any) -> str:
    """One line: JSON path, then what is wrong, in words a clerk can act on."""
    path = list(error.absolute_path)
    where = _path(path)
    last = path[-1] if path else None
    value = error.instance
    if error.validator in ("oneOf", "anyOf") and error.context:
        # A body block: report the closest alternative's problem, not "not valid under any".
        if isinstance(last, str) and last in _FIELD_HINTS and isinstance(value, str):
            return f"{where}: {value!r} {_FIELD_HINTS[last]}"
        best = min(error.context, key=lambda e: len(list(e.relative_path)) * -1)
        return _describe_leaf(best, path + list(best.relative_path), best.instance)
    return _describe_leaf(error, path, value)


def _describe_leaf(error: Any, path: list[Any], value: Any) -> str:
    where = _path(path)
    last = path[-1] if path else None
    if error.validator in ("pattern", "format") and isinstance(last, str) and last in _FIELD_HINTS:
        return f"{where}: {value!r} {_FIELD_HINTS[last]}"
    if error.validator == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return f"{where}: unknown key {', '.join(map(repr, extra))} (see the schema)"
    if error.validator == "required":
        return f"{where}: {error.message}"
    if error.validator == "const" and last == "format":
        return f"{where}: {value!r} is not {FORMAT!r}"
    return f"{where}: {error.message}"
