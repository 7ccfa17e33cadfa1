"""The meeting header (title, date, times, venue, classification, next meeting)."""

from __future__ import annotations

from scrutiny_desktop.domain.model import Meeting
from scrutiny_desktop.ui.commands.base import BookCommand
from scrutiny_desktop.ui.session import BookSession


class EditHeader(BookCommand):
    """Replace the meeting header; undo puts the old one back."""

    def __init__(self, session: BookSession, old: Meeting, new: Meeting) -> None:
        super().__init__("Edit meeting header")
        self._session, self._old, self._new = session, old, new

    def do(self) -> None:
        self._put(self._new)

    def undo_it(self) -> None:
        self._put(self._old)

    def _put(self, meeting: Meeting) -> None:
        book = self._session.book
        if self._session.keep(("meeting", meeting.id), book.update_meeting, meeting):
            self._session.reload_header()
        else:
            self._session.show_header(meeting)  # kept until the book takes writes again
