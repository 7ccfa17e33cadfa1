"""The minutes' own words, shared by every format: labels, marks, and how times and progress read.

Dates (``long_date``, ``format_due``, ``next_meeting_text``) live in ``domain.dates``, and
the sentences about the record (progress, declarations, votes, exempt items) in
``domain.wording``, which the window uses too; here are the labels and marks only the
outputs print. A format never spells one of these itself, so the PDF, Word, the web page
and the e-mails say the same.
"""

from __future__ import annotations

from scrutiny_desktop.domain.dates import format_due, long_date
from scrutiny_desktop.domain.model import AttendanceStatus, AuditEvent, SignOff
from scrutiny_desktop.domain.wording import (
    ABBREVIATIONS_HEADING,
    NOT_FOR_PUBLICATION,
    RESOLVED,
    clock,
    update_text,
)

# The five columns of the minutes table, in order.
COLUMNS = ("No.", "Matter Raised", "Action", "Owner", "Date for Completion")

# The attendance lists, in the order the minutes print them, with their headings.
ATTENDANCE_GROUPS = (
    (AttendanceStatus.PRESENT, "Present"),
    (AttendanceStatus.APOLOGIES, "Apologies"),
    (AttendanceStatus.IN_ATTENDANCE, "In attendance"),
)

# The web page's headings and the table's caption (the PDF and Word have no need of them).
MINUTES_HEADING = "Minutes"
TABLE_CAPTION = (
    "The minutes item by item: the matter raised, and each action with its owner and date "
    "for completion"
)
DRAFT_NOTICE = "These minutes are a draft: they have not yet been agreed."

PRIVATE_TEXT = "This item was considered in private."
PRIVATE_TITLE = "Considered in private"
PUBLIC_SUMMARY = "Public summary"
ASSURANCE_HEADING = "Assurance"
CHAIR = "(Chair)"
DRAFT = "DRAFT"
AGREED_WITHOUT_RECORD = "These minutes were agreed."


def action_label(ref: str | None, text: str) -> str:
    """``07/15 – text``, or the text alone for an unnumbered action."""
    return f"{ref} – {text}" if ref else text


def subject(meeting_date_text: str, *, public: bool) -> str:
    """The documents' subject: ``Minutes of the meeting held on Thursday 26 February 2015``."""
    text = f"Minutes of the meeting held on {meeting_date_text}"
    return text + " (public version)" if public else text


def agreed(sign_off: SignOff) -> str:
    """``Agreed by LW on 26.03.15`` and the sign-off's note, if any."""
    text = f"Agreed by {sign_off.by} on {format_due(sign_off.on)}"
    return f"{text} – {sign_off.note}" if sign_off.note else text


def fingerprint(value: str) -> str:
    return f"Fingerprint: {value}"


def reopened(event: AuditEvent, agreed: AuditEvent | None) -> str:
    """``Reopened on 20.03.15 by TB: reason (previously agreed by LW on 19.03.15,
    fingerprint …)``: a reopening, and the sign-off before it that it undid."""
    text = f"Reopened on {format_due(event.on)} by {event.by}: {event.reason or ''}"
    if agreed is not None:
        text += f" (previously agreed by {agreed.by} on {format_due(agreed.on)}"
        if agreed.fingerprint:
            text += f", fingerprint {agreed.fingerprint}"
        text += ")"
    return text


def footer(title: str, meeting_date_text: str) -> str:
    """``Force Performance Scrutiny Meeting – Thursday 26 February 2015``."""
    return f"{title} – {meeting_date_text}"


__all__ = [
    "ABBREVIATIONS_HEADING",
    "AGREED_WITHOUT_RECORD",
    "ASSURANCE_HEADING",
    "ATTENDANCE_GROUPS",
    "CHAIR",
    "COLUMNS",
    "DRAFT",
    "DRAFT_NOTICE",
    "MINUTES_HEADING",
    "NOT_FOR_PUBLICATION",
    "PRIVATE_TEXT",
    "PRIVATE_TITLE",
    "PUBLIC_SUMMARY",
    "RESOLVED",
    "TABLE_CAPTION",
    "action_label",
    "agreed",
    "clock",
    "fingerprint",
    "footer",
    "long_date",
    "reopened",
    "subject",
    "update_text",
]
