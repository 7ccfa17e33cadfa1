"""Standard phrases: a short abbreviation typed in the minutes expands to a clerk's formula.

``;agreed`` then Tab becomes "The minutes of the previous meeting were agreed as a correct
record." An abbreviation starts with ``;`` (which English text never puts directly before
a letter), so expansion is never a surprise. A phrase may hold ``…`` where the minute-taker
fills something in ("Apologies were received from …"): after expanding, the first ``…``
is selected, so typing replaces it.

Pure rules only: the book stores each series' phrases, the window applies an ``Expansion``
as one edit (so one undo step) and shows ``completions`` in its popup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TRIGGER = ";"
PLACEHOLDER = "…"
MAX_ABBREVIATION = 20


@dataclass(frozen=True, slots=True)
class Phrase:
    """A standard phrase: typing ``abbreviation`` then Tab puts ``text`` in its place."""

    abbreviation: str
    text: str


DEFAULT_PHRASES: tuple[Phrase, ...] = (
    Phrase(";agreed", "The minutes of the previous meeting were agreed as a correct record."),
    Phrase(";noted", "The report was noted."),
    Phrase(";doi", "There were no declarations of interest."),
    Phrase(";apol", "Apologies were received from …"),
    Phrase(";noapol", "There were no apologies."),
    Phrase(";welcome", "The Chair welcomed everyone to the meeting and introductions were made."),
    Phrase(";actions", "The actions from the previous meeting were addressed as follows:"),
    Phrase(";ma", "There were no matters arising."),
    Phrase(";update", "… provided an update on …"),
    Phrase(";resolved", "RESOLVED: That the report be noted."),
    Phrase(";quorate", "The meeting was quorate."),
    Phrase(";aob", "There was no other business."),
    Phrase(";next", "The next meeting will be held on …"),
    Phrase(";closed", "The meeting closed at …"),
)

# The fragment ending at the cursor: ";" and what follows it, at the start of the paragraph
# or after a space or an opening bracket or quotation mark (so "a;b" is not a fragment).
_FRAGMENT = re.compile(
    r"(?:^|(?<=[\s(\[{\"'“‘]))" + re.escape(TRIGGER) + r"[^\s" + re.escape(TRIGGER) + r"]*\Z"
)


@dataclass(frozen=True, slots=True)
class Expansion:
    """Replace ``paragraph[start:end]`` with ``text``; then select ``selection`` if any,
    else put the cursor at ``cursor`` (both offsets in the paragraph after the change)."""

    start: int
    end: int
    text: str
    cursor: int
    selection: tuple[int, int] | None


def fragment_before(paragraph: str, cursor: int) -> tuple[int, str] | None:
    """Where an abbreviation being typed starts, and what it is so far (``;ag``), or None."""
    m = _FRAGMENT.search(paragraph, 0, cursor)
    return (m.start(), m.group()) if m else None


def _by_abbreviation(phrases: Iterable[Phrase]) -> dict[str, Phrase]:
    found: dict[str, Phrase] = {}
    for phrase in phrases:
        found.setdefault(phrase.abbreviation.casefold(), phrase)
    return found


def expansion(paragraph: str, cursor: int, phrases: Iterable[Phrase]) -> Expansion | None:
    """The expansion of the abbreviation just before ``cursor``, or None when there is none.

    Case does not matter (``;Agreed`` expands as ``;agreed``).
    """
    found = fragment_before(paragraph, cursor)
    if found is None:
        return None
    start, typed = found
    phrase = _by_abbreviation(phrases).get(typed.casefold())
    if phrase is None:
        return None
    return expand(phrase, start, cursor)


def expand(phrase: Phrase, start: int, end: int) -> Expansion:
    """``phrase`` replacing ``[start, end)`` (as when chosen from the popup)."""
    text = phrase.text
    hole = text.find(PLACEHOLDER)
    selection = None if hole < 0 else (start + hole, start + hole + len(PLACEHOLDER))
    return Expansion(start, end, text, start + len(text), selection)


def completions(fragment: str, phrases: Iterable[Phrase]) -> list[Phrase]:
    """Phrases for the popup: abbreviations starting with ``fragment`` first, then those
    containing it, then phrases whose text contains it (for two letters or more); each group
    in alphabetical order."""
    key = fragment.casefold()
    bare = key.removeprefix(TRIGGER)
    starts: list[Phrase] = []
    contains: list[Phrase] = []
    says: list[Phrase] = []
    for phrase in _by_abbreviation(phrases).values():
        abbreviation = phrase.abbreviation.casefold()
        if abbreviation.startswith(key):
            starts.append(phrase)
        elif len(bare) < 2:
            continue
        elif bare in abbreviation:
            contains.append(phrase)
        elif bare in phrase.text.casefold():
            says.append(phrase)
    groups = (starts, contains, says)
    return [p for group in groups for p in sorted(group, key=lambda p: p.abbreviation.casefold())]


def abbreviation_problem(abbreviation: str, others: Sequence[Phrase] = ()) -> str | None:
    """Why ``abbreviation`` cannot be a phrase's (for the phrase editor), or None when it can.

    ``others`` are the series' other phrases (not the one being edited).
    """
    if not abbreviation.startswith(TRIGGER):
        return f"An abbreviation starts with {TRIGGER} (for example {TRIGGER}agreed)."
    rest = abbreviation[len(TRIGGER) :]
    if not rest:
        return f"Type at least one letter after {TRIGGER}."
    if len(abbreviation) > MAX_ABBREVIATION:
        return f"Keep an abbreviation to {MAX_ABBREVIATION} characters."
    if any(c.isspace() for c in rest) or TRIGGER in rest:
        return f"An abbreviation has no spaces and one {TRIGGER}."
    if any(p.abbreviation.casefold() == abbreviation.casefold() for p in others):
        return f"{abbreviation} is already used by another phrase."
    return None
