"""Due dates as a minute-taker types them: ``12.03.15``, ``12/3``, ``12 Mar``, ``2015-03-12``.

Day first, as in the UK. A date without a year takes the year that puts it nearest
after the meeting (a date up to 60 days before the meeting is read as this year).
The result is either a date or a refusal that says what was wrong; never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from scrutiny_desktop.domain.model import NextMeeting

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{2}|\d{4}))?$")
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d{2}|\d{4}))?$")
_NEXT_MEETING = re.compile(r"^(?:at\s+)?(?:the\s+)?next\s+meeting$")
_PAST_SLACK = timedelta(days=60)


@dataclass(frozen=True, slots=True)
class DueParse:
    """What a typed due date means: ``value`` when it parsed, else ``error`` says why."""

    text: str
    value: date | None = None
    error: str | None = None
    next_meeting: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


def parse_due(text: str, *, today: date, next_meeting: date | None = None) -> DueParse:
    """Parse a typed due date relative to ``today`` (the meeting date).

    An empty entry is a valid "no due date" (value None, no error).
    """
    raw = text
    s = " ".join(text.strip().lower().split())
    if not s:
        return DueParse(raw)
    if _NEXT_MEETING.match(s):
        if next_meeting is None:
            return DueParse(raw, error="no next meeting is set in the meeting header")
        return DueParse(raw, value=next_meeting, next_meeting=True)
    if m := _ISO.match(s):
        return _build(raw, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _NUMERIC.match(s):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if year is None:
            return _yearless(raw, day, month, today)
        return _build(raw, _full_year(year), month, day)
    if m := _WORDS.match(s):
        month_no = MONTHS.get(m.group(2))
        if month_no is None:
            return DueParse(raw, error=f"{m.group(2)!r} is not a month")
        if m.group(3) is None:
            return _yearless(raw, int(m.group(1)), month_no, today)
        return _build(raw, _full_year(m.group(3)), month_no, int(m.group(1)))
    return DueParse(
        raw, error="not a date: type e.g. 12.03.15, 12/3, 12 Mar, 2015-03-12 or next meeting"
    )


def format_due(d: date) -> str:
    """Dates as the minutes print them: ``12.03.15``."""
    return d.strftime("%d.%m.%y")


def _full_year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _build(raw: str, year: int, month: int, day: int) -> DueParse:
    try:
        return DueParse(raw, value=date(year, month, day))
    except ValueError:
        return DueParse(raw, error=f"there is no day {day:02d}.{month:02d}.{year}")


def _yearless(raw: str, day: int, month: int, today: date) -> DueParse:
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today - _PAST_SLACK:
            return DueParse(raw, value=candidate)
    return DueParse(raw, error=f"there is no day {day:02d}.{month:02d} near {today:%d.%m.%Y}")


_TIME = re.compile(r"^(\d{1,2})(?:\s*[:.]?\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")
_TIME_WORDS = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}


def parse_time(text: str) -> time | None:
    """A time as a minute-taker types it: ``14:00``, ``1400``, ``14.00``, ``2pm``, ``2 pm``,
    ``2.30pm``, ``9`` (09:00), ``noon``; empty is None. ValueError says what was wrong."""
    s = " ".join(text.strip().lower().split())
    if not s:
        return None
    if s in _TIME_WORDS:
        return _TIME_WORDS[s]
    m = _TIME.match(s)
    if m is None:
        raise ValueError(f"{text.strip()!r} is not a time: type e.g. 14:00, 2pm or 2.30pm")
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if half is not None:
        if not 1 <= hour <= 12:
            raise ValueError(f"{text.strip()!r} is not a time: 1 to 12 before am or pm")
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{text.strip()!r} is not a time of day: type e.g. 14:00 or 2pm")
    return time(hour, minute)


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(d: date) -> str:
    """``Thursday 26 February 2015``, in English whatever the process locale (Qt sets it)."""
    return f"{_DAYS[d.weekday()]} {d.day} {_MONTH_NAMES[d.month - 1]} {d.year}"


def next_meeting_text(nm: NextMeeting) -> str:
    """``Thursday 26 March 2015 09:00–11:00, OPCC Conference room`` (PDF and window alike)."""
    text = long_date(nm.date)
    if nm.start is not None:
        text += f" {nm.start:%H:%M}"
        if nm.end is not None:
            text += f"–{nm.end:%H:%M}"
    if nm.venue:
        text += f", {nm.venue}"
    return text
