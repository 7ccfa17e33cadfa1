"""Progress on a carried action (matters arising), set with a single key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrutiny_desktop.domain.model import ActionUpdate, Status
from scrutiny_desktop.ui.commands.base import BookCommand

if TYPE_CHECKING:
    from scrutiny_desktop.ui.models.updates import UpdatesModel


class SetProgress(BookCommand):
    """Set an update's status through ``Book.set_progress``; undo puts the old update back."""

    def __init__(
        self, model: UpdatesModel, item_id: int, update: ActionUpdate, status: Status
    ) -> None:
        super().__init__(f"{update.subject[:30]} {status.label}")
        assert update.id is not None
        self._model, self._item_id, self._id, self._status = model, item_id, update.id, status
        self._old: ActionUpdate | None = None

    def do(self) -> None:
        self._old = self._model.set_progress(self._item_id, self._id, self._status)

    def undo_it(self) -> None:
        assert self._old is not None
        self._model.put(self._item_id, self._old)
