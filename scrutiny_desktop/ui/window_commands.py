"""The window's command slots: each menu command forwards to a pane or pushes an undo command."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QTextCursor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QDockWidget, QMainWindow

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.domain.model import ItemKind, Meeting
from scrutiny_desktop.ui.body import HEADING, RESTRICTED, toggle_flag
from scrutiny_desktop.ui.commands.actions import AddAction, DeleteAction, DeleteUpdate
from scrutiny_desktop.ui.commands.agenda import AddItem, DeleteItem, EditItem, MoveItem
from scrutiny_desktop.ui.commands.attendees import RemovePerson, SetAttendance
from scrutiny_desktop.ui.commands.header import EditHeader

if TYPE_CHECKING:
    # Dialogs are imported when first asked for: none is on the first screen (issue 7).
    from scrutiny_desktop.ui.panes.header import HeaderDialog
    from scrutiny_desktop.ui.workspace import Workspace


class WindowCommands(QMainWindow):
    """The ``_do_<command>`` slots of ``MainWindow`` (see ``commands_menu.COMMANDS``)."""

    ws: Workspace | None
    stack: QUndoStack
    docks: dict[str, QDockWidget]
    act: dict[str, QAction]
    picker: QComboBox
    _data_dir: Path
    _pending_people: list[str]
    # The action last raised with Ctrl+Return: its id, its item, and where in the minutes
    # the cursor was (None: not in the minutes). Enter or Escape in it goes back there.
    _raised_from: tuple[int, int, QTextCursor | None] | None = None

    if TYPE_CHECKING:  # provided by MainWindow

        def push(self, command: QUndoCommand) -> None: ...
        def open_book(self, path: Path, *, read_only: bool = False) -> bool: ...
        def open_meeting(self, meeting_id: int | None) -> None: ...
        def open_example_copy(self) -> Path: ...
        def _show_offer(self) -> None: ...
        def _sync_checks(self) -> None: ...

    def _do_new_book(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self,
            "New meeting book",
            str(self._data_dir / "meetings.sqlite"),
            "Meeting books (*.sqlite)",
        )
        if name:
            path = Path(name)
            if not path.suffix:
                # "herts-pcp" would be made as typed, then hidden by Open's *.sqlite filter.
                path = path.with_name(f"{path.name}.sqlite")
            try:
                Book.create(path).close()
            except BookError as e:
                self.statusBar().showMessage(str(e))
                return
            self.open_book(path)

    def _do_open_book(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self,
            "Open meeting book",
            str(self._data_dir),
            "Meeting books (*.sqlite);;All files (*)",
        )
        if name:
            self.open_book(Path(name))

    def _do_open_example(self) -> None:
        self.open_example_copy()

    def _do_quit(self) -> None:
        self.close()

    def _do_undo(self) -> None:
        if self.ws is not None:
            self.ws.flush()
            self.ws.bodies.seal()
        self.stack.undo()

    def _do_redo(self) -> None:
        if self.ws is not None:
            self.ws.flush()
        self.stack.redo()

    def _do_new_meeting(self) -> None:
        from scrutiny_desktop.ui.panes.header import HeaderDialog

        if self.ws is None:
            return
        last = self.ws.session.meeting
        blank = Meeting(
            id=None,
            title=last.title if last else "",
            date=date.today(),
            series=last.series if last else None,
            venue=last.venue if last else None,
        )
        dialog = HeaderDialog(blank, self, new=True)
        dialog.accepted.connect(lambda: self._create_meeting(dialog))
        dialog.finished.connect(self.activateWindow)
        dialog.open()

    def _create_meeting(self, dialog: HeaderDialog) -> None:
        meeting = dialog.meeting()
        if self.ws is None or meeting is None:
            return
        try:
            new = self.ws.session.write(self.ws.book.add_meeting, meeting)
        except BookError:
            return
        self.open_meeting(new.id)
        self.ws.agenda_pane.items_view.setFocus()

    def _do_header(self) -> None:
        from scrutiny_desktop.ui.panes.header import HeaderDialog

        if self.ws is None or self.ws.session.meeting is None:
            return
        old = self.ws.session.meeting
        dialog = HeaderDialog(old, self)
        dialog.accepted.connect(lambda: self._header_accepted(old, dialog))
        dialog.finished.connect(self.activateWindow)
        dialog.open()

    def _header_accepted(self, old: Meeting, dialog: HeaderDialog) -> None:
        new = dialog.meeting()
        if self.ws is not None and new is not None and new != old:
            self.push(EditHeader(self.ws.session, old, new))

    def _do_pick_meeting(self) -> None:
        self.picker.setFocus()
        self.picker.showPopup()

    def _do_add_person(self) -> None:
        if self.ws is not None:
            self.docks["attendees"].show()
            self.ws.attendees_pane.person_line.setFocus()

    def _do_person_details(self) -> None:
        if self.ws is not None and self._pending_people:
            self.docks["attendees"].show()
            self.ws.attendees_pane.prepare_details(self._pending_people.pop(0))
            self._show_offer()

    def _do_chair(self) -> None:
        if self.ws is None:
            return
        if self.ws.attendees_pane.entry_has_focus:
            self.ws.attendees_pane.add_typed(chair=True)  # the person in the line, or why not
            return
        initials = self.ws.attendees_pane.current_initials()
        if initials is not None:
            try:
                a = self.ws.attendees.chair_toggled(initials)
            except ValueError as e:
                self.statusBar().showMessage(str(e), 8000)
                return
            self.push(SetAttendance(self.ws.attendees, initials, a))

    def _do_remove_person(self) -> None:
        if self.ws is None:
            return
        initials = self.ws.attendees_pane.current_initials()
        if initials is None:
            return
        if self.ws.attendees.owns_actions(initials):
            row = self.ws.attendees.row_for(initials)
            if row is not None and row.attendance is not None:
                self.push(SetAttendance(self.ws.attendees, initials, None))
            self.statusBar().showMessage(f"{initials} owns actions here, so stays named", 8000)
            return
        self.push(RemovePerson(self.ws.attendees, initials))

    def _do_new_item(self) -> None:
        """A new item is normally the next one: at the end of the agenda."""
        if self.ws is not None:
            self._add_item(self.ws.items.rowCount())

    def _do_insert_item(self) -> None:
        """A new item right after the current one (asked for, not the usual case)."""
        if self.ws is None:
            return
        item = self.ws.agenda_pane.current_item()
        row = None if item is None or item.id is None else self.ws.items.row_of(item.id)
        self._add_item(self.ws.items.rowCount() if row is None else row + 1)

    def _add_item(self, position: int) -> None:
        assert self.ws is not None
        self.push(AddItem(self.ws.items, position))
        self.ws.agenda_pane.title_edit.setFocus()

    def _move(self, by: int) -> None:
        if self.ws is None or (item := self.ws.agenda_pane.current_item()) is None:
            return
        assert item.id is not None
        row = self.ws.items.row_of(item.id)
        assert row is not None
        if 0 <= row + by < self.ws.items.rowCount():
            self.push(MoveItem(self.ws.items, item.id, row, row + by))

    def _do_move_up(self) -> None:
        self._move(-1)

    def _do_move_down(self) -> None:
        self._move(+1)

    def _do_delete_item(self) -> None:
        if self.ws is not None and (item := self.ws.agenda_pane.current_item()) is not None:
            assert item.id is not None
            self.push(DeleteItem(self.ws.items, item.id))

    def _toggle_paragraph(self, prop: int) -> None:
        if self.ws is not None and self.ws.agenda_pane.item_id is not None:
            editor = self.ws.agenda_pane.editor
            toggle_flag(editor.textCursor(), prop)
            editor.setFocus()

    def _do_heading(self) -> None:
        self._toggle_paragraph(HEADING)

    def _do_restricted_paragraph(self) -> None:
        self._toggle_paragraph(RESTRICTED)

    def _edit_item(self, text: str, **changes: object) -> None:
        if self.ws is not None and (item := self.ws.agenda_pane.current_item()) is not None:
            self.push(EditItem(self.ws.items, item, replace(item, **changes), text))  # type: ignore[arg-type]
        self._sync_checks()

    def _do_restricted_item(self) -> None:
        item = self.ws.agenda_pane.current_item() if self.ws else None
        if item is not None:
            self._edit_item("Restricted item", restricted=not item.restricted)

    def _do_next_meeting_item(self) -> None:
        item = self.ws.agenda_pane.current_item() if self.ws else None
        if item is not None:
            kind = ItemKind.MATTER if item.kind is ItemKind.NEXT_MEETING else ItemKind.NEXT_MEETING
            self._edit_item("Next-meeting row", kind=kind)

    def _new_action(self, numbered: bool) -> None:
        if self.ws is None or (item_id := self.ws.agenda_pane.item_id) is None:
            return
        editor = self.ws.agenda_pane.editor
        where = QTextCursor(editor.textCursor()) if editor.hasFocus() else None
        command = AddAction(self.ws.actions, item_id, numbered)
        self.push(command)
        if command.action_id is not None:
            self._raised_from = (command.action_id, item_id, where)
            self.docks["actions"].show()
            self.ws.actions_pane.edit_action_text(command.action_id)

    def _action_cell_closed(self, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter (or Escape) in the action just raised: back to the minutes it came from,
        as a word processor does after a side table; Tab goes on to the next cell."""
        ws, raised = self.ws, self._raised_from
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

    def _do_new_action(self) -> None:
        self._new_action(True)

    def _do_new_unnumbered(self) -> None:
        self._new_action(False)

    def _do_delete_action(self) -> None:
        if self.ws is None or (item_id := self.ws.actions.item_id) is None:
            return
        index = self.ws.actions_pane.table.currentIndex()
        if index.isValid():
            action = self.ws.actions.action_at(index.row())
            assert action.id is not None
            self.push(DeleteAction(self.ws.actions, item_id, action.id))

    def _do_add_update(self) -> None:
        if self.ws is not None:
            self.docks["actions"].show()
            self.ws.actions_pane.show_updates()

    def _do_delete_update(self) -> None:
        if self.ws is None or (item_id := self.ws.updates.item_id) is None:
            return
        index = self.ws.actions_pane.updates_table.currentIndex()
        if index.isValid():
            update = self.ws.updates.update_at(index.row())
            assert update.id is not None
            self.push(DeleteUpdate(self.ws.updates, item_id, update.id))

    def _do_go_attendees(self) -> None:
        if self.ws is not None:
            self.docks["attendees"].show()
            self.ws.attendees_pane.focus_table()

    def _do_go_items(self) -> None:
        if self.ws is not None:
            self.docks["agenda"].show()
            self.ws.agenda_pane.items_view.setFocus()

    def _do_go_body(self) -> None:
        if self.ws is not None:
            self.docks["agenda"].show()
            self.ws.agenda_pane.editor.setFocus()

    def _do_go_actions(self) -> None:
        if self.ws is not None:
            self.docks["actions"].show()
            pane = self.ws.actions_pane
            if pane.table.isHidden():  # matters arising without actions of its own: its updates
                table, first = pane.updates_table, self.ws.updates.index(0, 1)
            else:
                table, first = pane.table, self.ws.actions.index(0, 1)
            table.enter()
            if not table.currentIndex().isValid() and first.isValid():
                table.setCurrentIndex(first)

    def _do_about(self) -> None:
        from scrutiny_desktop.ui.panes.about import show_about

        show_about(self, None if self.ws is None else self.ws.book.path)

    def _do_shortcuts(self) -> None:
        from scrutiny_desktop.ui.panes.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.open()
