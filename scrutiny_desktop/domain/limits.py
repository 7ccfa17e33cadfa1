"""How long a piece of text may be: far above any real minutes, low enough that every
output stays quick.

A title of ten megabytes once imported and then its PDF never finished. Each limit
below is hundreds of times what real minutes need (the reference meeting's longest
paragraph is under 700 characters, its longest title under 60), and the PDF, Word and
web exports take time in proportion to text within them. Import and typing refuse
longer text with a message naming where it is; nothing shorter is ever refused.
"""

from __future__ import annotations

from scrutiny_desktop.domain.model import Meeting, Minutes, Paragraph, Person

TITLE = 1_000  # meeting and item titles, series, venue, classification
NAME = 1_000  # a person's name, role, organisation, e-mail address
TEXT = 20_000  # an action, a note, an interest, a resolution, a public summary
PARAGRAPH = 100_000  # one paragraph of the minutes


class LimitExceeded(ValueError):
    """Text over its limit; the message says what, where and the limit."""


def check(text: str | None, limit: int, what: str) -> None:
    """Raise ``LimitExceeded`` when ``text`` is longer than ``limit`` characters."""
    if text is not None and len(text) > limit:
        raise LimitExceeded(
            f"{what} is {len(text):,} characters long; the most a book keeps is {limit:,}"
        )


def check_meeting(m: Meeting) -> None:
    for value, what in (
        (m.title, "the meeting's title"),
        (m.series, "the series"),
        (m.venue, "the venue"),
        (m.classification, "the classification"),
        (m.next_meeting.venue if m.next_meeting else None, "the next meeting's venue"),
    ):
        check(value, TITLE, what)
    if m.signed_off is not None:
        check(m.signed_off.note, TEXT, "the sign-off note")


def check_person(p: Person) -> None:
    for value, what in (
        (p.name, "name"),
        (p.role, "role"),
        (p.organisation, "organisation"),
        (p.email, "e-mail address"),
    ):
        check(value, NAME, f"the {what} of {p.initials}")


def check_body(body: tuple[Paragraph, ...] | list[Paragraph], where: str) -> None:
    for n, p in enumerate(body, start=1):
        check(p.text, TITLE if p.heading else PARAGRAPH, f"paragraph {n} of {where}")


def check_minutes(minutes: Minutes) -> None:
    """Every text of a whole meeting (an import) against its limit."""
    check_meeting(minutes.meeting)
    for p in minutes.people:
        check_person(p)
    for a in minutes.attendance:
        check(a.note, TEXT, f"the attendance note of {a.initials}")
    for item in minutes.items:
        where = f"item {item.number}"
        check(item.number, TITLE, f"the number of {where}")
        check(item.title, TITLE, f"the title of {where}")
        check(item.public_summary, TEXT, f"the public summary of {where}")
        check_body(item.body, where)
        for action in item.actions:
            check(action.text, TEXT, f"an action of {where}")
            check(action.due_text, TITLE, f"a due date of {where}")
        for u in item.updates:
            check(u.note, TEXT, f"an update's note in {where}")
            check(u.text, TEXT, f"an update's action in {where}")
        for d in item.declarations:
            check(d.interest, TEXT, f"a declaration in {where}")
        for r in item.resolutions:
            check(r.text, TEXT, f"a resolution of {where}")
    for e in minutes.audit:
        check(e.by, NAME, "the audit")
        check(e.reason, TEXT, "a reason in the audit")
