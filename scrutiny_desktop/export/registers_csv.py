"""The decisions register and the declarations register as CSV (and terminal tables).

Like the action register, each takes the full register (restricted rows marked) or its
public version (``domain.public.public_decisions`` / ``public_declarations``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from scrutiny_desktop.domain.registers import Decision, DeclaredInterest
from scrutiny_desktop.domain.wording import RESOLVED, vote_text
from scrutiny_desktop.export.csv_export import csv_text

DECISIONS_HEADER = ("Series", "Meeting", "Item", "Item title", "Resolution", "Vote", "Restricted")
DECLARATIONS_HEADER = (
    "Initials",
    "Name",
    "Meeting",
    "Item",
    "Item title",
    "Kind",
    "Interest",
    "Left the room",
)


def decision_row(d: Decision) -> tuple[str, ...]:
    vote = d.resolution.vote
    return (
        d.series or "",
        d.meeting_date.isoformat(),
        d.item_number,
        d.item_title,
        f"{RESOLVED}: {d.resolution.text}",
        vote_text(vote, lambda i: i) if vote is not None else "",
        "yes" if d.restricted else "",
    )


def declaration_row(d: DeclaredInterest) -> tuple[str, ...]:
    x = d.declaration
    return (
        x.initials,
        d.name,
        d.meeting_date.isoformat(),
        d.item_number,
        d.item_title,
        x.kind.label,
        x.interest,
        "yes" if x.left_room else "",
    )


def decisions_csv_text(decisions: Iterable[Decision]) -> str:
    return csv_text(DECISIONS_HEADER, (decision_row(d) for d in decisions))


def declarations_csv_text(declared: Iterable[DeclaredInterest]) -> str:
    return csv_text(DECLARATIONS_HEADER, (declaration_row(d) for d in declared))


def table(header: Sequence[str], rows: Iterable[Sequence[str]], *, last_free: bool = True) -> str:
    """An aligned text table for a terminal; the last column runs on unaligned."""
    all_rows = [tuple(header), *(tuple(r) for r in rows)]
    if not last_free:
        all_rows = [(*r, "") for r in all_rows]
    widths = [max(len(r[i]) for r in all_rows) for i in range(len(all_rows[0]) - 1)]
    return "".join(
        "  ".join(c.ljust(w) for c, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1] + "\n"
        for r in all_rows
    )
