"""The agenda: a meeting's numbered items."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from scrutiny_desktop.domain.model import Item, ItemKind
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.models import ID_ROLE
from scrutiny_desktop.ui.session import BookSession

if TYPE_CHECKING:
    from scrutiny_desktop.book.content import DeletedItem

Index = QModelIndex | QPersistentModelIndex
_SHOWN = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole]


_ANSWERED = frozenset(
    {
        ID_ROLE,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)
"""The roles ``data`` gives: a view asks for a dozen per cell as it paints (the first
screen's tables about 1,600 times), and the others are answered at once."""


class ItemsModel(QAbstractListModel):
    """One row per item: "3. Monthly Force Performance Reports". Editing renames."""

    item_touched = Signal(int)
    item_restored = Signal(int)
    """An item's own fields were put back by undo or redo (its id)."""
    """An item was added, restored or changed: the agenda shows it."""
    edited = Signal(object, object)
    """An item's title was typed over in the list: (the item before, after)."""

    def __init__(self, session: BookSession) -> None:
        super().__init__()
        self._session = session
        self._items: list[Item] = []
        self._inquorate: frozenset[int] = frozenset()

    # ------------------------------------------------------------ reading

    def set_inquorate(self, item_ids: frozenset[int]) -> None:
        """Mark the items taken with fewer members in the room than the quorum."""
        if item_ids != self._inquorate:
            self._inquorate = item_ids
            if self._items:
                self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def load(self) -> None:
        self.beginResetModel()
        mid = self._session.meeting_id
        self._items = [] if mid is None else self._session.book.items(mid)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            marks = ""
            if item.kind is ItemKind.NEXT_MEETING:
                marks += "  [next meeting]"
            if item.restricted:
                marks += "  [restricted]"
            if item.id in self._inquorate:
                marks += "  [inquorate]"
            return f"{item.number}. {item.title or '(untitled)'}{marks}"
        if role == Qt.ItemDataRole.EditRole:
            return item.title
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            note = " — restricted: left out of the public minutes" if item.restricted else ""
            if item.id in self._inquorate:
                note += " — taken with fewer members present than the quorum"
            return f"Item {item.number}: {item.title}{note}"
        if role == Qt.ItemDataRole.BackgroundRole and item.restricted:
            return QBrush(theme.restricted_tint())
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self._session.editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self._items[index.row()]
        title = str(value).strip()
        if title != item.title:
            self.edited.emit(item, replace(item, title=title))
        return True

    def row_of(self, item_id: int) -> int | None:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return None

    def item(self, item_id: int) -> Item | None:
        row = self.row_of(item_id)
        return None if row is None else self._items[row]

    def items(self) -> list[Item]:
        return list(self._items)

    # ------------------------------------------------------------ changing (from commands)

    def _reread(self) -> None:
        mid = self._session.meeting_id
        self._items = [] if mid is None else self._session.book.items(mid)

    def _numbers_changed(self) -> None:
        if self._items:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._items) - 1), [Qt.ItemDataRole.DisplayRole]
            )

    def add(self, title: str, kind: ItemKind, position: int) -> Item:
        mid = self._session.meeting_id
        assert mid is not None
        new = self._session.write(
            self._session.book.add_item, mid, title, kind=kind, position=position
        )
        assert new.id is not None
        self._inserted(position, new.id)
        return new

    def restore(self, deleted: DeletedItem) -> None:
        mid = self._session.meeting_id
        assert mid is not None and deleted.item.id is not None
        self._session.write(self._session.book.restore_item, mid, deleted)
        self._inserted(deleted.position, deleted.item.id)

    def _inserted(self, position: int, item_id: int) -> None:
        # Rows move first with their old numbers, then the numbers change: views (and the
        # model tester) see a clean insert followed by a dataChanged.
        row = min(position, len(self._items))
        fresh = self._session.book.item(item_id)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, replace(fresh, body=(), actions=(), updates=()))
        self.endInsertRows()
        self._reread()
        self._numbers_changed()
        self.item_touched.emit(item_id)

    def delete(self, item_id: int) -> DeletedItem:
        deleted = self._session.write(self._session.book.delete_item, item_id)
        row = self.row_of(item_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()
        self._reread()
        self._numbers_changed()
        return deleted

    def move(self, item_id: int, position: int) -> None:
        row = self.row_of(item_id)
        assert row is not None
        position = max(0, min(position, len(self._items) - 1))
        if position == row:
            return
        self._session.write(self._session.book.move_item, item_id, position)
        dest = position + 1 if position > row else position
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self._items.insert(position, self._items.pop(row))
        self.endMoveRows()
        self._reread()
        self._numbers_changed()
        self.item_touched.emit(item_id)

    def put(self, item: Item, *, reveal: bool = True, restored: bool = False) -> None:
        """Write an item's own fields (title, kind, restricted, time, 12A, summary,
        assurance); the agenda goes to the item unless ``reveal`` is False. ``restored``:
        an undo or redo put them back, and fields being typed show them."""
        assert item.id is not None
        self._session.keep(("item", item.id), self._session.book.update_item, item)
        row = self.row_of(item.id)
        if row is None:
            return
        self._items[row] = replace(item, number=self._items[row].number)  # every own field
        if reveal:
            self.item_touched.emit(item.id)
        if restored:
            self.item_restored.emit(item.id)
        idx = self.index(row)
        self.dataChanged.emit(idx, idx, [*_SHOWN, Qt.ItemDataRole.BackgroundRole])
