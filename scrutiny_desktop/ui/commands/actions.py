"""Actions and matters-arising updates: add, edit, delete."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from scrutiny_desktop.domain.model import Action, ActionUpdate
from scrutiny_desktop.ui.commands.base import BookCommand

if TYPE_CHECKING:
    from scrutiny_desktop.ui.models.actions import ActionsModel
    from scrutiny_desktop.ui.models.updates import UpdatesModel


class AddAction(BookCommand):
    """A new action; numbered ones take the series' next reference, never reused."""

    def __init__(self, model: ActionsModel, item_id: int, numbered: bool) -> None:
        super().__init__("New action" if numbered else "New unnumbered action")
        self._model, self._item_id, self._numbered = model, item_id, numbered
        self._action: Action | None = None
        self._position = 0

    @property
    def action_id(self) -> int | None:
        return None if self._action is None else self._action.id

    def do(self) -> None:
        if self._action is None:
            self._action = self._model.add(self._item_id, self._numbered)
        else:
            self._model.restore(self._item_id, self._position, self._action)

    def undo_it(self) -> None:
        assert self._action is not None and self._action.id is not None
        self._position, self._action = self._model.delete(self._item_id, self._action.id)


class EditAction(BookCommand):
    """Change an action's text, owners, due date or status."""

    def __init__(self, model: ActionsModel, item_id: int, old: Action, new: Action) -> None:
        super().__init__("Edit action")
        self._model, self._item_id, self._old, self._new = model, item_id, old, new
        # New owners the book names in the meeting (and adds to the directory) with this
        # edit: undo takes them out again, so the book is as it was.
        self._named: tuple[tuple[str, ...], tuple[str, ...]] | None = None

    def do(self) -> None:
        if self._named is None:
            added = tuple(o for o in self._new.owners if o not in self._old.owners)
            self._named = self._model.newly_named(added)
        self._model.put(self._item_id, self._new)

    def undo_it(self) -> None:
        unknown, unnamed = self._named or ((), ())
        self._model.put(self._item_id, self._old, unnamed, unknown)

    def id(self) -> int:
        return 2

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Text saved while it is being typed, then saved again, is one undo step."""
        if not isinstance(other, EditAction) or other._old != self._new:
            return False
        if not (_text_only(self._old, self._new) and _text_only(other._old, other._new)):
            return False
        self._new = other._new
        return True


def _text_only(old: Action, new: Action) -> bool:
    return replace(old, text=new.text) == new


class DeleteAction(BookCommand):
    """Delete an action; undo puts it back with its reference."""

    def __init__(self, model: ActionsModel, item_id: int, action_id: int) -> None:
        super().__init__("Delete action")
        self._model, self._item_id, self._id = model, item_id, action_id
        self._saved: tuple[int, Action] | None = None

    def do(self) -> None:
        self._saved = self._model.delete(self._item_id, self._id)

    def undo_it(self) -> None:
        assert self._saved is not None
        self._model.restore(self._item_id, *self._saved)


class AddUpdate(BookCommand):
    """Record progress on an earlier action (matters arising)."""

    def __init__(self, model: UpdatesModel, item_id: int, update: ActionUpdate) -> None:
        super().__init__(f"Update on {update.ref}")
        self._model, self._item_id, self._update = model, item_id, update
        self._position: int | None = None

    def do(self) -> None:
        self._update = self._model.add(self._item_id, self._update, self._position)

    def undo_it(self) -> None:
        assert self._update.id is not None
        self._position, self._update = self._model.delete(self._item_id, self._update.id)


class EditUpdate(BookCommand):
    """Change an update's reference, status or note."""

    def __init__(
        self, model: UpdatesModel, item_id: int, old: ActionUpdate, new: ActionUpdate
    ) -> None:
        super().__init__("Edit update")
        self._model, self._item_id, self._old, self._new = model, item_id, old, new

    def do(self) -> None:
        self._model.put(self._item_id, self._new)

    def undo_it(self) -> None:
        self._model.put(self._item_id, self._old)


class DeleteUpdate(BookCommand):
    """Delete an update; undo puts it back in its place."""

    def __init__(self, model: UpdatesModel, item_id: int, update_id: int) -> None:
        super().__init__("Delete update")
        self._model, self._item_id, self._id = model, item_id, update_id
        self._saved: tuple[int, ActionUpdate] | None = None

    def do(self) -> None:
        self._saved = self._model.delete(self._item_id, self._id)

    def undo_it(self) -> None:
        assert self._saved is not None
        position, update = self._saved
        self._model.add(self._item_id, update, position)
