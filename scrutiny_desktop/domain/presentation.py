"""What the book adds to a meeting's record when it is printed: presentation, not content.

The record (``domain.record``) is what the minutes say; these are choices about how they
are shown that live with the series or the book: whether the series prints the time the
meeting reached each item, and the book's glossary of abbreviations (the outputs end with
those the minutes use).
"""

from __future__ import annotations

from dataclasses import dataclass

from scrutiny_desktop.writing.glossary import GlossaryEntry


@dataclass(frozen=True, slots=True)
class Presentation:
    """How one meeting's minutes are shown (the defaults print the record as it is)."""

    item_times: bool = False
    glossary: tuple[GlossaryEntry, ...] = ()
