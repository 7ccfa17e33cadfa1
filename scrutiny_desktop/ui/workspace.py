"""One open book in the window: its session, models, body documents and panes, wired together."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication, QWidget

from scrutiny_desktop.book import Book
from scrutiny_desktop.ui.bodies import BodyStore
from scrutiny_desktop.ui.edits import connect_edits
from scrutiny_desktop.ui.models.actions import ActionsModel
from scrutiny_desktop.ui.models.attendees import AttendeesModel
from scrutiny_desktop.ui.models.items import ItemsModel
from scrutiny_desktop.ui.models.updates import UpdatesModel
from scrutiny_desktop.ui.panes.actions import ActionsPane
from scrutiny_desktop.ui.panes.agenda import AgendaPane
from scrutiny_desktop.ui.panes.attendees import AttendeesPane
from scrutiny_desktop.ui.session import BookSession


class Workspace:
    """Everything that lives as long as one book is open in the window."""

    def __init__(
        self,
        book: Book,
        stack: QUndoStack,
        push: Callable[[QUndoCommand], None],
        save_delay_ms: int = 500,
    ) -> None:
        self.book = book
        self.stack = stack
        self.session = BookSession(book)
        self.bodies = BodyStore(self.session, stack, save_delay_ms)
        self.items = ItemsModel(self.session)
        self.actions = ActionsModel(self.session)
        self.updates = UpdatesModel(self.session)
        self.attendees = AttendeesModel(self.session)
        self.initials = QStringListModel()

        self.attendees_pane = AttendeesPane(self.attendees, book, push)
        self.agenda_pane = AgendaPane(self.items, self.bodies, push, save_delay_ms)
        self.actions_pane = ActionsPane(
            self.actions, self.updates, self.initials, push, save_delay_ms
        )

        # Cells typed in become undo commands.
        connect_edits(self.items, self.actions, self.updates, self.attendees, push)
        self.agenda_pane.current_item_changed.connect(self._item_changed)
        self.actions.item_touched.connect(self.agenda_pane.select_item)
        self.updates.item_touched.connect(self.agenda_pane.select_item)
        self.attendees.people_changed.connect(self._people_changed)
        # Owners are shown by initials: other initials for someone are read again.
        self.attendees.initials_changed.connect(lambda *_: self._item_changed(self.actions.item_id))
        # An action's owners are named in the meeting: the attendees pane lists them.
        self.actions.dataChanged.connect(self.attendees.refresh)
        self.actions.rowsInserted.connect(self.attendees.refresh)
        self.actions.names_changed.connect(self.attendees.refresh)
        # Arrivals and departures name their item by its number, which these change.
        for renumbered in (self.items.rowsInserted, self.items.rowsRemoved, self.items.rowsMoved):
            renumbered.connect(self.attendees.refresh)
        self.updates.rowsInserted.connect(self._refresh_item_view)
        self.items.dataChanged.connect(self._refresh_item_view)
        self.session.header_changed.connect(self._refresh_item_view)

    def open_meeting(self, meeting_id: int | None) -> None:
        """Show a meeting (saving what was typed in the last one first)."""
        self.commit_cells(close=True)  # the tables are reloaded: their editors go
        self.flush()
        self.bodies.clear()
        self.stack.clear()
        self.session.set_meeting(meeting_id)
        editable = self.session.editable
        self.agenda_pane.set_editable(editable)
        self.attendees.load()
        self.items.load()

    def _item_changed(self, item_id: int | None) -> None:
        self.actions.load(item_id)
        self.updates.load(item_id)
        self._refresh_item_view()

    def _refresh_item_view(self) -> None:
        self.actions_pane.show_item(self.agenda_pane.current_item(), self.session.meeting)

    def _people_changed(self) -> None:
        self.initials.setStringList([p.initials for p in self.book.people()])

    @property
    def cell_views(self) -> tuple[QAbstractItemView, ...]:
        """The tables whose cells are typed in (an action, an update, an attendee)."""
        pane = self.actions_pane
        return (pane.table, pane.updates_table, self.attendees_pane.table)

    def _open_cells(self) -> list[tuple[QAbstractItemView, QWidget]]:
        """Each cell editor open in those tables, with its table."""
        found: list[tuple[QAbstractItemView, QWidget]] = []
        for view in self.cell_views:
            if view.state() != QAbstractItemView.State.EditingState:
                continue
            # The current cell's editor (editing starts on the current cell), else the
            # one holding the focus; only an editor the table still owns (not one it
            # let go of when its rows were reloaded).
            editor = view.indexWidget(view.currentIndex())
            if editor is None:
                w = QApplication.focusWidget()
                while w is not None and w.parentWidget() is not view.viewport():
                    w = w.parentWidget()
                if w is not None and view.indexWidget(view.indexAt(w.geometry().center())) is w:
                    editor = w
            if editor is not None:
                found.append((view, editor))
        return found

    def commit_cells(self, *, close: bool = False) -> None:
        """Write what is typed in an open cell editor, as Enter would; ``close`` ends it.

        Without ``close`` the editor stays open and the typing goes on (the saving retry
        flushes every few seconds): the models ignore a commit that changes nothing.
        """
        for view, editor in self._open_cells():
            view.commitData(editor)
            if close:
                # Closed now, not by a focus-out later: that would write to a closed book.
                view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def flush(self) -> None:
        """Write everything typed and not yet saved: a cell being typed in, the title, bodies."""
        self.commit_cells()
        self.agenda_pane.commit_title()
        self.bodies.flush()

    def close(self) -> None:
        self.commit_cells(close=True)
        self.flush()
        self.stack.clear()
        self.book.close()
