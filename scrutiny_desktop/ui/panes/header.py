"""The meeting header dialog: title, series, date, times, venue, classification, next meeting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.domain.dates import parse_due, parse_time
from scrutiny_desktop.domain.model import Meeting, NextMeeting
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.dialog_buttons import ok_cancel

FIELDS = (
    ("title", "Title"),
    ("series", "Series"),
    ("date", "Date"),
    ("start", "Start time"),
    ("end", "End time"),
    ("venue", "Venue"),
    ("classification", "Classification"),
    ("next_date", "Next meeting date"),
    ("next_start", "Next meeting start"),
    ("next_end", "Next meeting end"),
    ("next_venue", "Next meeting venue"),
)
LABELS = dict(FIELDS)
WIDE_CHARS = 64  # the long fields show about this many characters
T = TypeVar("T")


class FieldError(ValueError):
    """A header field that does not read: ``key`` names it, the message says why."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def parse_day(text: str, today: date) -> date:
    parsed = parse_due(text, today=today)
    if parsed.value is None:
        raise ValueError(parsed.error or "type a date, e.g. 26.02.15")
    return parsed.value


class HeaderDialog(QDialog):
    """Edit a meeting header; ``meeting()`` gives the result after it is accepted."""

    def __init__(
        self, meeting: Meeting, parent: QWidget | None = None, *, new: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New meeting" if new else "Meeting header")
        self._meeting = meeting
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        nxt = meeting.next_meeting
        values = {
            "title": meeting.title,
            "series": meeting.series or "",
            "date": meeting.date.strftime("%d.%m.%Y"),
            "start": f"{meeting.start:%H:%M}" if meeting.start else "",
            "end": f"{meeting.end:%H:%M}" if meeting.end else "",
            "venue": meeting.venue or "",
            "classification": meeting.classification or "",
            "next_date": nxt.date.strftime("%d.%m.%Y") if nxt else "",
            "next_start": f"{nxt.start:%H:%M}" if nxt and nxt.start else "",
            "next_end": f"{nxt.end:%H:%M}" if nxt and nxt.end else "",
            "next_venue": (nxt.venue or "") if nxt else "",
        }
        # Room for a whole title or venue as typed ("Council Chamber, County Hall, Hertford"):
        # found live, 125 pixels showed a third of one.
        wide = self.fontMetrics().averageCharWidth() * WIDE_CHARS
        for key, label in FIELDS:
            edit = QLineEdit(values[key])
            edit.setAccessibleName(label)
            if key in ("title", "series", "venue", "next_venue"):
                edit.setMinimumWidth(wide)
            self.edits[key] = edit
            form.addRow(label, edit)
        self.edits["classification"].setPlaceholderText("e.g. OFFICIAL-SENSITIVE")
        self.edits["date"].setPlaceholderText("e.g. 26.02.15")
        for key in ("start", "end", "next_start", "next_end"):
            self.edits[key].setPlaceholderText("e.g. 14:00 or 2pm")
        self.error = QLabel()
        self.error.setStyleSheet(theme.error_style())
        self.error.setAccessibleName("Header error")
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.edits["title"].setFocus()
        self.edits["title"].selectAll()
        self._result: Meeting | None = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.edits["title"].setFocus()

    def _field(self, key: str, parse: Callable[[str], T]) -> T:
        """``parse`` the text of field ``key``; a FieldError names the field."""
        try:
            return parse(self.edits[key].text().strip())
        except ValueError as e:
            raise FieldError(key, f"{LABELS[key]}: {e}") from None

    def _read(self) -> Meeting:
        text = {k: e.text().strip() for k, e in self.edits.items()}
        if not text["title"]:
            raise FieldError("title", "Title: the meeting needs a title")
        day = self._field("date", lambda t: parse_day(t, date.today()))
        nxt = None
        if text["next_date"]:
            nxt = NextMeeting(
                date=self._field("next_date", lambda t: parse_day(t, day)),
                start=self._field("next_start", parse_time),
                end=self._field("next_end", parse_time),
                venue=text["next_venue"] or None,
            )
        # What the dialog does not show (the status, the quorum, ...) stays as it was.
        return replace(
            self._meeting,
            title=text["title"],
            date=day,
            series=text["series"] or None,
            start=self._field("start", parse_time),
            end=self._field("end", parse_time),
            venue=text["venue"] or None,
            classification=text["classification"] or None,
            next_meeting=nxt,
        )

    def accept(self) -> None:
        try:
            self._result = self._read()
        except FieldError as e:
            # Say which field, and put the cursor in it to be typed over.
            self.error.setText(str(e))
            edit = self.edits[e.key]
            edit.setFocus()
            edit.selectAll()
            return
        super().accept()

    def meeting(self) -> Meeting | None:
        return self._result
