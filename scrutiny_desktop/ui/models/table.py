"""The part every pane's table model shares: rows in a list, columns with fixed headers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """A table model over ``self._rows``; subclasses set ``headers`` and give the cells."""

    headers: tuple[str, ...] = ()
    _rows: Sequence[object]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return super().headerData(section, orientation, role)

    def row_changed(self, row: int, roles: Sequence[int] = ()) -> None:
        """Every cell of ``row`` changed (for the roles given, or all)."""
        self.dataChanged.emit(
            self.index(row, 0), self.index(row, len(self.headers) - 1), list(roles)
        )
