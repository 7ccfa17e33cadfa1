"""The formal parts of a meeting in the window (issue 14): the item details pane
(declarations, resolutions and votes, the time reached, assurance, Schedule 12A), people
arriving, leaving and substituting, the series' settings, and the decisions and
declarations registers.

The controllers of ``ui.formal`` do the work; this one makes them after the first paint
(``start``) or at the first formal command, whichever is sooner, places their panes in
docks, keeps the agenda's inquorate marks, and follows each book.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from scrutiny_desktop.ui.formal.commands_table import FORMAL_COMMANDS, formal_slots
from scrutiny_desktop.ui.formal.running import RunDialog, run_modal

if TYPE_CHECKING:
    from scrutiny_desktop.ui.context import Context
    from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
    from scrutiny_desktop.ui.formal.moments_controller import MomentsController
    from scrutiny_desktop.ui.formal.series_controller import SeriesController
    from scrutiny_desktop.ui.workspace import Workspace

MAKE_DELAY_MS = 150  # after the window is shown: its first paint is not kept waiting
IN_DETAILS = (
    "go_item_details",
    "declaration",
    "no_declarations",
    "delete_declaration",
    "resolution",
    "recorded_vote",
    "delete_resolution",
    "item_time",
    "assurance",
    "exempt",
    "exclusion",
)
"""The commands whose place is the item details pane: its dock comes to the front first."""
EDITS = frozenset(c.name for c in FORMAL_COMMANDS) - {
    "go_item_details",
    "decisions_register",
    "declarations_register",
    "series_settings",
}


class FormalController(QObject):
    """Makes and wires the formal parts; the window binds ``FORMAL_COMMANDS`` to ``slots``."""

    made = Signal()
    """The parts were made (``details`` and the others are there now)."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._act: dict[str, QAction] = {}
        #: The time "arrived now" and an item's first keystroke take, and how the formal
        #: dialogs run (modal): a test sets its own before the parts are made.
        self.clock: Callable[[], datetime] = datetime.now
        self.run_dialog: RunDialog = run_modal
        self.details: ItemDetailsController | None = None
        self.moments: MomentsController | None = None
        self.series: SeriesController | None = None
        self._slots: dict[str, Callable[[], None]] = {}
        self._watched: weakref.ref[Workspace] | None = None
        ctx.workspace_changed.connect(self._workspace_changed)

    def bind(self, act: dict[str, QAction]) -> None:
        self._act = act

    def slots(self) -> dict[str, Callable[[], None]]:
        return {c.name: self._runner(c.name) for c in FORMAL_COMMANDS}

    def update_actions(self, act: dict[str, QAction]) -> None:
        editable, has_book = self._ctx.editable, self._ctx.workspace is not None
        for c in FORMAL_COMMANDS:
            act[c.name].setEnabled(editable if c.name in EDITS else has_book)
        act["go_item_details"].setEnabled(self._ctx.meeting is not None)

    def start(self, delay_ms: int = MAKE_DELAY_MS) -> None:
        """Make the parts once the window has painted (the first screen shows none)."""
        QTimer.singleShot(delay_ms, self, self.make)

    # ------------------------------------------------------------ making

    def make(self) -> None:
        """The controllers, the item details dock (tabbed behind the actions) and their
        wiring; once."""
        if self.details is not None:
            return
        from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
        from scrutiny_desktop.ui.formal.moments_controller import MomentsController
        from scrutiny_desktop.ui.formal.series_controller import SeriesController

        ctx = self._ctx
        self.details = ItemDetailsController(ctx, self.clock, self._run_dialog)
        self.moments = MomentsController(ctx, self.clock, self._run_dialog)
        self.series = SeriesController(ctx, self._run_dialog, self._show_register)
        self._slots = formal_slots(self.details, self.moments, self.series)
        pane = self.details.pane
        for name, table in (
            ("delete_declaration", pane.declarations_table),
            ("delete_resolution", pane.resolutions_table),
        ):
            if name in self._act:
                table.addAction(self._act[name])
        if ctx.docks is not None:
            ctx.docks.add("details", "Item details", pane, "actions")
            ctx.docks["actions"].raise_()  # the actions stay in front until asked
        self.details.room.inquorate_changed.connect(self._mark_inquorate)
        self._workspace_changed()
        self.made.emit()

    def _run_dialog(self, dialog: QDialog) -> bool:
        """Run a formal dialog; then the window has the keyboard again, as after the
        window's other dialogs (with no window manager, nothing else gives it back)."""
        try:
            return self.run_dialog(dialog)
        finally:
            self._ctx.window.activateWindow()

    def _runner(self, name: str) -> Callable[[], None]:
        return lambda: self._run(name)

    def _run(self, name: str) -> None:
        self.make()
        if name in IN_DETAILS and self._ctx.docks is not None:
            self._ctx.docks.show("details")
        self._slots[name]()

    def _show_register(self, pane: QWidget) -> None:
        """The decisions or declarations register, in a dock of its own beside the actions."""
        docks = self._ctx.docks
        if docks is None:
            pane.show()
            return
        key = str(getattr(pane, "what", "register"))  # "decisions", "declarations"
        if key not in docks.by_key:
            dock = docks.add(key, f"{key.capitalize()} register", pane, "actions")
            shown_changed = getattr(pane, "shown_changed", None)
            if shown_changed is not None:  # a register reloads when it is next shown
                dock.visibilityChanged.connect(shown_changed)
        docks.show(key)

    # ------------------------------------------------------------ following the book

    def _workspace_changed(self) -> None:
        ws = self._ctx.workspace
        if self.details is None or ws is None:
            return
        if self._watched is not None and self._watched() is ws:
            return
        self._watched = weakref.ref(ws)
        # Matters arising is minuted in its updates table, one key per action, or in the
        # updates line: that is typing at the item too.
        self.details.fields.watch_typing(ws.agenda_pane.editor)
        for typed_in in (ws.actions_pane.updates_table, ws.actions_pane.update_line):
            self.details.fields.watch_typing(typed_in, when_focused=True)
        self._mark_inquorate()

    def _mark_inquorate(self) -> None:
        ws = self._ctx.workspace
        if ws is not None and self.details is not None:
            ws.items.set_inquorate(self.details.room.inquorate)
