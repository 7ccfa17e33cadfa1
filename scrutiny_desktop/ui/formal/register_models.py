"""The decisions register and a person's declarations register as read-only tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from scrutiny_desktop.domain.registers import Decision, DeclaredInterest
from scrutiny_desktop.domain.wording import vote_text
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.models.table import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
PLACE_ROLE = int(Qt.ItemDataRole.UserRole) + 12
"""(meeting id, item id) where the row's resolution or declaration was made."""


def _d(d: date) -> str:
    return f"{d:%d.%m.%y}"


class DecisionsModel(RowsTableModel):
    """Every resolution of a series, newest meeting first; restricted ones marked."""

    headers = ("Meeting", "Item", "Item title", "Resolution", "Vote", "Restricted")
    MEETING, ITEM, TITLE, RESOLUTION, VOTE, RESTRICTED = range(6)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Decision] = []

    def set_rows(self, rows: Sequence[Decision]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Decision]:
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                _d(d.meeting_date),
                d.item_number,
                d.item_title,
                d.resolution.text,
                "" if d.resolution.vote is None else vote_text(d.resolution.vote, lambda i: i),
                "restricted" if d.restricted else "",
            )[col]
        if role == PLACE_ROLE:
            return (d.meeting_id, d.item_id)
        if role == Qt.ItemDataRole.BackgroundRole and d.restricted:
            return QBrush(theme.restricted_tint())
        if role == Qt.ItemDataRole.ToolTipRole:
            note = " — restricted: left out of the public register" if d.restricted else ""
            return f"RESOLVED: {d.resolution.text}{note}"
        return None


class DeclaredModel(RowsTableModel):
    """Every interest declared (by one person, or by anyone), newest meeting first."""

    headers = ("Meeting", "Item", "Item title", "Member", "Kind", "Interest", "Left")
    MEETING, ITEM, TITLE, MEMBER, KIND, INTEREST, LEFT = range(7)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[DeclaredInterest] = []

    def set_rows(self, rows: Sequence[DeclaredInterest]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[DeclaredInterest]:
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        x = r.declaration
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                _d(r.meeting_date),
                r.item_number,
                r.item_title,
                f"{x.initials} · {r.name}" if r.name != x.initials else x.initials,
                x.kind.label,
                x.interest,
                "left the room" if x.left_room else "",
            )[col]
        if role == PLACE_ROLE:
            return (r.meeting_id, r.item_id)
        if role == Qt.ItemDataRole.BackgroundRole and r.item_restricted:
            return QBrush(theme.restricted_tint())
        if role == Qt.ItemDataRole.ToolTipRole and r.item_restricted:
            return "Declared at an item taken in private: left out of the public register"
        return None
