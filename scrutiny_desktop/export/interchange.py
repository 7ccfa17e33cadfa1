"""The JSON interchange format: version 2 written, versions 1 and 2 read.

``dumps`` writes the full record (``domain.record.document``, ``scrutiny-minutes/2``).
``loads``/``load`` validate a document against the schema of its version first and
refuse with ``InterchangeError`` naming the JSON path; then the cross-references the
schema cannot express are checked (initials known, references unique, items named by
arrivals exist, ...).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from scrutiny_desktop.domain.limits import LimitExceeded, check_minutes
from scrutiny_desktop.domain.model import Minutes
from scrutiny_desktop.domain.record import FORMAT, FORMATS, Document, document, minutes_from
from scrutiny_desktop.domain.record_v1 import FORMAT_V1
from scrutiny_desktop.domain.refs import ActionRef

__all__ = ["FORMAT", "InterchangeError", "dumps", "load", "loads", "to_document", "validate"]

_SCHEMAS = {FORMAT_V1: "meeting.schema.json", FORMAT: "meeting.v2.schema.json"}
# Deeper than any real document (a meeting's deepest key is 6 levels down): refused before
# the schema validator meets it (its recursion would fail with no useful message).
MAX_DEPTH = 64


class InterchangeError(ValueError):
    """A document we will not import; the message names the JSON path and the problem."""


def schema(version: str = FORMAT) -> dict[str, Any]:
    """The interchange schema of ``version`` shipped with the package."""
    text = resources.files("scrutiny_desktop.data").joinpath(_SCHEMAS[version]).read_text()
    result: dict[str, Any] = json.loads(text)
    return result


# ---------------------------------------------------------------- export


def to_document(minutes: Minutes) -> Document:
    """The whole meeting as a version 2 document, every key present."""
    return document(minutes)


def dumps(minutes: Minutes) -> str:
    """The document as indented UTF-8 JSON text, ending in a newline."""
    return json.dumps(document(minutes), indent=2, ensure_ascii=False) + "\n"


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
    except RecursionError:
        raise InterchangeError(f"{source}: not valid JSON: nested too deeply to read") from None
    return from_document(doc)


def from_document(doc: Any) -> Minutes:
    """Convert a document of either version to Minutes (validates first)."""
    validate(doc)
    minutes = minutes_from(doc)
    try:
        check_minutes(minutes)
    except LimitExceeded as e:
        raise InterchangeError(str(e)) from None
    return minutes


def validate(doc: Any) -> None:
    """Raise InterchangeError for the first schema violation, or a broken cross-reference."""
    _check_depth(doc)
    version = doc.get("format") if isinstance(doc, dict) else None
    if version not in FORMATS:
        raise InterchangeError(
            f"format: {version!r} is not a version this release reads "
            f"({' or '.join(map(repr, FORMATS))})"
        )
    import jsonschema  # imported on first use: it is slow to import

    validator = jsonschema.Draft202012Validator(
        schema(version), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise InterchangeError(_describe(errors[0]))
    _check_references(doc)


def _check_depth(doc: Any) -> None:
    stack: list[tuple[Any, int]] = [(doc, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InterchangeError(f"(document): nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


def _check_references(doc: Document) -> None:
    """What the schema cannot say: initials unique and known, action references unique,
    items that moments name exist, Schedule 12A paragraphs only on restricted items."""
    known: set[str] = set()
    for i, p in enumerate(doc["people"]):
        if p["initials"] in known:
            raise InterchangeError(f"people[{i}].initials: {p['initials']!r} appears twice")
        known.add(p["initials"])

    def person(initials: str, where: str) -> None:
        if initials not in known:
            raise InterchangeError(f"{where}: {initials!r} is not in people")

    numbers = {item["number"] for item in doc["items"]}
    attending: set[str] = set()
    for i, a in enumerate(doc["attendance"]):
        person(a["initials"], f"attendance[{i}].initials")
        if a["initials"] in attending:
            raise InterchangeError(f"attendance[{i}].initials: {a['initials']!r} appears twice")
        attending.add(a["initials"])
        if a.get("substitute_for") is not None:
            person(a["substitute_for"], f"attendance[{i}].substitute_for")
        for key in ("arrived", "left"):
            moment = a.get(key) or {}
            if moment.get("item") is not None and moment["item"] not in numbers:
                raise InterchangeError(
                    f"attendance[{i}].{key}.item: {moment['item']!r} is not an item's number"
                )
    refs: set[str] = set()
    for i, item in enumerate(doc["items"]):
        where = f"items[{i}]"
        for j, a in enumerate(item.get("actions", [])):
            for k, owner in enumerate(a.get("owners", [])):
                person(owner, f"{where}.actions[{j}].owners[{k}]")
            ref = a.get("ref")
            if ref is not None:
                key = str(ActionRef.parse(ref))
                if key in refs:
                    raise InterchangeError(f"{where}.actions[{j}].ref: {ref!r} appears twice")
                refs.add(key)
        for j, d in enumerate(item.get("declarations", [])):
            person(d["initials"], f"{where}.declarations[{j}].initials")
        for j, r in enumerate(item.get("resolutions", [])):
            named = (r.get("vote") or {}).get("named", [])
            voters: set[str] = set()
            for k, v in enumerate(named):
                person(v["initials"], f"{where}.resolutions[{j}].vote.named[{k}].initials")
                if v["initials"] in voters:
                    raise InterchangeError(
                        f"{where}.resolutions[{j}].vote.named[{k}]: {v['initials']!r} votes twice"
                    )
                voters.add(v["initials"])
        if item.get("exempt_paragraphs") and not item.get("restricted", False):
            raise InterchangeError(
                f"{where}.exempt_paragraphs: only a restricted item is taken in private "
                "under Schedule 12A (set restricted: true)"
            )


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
    "started": "is not a time (HH:MM, 24-hour)",
    "time": "is not a time (HH:MM, 24-hour)",
    "initials": "is not initials (a letter, then up to 11 letters, digits or & ' . -)",
    "substitute_for": "is not initials (a letter, then up to 11 letters, digits or & ' . -)",
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
        return f"{where}: {value!r} is not {' or '.join(map(repr, FORMATS))}"
    return f"{where}: {error.message}"
