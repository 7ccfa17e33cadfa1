"""The minutes' own words: one place for every sentence the outputs print about the record.

PDF, Word, the web page and the e-mail drafts all call these, so "RESOLVED", a vote, a
declaration, a late arrival or an exempt item read the same everywhere. Plain text in,
plain text out: each format escapes and styles it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import time

from scrutiny_desktop.domain.model import (
    ActionUpdate,
    Assurance,
    Declaration,
    DeclarationKind,
    Item,
    Moment,
    Status,
    Vote,
    VoteChoice,
)

RESOLVED = "RESOLVED"
NO_DECLARATIONS = "There were no declarations of interest."
PRIVATE = "This item was considered in private"
SCHEDULE_12A = "of Part 1 of Schedule 12A to the Local Government Act 1972"
NOT_FOR_PUBLICATION = "[Not for publication]"
ABBREVIATIONS_HEADING = "Abbreviations used in these minutes"

Names = Callable[[str], str]
"""Initials to the name the minutes print (the person's name, else the initials)."""

_KIND_PHRASE = {
    DeclarationKind.DISCLOSABLE_PECUNIARY: "a disclosable pecuniary interest",
    DeclarationKind.OTHER_REGISTRABLE: "an other registrable interest",
    DeclarationKind.NON_REGISTRABLE: "a non-registrable interest",
    DeclarationKind.OTHER: "an interest",
}


def clock(t: time) -> str:
    """``9:00am``, as the minutes' heading writes a start time."""
    hour = t.hour % 12 or 12
    return f"{hour}:{t.minute:02d}{'am' if t.hour < 12 else 'pm'}"


def hhmm(t: time) -> str:
    """``11:15``: times within the meeting (arrivals, departures, item times)."""
    return f"{t:%H:%M}"


def update_text(update: ActionUpdate) -> str:
    """A matters-arising line: what the action was and where it stands.

    ``81/14 Improvement plan to be provided to OPCC – to follow``; a numbered action
    raised before this book began has no text: ``76/14 – completed``. An open action
    with a note prints the note instead of "open": ``94/14 – SH to action``.
    """
    subject = update.subject
    if update.ref is not None and update.text:
        subject = f"{update.ref} {update.text}"
    if update.note and update.status is Status.OPEN:
        return f"{subject} – {update.note}"
    text = f"{subject} – {update.status.label}"
    return f"{text}, {update.note}" if update.note else text


def _and_list(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def paragraphs_text(paragraphs: Sequence[int]) -> str:
    """``paragraph 3`` or ``paragraphs 1, 3 and 5``."""
    numbers = [str(p) for p in sorted(paragraphs)]
    word = "paragraph" if len(numbers) == 1 else "paragraphs"
    return f"{word} {_and_list(numbers)}"


def private_text(exempt_paragraphs: Sequence[int]) -> str:
    """What the public version says of a restricted item in place of its minutes."""
    if not exempt_paragraphs:
        return f"{PRIVATE}."
    return f"{PRIVATE} under {paragraphs_text(exempt_paragraphs)} {SCHEDULE_12A}."


def exclusion_resolution(exempt_paragraphs: Sequence[int]) -> str:
    """The resolution that excludes the public before an exempt item (Section 100A(4))."""
    return (
        "That under Section 100A(4) of the Local Government Act 1972 the public be excluded "
        "from the meeting for the following item of business on the grounds that it involves "
        "the likely disclosure of exempt information as defined in "
        f"{paragraphs_text(exempt_paragraphs)} of Part 1 of Schedule 12A to the Act."
    )


def declaration_text(d: Declaration, names: Names) -> str:
    """``Cllr Raj Patel declared a disclosable pecuniary interest (spouse works in force
    finance) and left the room for this item.``"""
    text = f"{names(d.initials)} declared {_KIND_PHRASE[d.kind]} ({d.interest.strip()})"
    if d.left_room:
        text += " and left the room for this item"
    return text + "."


def vote_text(vote: Vote, names: Names) -> str:
    """``For 4, against 1, abstained 1``; for a recorded vote, who voted which way too."""
    text = f"For {vote.for_}, against {vote.against}, abstained {vote.abstained}"
    if not vote.named:
        return text
    parts = []
    for choice, label in (
        (VoteChoice.FOR, "For"),
        (VoteChoice.AGAINST, "Against"),
        (VoteChoice.ABSTAINED, "Abstained"),
    ):
        who = [names(v.initials) for v in vote.named if v.vote is choice]
        if who:
            parts.append(f"{label}: {', '.join(who)}")
    return f"{text}. {'; '.join(parts)}."


def moment_text(moment: Moment, items: Iterable[Item] = ()) -> str:
    """``at 11:15 during item 44/26`` (either part may be missing)."""
    parts = []
    if moment.time is not None:
        parts.append(f"at {hhmm(moment.time)}")
    if moment.item is not None:
        parts.append(f"during item {moment.item}")
    return " ".join(parts)


def arrival_text(name: str, moment: Moment) -> str:
    """``Cllr Spoor joined the meeting at 11:15 during item 44/26.``"""
    return f"{name} joined the meeting {moment_text(moment)}."


def departure_text(name: str, moment: Moment) -> str:
    """``Cllr Spoor left the meeting at 12:40 during item 46/26.``"""
    return f"{name} left the meeting {moment_text(moment)}."


def substitute_text(member: str) -> str:
    """Beside a substitute's name in the attendance: ``(substitute for Cllr Hannam)``."""
    return f"substitute for {member}"


def inquorate_text(present: int, quorum: int) -> str:
    """The full version's flag on an item taken with fewer members than the quorum."""
    member = "member" if present == 1 else "members"
    return f"Inquorate: {present} {member} present, quorum {quorum}."


def assurance_text(assurance: Assurance) -> str:
    """``Assurance: partly assured``."""
    return f"Assurance: {assurance.label}"


def assurance_summary(items: Iterable[Item]) -> list[str]:
    """One line per rating used, in the order assured, partly, not: ``Not assured: items 5, 7``."""
    by_rating: dict[Assurance, list[str]] = {a: [] for a in Assurance}
    for item in items:
        if item.assurance is not None:
            by_rating[item.assurance].append(item.number)
    out = []
    for rating, numbers in by_rating.items():
        if numbers:
            word = "item" if len(numbers) == 1 else "items"
            out.append(f"{rating.label.capitalize()}: {word} {_and_list(numbers)}")
    return out
