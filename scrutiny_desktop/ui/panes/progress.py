"""Single keys on the matters-arising table: c completed, f to follow, p in progress, x closed, o open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoCommand
from PySide6.QtWidgets import QAbstractItemView, QTableView

from scrutiny_desktop.ui.focus_filters import InstallOnFocus
from scrutiny_desktop.ui.models.updates import NOTE, UpdatesModel

HINT = (
    "Matters arising — keys: c completed · f to follow · p in progress · x closed · o open"
    " · Enter: note · Ctrl+H: history"
)


class ProgressKeys(QObject):
    """An event filter on the updates table: a progress key sets the selected update's
    status (one undo command) and moves down a row; Enter edits its note."""

    status_message = Signal(str)

    def __init__(
        self,
        table: QTableView,
        model: UpdatesModel,
        editable: Callable[[], bool],
        push: Callable[[QUndoCommand], None],
    ) -> None:
        super().__init__(table)
        self._table, self._model, self._editable, self._push = table, model, editable, push
        InstallOnFocus(self, [table])  # keys reach it only once it has the focus

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is not self._table
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or self._table.state() == QAbstractItemView.State.EditingState
        ):
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        from scrutiny_desktop.domain.carry import PROGRESS_KEYS  # loaded by the first key

        status = PROGRESS_KEYS.get(event.text())
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if status is None and not enter:
            return False
        index = self._table.currentIndex()
        item_id = self._model.item_id
        if not index.isValid() or item_id is None:
            return True
        if not self._editable():
            self.status_message.emit("These minutes are read-only: nothing was changed")
            return True
        if enter:
            note = self._model.index(index.row(), NOTE)
            self._table.setCurrentIndex(note)
            self._table.edit(note)
            return True
        assert status is not None
        from scrutiny_desktop.ui.commands.progress import SetProgress

        update = self._model.update_at(index.row())
        self._push(SetProgress(self._model, item_id, update, status))
        self.status_message.emit(f"{update.subject}: {status.label}")
        below = self._model.index(index.row() + 1, index.column())
        if below.isValid():
            self._table.setCurrentIndex(below)
        return True
