"""Finding things across meetings: the action register, search, an action's history.

A mixin of ``MainWindow``. The register and search docks are made the first time they
are asked for (their modules are imported then too), so start-up pays for neither.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.domain.dates import long_date

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow as _Base

    from scrutiny_desktop.book.register import HistoryEntry
    from scrutiny_desktop.book.search import SearchHit
    from scrutiny_desktop.domain.carry import Tracked
    from scrutiny_desktop.ui.panes.register import RegisterPane
    from scrutiny_desktop.ui.panes.search import SearchPane
    from scrutiny_desktop.ui.workspace import Workspace
else:
    _Base = object


class FindingCommands(_Base):
    """``_do_register``, ``_do_search``, ``_do_action_history`` and ``go_to``."""

    ws: Workspace | None
    stack: QUndoStack
    docks: dict[str, QDockWidget]
    _data_dir: Path
    today: Callable[[], date] = date.today
    register_pane: RegisterPane | None = None
    search_pane: SearchPane | None = None
    _agenda_height: int | None = None

    if TYPE_CHECKING:  # provided by MainWindow and LifecycleCommands

        def open_meeting(self, meeting_id: int | None) -> None: ...
        def _tell(self, message: str) -> None: ...

    # ------------------------------------------------------------ going to a place

    def go_to(
        self,
        meeting_id: int,
        item_id: int | None,
        *,
        action_id: int | None = None,
        update_id: int | None = None,
        words: Sequence[str] = (),
    ) -> None:
        """Open a meeting and item, and select the action, update or words if given."""
        ws = self.ws
        if ws is None:
            return
        if ws.session.meeting_id != meeting_id:
            self.open_meeting(meeting_id)
        self.docks["agenda"].show()
        if item_id is None:
            ws.agenda_pane.items_view.setFocus()
            return
        ws.agenda_pane.select_item(item_id)
        pane = ws.actions_pane
        if action_id is not None and (row := ws.actions.row_of(action_id)) is not None:
            self.docks["actions"].show()
            self.docks["actions"].raise_()
            pane.table.setCurrentIndex(ws.actions.index(row, 1))
            pane.table.setFocus()
            return
        if update_id is not None and (row := ws.updates.row_of(update_id)) is not None:
            self.docks["actions"].show()
            self.docks["actions"].raise_()
            pane.show_updates()
            pane.updates_table.setCurrentIndex(ws.updates.index(row, 1))
            pane.updates_table.setFocus()
            return
        editor = ws.agenda_pane.editor
        for word in words:
            found = editor.document().find(word)
            if not found.isNull():
                editor.setTextCursor(found)
                editor.ensureCursorVisible()
                break
        editor.setFocus()

    def _open_tracked(self, t: Tracked) -> None:
        meeting_id, item_id = t.place
        if t.raised is not None:
            self.go_to(meeting_id, item_id, action_id=t.raised.action.id)
        elif t.latest is not None:
            self.go_to(meeting_id, item_id, update_id=t.latest.update_id)

    def _open_hit(self, hit: SearchHit) -> None:
        from scrutiny_desktop.ui.panes.search import matched_words

        kwargs: dict[str, int] = {}
        if hit.kind == "action":
            kwargs["action_id"] = hit.source_id
        elif hit.kind == "update":
            kwargs["update_id"] = hit.source_id
        self.go_to(hit.meeting_id, hit.item_id, words=matched_words(hit), **kwargs)

    # ------------------------------------------------------------ the register

    def _register_source(self) -> tuple[Book, str | None] | None:
        ws = self.ws
        if ws is None:
            return None
        m = ws.session.meeting
        return ws.book, (m.series if m is not None else None)

    def _mark_register_stale(self) -> None:
        if self.register_pane is not None:
            self.register_pane.mark_stale()

    def _extra_dock(self, key: str, title: str, beside: str, *, split: bool = False) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        if not self.restoreDockWidget(dock):
            area = self.dockWidgetArea(self.docks[beside])
            self.addDockWidget(area, dock)
            if split:
                self.splitDockWidget(self.docks[beside], dock, Qt.Orientation.Vertical)
            else:
                self.tabifyDockWidget(self.docks[beside], dock)
        return dock

    def _do_register(self) -> None:
        if self.ws is None:
            return
        if self.register_pane is None:
            from scrutiny_desktop.ui.panes.register import RegisterPane

            pane = RegisterPane(self._register_source, lambda: self.today(), self._data_dir)
            pane.tracked_chosen.connect(self._open_tracked)
            pane.status_message.connect(self._tell)
            self.stack.indexChanged.connect(pane.mark_stale)
            dock = self._extra_dock("register", "Action register", "actions")
            dock.setWidget(pane)
            dock.visibilityChanged.connect(pane.shown_changed)
            dock.visibilityChanged.connect(self._register_closed)
            self.register_pane, self.register_dock = pane, dock
        self.register_dock.show()
        self.register_dock.raise_()
        if self.dockWidgetArea(self.register_dock) == self.dockWidgetArea(self.docks["agenda"]):
            # A register wants rows: take room from the minutes (after the tab is laid out).
            QTimer.singleShot(0, self._register_room)
        self.register_pane.refresh()
        self.register_pane.table.setFocus()

    def _register_room(self) -> None:
        if self._agenda_height is None:
            self._agenda_height = self.docks["agenda"].height()
        docks = [self.docks["agenda"], self.register_dock]
        self.resizeDocks(docks, [self.height() // 3, self.height()], Qt.Orientation.Vertical)

    def _register_closed(self, visible: bool) -> None:
        """Closed (not just tabbed behind the actions): the minutes get their room back."""
        if not visible and self.register_dock.isHidden():
            self._give_room_back()

    def _give_room_back(self) -> None:
        """The minutes' height as it was before the register took room, if it did: when
        the register closes, when the minutes get the keyboard again, and before the
        layout is remembered (or the next start opens with five lines of minutes)."""
        if self._agenda_height is None:
            return
        height, self._agenda_height = self._agenda_height, None
        below = self.docks["actions"]
        if self.register_pane is not None and not self.register_dock.isHidden():
            below = self.register_dock  # in the actions' place, tabbed with them
        rest = max(1, self.docks["agenda"].height() + below.height() - height)
        self.resizeDocks([self.docks["agenda"], below], [height, rest], Qt.Orientation.Vertical)

    # ------------------------------------------------------------ search

    def _do_search(self) -> None:
        if self.ws is None:
            return
        if self.search_pane is None:
            from scrutiny_desktop.ui.panes.search import SearchPane

            pane = SearchPane(
                lambda: self.ws.book if self.ws is not None else None, self._flush_typing
            )
            pane.hit_chosen.connect(self._open_hit)
            # Below the attendees, not a tab over them: who is here stays in sight.
            dock = self._extra_dock("search", "Search", "attendees", split=True)
            dock.setWidget(pane)
            self.search_pane, self.search_dock = pane, dock
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_pane.start()

    def _flush_typing(self) -> None:
        if self.ws is not None:
            self.ws.flush()

    # ------------------------------------------------------------ history

    def _do_action_history(self) -> None:
        ws = self.ws
        m = ws.session.meeting if ws is not None else None
        if ws is None or m is None:
            return
        # not on the first screen
        from scrutiny_desktop.ui.models.updates import raised_at
        from scrutiny_desktop.ui.panes.history import HistoryDialog, action_summary

        pane, book = ws.actions_pane, ws.book
        about = ""
        updates_index = pane.updates_table.currentIndex()
        actions_index = pane.table.currentIndex()
        focus = QApplication.focusWidget()
        try:
            if updates_index.isValid() and (
                focus is pane.updates_table or not actions_index.isValid()
            ):
                u = ws.updates.update_at(updates_index.row())
                subject = u.subject
                r = ws.updates.action_of(u)
                if r is not None:
                    about = action_summary(r.action.text, r.action.owners, raised_at(r))
                if u.ref is not None:
                    entries: list[HistoryEntry] = book.action_history(m.series, u.ref)
                elif u.action_id is not None:
                    entries = book.action_history_of(u.action_id)
                else:
                    self._tell(f"No history is kept for {subject!r}: its action was deleted")
                    return
            elif actions_index.isValid():
                a = ws.actions.action_at(actions_index.row())
                assert a.id is not None
                subject = str(a.ref) if a.ref is not None else a.text[:40]
                about = action_summary(a.text, a.owners, f"{m.title}, {long_date(m.date)}")
                entries = book.action_history_of(a.id)
            else:
                self._tell("Select an action (Ctrl+4) or a matters-arising update first")
                return
        except BookError as e:
            self._tell(f"No history: {e}")
            return
        titles = {mt.id: mt.title for mt in book.meeting_list()}
        dialog = HistoryDialog(subject, entries, titles, self, about=about)
        dialog.place_chosen.connect(lambda mid, iid: self.go_to(mid, iid))
        dialog.finished.connect(self.activateWindow)
        dialog.open()
