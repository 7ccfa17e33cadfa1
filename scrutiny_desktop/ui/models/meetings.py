"""The meeting picker's list: one row per meeting, newest first, formatted only when shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from scrutiny_desktop.domain.model import Meeting, MeetingListing

Index = QModelIndex | QPersistentModelIndex
ReadPage = Callable[[int, int], list[MeetingListing]]  # (limit, offset) -> that page


def listing_text(m: MeetingListing) -> str:
    mark = "  (signed off)" if m.is_signed_off else ""
    return f"{m.date:%d.%m.%Y}  {m.title}{mark}"


class MeetingListModel(QAbstractListModel):
    """Rows of ``Book.meeting_list()``; the meeting id is each row's ``UserRole`` data.

    A model rather than ``QComboBox.addItem`` per meeting, read a page at a time: the
    first screen shows one meeting, so a book of 5,000 lists ``PAGE`` of them at first
    and the rest as the picker's list is scrolled to them (``fetchMore``) or a meeting
    further back is asked for (``row_of``). A row's text is made only when shown.
    """

    PAGE = 200

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[MeetingListing] = []
        self._row_of: dict[int, int] = {}
        self._read: ReadPage | None = None
        self._more = False

    def reset(self, read: ReadPage | None) -> None:
        """List what ``read(limit, offset)`` gives (``Book.meeting_list``), or nothing."""
        self.beginResetModel()
        self._rows, self._row_of = [], {}
        self._read, self._more = read, read is not None
        self._append(self._next_page())
        self.endResetModel()

    def latest(self) -> int | None:
        """The newest meeting's id, or None in a book without meetings."""
        return self._rows[0].id if self._rows else None

    def row_of(self, meeting_id: int | None) -> int:
        """The row listing ``meeting_id`` (reading further back if need be), or -1."""
        if meeting_id is None:
            return -1
        while meeting_id not in self._row_of and self._more:
            self.fetchMore(QModelIndex())
        return self._row_of.get(meeting_id, -1)

    def fetch_all(self) -> None:
        """List every meeting (the picker has the keyboard: Down or End may go anywhere)."""
        while self._more:
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        page = self._next_page()
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._append(page)
            self.endInsertRows()

    def _next_page(self) -> list[MeetingListing]:
        if self._read is None or not self._more:
            return []
        page = self._read(self.PAGE, len(self._rows))
        self._more = len(page) == self.PAGE
        return page

    def _append(self, page: list[MeetingListing]) -> None:
        start = len(self._rows)
        self._rows += page
        self._row_of.update((m.id, start + i) for i, m in enumerate(page))

    def update(self, meeting: Meeting) -> bool:
        """Show a changed header (title, signed off) in its row, if listed.

        False when its date changed: its place in the list may have, and with it the
        pages still to read; the list is then to be read again (``reset``).
        """
        if meeting.id is None or (row := self._row_of.get(meeting.id, -1)) < 0:
            return True
        if self._rows[row].date != meeting.date:
            return False
        self._rows[row] = MeetingListing(
            meeting.id, meeting.date, meeting.title, meeting.is_signed_off
        )
        index = self.index(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True

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
