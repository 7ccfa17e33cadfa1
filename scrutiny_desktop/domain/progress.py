"""An action's progress as typed: a status named in words, and a matters-arising line.

Used wherever a person types a status (the actions and updates tables, the "Add update"
line); files and the book store the status's value (``to_follow``) and read it with
``Status(value)``.
"""

from __future__ import annotations

import re

from scrutiny_desktop.domain.model import ActionUpdate, Status
from scrutiny_desktop.domain.refs import ActionRef

_LINE = re.compile(r"^\s*(\d{1,4}\s*/\s*\d{2})\s*(.*)$")


def _key(text: str) -> str:
    return "_".join(text.strip().lower().replace("_", " ").split())


def status_named(text: str) -> Status | None:
    """The status these words name exactly (``to follow``, ``To_Follow``), or None."""
    key = _key(text)
    return next((s for s in Status if s.value == key), None)


def status_from_text(text: str) -> Status | None:
    """As ``status_named``, or the one status the words begin (``comp`` -> completed);
    None if none or several match."""
    exact = status_named(text)
    if exact is not None:
        return exact
    key = _key(text)
    matches = [s for s in Status if key and s.value.startswith(key)]
    return matches[0] if len(matches) == 1 else None


def parse_update_line(line: str) -> ActionUpdate:
    """``94/14 open SH to action`` -> ActionUpdate(94/14, OPEN, "SH to action").

    The status is the longest leading run of words naming one ("to follow"); without
    one the update is open and the rest is the note. ValueError says what is wrong.
    """
    m = _LINE.match(line)
    if not m:
        raise ValueError("type a reference first, then the status: e.g. 76/14 completed")
    ref = ActionRef.parse(m.group(1))
    words = m.group(2).split()
    for n in (3, 2, 1):
        if len(words) >= n:
            status = status_named(" ".join(words[:n]))
            if status is not None:
                note = " ".join(words[n:]) or None
                return ActionUpdate(id=None, ref=ref, status=status, note=note)
    return ActionUpdate(id=None, ref=ref, status=Status.OPEN, note=" ".join(words) or None)
