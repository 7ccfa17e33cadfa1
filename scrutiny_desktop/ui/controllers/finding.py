"""Finding things across meetings: the action register, search, an action's history, and
going to the place a row came from.

The register and search panes are made the first time they are asked for (their modules
imported then too), so start-up pays for neither; their docks are placed by ``ctx.docks``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.domain.dates import long_date

if TYPE_CHECKING:
    from scrutiny_desktop.book.register import HistoryEntry
    from scrutiny_desktop.book.search import SearchHit
    from scrutiny_desktop.domain.carry import Tracked
    from scrutiny_desktop.ui.context import Context
    from scrutiny_desktop.ui.docks import Docks
    from scrutiny_desktop.ui.panes.register import RegisterPane
    from scrutiny_desktop.ui.panes.search import SearchPane


class FindingController(QObject):
    """View ▸ Action register and Search, Actions ▸ Action history, and ``go_to``."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.register_pane: RegisterPane | None = None
        self.register_dock: QDockWidget | None = None
        self.search_pane: SearchPane | None = None
        self.search_dock: QDockWidget | None = None
        ctx.meeting_shown.connect(self._mark_register_stale)
        ctx.workspace_changed.connect(self._mark_register_stale)

    def slots(self) -> dict[str, Callable[[], None]]:
        return {
            "register": self.show_register,
            "search": self.show_search,
            "action_history": self.action_history,
        }

    def update_actions(self, act: dict[str, QAction]) -> None:
        act["register"].setEnabled(self._ctx.workspace is not None)
        act["search"].setEnabled(self._ctx.workspace is not None)
        act["action_history"].setEnabled(self._ctx.meeting is not None)

    @property
    def _docks(self) -> Docks:
        assert self._ctx.docks is not None, "finding places panes: a window's context"
        return self._ctx.docks

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
        ws = self._ctx.workspace
        if ws is None:
            return
        if ws.session.meeting_id != meeting_id:
            self._ctx.show_meeting(meeting_id)
        self._docks["agenda"].show()
        if item_id is None:
            ws.agenda_pane.items_view.setFocus()
            return
        ws.agenda_pane.select_item(item_id)
        pane = ws.actions_pane
        if action_id is not None and (row := ws.actions.row_of(action_id)) is not None:
            self._docks.show("actions")
            pane.table.setCurrentIndex(ws.actions.index(row, 1))
            pane.table.setFocus()
            return
        if update_id is not None and (row := ws.updates.row_of(update_id)) is not None:
            self._docks.show("actions")
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
        book, m = self._ctx.book, self._ctx.meeting
        return None if book is None else (book, m.series if m is not None else None)

    def _mark_register_stale(self) -> None:
        if self.register_pane is not None:
            self.register_pane.mark_stale()

    def show_register(self) -> None:
        if self._ctx.workspace is None:
            return
        if self.register_pane is None:
            from scrutiny_desktop.ui.panes.register import RegisterPane

            pane = RegisterPane(
                self._register_source, lambda: self._ctx.today(), self._ctx.data_dir
            )
            pane.tracked_chosen.connect(self._open_tracked)
            pane.status_message.connect(self._ctx.tell)
            self._ctx.stack.indexChanged.connect(pane.mark_stale)
            dock = self._docks.add("register", "Action register", pane, "actions")
            dock.visibilityChanged.connect(pane.shown_changed)
            dock.visibilityChanged.connect(self._register_closed)
            self.register_pane, self.register_dock = pane, dock
        self._docks.show("register")
        if self._docks.beside_the_minutes("register"):
            # A register wants rows: take room from the minutes (after the tab is laid out).
            QTimer.singleShot(0, lambda: self._docks.take_room("register"))
        self.register_pane.refresh()
        self.register_pane.table.setFocus()

    def _register_closed(self, visible: bool) -> None:
        """Closed (not just tabbed behind the actions): the minutes get their room back."""
        if not visible and self.register_dock is not None and self.register_dock.isHidden():
            self.give_room_back()

    def give_room_back(self) -> None:
        """The minutes' height as it was before the register took room (see ``Docks``)."""
        shown = self.register_dock is not None and not self.register_dock.isHidden()
        # Tabbed with the actions, the register is in their place.
        self._docks.give_room_back("register" if shown else "actions")

    # ------------------------------------------------------------ search

    def show_search(self) -> None:
        if self._ctx.workspace is None:
            return
        if self.search_pane is None:
            from scrutiny_desktop.ui.panes.search import SearchPane

            pane = SearchPane(lambda: self._ctx.book, self._ctx.flush)
            pane.hit_chosen.connect(self._open_hit)
            # Below the attendees, not a tab over them: who is here stays in sight.
            dock = self._docks.add("search", "Search", pane, "attendees", split=True)
            self.search_pane, self.search_dock = pane, dock
        self._docks.show("search")
        self.search_pane.start()

    # ------------------------------------------------------------ history

    def action_history(self) -> None:
        ws, m = self._ctx.workspace, self._ctx.meeting
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
                    self._ctx.tell(f"No history is kept for {subject!r}: its action was deleted")
                    return
            elif actions_index.isValid():
                a = ws.actions.action_at(actions_index.row())
                assert a.id is not None
                subject = str(a.ref) if a.ref is not None else a.text[:40]
                about = action_summary(a.text, a.owners, f"{m.title}, {long_date(m.date)}")
                entries = book.action_history_of(a.id)
            else:
                self._ctx.tell("Select an action (Ctrl+4) or a matters-arising update first")
                return
        except BookError as e:
            self._ctx.tell(f"No history: {e}")
            return
        titles = {mt.id: mt.title for mt in book.meeting_list()}
        dialog = HistoryDialog(subject, entries, titles, self._ctx.window, about=about)
        dialog.place_chosen.connect(lambda mid, iid: self.go_to(mid, iid))
        dialog.finished.connect(self._ctx.window.activateWindow)
        dialog.open()
