"""Rows of the decisions register and the declarations register (across meetings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scrutiny_desktop.domain.model import Declaration, Resolution


@dataclass(frozen=True, slots=True)
class Decision:
    """One resolution where it was made: the series' decisions register.

    ``restricted``: the resolution, or the item it was made at, is not for publication.
    """

    resolution: Resolution
    series: str | None
    meeting_id: int
    meeting_date: date
    item_id: int
    item_number: str
    item_title: str
    restricted: bool

    def matches(self, words: str | None) -> bool:
        """Every word appears in the resolution, the item's title or number."""
        if not words:
            return True
        hay = f"{self.resolution.text} {self.item_title} {self.item_number}".casefold()
        return all(w in hay for w in words.casefold().split())


@dataclass(frozen=True, slots=True)
class DeclaredInterest:
    """One declaration where it was made: a person's declarations register."""

    declaration: Declaration
    name: str
    series: str | None
    meeting_id: int
    meeting_date: date
    item_id: int
    item_number: str
    item_title: str
    item_restricted: bool
