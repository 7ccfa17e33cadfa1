"""The meeting picker: a drop-down of the book's meetings, newest first."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget

from scrutiny_desktop.ui.models.meetings import MeetingListModel


class MeetingPicker(QComboBox):
    """Picks a meeting from ``model``, which reads the list a page at a time.

    Before a key, the wheel or its list could go past the page read so far (End, Down,
    typing a date), every meeting is listed: the person can reach any of them.
    """

    def __init__(self, model: MeetingListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Meeting")
        self.setMinimumContentsLength(36)
        # Sized by that, not by measuring every meeting's text (5,000 of them) on first show.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._meetings = model
        self.setModel(model)

    def showPopup(self) -> None:
        self._meetings.fetch_all()
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._meetings.fetch_all()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._meetings.fetch_all()
        super().wheelEvent(event)
