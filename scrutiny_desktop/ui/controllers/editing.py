"""The panes' commands: people, items, actions and updates, undo and redo, and moving
between the panes. Each command forwards to a pane or pushes one undo command.

Per book it follows the panes' signals (a status word, the current item, the action just
raised) and offers details for people first named as an action's owner (``person_button``,
the window's to place in the status bar).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QAbstractItemDelegate, QToolButton

from scrutiny_desktop.domain.model import ItemKind
from scrutiny_desktop.ui.body import BULLET, HEADING, RESTRICTED, toggle_flag

if TYPE_CHECKING:
    from scrutiny_desktop.ui.context import Context
    from scrutiny_desktop.ui.workspace import Workspace

EDITING_MENUS = ("&People", "&Item", "&Actions")
DELETES = ("delete_item", "delete_action", "delete_update", "remove_person")
"""Del in the list that has the keyboard: each is added to its own view, per book."""


class EditingController(QObject):
    """The People, Item and Actions menus, Edit ▸ Undo and Redo, and View ▸ Go to."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._act: dict[str, QAction] = {}
        self.pending_people: list[str] = []  # named as owners, details not yet added
        # The action last raised with Ctrl+Return: its id, its item, and where in the minutes
        # the cursor was (None: not in the minutes). Enter or Escape in it goes back there.
        self._raised_from: tuple[int, int, QTextCursor | None] | None = None
        self.person_button = QToolButton()
        self.person_button.hide()
        ctx.workspace_changed.connect(self._workspace_changed)

    def bind(self, act: dict[str, QAction]) -> None:
        """The window's actions (made from the commands table with ``slots()``)."""
        self._act = act
        self.person_button.setDefaultAction(act["person_details"])

    def slots(self) -> dict[str, Callable[[], None]]:
        return {
            "undo": self.undo,
            "redo": self.redo,
            "add_person": self.add_person,
            "person_details": self.person_details,
            "chair": self.chair,
            "remove_person": self.remove_person,
            "new_item": self.new_item,
            "insert_item": self.insert_item,
            "move_up": lambda: self._move(-1),
            "move_down": lambda: self._move(+1),
            "delete_item": self.delete_item,
            "heading": lambda: self._toggle_paragraph(HEADING),
            "restricted_paragraph": lambda: self._toggle_paragraph(RESTRICTED),
            "bullet": lambda: self._toggle_paragraph(BULLET),
            "restricted_item": self.restricted_item,
            "next_meeting_item": self.next_meeting_item,
            "new_action": lambda: self._new_action(True),
            "new_unnumbered": lambda: self._new_action(False),
            "delete_action": self.delete_action,
            "add_update": self.add_update,
            "delete_update": self.delete_update,
            "go_attendees": self.go_attendees,
            "go_items": self.go_items,
            "go_body": self.go_body,
            "go_actions": self.go_actions,
        }

    def update_actions(self, act: dict[str, QAction]) -> None:
        editable, ws, stack = self._ctx.editable, self._ctx.workspace, self._ctx.stack
        for name in self.slots():
            if name not in ("undo", "redo") and not name.startswith("go_"):
                act[name].setEnabled(editable)
        act["person_details"].setEnabled(editable and bool(self.pending_people))
        item = ws.agenda_pane.current_item() if ws is not None else None
        act["restricted_item"].setChecked(bool(item and item.restricted))
        act["next_meeting_item"].setChecked(bool(item and item.kind is ItemKind.NEXT_MEETING))
        act["undo"].setEnabled(stack.canUndo())
        act["redo"].setEnabled(stack.canRedo())
        act["undo"].setText(f"&Undo {stack.undoText()}".strip())
        act["redo"].setText(f"&Redo {stack.redoText()}".strip())

    # ------------------------------------------------------------ following the book

    def _workspace_changed(self) -> None:
        ws = self._ctx.workspace
        self.pending_people.clear()
        self._raised_from = None
        self._show_offer()
        if ws is None:
            return
        views = {
            "delete_item": ws.agenda_pane.items_view,
            "delete_action": ws.actions_pane.table,
            "delete_update": ws.actions_pane.updates_table,
            "remove_person": ws.attendees_pane.table,
        }
        for name, view in views.items():
            if name in self._act:
                view.addAction(self._act[name])
        tell = self._ctx.tell
        ws.actions.new_people_named.connect(self._offer_people)
        ws.attendees_pane.status_message.connect(lambda m: tell(m, 8000))
        ws.actions_pane.status_message.connect(lambda m: tell(m, 8000))
        ws.agenda_pane.current_item_changed.connect(lambda _: self._ctx.state_changed.emit())
        ws.agenda_pane.editor.refused.connect(lambda m: tell(m, 15000))
        ws.agenda_pane.editor.undo_requested.connect(self.undo)
        ws.agenda_pane.editor.redo_requested.connect(self.redo)
        ws.actions_pane.table.editor_closed.connect(self._action_cell_closed)

    def _ws(self) -> Workspace | None:
        return self._ctx.workspace

    # ------------------------------------------------------------ undo

    def undo(self) -> None:
        if (ws := self._ws()) is not None:
            ws.flush()
            ws.bodies.seal()
        self._ctx.stack.undo()

    def redo(self) -> None:
        if (ws := self._ws()) is not None:
            ws.flush()
        self._ctx.stack.redo()

    # ------------------------------------------------------------ people

    def add_person(self) -> None:
        if (ws := self._ws()) is not None and self._show("attendees"):
            ws.attendees_pane.person_line.setFocus()

    def person_details(self) -> None:
        if (ws := self._ws()) is not None and self.pending_people and self._show("attendees"):
            ws.attendees_pane.prepare_details(self.pending_people.pop(0))
            self._show_offer()

    def chair(self) -> None:
        from scrutiny_desktop.ui.commands.attendees import SetAttendance

        if (ws := self._ws()) is None:
            return
        if ws.attendees_pane.entry_has_focus:
            ws.attendees_pane.add_typed(chair=True)  # the person in the line, or why not
            return
        initials = ws.attendees_pane.current_initials()
        if initials is not None:
            try:
                a = ws.attendees.chair_toggled(initials)
            except ValueError as e:
                self._ctx.tell(str(e), 8000)
                return
            self._ctx.push(SetAttendance(ws.attendees, initials, a))

    def remove_person(self) -> None:
        from scrutiny_desktop.ui.commands.attendees import RemovePerson, SetAttendance

        ws = self._ws()
        initials = None if ws is None else ws.attendees_pane.current_initials()
        if ws is None or initials is None:
            return
        if ws.attendees.owns_actions(initials):
            row = ws.attendees.row_for(initials)
            if row is not None and row.attendance is not None:
                self._ctx.push(SetAttendance(ws.attendees, initials, None))
            self._ctx.tell(f"{initials} owns actions here, so stays named", 8000)
            return
        self._ctx.push(RemovePerson(ws.attendees, initials))

    def _offer_people(self, initials: tuple[str, ...]) -> None:
        # The newest first: "add details" is about the owner just typed.
        for i in reversed(initials):
            if i in self.pending_people:
                self.pending_people.remove(i)
            self.pending_people.insert(0, i)
        self._show_offer()

    def _show_offer(self) -> None:
        action = self._act.get("person_details")
        if action is None:
            return
        if self.pending_people:
            action.setText(f"New person {self.pending_people[0]} — add details")
            self.person_button.show()
        else:
            action.setText("Add &details for new person")
            self.person_button.hide()
        action.setEnabled(self._ctx.editable and bool(self.pending_people))

    # ------------------------------------------------------------ items

    def new_item(self) -> None:
        """A new item is normally the next one: at the end of the agenda."""
        if (ws := self._ws()) is not None:
            self._add_item(ws, ws.items.rowCount())

    def insert_item(self) -> None:
        """A new item right after the current one (asked for, not the usual case)."""
        if (ws := self._ws()) is None:
            return
        item = ws.agenda_pane.current_item()
        row = None if item is None or item.id is None else ws.items.row_of(item.id)
        self._add_item(ws, ws.items.rowCount() if row is None else row + 1)

    def _add_item(self, ws: Workspace, position: int) -> None:
        from scrutiny_desktop.ui.commands.agenda import AddItem

        self._ctx.push(AddItem(ws.items, position))
        ws.agenda_pane.title_edit.setFocus()

    def _move(self, by: int) -> None:
        from scrutiny_desktop.ui.commands.agenda import MoveItem

        if (ws := self._ws()) is None or (item := ws.agenda_pane.current_item()) is None:
            return
        assert item.id is not None
        row = ws.items.row_of(item.id)
        assert row is not None
        if 0 <= row + by < ws.items.rowCount():
            self._ctx.push(MoveItem(ws.items, item.id, row, row + by))

    def delete_item(self) -> None:
        from scrutiny_desktop.ui.commands.agenda import DeleteItem

        if (ws := self._ws()) is not None and (item := ws.agenda_pane.current_item()) is not None:
            assert item.id is not None
            self._ctx.push(DeleteItem(ws.items, item.id))

    def _toggle_paragraph(self, prop: int) -> None:
        if (ws := self._ws()) is not None and ws.agenda_pane.item_id is not None:
            editor = ws.agenda_pane.editor
            toggle_flag(editor.textCursor(), prop)
            editor.setFocus()

    def _edit_item(self, text: str, **changes: object) -> None:
        from scrutiny_desktop.ui.commands.agenda import EditItem

        if (ws := self._ws()) is not None and (item := ws.agenda_pane.current_item()) is not None:
            self._ctx.push(EditItem(ws.items, item, replace(item, **changes), text))  # type: ignore[arg-type]
        self._ctx.state_changed.emit()

    def restricted_item(self) -> None:
        item = ws.agenda_pane.current_item() if (ws := self._ws()) else None
        if item is not None:
            self._edit_item("Restricted item", restricted=not item.restricted)

    def next_meeting_item(self) -> None:
        item = ws.agenda_pane.current_item() if (ws := self._ws()) else None
        if item is not None:
            kind = ItemKind.MATTER if item.kind is ItemKind.NEXT_MEETING else ItemKind.NEXT_MEETING
            self._edit_item("Next-meeting row", kind=kind)

    # ------------------------------------------------------------ actions and updates

    def _new_action(self, numbered: bool) -> None:
        from scrutiny_desktop.ui.commands.actions import AddAction

        if (ws := self._ws()) is None or (item_id := ws.agenda_pane.item_id) is None:
            return
        editor = ws.agenda_pane.editor
        where = QTextCursor(editor.textCursor()) if editor.hasFocus() else None
        command = AddAction(ws.actions, item_id, numbered)
        self._ctx.push(command)
        if command.action_id is not None and self._show("actions"):
            self._raised_from = (command.action_id, item_id, where)
            ws.actions_pane.edit_action_text(command.action_id)

    def _action_cell_closed(self, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter (or Escape) in the action just raised: back to the minutes it came from,
        as a word processor does after a side table; Tab goes on to the next cell."""
        ws, raised = self._ws(), self._raised_from
        done = (
            QAbstractItemDelegate.EndEditHint.SubmitModelCache,
            QAbstractItemDelegate.EndEditHint.RevertModelCache,
        )
        if ws is None or raised is None or hint not in done:
            return
        action_id, item_id, where = raised
        index = ws.actions_pane.table.currentIndex()
        if not index.isValid() or ws.actions.action_at(index.row()).id != action_id:
            return
        self._raised_from = None
        ws.agenda_pane.return_to_minutes(item_id, where)

    def delete_action(self) -> None:
        from scrutiny_desktop.ui.commands.actions import DeleteAction

        if (ws := self._ws()) is None or (item_id := ws.actions.item_id) is None:
            return
        index = ws.actions_pane.table.currentIndex()
        if index.isValid():
            action = ws.actions.action_at(index.row())
            assert action.id is not None
            self._ctx.push(DeleteAction(ws.actions, item_id, action.id))

    def add_update(self) -> None:
        if (ws := self._ws()) is not None and self._show("actions"):
            ws.actions_pane.show_updates()

    def delete_update(self) -> None:
        from scrutiny_desktop.ui.commands.actions import DeleteUpdate

        if (ws := self._ws()) is None or (item_id := ws.updates.item_id) is None:
            return
        index = ws.actions_pane.updates_table.currentIndex()
        if index.isValid():
            update = ws.updates.update_at(index.row())
            assert update.id is not None
            self._ctx.push(DeleteUpdate(ws.updates, item_id, update.id))

    # ------------------------------------------------------------ going to a pane

    def _show(self, key: str) -> bool:
        """Bring the pane's dock to the front (if the window has docks); True, so it reads
        as a guard."""
        if self._ctx.docks is not None:
            self._ctx.docks.show(key)
        return True

    def go_attendees(self) -> None:
        if (ws := self._ws()) is not None and self._show("attendees"):
            ws.attendees_pane.focus_table()

    def go_items(self) -> None:
        if (ws := self._ws()) is not None and self._show("agenda"):
            ws.agenda_pane.items_view.setFocus()

    def go_body(self) -> None:
        if (ws := self._ws()) is not None and self._show("agenda"):
            ws.agenda_pane.editor.setFocus()

    def go_actions(self) -> None:
        if (ws := self._ws()) is None or not self._show("actions"):
            return
        pane = ws.actions_pane
        if pane.table.isHidden():  # matters arising without actions of its own: its updates
            table, first = pane.updates_table, ws.updates.index(0, 1)
        else:
            table, first = pane.table, ws.actions.index(0, 1)
        table.enter()
        if not table.currentIndex().isValid() and first.isValid():
            table.setCurrentIndex(first)
