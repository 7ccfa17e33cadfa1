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
        self._session.write(self._session.book.update_meeting, self._new)
        self._session.reload_header()

    def undo_it(self) -> None:
        self._session.write(self._session.book.update_meeting, self._old)
        self._session.reload_header()
