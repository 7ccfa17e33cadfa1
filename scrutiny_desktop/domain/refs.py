"""Action references (``NN/YY``) and the rule that numbers them per series and action year."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

_REF = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{2})\s*$")


@dataclass(frozen=True, slots=True, order=True)
class ActionRef:
    """``07/15``: the 7th action of the action year that is labelled 15.

    Ordered by year then number, which is the order the actions were raised
    (within one century, which is all a minute book will ever see).
    """

    year: int  # two digits, 0..99
    number: int

    def __post_init__(self) -> None:
        if not 0 <= self.year <= 99:
            raise ValueError(f"action year must be two digits, got {self.year}")
        if not 1 <= self.number <= 9999:
            raise ValueError(f"action number must be 1..9999, got {self.number}")

    def __str__(self) -> str:
        return f"{self.number:02d}/{self.year:02d}"

    @classmethod
    def parse(cls, text: str) -> ActionRef:
        """Read ``07/15`` (or ``7/15``); raise ValueError naming the text otherwise."""
        m = _REF.match(text)
        if not m:
            raise ValueError(f"{text!r} is not an action reference (NN/YY)")
        return cls(year=int(m.group(2)), number=int(m.group(1)))


def action_year(on: date, year_start_month: int = 1) -> int:
    """The two-digit label of the action year that ``on`` falls in.

    A series whose action year starts in April labels April 2015 to March 2016 as 15.
    """
    if not 1 <= year_start_month <= 12:
        raise ValueError(f"year_start_month must be 1..12, got {year_start_month}")
    year = on.year if on.month >= year_start_month else on.year - 1
    return year % 100


def next_ref(
    existing: Iterable[ActionRef], on: date, year_start_month: int = 1, *, last_issued: int = 0
) -> ActionRef:
    """The reference for a new action raised on ``on``.

    Numbers run on from the highest reference of that action year, or from
    ``last_issued`` (the highest ever handed out, kept by the book) when that is
    higher, so a deleted action's number is never handed out again.
    """
    year = action_year(on, year_start_month)
    highest = max((r.number for r in existing if r.year == year), default=0)
    return ActionRef(year=year, number=max(highest, last_issued) + 1)
