"""An action's history: where it was raised and every update at every meeting."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.book.register import HistoryEntry

_PLACE_ROLE = int(Qt.ItemDataRole.UserRole) + 7


def action_summary(text: str | None, owners: Sequence[str], raised_at: str) -> str:
    """What the action was: ``Report on knife crime · owner SH/CF · raised at <meeting>``."""
    parts = [text or "(its text is not in this book)"]
    if owners:
        parts.append(f"owner{'s' * (len(owners) > 1)} {'/'.join(owners)}")
    parts.append(f"raised at {raised_at}")
    return " · ".join(parts)


class HistoryDialog(QDialog):
    """A table of history entries; Enter or double-click opens that meeting and item."""

    place_chosen = Signal(int, int)  # meeting id, item id

    def __init__(
        self,
        subject: str,
        entries: Sequence[HistoryEntry],
        titles: dict[int, str],
        parent: QWidget | None = None,
        about: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"History of {subject}")
        self.table = QTableWidget(len(entries), 4)
        self.table.setAccessibleName(f"History of {subject}")
        self.table.setHorizontalHeaderLabels(["Meeting", "", "Status", "Note"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for row, e in enumerate(entries):
            meeting = f"{e.on:%d.%m.%y}  {titles.get(e.meeting_id, '')}".strip()
            cells = (meeting, "raised" if e.raised else "update", e.status.label, e.note or "")
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(_PLACE_ROLE, (e.meeting_id, e.item_id))
                self.table.setItem(row, col, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.about = QLabel(about)
        self.about.setAccessibleName("What the action was")
        self.about.setWordWrap(True)
        self.about.setVisible(bool(about))
        layout.addWidget(self.about)
        layout.addWidget(QLabel(f"{subject}: {len(entries)} entries. Enter opens the meeting."))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(680, 320)
        if entries:
            self.table.setCurrentCell(len(entries) - 1, 0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.table.setFocus()

    def _chosen(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        meeting_id, item_id = item.data(_PLACE_ROLE)
        self.accept()
        self.place_chosen.emit(int(meeting_id), int(item_id))
