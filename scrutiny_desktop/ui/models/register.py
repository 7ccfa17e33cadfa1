"""The action register as a table: every action of a series across meetings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from scrutiny_desktop.domain.carry import Tracked
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.models.table import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
REF, TEXT, OWNERS, DUE, STATUS, RAISED, LAST = range(7)
HEADERS = ("Ref", "Action", "Owners", "Due", "Status", "Raised", "Last update")
PLACE_ROLE = int(Qt.ItemDataRole.UserRole) + 11
"""(meeting id, item id) where the row's action was raised (or last reported on)."""


def _d(d: date | None) -> str:
    return f"{d:%d.%m.%y}" if d else ""


class RegisterModel(RowsTableModel):
    """Read-only rows of ``Tracked``; overdue rows say so in words and in colour."""

    headers = HEADERS

    def __init__(self, today: Callable[[], date]) -> None:
        super().__init__()
        self._today = today
        self._rows: list[Tracked] = []
        self._overdue: list[bool] = []

    def set_rows(self, rows: Sequence[Tracked]) -> None:
        self.beginResetModel()
        today = self._today()
        self._rows = list(rows)
        self._overdue = [t.is_overdue(today) for t in self._rows]
        self.endResetModel()

    def tracked(self, row: int) -> Tracked:
        return self._rows[row]

    def rows(self) -> list[Tracked]:
        return list(self._rows)

    @property
    def overdue_count(self) -> int:
        return sum(self._overdue)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t, overdue, col = self._rows[index.row()], self._overdue[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(t, overdue, col)
        if role == PLACE_ROLE:
            return t.place
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(theme.overdue_background())
        if role == Qt.ItemDataRole.FontRole and col == TEXT and t.text is None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue:
                return QBrush(theme.overdue_text())
            if t.is_done or (col == TEXT and t.text is None):
                return QBrush(theme.muted_text())
        if role == Qt.ItemDataRole.ToolTipRole:
            latest = t.latest
            note = f"\nLatest note: {latest.note}" if latest and latest.note else ""
            late = f"\nOverdue: due {_d(t.due)}" if overdue else ""
            return f"{t.ref or 'Unnumbered'} — {t.text or '(raised before this book)'}{late}{note}"
        return None

    @staticmethod
    def _text(t: Tracked, overdue: bool, col: int) -> str:
        if col == REF:
            return str(t.ref) if t.ref else "—"
        if col == TEXT:
            return t.text or "(raised before this book)"
        if col == OWNERS:
            return "/".join(t.owners)
        if col == DUE:
            return _d(t.due) if t.due else (t.due_text or "")
        if col == STATUS:
            return f"OVERDUE · {t.status.label}" if overdue else t.status.label
        if col == RAISED:
            return _d(t.raised_on)
        if col == LAST:
            return _d(t.last_update_on)
        return ""
