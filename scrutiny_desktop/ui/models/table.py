"""The part every pane's table model shares: rows in a list, columns with fixed headers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

if TYPE_CHECKING:
    from scrutiny_desktop.ui.session import BookSession

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole


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
        if role != _DISPLAY:
            return None  # as QAbstractItemModel's: asked a dozen times a column as it paints
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return super().headerData(section, orientation, role)

    def row_changed(self, row: int, roles: Sequence[int] = ()) -> None:
        """Every cell of ``row`` changed (for the roles given, or all)."""
        self.dataChanged.emit(
            self.index(row, 0), self.index(row, len(self.headers) - 1), list(roles)
        )


class ItemRowsModel(RowsTableModel):
    """Rows that belong to one agenda item: its actions, or its matters-arising updates."""

    item_touched = Signal(int)
    """A command changes an item that is not shown: the window shows it first."""
    edited = Signal(int, object, object)
    """A cell was typed in: (item id, the row's object before, after). The model only
    validates; the controller makes the undo command that writes it."""

    read_only_columns: tuple[int, ...] = ()
    """Columns never typed into; the others are while the meeting is a draft."""

    def __init__(self, session: BookSession) -> None:
        super().__init__()
        self._session = session
        self._item_id: int | None = None
        self._rows = []

    @property
    def item_id(self) -> int | None:
        return self._item_id

    def load(self, item_id: int | None) -> None:
        self.beginResetModel()
        self._item_id = item_id
        self._rows = [] if item_id is None else self._fetch(item_id)
        self.endResetModel()

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if (
            index.isValid()
            and index.column() not in self.read_only_columns
            and self._session.editable
        ):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def _fetch(self, item_id: int) -> list[Any]:
        """The item's rows, read from the book."""
        raise NotImplementedError
