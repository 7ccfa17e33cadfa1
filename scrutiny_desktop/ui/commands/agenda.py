"""Adding, renaming, flagging, moving and deleting agenda items."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from scrutiny_desktop.domain.model import Item, ItemKind
from scrutiny_desktop.ui.commands.base import BookCommand

if TYPE_CHECKING:
    from scrutiny_desktop.book.content import DeletedItem
    from scrutiny_desktop.ui.models.items import ItemsModel


class AddItem(BookCommand):
    """A new item; undo deletes it, redo puts the same item (same id) back."""

    def __init__(
        self, model: ItemsModel, position: int, title: str = "", kind: ItemKind = ItemKind.MATTER
    ) -> None:
        super().__init__("New item")
        self._model, self._position, self._title, self._kind = model, position, title, kind
        self._item: Item | None = None
        self._deleted: DeletedItem | None = None

    @property
    def item_id(self) -> int | None:
        return None if self._item is None else self._item.id

    def do(self) -> None:
        if self._deleted is None:
            self._item = self._model.add(self._title, self._kind, self._position)
        else:
            self._model.restore(self._deleted)

    def undo_it(self) -> None:
        assert self._item is not None and self._item.id is not None
        self._deleted = self._model.delete(self._item.id)


class EditItem(BookCommand):
    """Replace an item's own fields. Undo and redo show the item; the first time, only
    when ``reveal`` (a summary sent as the agenda moves on is not a reason to go back)."""

    def __init__(
        self, model: ItemsModel, old: Item, new: Item, text: str, *, reveal: bool = True
    ) -> None:
        super().__init__(text)
        self._model, self._old, self._new, self._reveal = model, old, new, reveal
        self._done = False

    def do(self) -> None:
        first = not self._done
        self._model.put(self._new, reveal=self._reveal or not first, restored=not first)
        self._done = True

    def undo_it(self) -> None:
        self._model.put(self._old, restored=True)

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """A title saved while it is being typed, then saved again, is one undo step."""
        if not isinstance(other, EditItem) or other._old != self._new:
            return False
        if not (_title_only(self._old, self._new) and _title_only(other._old, other._new)):
            return False
        self._new = other._new
        return True


def _title_only(old: Item, new: Item) -> bool:
    return replace(old, title=new.title) == new


class MoveItem(BookCommand):
    """Move an item up or down the agenda."""

    def __init__(self, model: ItemsModel, item_id: int, old: int, new: int) -> None:
        super().__init__("Move item")
        self._model, self._id, self._old, self._new = model, item_id, old, new

    def do(self) -> None:
        self._model.move(self._id, self._new)

    def undo_it(self) -> None:
        self._model.move(self._id, self._old)


class DeleteItem(BookCommand):
    """Delete an item with its body, actions and updates; undo restores all of it."""

    def __init__(self, model: ItemsModel, item_id: int) -> None:
        super().__init__("Delete item")
        self._model, self._id = model, item_id
        self._saved: DeletedItem | None = None

    def do(self) -> None:
        self._saved = self._model.delete(self._id)

    def undo_it(self) -> None:
        assert self._saved is not None
        self._model.restore(self._saved)
