"""Fill a document's optional keys with their defaults, as a full export writes them."""

from __future__ import annotations

import copy
from typing import Any


def with_defaults(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as ``to_document`` writes it: every optional key present."""
    d = copy.deepcopy(doc)
    m = d["meeting"]
    for key in ("series", "start", "end", "venue", "classification", "signed_off", "next_meeting"):
        m.setdefault(key, None)
    m.setdefault("status", "draft")
    if m["signed_off"] is not None:
        m["signed_off"].setdefault("note", None)
    if m["next_meeting"] is not None:
        for key in ("start", "end", "venue"):
            m["next_meeting"].setdefault(key, None)
    for p in d["people"]:
        for key in ("name", "role", "organisation"):
            p.setdefault(key, None)
        p.setdefault("kind", "person")
    for a in d["attendance"]:
        a.setdefault("chair", False)
        a.setdefault("note", None)
    for item in d["items"]:
        item.setdefault("kind", "matter")
        item.setdefault("restricted", False)
        item.setdefault("body", [])
        item.setdefault("actions", [])
        item.setdefault("action_updates", [])
        for block in item["body"]:
            if "text" in block:
                block.setdefault("restricted", False)
        for action in item["actions"]:
            action.setdefault("ref", None)
            action.setdefault("owners", [])
            action.setdefault("due", None)
            action.setdefault("status", "open")
            action.setdefault("restricted", False)
        for update in item["action_updates"]:
            update.setdefault("note", None)
    return d
