"""The main window: builds the docks, the controllers and the menus, and wires them.

Every command is carried out by a controller (``ui.controllers``), each handed the one
``Context``; the window places their widgets, enables the commands when the context says
something changed, and keeps its own size and layout.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QToolBar, QWidget

from scrutiny_desktop.ui.command_table import ALL_COMMANDS, PANE_TOGGLES
from scrutiny_desktop.ui.commands_menu import build_menus
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.controllers.books import APP_TITLE, BookController
from scrutiny_desktop.ui.controllers.editing import EditingController
from scrutiny_desktop.ui.controllers.exporting import ExportController
from scrutiny_desktop.ui.controllers.finding import FindingController
from scrutiny_desktop.ui.controllers.formal import FormalController
from scrutiny_desktop.ui.controllers.meetings import MeetingController
from scrutiny_desktop.ui.controllers.writing import WritingController
from scrutiny_desktop.ui.docks import Docks
from scrutiny_desktop.ui.saving import RETRY_MS

if TYPE_CHECKING:
    from scrutiny_desktop.ui.workspace import Workspace

PREFERRED_SIZE = (1280, 800)  # on the first start, when the screen has room for it
TITLE_BAR = 40  # kept free above the window: decorations are not in its geometry


class Controller(Protocol):
    def slots(self) -> dict[str, Callable[[], None]]: ...
    def update_actions(self, act: dict[str, QAction]) -> None: ...


class MainWindow(QMainWindow):
    """The minute-taking window. ``settings`` None: nothing is restored or remembered."""

    def __init__(
        self,
        settings: QSettings | None,
        data_dir: Path,
        example: Path,
        save_delay_ms: int = 500,
        retry_ms: int = RETRY_MS,
        backups: bool = True,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.stack = QUndoStack(self)
        self._layout_restored = False
        self._started = False  # the formal parts and the writing aids, after the first paint
        self.setWindowTitle(APP_TITLE)
        self._fit_to_screen()  # the first start; later ones restore the saved geometry
        self._fitted = False  # fitted again once shown, when the frame's size is known
        self.docks = Docks(self)
        bar = self.statusBar()
        self.ctx = Context(
            self,
            self.stack,
            lambda m, ms: bar.showMessage(m, ms),
            settings,
            data_dir,
            docks=self.docks,
        )
        # First: the panes are in their docks before a controller shows a meeting in them.
        self.ctx.workspace_changed.connect(self._place_panes)
        self.ctx.workspace_closing.connect(self._save_layout)
        self.books = BookController(self.ctx, bar, example, save_delay_ms, retry_ms, backups)
        self.meetings = MeetingController(self.ctx, bar)
        self.editing = EditingController(self.ctx)
        self.finding = FindingController(self.ctx)
        self.exporting = ExportController(self.ctx)
        self.formal = FormalController(self.ctx)
        self.writing = WritingController(self.ctx)
        self.controllers: tuple[Controller, ...] = (
            self.books,
            self.meetings,
            self.editing,
            self.finding,
            self.exporting,
            self.formal,
            self.writing,
        )
        slots: dict[str, Callable[[], None]] = {"quit": self._quit, "shortcuts": self._shortcuts}
        for controller in self.controllers:
            slots.update(controller.slots())
        self.act, self.menus = build_menus(self, ALL_COMMANDS, slots)
        self.editing.bind(self.act)
        self.formal.bind(self.act)
        self.formal.made.connect(self._check_formal_spelling)
        file_menu = self.menus["&File"]
        file_menu.insertMenu(self.act["circulate"], self.exporting.export_menu(file_menu))
        view = self.menus["&View"]
        view.addSeparator()
        for key, shortcut in PANE_TOGGLES:
            toggle = self.docks[key].toggleViewAction()
            toggle.setShortcut(shortcut)
            view.addAction(toggle)
        self._add_bars()
        for signal in (
            self.ctx.workspace_changed,
            self.ctx.meeting_shown,
            self.ctx.state_changed,
            self.stack.indexChanged,
        ):
            signal.connect(self._set_enabled)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._set_enabled()
        if settings is not None:
            geometry = settings.value("window/geometry")
            if geometry is not None and self.restoreGeometry(geometry):
                self._fitted = True  # Qt keeps restored geometry on the screen itself

    def _add_bars(self) -> None:
        """The meeting toolbar; the saving and read-only banners, each a full-width row of
        its own above the panes; the status bar's permanent widgets."""
        toolbar = self._toolbar("Meeting", "toolbar_meeting")
        toolbar.addWidget(QLabel(" Meeting: "))
        toolbar.addWidget(self.meetings.picker)
        toolbar.addWidget(self.meetings.header_label)
        self.addToolBarBreak()
        saving = self._toolbar("Saving", "toolbar_saving")
        saving.toggleViewAction().setVisible(False)
        saving.addWidget(self.books.banner)
        self.books.banner.set_shown(False)  # and its toolbar with it, until saving fails
        self.addToolBarBreak()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.meetings.read_only_bar)
        self.meetings.read_only_bar.hide()
        bar = self.statusBar()
        for widget in (
            self.writing.offer_bar,
            self.editing.person_button,
            self.books.saved_label,
            self.books.read_only_label,
        ):
            bar.addPermanentWidget(widget)

    def _toolbar(self, title: str, name: str) -> QToolBar:
        toolbar = QToolBar(title)
        toolbar.setObjectName(name)
        toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        return toolbar

    # ------------------------------------------------------------ what tests and launch use

    @property
    def ws(self) -> Workspace | None:
        return self.ctx.workspace

    @property
    def today(self) -> Callable[[], date]:
        return self.ctx.today

    @today.setter
    def today(self, today: Callable[[], date]) -> None:
        self.ctx.today = today

    def open_book(self, path: Path, *, read_only: bool = False) -> bool:
        return self.books.open_book(path, read_only=read_only)

    def open_meeting(self, meeting_id: int | None) -> None:
        self.meetings.open_meeting(meeting_id)

    def save_copy_to(self, target: Path, switch: bool = False) -> bool:
        return self.books.save_copy_to(target, switch)

    def show_welcome(self) -> None:
        if not self.books.may_leave_book(self.show_welcome):
            return
        self.books.close_workspace()
        from scrutiny_desktop.ui.panes.welcome import WelcomePane

        welcome = WelcomePane()
        welcome.new_book.connect(self.books.new_book)
        welcome.open_book.connect(self.books.choose_book)
        welcome.open_example.connect(self.books.open_example)
        self.docks.hide_all()
        self.setCentralWidget(welcome)

    def show_busiest_item(self) -> None:
        """The item with the most paragraphs and actions, for a screenshot: the window as
        the minute-taker sees it, without the read-only mark screenshot mode's book has
        (signed-off minutes keep theirs: it is the meeting's state, not the screenshot's)."""
        meeting = self.ctx.meeting
        if meeting is not None and not meeting.is_signed_off:
            self.meetings.read_only_bar.hide()
            self.books.read_only_label.hide()
            self.statusBar().clearMessage()
        self.meetings.show_busiest_item()

    def end_session(self) -> None:
        """Write everything typed and close without asking: the session is ending.

        (SIGTERM, logout; ``ui.session_end``.) Edits the book could not take cannot be
        asked about now: the book keeps what it could take.
        """
        self.books.discard_kept = True
        self.close()

    # ------------------------------------------------------------ state

    def _place_panes(self) -> None:
        ws = self.ctx.workspace
        if ws is None:
            return
        old = self.takeCentralWidget() if self.centralWidget() is not None else None
        if old is not None:
            old.deleteLater()
        self.docks.set_panes(
            {"attendees": ws.attendees_pane, "agenda": ws.agenda_pane, "actions": ws.actions_pane}
        )
        self._restore_layout(ws)

    def _set_enabled(self) -> None:
        for controller in self.controllers:
            controller.update_actions(self.act)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        ws = self.ctx.workspace
        if ws is not None and old is ws.agenda_pane.editor:
            ws.bodies.flush()
            ws.bodies.seal()
        if ws is not None and new is ws.agenda_pane.editor:
            self.finding.give_room_back()  # back to typing: the minutes have their height

    def _check_formal_spelling(self) -> None:
        """Resolutions are spell-checked as they are typed, and when their text is changed."""
        from scrutiny_desktop.ui.formal.models import TEXT

        assert self.formal.details is not None
        pane = self.formal.details.pane
        self.writing.watch_line(pane.resolution_line)
        self.writing.watch_cells(pane.resolutions_table, (TEXT,), kept=True)

    def _quit(self) -> None:
        self.close()

    def _shortcuts(self) -> None:
        from scrutiny_desktop.ui.panes.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).open()

    # ------------------------------------------------------------ size and layout

    def _fit_to_screen(self) -> None:
        """1280×800, or less to fit the screen's free area with room for a title bar
        (a 1366×768 laptop keeps the status bar and the bottom of the panes in sight)."""
        free = self.screen().availableGeometry()
        width = min(PREFERRED_SIZE[0], free.width())
        height = min(PREFERRED_SIZE[1], free.height() - TITLE_BAR)
        self.resize(width, height)
        self._fitted_size = QSize(width, height)
        # move() places the frame, whose title bar a window manager adds below this
        # point (under openbox the status bar was off a 1366×768 screen by 20 pixels).
        self.move(
            free.x() + (free.width() - width) // 2,
            free.y() + max(0, free.height() - TITLE_BAR - height) // 2,
        )

    def _fit_frame(self) -> None:
        """Shown: the frame (title bar, borders) is known; keep all of it on the screen."""
        free, frame = self.screen().availableGeometry(), self.frameGeometry()
        if free.contains(frame) or self.size() != self._fitted_size:
            return  # it fits, or a size was chosen for it (screenshot mode's 1280×800)
        width = self.width() - max(0, frame.width() - free.width())
        height = self.height() - max(0, frame.height() - free.height())
        self.resize(width, height)
        frame = self.frameGeometry()
        self.move(
            self.x() + max(free.left() - frame.left(), min(0, free.right() - frame.right())),
            self.y() + max(free.top() - frame.top(), min(0, free.bottom() - frame.bottom())),
        )

    def _restore_layout(self, ws: Workspace) -> None:
        state = self.settings.value("window/state") if self.settings else None
        self._layout_restored = state is not None and self.restoreState(state)
        split = self.settings.value("window/agenda_split") if self.settings else None
        if split is not None:
            ws.agenda_pane.splitter.restoreState(split)
        if self.isVisible():
            self._default_layout()

    def _default_layout(self) -> None:
        if self._layout_restored:
            return
        self._layout_restored = True
        # Attendees a third of the width; the minutes above the actions, 5:3.
        width, height = self.width(), self.height()
        docks = self.docks
        self.resizeDocks(
            [docks["attendees"], docks["agenda"]],
            [width * 11 // 32, width * 21 // 32],
            Qt.Orientation.Horizontal,
        )
        self.resizeDocks(
            [docks["agenda"], docks["actions"]],
            [height * 5 // 8, height * 3 // 8],
            Qt.Orientation.Vertical,
        )

    def _save_layout(self) -> None:
        ws = self.ctx.workspace
        if self.settings is not None and ws is not None:
            self.finding.give_room_back()  # the register's room is for now, not next time
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
            self.settings.setValue("window/agenda_split", ws.agenda_pane.splitter.saveState())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self._fit_frame)
        if not self._started:
            # What the first screen does not show is made once it has painted.
            self._started = True
            self.formal.start()
            self.writing.start()
        if self.ctx.workspace is not None:
            # After the first layout pass, or the docks' sizes are overridden by it.
            QTimer.singleShot(0, self._default_layout)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing never asks: everything typed is written now (unless the book is failing)."""
        if not self.books.may_leave_book(self.close):
            # The only time closing asks: closing now would lose what the book lacks.
            event.ignore()
            return
        self.books.close_workspace()
        self.books.wait_for_backups()
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.sync()
        event.accept()
