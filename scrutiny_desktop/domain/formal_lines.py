"""The formal parts of a meeting as a minute-taker types them, each in one line.

A declaration of interest: ``RP pecuniary spouse works in force finance, left`` — who
(initials, or the start of a name the book knows), the kind (optional), the interest,
and whether they left the room. A resolution: ``That the report be noted. 4-1-1`` — the
text, then the vote when one was taken (``for 4 against 1 abstained 1`` or ``4-1-1``).
Each parser returns the domain object or raises ``ValueError`` saying what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scrutiny_desktop.domain.model import Declaration, DeclarationKind, Person, Resolution, Vote

# Words that name a kind of interest, longest first (so "other registrable" beats "other").
_KINDS: tuple[tuple[str, DeclarationKind], ...] = (
    ("disclosable pecuniary", DeclarationKind.DISCLOSABLE_PECUNIARY),
    ("other registrable", DeclarationKind.OTHER_REGISTRABLE),
    ("non-registrable", DeclarationKind.NON_REGISTRABLE),
    ("non registrable", DeclarationKind.NON_REGISTRABLE),
    ("nonregistrable", DeclarationKind.NON_REGISTRABLE),
    ("registrable", DeclarationKind.OTHER_REGISTRABLE),
    ("pecuniary", DeclarationKind.DISCLOSABLE_PECUNIARY),
    ("dpi", DeclarationKind.DISCLOSABLE_PECUNIARY),
    ("ori", DeclarationKind.OTHER_REGISTRABLE),
    ("nri", DeclarationKind.NON_REGISTRABLE),
    # Older codes' words: recorded as "other" rather than read as part of the interest.
    ("non-pecuniary", DeclarationKind.OTHER),
    ("non pecuniary", DeclarationKind.OTHER),
    ("personal interest", DeclarationKind.OTHER),
    ("other", DeclarationKind.OTHER),
)
KIND_WORDS = (
    "pecuniary (or dpi), other registrable (ori), non-registrable (nri), "
    "other (also non-pecuniary, personal interest); none given is other"
)
_LEFT = re.compile(r"(?:[,;]?\s*\(?\s*(?:and\s+)?left(?:\s+the\s+room)?\s*\)?\s*\.?)$", re.I)
HINT_DECLARATION = (
    "who, kind, interest[, left] — e.g. RP pecuniary spouse works in force finance, left"
)
HINT_RESOLUTION = "That the report be noted. [for 4 against 1 abstained 1, or 4-1-1]"


def _who(text: str, people: Sequence[Person]) -> tuple[str, str]:
    """(initials, the rest of the line): a known person's initials or name starts it."""
    lowered = text.casefold()
    by_name = sorted((p for p in people if p.name), key=lambda p: len(p.name or ""), reverse=True)
    for p in by_name:
        name = (p.name or "").casefold()
        if lowered.startswith(name) and (len(text) == len(name) or not text[len(name)].isalnum()):
            return p.initials, text[len(name) :]
    first, _, rest = text.partition(" ")
    known = {p.initials.casefold(): p.initials for p in people}
    if first.casefold() in known:
        return known[first.casefold()], rest
    raise ValueError(
        f"{first!r} is nobody in this meeting's people: start with their initials or name"
    )


def parse_declaration(line: str, people: Sequence[Person]) -> Declaration:
    """``RP pecuniary spouse works in force finance, left`` as a declaration."""
    text = " ".join(line.split())
    if not text:
        raise ValueError(f"type a declaration: {HINT_DECLARATION}")
    initials, rest = _who(text, people)
    rest = rest.strip(" ,:;-–")
    kind = DeclarationKind.OTHER
    for words, k in _KINDS:
        if rest.casefold().startswith(words) and (
            len(rest) == len(words) or not rest[len(words)].isalnum()
        ):
            kind, rest = k, rest[len(words) :].strip(" ,:;-–")
            if rest.casefold().startswith("interest"):
                rest = rest[len("interest") :].strip(" ,:;-–")
            break
    left = bool(_LEFT.search(rest))
    interest = _LEFT.sub("", rest).strip(" ,;") if left else rest.strip()
    if not interest:
        raise ValueError(f"say what the interest is: {HINT_DECLARATION}")
    return Declaration(initials, interest, kind, left)


_DASHES = re.compile(r"\s*[\[(]?\s*(\d+)\s*[-–/]\s*(\d+)\s*[-–/]\s*(\d+)\s*[\])]?\s*$")
_WORDS = re.compile(
    r"\s*[\[(]?\s*(?:(?:for|against|abstained|abstain|abstentions?)\s*:?\s*\d+\s*[,;]?\s*){3}"
    r"[\])]?\s*$",
    re.I,
)
_COUNT = re.compile(r"(for|against|abstained|abstain|abstentions?)\s*:?\s*(\d+)", re.I)


def parse_resolution(line: str) -> Resolution:
    """``That the report be noted.`` with an optional vote at the end; ``RESOLVED:`` is
    dropped from the start (the minutes print it)."""
    text = " ".join(line.split())
    text = re.sub(r"^resolved\s*[:\-–]?\s*", "", text, flags=re.I)
    vote = None
    if m := _DASHES.search(text):
        vote = Vote(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        text = text[: m.start()]
    elif m := _WORDS.search(text):
        counts: dict[str, int] = {}
        for word, n in _COUNT.findall(m.group()):
            key = "for" if word.lower() == "for" else word.lower()[:3]
            if key in counts:
                raise ValueError(f"the vote gives {word!r} twice")
            counts[key] = int(n)
        if set(counts) != {"for", "aga", "abs"}:
            raise ValueError(
                "a vote says for, against and abstained: e.g. for 4 against 1 abstained 1"
            )
        vote = Vote(counts["for"], counts["aga"], counts["abs"])
        text = text[: m.start()]
    text = text.strip()
    if not text:
        raise ValueError(f"type what was resolved: {HINT_RESOLUTION}")
    return Resolution(text, vote=vote)
