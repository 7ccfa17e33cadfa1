"""Times of day as a minute-taker types them within a meeting: ``10.20``, ``10:20``, ``1020``."""

from __future__ import annotations

from datetime import datetime, time

from scrutiny_desktop.domain.dates import parse_time


def parse_clock(text: str) -> time | None:
    """``10.20``, ``10:20``, ``1020`` or ``10`` -> 10:20 (or 10:00); empty -> None;
    ValueError with a sentence otherwise. The header's rule (``domain.dates.parse_time``),
    with an out-of-range time said plainly."""
    try:
        return parse_time(text)
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a time of day: type e.g. 10:20") from None


def minute_of(now: datetime) -> time:
    """The clock time to the minute (what the minutes print)."""
    return time(now.hour, now.minute)
