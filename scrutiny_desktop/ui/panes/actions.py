"""The actions pane: the current item's actions, its matters-arising updates, the next meeting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.domain import dates
from scrutiny_desktop.domain.model import Item, ItemKind, Meeting, Status
from scrutiny_desktop.domain.progress import parse_update_line
from scrutiny_desktop.ui.models.actions import DUE, OWNERS, STATUS, TEXT, ActionsModel
from scrutiny_desktop.ui.models.updates import ACTION as UPDATE_ACTION
from scrutiny_desktop.ui.models.updates import (
    NOTE,
    RAISED,
    REF,
    UpdatesModel,
)
from scrutiny_desktop.ui.models.updates import OWNERS as UPDATE_OWNERS
from scrutiny_desktop.ui.models.updates import STATUS as UPDATE_STATUS
from scrutiny_desktop.ui.panes.cell_table import CellTable
from scrutiny_desktop.ui.panes.delegates import ChoiceDelegate, OwnersDelegate, TextDelegate
from scrutiny_desktop.ui.panes.line_undo import empty, hand_undo_to_window
from scrutiny_desktop.ui.panes.progress import HINT as PROGRESS_HINT

STATUS_LABELS = [s.label for s in Status]


def next_meeting_hint(meeting: Meeting | None) -> str:
    """As the minutes print it, "Thursday 26 March 2015 09:00–11:00, OPCC Conference room"."""
    nxt = meeting.next_meeting if meeting else None
    if nxt is None:
        return "No next meeting set: Meeting ▸ Meeting header (F4)"
    return dates.next_meeting_text(nxt)


def _table(name: str) -> CellTable:
    table = CellTable(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    return table


class ActionsPane(QWidget):
    """Actions of the current item; updates on earlier actions; the next meeting."""

    status_message = Signal(str)

    def __init__(
        self,
        actions: ActionsModel,
        updates: UpdatesModel,
        initials: QStringListModel,
        push: Callable[[QUndoCommand], None],
        save_delay_ms: int = 500,
    ) -> None:
        super().__init__()
        self._actions, self._updates, self._push = actions, updates, push
        self.heading = QLabel("Actions")
        self.table = _table("Actions of the current item")
        self.table.setModel(actions)
        self.table.setItemDelegateForColumn(
            TEXT, TextDelegate("Action text", "", self.table, live_ms=save_delay_ms)
        )
        self.table.setItemDelegateForColumn(OWNERS, OwnersDelegate(initials, self.table))
        self.table.setItemDelegateForColumn(
            DUE, TextDelegate("Due date", "12.03.15, 12/3, 12 Mar, next meeting", self.table)
        )
        self.table.setItemDelegateForColumn(
            STATUS, ChoiceDelegate(STATUS_LABELS, "Action status", self.table)
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 60), (OWNERS, 80), (DUE, 80), (STATUS, 90)):
            self.table.setColumnWidth(col, width)

        self.updates_box = QWidget()
        self.update_line = QLineEdit()
        self.update_line.setAccessibleName("Add update on an earlier action")
        self.update_line.setPlaceholderText(
            "Update: reference, status, note — e.g. 94/14 open SH to action"
        )
        self.updates_table = _table("Updates on earlier actions")
        self.updates_table.setModel(updates)
        self.updates_table.setItemDelegateForColumn(
            UPDATE_STATUS, ChoiceDelegate(STATUS_LABELS, "Update status", self.updates_table)
        )
        uh = self.updates_table.horizontalHeader()
        uh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # What the action was, and what is said of it now, share the width.
        uh.setSectionResizeMode(UPDATE_ACTION, QHeaderView.ResizeMode.Stretch)
        uh.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        # An unnumbered carried action shows its text here ("Publication on PCC website").
        uh.setSectionResizeMode(REF, QHeaderView.ResizeMode.ResizeToContents)
        for col, width in ((UPDATE_OWNERS, 60), (RAISED, 70), (UPDATE_STATUS, 90)):
            self.updates_table.setColumnWidth(col, width)
        self.updates_table.setWordWrap(True)
        ulayout = QVBoxLayout(self.updates_box)
        ulayout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(PROGRESS_HINT)
        hint.setWordWrap(True)
        ulayout.addWidget(hint)
        ulayout.addWidget(self.update_line)
        ulayout.addWidget(self.updates_table, 1)

        self.next_meeting = QLabel()
        self.next_meeting.setAccessibleName("Next meeting")
        self.next_meeting.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.updates_box, 3)
        layout.addWidget(self.next_meeting)
        QWidget.setTabOrder(self.table, self.update_line)
        QWidget.setTabOrder(self.update_line, self.updates_table)

        hand_undo_to_window(self.update_line)
        self.update_line.returnPressed.connect(self.add_typed_update)
        self.table.hint.connect(self.status_message)
        self.updates_table.hint.connect(self.status_message)
        self._arising = False
        for signal in (actions.modelReset, actions.rowsInserted, actions.rowsRemoved):
            signal.connect(self._show_table)
        for model, table in ((actions, self.table), (updates, self.updates_table)):
            for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
                signal.connect(table.resizeRowsToContents)
        self.show_item(None, None)

    def show_item(self, item: Item | None, meeting: Meeting | None) -> None:
        if item is None:
            self.heading.setText("Actions")
        else:
            self.heading.setText(f"Actions — item {item.number}: {item.title}")
        arising = item is not None and (
            "matters arising" in item.title.casefold() or self._updates.rowCount() > 0
        )
        self.updates_box.setVisible(arising)
        self._arising = arising
        self._show_table()
        nxt = item is not None and item.kind is ItemKind.NEXT_MEETING
        self.next_meeting.setVisible(nxt)
        self.next_meeting.setText(f"Next meeting: {next_meeting_hint(meeting)}")

    def _show_table(self) -> None:
        """Matters arising is read row by row: while it has no actions of its own, its
        updates have the pane's height (an action raised there brings the table back)."""
        self.table.setVisible(not self._arising or self._actions.rowCount() > 0)

    def show_updates(self) -> None:
        self.updates_box.setVisible(True)
        self.update_line.setFocus()

    def add_typed_update(self) -> None:
        from scrutiny_desktop.ui.commands.actions import AddUpdate, EditUpdate

        item_id = self._updates.item_id
        if item_id is None:
            return
        try:
            update = parse_update_line(self.update_line.text())
        except ValueError as e:
            self.status_message.emit(str(e))
            return
        row = None if update.ref is None else self._updates.row_of_ref(update.ref)
        if row is None:
            self._push(AddUpdate(self._updates, item_id, update))
        else:
            # Already listed: the typed line is that row's new progress, not a second line
            # (the minutes would say both "04/12 – open" and "04/12 – completed").
            old = self._updates.update_at(row)
            new = replace(old, status=update.status, note=update.note or old.note)
            if new != old:
                self._push(EditUpdate(self._updates, item_id, old, new))
            self.updates_table.setCurrentIndex(self._updates.index(row, UPDATE_STATUS))
            self.status_message.emit(f"{old.subject} was listed already: now {new.status.label}")
        empty(self.update_line)

    def edit_action_text(self, action_id: int) -> None:
        """Focus the text cell of an action, ready for typing."""
        row = self._actions.row_of(action_id)
        if row is None:
            return
        index = self._actions.index(row, TEXT)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)
