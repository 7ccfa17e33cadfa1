"""The meeting picker's list: one row per meeting, newest first, formatted only when shown."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from scrutiny_desktop.domain.model import Meeting, MeetingListing

Index = QModelIndex | QPersistentModelIndex


def listing_text(m: MeetingListing) -> str:
    mark = "  (signed off)" if m.is_signed_off else ""
    return f"{m.date:%d.%m.%Y}  {m.title}{mark}"


class MeetingListModel(QAbstractListModel):
    """Rows of ``Book.meeting_list()``; the meeting id is each row's ``UserRole`` data.

    A model rather than ``QComboBox.addItem`` per meeting: a book of 5,000 meetings is
    listed in one reset, and a row's text is made only when the picker shows it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[MeetingListing] = []
        self._row_of: dict[int, int] = {}

    def reset(self, rows: list[MeetingListing]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._row_of = {m.id: i for i, m in enumerate(rows)}
        self.endResetModel()

    def row_of(self, meeting_id: int | None) -> int:
        """The row listing ``meeting_id``, or -1."""
        return -1 if meeting_id is None else self._row_of.get(meeting_id, -1)

    def update(self, meeting: Meeting) -> None:
        """Show a changed header (title, date, signed off) in its row, if listed."""
        row = self.row_of(meeting.id)
        if row < 0 or meeting.id is None:
            return
        self._rows[row] = MeetingListing(
            meeting.id, meeting.date, meeting.title, meeting.is_signed_off
        )
        index = self.index(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return listing_text(m)
        if role == Qt.ItemDataRole.UserRole:
            return m.id
        return None
