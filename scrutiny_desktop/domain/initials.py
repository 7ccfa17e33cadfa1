"""Initials proposed from a name, and the one-line person entry ("Name, Role, Organisation")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from scrutiny_desktop.domain.model import Person

# Titles and ranks that do not contribute to initials ("Detective Chief Inspector Tom Simons" -> TS).
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "cllr",
    "councillor",
    "rev",
    "revd",
    "detective",
    "chief",
    "inspector",
    "superintendent",
    "sergeant",
    "constable",
    "det",
    "ch",
    "insp",
    "supt",
    "sgt",
    "pc",
    "acc",
    "dcc",
    "cc",
    "assistant",
    "deputy",
    "commander",
    "commissioner",
    "dci",
    "ds",
    "di",
    "dc",
}
# Latin letters that Unicode does not decompose into an ASCII base letter.
_NO_DECOMPOSITION = str.maketrans({"Ł": "L", "Ø": "O", "Đ": "D", "Æ": "A", "Œ": "O", "Þ": "T"})
INITIALS_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9&'.-]{0,11}$")


def propose_initials(name: str, taken: Collection[str] = ()) -> str:
    """Initials for ``name`` (first and last name), made unique against ``taken``."""
    words = [w for w in re.split(r"[\s,]+", name) if w and w[0].isalpha()]
    core = [w for w in words if w.lower().strip(".") not in _TITLES] or words
    if not core:
        base = "X"
    elif len(core) == 1:
        base = core[0][:2].upper()
    else:
        base = (core[0][0] + core[-1][0]).upper()
    # Initials are ASCII letters (the interchange format says so): Ŵ -> W, Ó -> O.
    base = unicodedata.normalize("NFKD", base.translate(_NO_DECOMPOSITION))
    base = "".join(c for c in base if c.isascii() and c.isalpha()) or "X"
    if base not in taken:
        return base
    n = 2
    while f"{base}{n}" in taken:
        n += 1
    return f"{base}{n}"


def parse_person_line(line: str, taken: Collection[str] = ()) -> Person:
    """Read "Tina Bateman, Performance and Scrutiny Officer, OPCC [TB]" into a Person.

    One part is a name; two are name and organisation; three or more are name, role
    (which may itself contain commas) and organisation. Initials in square brackets
    at the end override the proposal.
    """
    text = line.strip()
    initials = None
    if m := re.search(r"\[([^\]]+)\]\s*$", text):
        initials = m.group(1).strip()
        text = text[: m.start()].strip()
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        raise ValueError("type a name, e.g. 'Tina Bateman, Performance and Scrutiny Officer, OPCC'")
    name = parts[0]
    role = organisation = None
    if len(parts) == 2:
        organisation = parts[1]
    elif len(parts) >= 3:
        role, organisation = ", ".join(parts[1:-1]), parts[-1]
    if initials is None:
        initials = propose_initials(name, taken)
    if not INITIALS_PATTERN.match(initials):
        raise ValueError(f"{initials!r} cannot be initials: letters first, at most 12 characters")
    return Person(initials=initials, name=name, role=role, organisation=organisation)


def split_owners(text: str) -> tuple[str, ...]:
    """``SH/CF``, ``SH, CF`` or ``SH and CF`` -> ("SH", "CF"), in order, without repeats."""
    parts = re.split(r"\s*(?:/|,|;|\band\b)\s*|\s+", text.strip())
    seen: dict[str, None] = {}
    for p in parts:
        if p:
            seen.setdefault(p, None)
    return tuple(seen)
