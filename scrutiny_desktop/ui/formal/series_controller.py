"""The series' settings (one undo command) and the decisions and declarations registers
(panes made when first asked for, placed by the window)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from scrutiny_desktop.book import Book
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.commands import SetSeriesSettings
from scrutiny_desktop.ui.formal.register_panes import DecisionsPane, DeclarationsRegisterPane
from scrutiny_desktop.ui.formal.running import RunDialog, run_modal
from scrutiny_desktop.ui.formal.series_dialog import SeriesSettingsDialog
from scrutiny_desktop.ui.workspace import Workspace

ShowPane = Callable[[QWidget], None]


def show_alone(pane: QWidget) -> None:
    """Show a pane as a window of its own (until the window docks it)."""
    pane.show()
    pane.raise_()
    pane.activateWindow()


class SeriesController(QObject):
    """Series settings; the decisions register and the declarations register."""

    def __init__(
        self,
        ctx: Context,
        run_dialog: RunDialog = run_modal,
        show_pane: ShowPane = show_alone,
    ) -> None:
        super().__init__(ctx)
        self._ctx, self.run_dialog, self._show_pane = ctx, run_dialog, show_pane
        self._decisions: DecisionsPane | None = None
        self._declarations: DeclarationsRegisterPane | None = None
        self._wired: weakref.ref[Workspace] | None = None
        ctx.workspace_changed.connect(self._book_changed)
        self._book_changed()

    def _source(self) -> tuple[Book, str | None] | None:
        book, meeting = self._ctx.book, self._ctx.meeting
        return None if book is None else (book, None if meeting is None else meeting.series)

    def _export_dir(self) -> Path:
        return self._ctx.data_dir

    # ------------------------------------------------------------ settings

    def series_settings(self) -> None:
        """The settings of the shown meeting's series: a dialog, then one undo command."""
        ws, meeting = self._ctx.workspace, self._ctx.meeting
        if ws is None or meeting is None or not self._ctx.editable:
            return
        if not meeting.series:
            self._ctx.tell("This meeting has no series: name one in the meeting header (F4)")
            return
        old = ws.book.series_settings(meeting.series)
        dialog = SeriesSettingsDialog(old, self._ctx.window)
        if self.run_dialog(dialog):
            new = dialog.settings()
            if new != old:
                self._ctx.push(SetSeriesSettings(ws.session, old, new, self._renumbered))

    def _renumbered(self) -> None:
        """The items may have new numbers: the agenda is read again, at the same item."""
        ws = self._ctx.workspace
        if ws is None:
            return
        keep = ws.agenda_pane.item_id
        ws.items.load()
        if keep is not None:
            ws.agenda_pane.select_item(keep)

    # ------------------------------------------------------------ registers

    @property
    def decisions_pane(self) -> DecisionsPane:
        """The decisions register (made on first use)."""
        if self._decisions is None:
            self._decisions = DecisionsPane(self._source, self._ctx.today, self._export_dir())
            self._decisions.setWindowTitle("Decisions register")
            self._decisions.status_message.connect(self._ctx.tell)
        return self._decisions

    @property
    def declarations_pane(self) -> DeclarationsRegisterPane:
        """The declarations register (made on first use)."""
        if self._declarations is None:
            pane = DeclarationsRegisterPane(self._source, self._ctx.today, self._export_dir())
            pane.setWindowTitle("Declarations register")
            pane.status_message.connect(self._ctx.tell)
            self._declarations = pane
        return self._declarations

    def show_decisions(self) -> None:
        pane = self.decisions_pane
        pane.refresh()
        self._show_pane(pane)
        pane.text.setFocus()

    def show_declarations(self, initials: str | None = None) -> None:
        """One person's declarations (None: the person last shown, at first everyone)."""
        pane = self.declarations_pane
        if initials is not None:
            pane.choose(initials)
        else:
            pane.refresh()
        self._show_pane(pane)
        pane.person.setFocus()

    def book_changed(self) -> None:
        """Something was written: registers shown reload, hidden ones when next shown."""
        for pane in (self._decisions, self._declarations):
            if pane is not None:
                pane.mark_stale()

    def _book_changed(self) -> None:
        ws = self._ctx.workspace
        if ws is not None and (self._wired is None or self._wired() is not ws):
            self._wired = weakref.ref(ws)
            ws.session.saved.connect(lambda _when: self.book_changed())  # every write
            if self._declarations is not None:
                self._declarations.person.clear()  # another book, other people
        self.book_changed()

    def slots(self) -> dict[str, Callable[[], None]]:
        """The commands of ``FORMAL_COMMANDS`` this controller carries out."""
        return {
            "series_settings": lambda: self.series_settings(),
            "decisions_register": lambda: self.show_decisions(),
            "declarations_register": lambda: self.show_declarations(),
        }
