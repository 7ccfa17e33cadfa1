"""The main window: docks the three panes, owns the menus and the undo stack; wiring only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QToolBar,
    QToolButton,
    QWidget,
)

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.book.errors import BookLocked
from scrutiny_desktop.domain.dates import long_date
from scrutiny_desktop.domain.model import ItemKind
from scrutiny_desktop.files.outputs import OutputRefused, check_output
from scrutiny_desktop.ui.backups import BackupRunner
from scrutiny_desktop.ui.commands_menu import COMMANDS, build_menus
from scrutiny_desktop.ui.export_commands import ExportCommands
from scrutiny_desktop.ui.faults import FaultBanner, ask_close, ask_copy
from scrutiny_desktop.ui.finding_commands import FindingCommands
from scrutiny_desktop.ui.lifecycle_commands import LifecycleCommands
from scrutiny_desktop.ui.models.meetings import MeetingListModel
from scrutiny_desktop.ui.panes.actions import next_meeting_text
from scrutiny_desktop.ui.panes.picker import MeetingPicker
from scrutiny_desktop.ui.panes.welcome import WelcomePane
from scrutiny_desktop.ui.saving import RETRY_MS, SavingGuard
from scrutiny_desktop.ui.window_commands import WindowCommands
from scrutiny_desktop.ui.workspace import Workspace

APP_TITLE = "Scrutiny Desktop"
BACKUP_DELAY_MS = 1500  # the snapshot on opening starts this long after the window is shown
NO_MEETINGS = "This book has no meetings yet: Ctrl+N starts one"
PREFERRED_SIZE = (1280, 800)  # on the first start, when the screen has room for it
TITLE_BAR = 40  # kept free above the window: decorations are not in its geometry


class MainWindow(WindowCommands, LifecycleCommands, FindingCommands, ExportCommands):
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
        self.settings, self._data_dir, self._example = settings, data_dir, example
        self._save_delay_ms, self._retry_ms = save_delay_ms, retry_ms
        self.guard: SavingGuard | None = None
        self.backups = BackupRunner(parent=self) if backups else None
        if self.backups is not None:
            self.backups.finished.connect(self._backup_done)
        self._discard_kept = False  # True while leaving a book the person let go of
        self.stack = QUndoStack(self)
        self.ws: Workspace | None = None
        self._pending_people: list[str] = []
        self._layout_restored = False
        self.setWindowTitle(APP_TITLE)
        self._fit_to_screen()  # the first start; later ones restore the saved geometry
        self._fitted = False  # fitted again once shown, when the frame's size is known

        self.docks: dict[str, QDockWidget] = {}
        for key, title in (
            ("attendees", "Attendees"),
            ("agenda", "Agenda"),
            ("actions", "Actions"),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{key}")
            self.docks[key] = dock
        self.setDockNestingEnabled(True)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.docks["attendees"])
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.docks["agenda"])
        self.splitDockWidget(self.docks["agenda"], self.docks["actions"], Qt.Orientation.Vertical)

        self.meeting_list = MeetingListModel()
        self.picker = MeetingPicker(self.meeting_list)
        self.picker.activated.connect(self._picked)
        self.header_label = QLabel()
        self.header_label.setAccessibleName("Meeting header")
        toolbar = QToolBar("Meeting")
        toolbar.setObjectName("toolbar_meeting")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(" Meeting: "))
        toolbar.addWidget(self.picker)
        toolbar.addWidget(self.header_label)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        # Saving problems get a full-width row of their own above the panes.
        self.banner = FaultBanner()
        self.banner.copy_requested.connect(self._do_save_copy)
        self.addToolBarBreak()
        banner_bar = QToolBar("Saving")
        banner_bar.setObjectName("toolbar_saving")
        banner_bar.setMovable(False)
        banner_bar.toggleViewAction().setVisible(False)
        banner_bar.addWidget(self.banner)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner_bar)
        self.banner.set_shown(False)  # and its toolbar with it, until saving fails

        slots = {c.name: getattr(self, f"_do_{c.name}") for c in COMMANDS}
        self.act, self.menus = build_menus(self, slots)
        self._init_lifecycle()
        view = self.menus["&View"]
        view.addSeparator()
        for key, shortcut in (
            ("attendees", "Alt+Shift+1"),
            ("agenda", "Alt+Shift+2"),
            ("actions", "Alt+Shift+3"),
        ):
            toggle = self.docks[key].toggleViewAction()
            toggle.setShortcut(shortcut)
            view.addAction(toggle)

        self.saved_label = QLabel("Nothing changed yet")
        self.saved_label.setAccessibleName("Last saved")
        self.person_button = QToolButton()
        self.person_button.setDefaultAction(self.act["person_details"])
        self.person_button.hide()
        self.statusBar().addPermanentWidget(self.person_button)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.read_only_label = QLabel()
        self.read_only_label.setAccessibleName("Why the book is read-only")
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.stack.indexChanged.connect(self._sync_checks)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._set_enabled()
        if settings is not None:
            geometry = settings.value("window/geometry")
            if geometry is not None and self.restoreGeometry(geometry):
                self._fitted = True  # Qt keeps restored geometry on the screen itself

    # ------------------------------------------------------------ books and meetings

    def open_book(self, path: Path, *, read_only: bool = False) -> bool:
        """Open ``path`` in the window; False (with the reason in the status bar) if it cannot.

        False also while the open book keeps edits it could not save: the person is asked
        first (see ``_may_leave_book``).
        """
        if not self._may_leave_book(lambda: self.open_book(path, read_only=read_only)):
            return False
        try:
            # The lock: a second window (or program) on the same book is refused, not raced.
            book = Book.open(path, read_only=read_only, lock=True)
        except BookLocked as e:
            self.statusBar().showMessage(f"Cannot open {path} for writing: {e}")
            self._ask_read_only(path, e)
            return False
        except BookError as e:
            self.statusBar().showMessage(f"Cannot open {path}: {e}")
            return False
        self._close_workspace()
        ws = Workspace(book, self.stack, self.push, self._save_delay_ms)
        self.ws = ws
        self.docks["attendees"].setWidget(ws.attendees_pane)
        self.docks["agenda"].setWidget(ws.agenda_pane)
        self.docks["actions"].setWidget(ws.actions_pane)
        for name, view in (
            ("delete_item", ws.agenda_pane.items_view),
            ("delete_action", ws.actions_pane.table),
            ("delete_update", ws.actions_pane.updates_table),
            ("remove_person", ws.attendees_pane.table),
        ):
            view.addAction(self.act[name])
        ws.session.saved.connect(lambda t: self.saved_label.setText(f"Saved {t}"))
        ws.session.refused.connect(lambda m: self.statusBar().showMessage(m, 15000))
        self._watch_saving(ws)
        ws.session.header_changed.connect(self._header_changed)
        ws.actions.new_people_named.connect(self._offer_people)
        ws.attendees_pane.status_message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        ws.actions_pane.status_message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        ws.agenda_pane.current_item_changed.connect(lambda _: self._sync_checks())
        ws.agenda_pane.editor.refused.connect(lambda m: self.statusBar().showMessage(m, 15000))
        ws.agenda_pane.editor.undo_requested.connect(self._do_undo)
        ws.agenda_pane.editor.redo_requested.connect(self._do_redo)
        ws.actions_pane.table.editor_closed.connect(self._action_cell_closed)
        self._wire_lifecycle(ws)
        old = self.takeCentralWidget() if self.centralWidget() is not None else None
        if old is not None:
            old.deleteLater()
        for dock in self.docks.values():
            dock.show()
        self._restore_layout()
        self._fill_picker(None)
        latest = self.meeting_list.latest()
        ws.open_meeting(latest)
        self._header_changed()
        if self.settings is not None:
            self.settings.setValue("book/last", str(path))
        self._show_title()
        self._set_enabled()
        if book.read_only:
            self.statusBar().showMessage(f"Read-only: {book.read_only_reason}")
        elif self.backups is not None:
            # On a worker thread, once the window has painted and settled: reading the whole
            # file at the same moment as the first paint slowed it by 5-15 ms (issue 7).
            QTimer.singleShot(BACKUP_DELAY_MS, lambda: self._start_backup(book.path))
        if latest is None:
            self.statusBar().showMessage(NO_MEETINGS)  # until there is one (_header_changed)
            self.picker.setFocus()
        else:
            ws.agenda_pane.editor.setFocus()
        return True

    def show_welcome(self) -> None:
        if not self._may_leave_book(self.show_welcome):
            return
        self._close_workspace()
        welcome = WelcomePane()
        welcome.new_book.connect(self._do_new_book)
        welcome.open_book.connect(self._do_open_book)
        welcome.open_example.connect(self._do_open_example)
        for dock in self.docks.values():
            dock.hide()
        self.setCentralWidget(welcome)
        self.setWindowTitle(APP_TITLE)
        self._set_enabled()

    def open_meeting(self, meeting_id: int | None) -> None:
        if self.ws is None:
            return
        self.ws.open_meeting(meeting_id)
        if self.meeting_list.row_of(meeting_id) < 0:
            self._fill_picker(meeting_id)  # a meeting made since the list was read
        else:
            self.picker.setCurrentIndex(self.meeting_list.row_of(meeting_id))
        self._set_enabled()

    def show_busiest_item(self) -> None:
        """Select the item with the most paragraphs and actions (for screenshots).

        Screenshot mode opens the book read-only so that taking one never changes it; the
        picture shows the window as the minute-taker sees it, without that mark (signed-off
        minutes keep theirs: it is the meeting's state, not the screenshot's).
        """
        if self.ws is None or self.ws.session.meeting_id is None:
            return
        meeting = self.ws.session.meeting
        if meeting is not None and not meeting.is_signed_off:
            self._banner_bar.hide()
            self.read_only_label.hide()
            self.statusBar().clearMessage()
        items = self.ws.book.items(self.ws.session.meeting_id, full=True)
        if items:
            best = max(items, key=lambda i: len(i.body) + 3 * len(i.actions))
            assert best.id is not None
            self.ws.agenda_pane.select_item(best.id)

    def open_example_copy(self) -> Path:
        """Import the example meeting into a new book in the data folder and open it."""
        self._data_dir.mkdir(parents=True, exist_ok=True)
        path = self._data_dir / "example-meeting.sqlite"
        n = 2
        while path.exists():
            path = self._data_dir / f"example-meeting-{n}.sqlite"
            n += 1
        from scrutiny_desktop.export import interchange  # JSON and its schema: on first use

        with Book.create(path) as book:
            book.import_minutes(interchange.load(self._example))
        self.open_book(path)
        return path

    def _fill_picker(self, current: int | None) -> None:
        self.meeting_list.reset(self.ws.book.meeting_list if self.ws is not None else None)
        if current is not None:
            self.picker.setCurrentIndex(max(0, self.meeting_list.row_of(current)))

    def _picked(self, index: int) -> None:
        meeting_id = self.picker.itemData(index)
        if self.ws is not None and meeting_id != self.ws.session.meeting_id:
            self.open_meeting(meeting_id)

    def _header_changed(self) -> None:
        self._show_lifecycle_state()
        m = self.ws.session.meeting if self.ws else None
        if m is None:
            self.header_label.setText("  No meeting: Ctrl+N starts one")
            return
        if self.statusBar().currentMessage() == NO_MEETINGS:
            self.statusBar().clearMessage()  # a hint that no longer applies goes
        parts = [long_date(m.date)]
        if m.start:
            parts.append(f"{m.start:%H:%M}")
        if m.venue:
            parts.append(m.venue)
        if m.classification:
            parts.append(m.classification)
        state = "signed off — read-only" if m.is_signed_off else "draft"
        self.header_label.setText(f"  {', '.join(parts)}  ·  {state}")
        self.header_label.setToolTip(f"Next meeting: {next_meeting_text(m)}")
        if not self.meeting_list.update(m):
            self._fill_picker(m.id)  # a new date: its place in the list may be another

    # File ▸ New book, Open book and the example leave the open book: asked before their
    # file dialogs (and before a file is made), not after.

    def _do_new_book(self) -> None:
        if self._may_leave_book(self._do_new_book):
            super()._do_new_book()

    def _do_open_book(self) -> None:
        if self._may_leave_book(self._do_open_book):
            super()._do_open_book()

    def _do_open_example(self) -> None:
        if self._may_leave_book(self._do_open_example):
            super()._do_open_example()

    def _may_leave_book(self, leave: Callable[[], object]) -> bool:
        """Whether the open book may be closed now (the window closing, another book opened).

        Everything typed is written first. When some of it is still only in the window
        (saving fails) and a retry does not help, leaving would lose it: the person is
        asked (save a copy, leave and lose them, keep the window open) and False is
        returned; choosing to lose them runs ``leave`` again, which then goes ahead.
        """
        ws, guard = self.ws, self.guard
        if ws is None or guard is None:
            return True
        ws.flush()
        if not ws.session.pending or self._discard_kept or guard.retry():
            return True

        def discard() -> None:
            self._discard_kept = True
            try:
                leave()
            finally:
                self._discard_kept = False  # for this book only: the next one is asked again

        ask_close(self, ws.session.pending, self._do_save_copy, discard)
        return False

    def _close_workspace(self) -> None:
        if self.ws is not None:
            self._save_layout()
            if self.guard is not None:
                self.guard.stop()
            self.ws.close()
            self.ws = None
            self.guard = None
            self._fill_picker(None)  # lists nothing, and reads nothing more from the book
            self.banner.set_shown(False)
            self._show_title()

    # ------------------------------------------------------------ reliability (ui.saving)

    def _ask_read_only(self, path: Path, error: BookLocked) -> None:
        from scrutiny_desktop.ui.lock_dialog import LockDialog  # rare: not on the start-up path

        dialog = LockDialog(path, error, self)
        dialog.finished.connect(
            lambda _: dialog.read_only_chosen and self.open_book(path, read_only=True)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _show_title(self) -> None:
        if self.ws is None:
            self.setWindowTitle(APP_TITLE)
            self.read_only_label.hide()
            return
        book = self.ws.book
        mode = " (read-only)" if book.read_only else ""
        self.setWindowTitle(f"{book.path}{mode} — {APP_TITLE}")
        # Why, where it stays in sight (a status message would be replaced by the next one).
        self.read_only_label.setText(
            f"Read-only: {book.read_only_reason}" if book.read_only else ""
        )
        self.read_only_label.setVisible(book.read_only)

    def _watch_saving(self, ws: Workspace) -> None:
        self.guard = SavingGuard(ws.session, ws.flush, self._retry_ms)
        self.guard.setParent(ws.session)
        self.guard.failed.connect(self.banner.show_fault)
        self.guard.failed.connect(lambda _: self._show_kept())
        self.guard.recovered.connect(self.banner.show_recovered)
        self.guard.recovered.connect(lambda m: self.statusBar().showMessage(m, 15000))
        ws.session.failed.connect(lambda _: self._show_kept())

    def _show_kept(self) -> None:
        n = self.ws.session.pending if self.ws else 0
        self.saved_label.setText(f"Not saved — {n} change{'s' * (n != 1)} kept in the window")

    def _start_backup(self, path: Path) -> None:
        if self.backups is not None and self.ws is not None and self.ws.book.path == path:
            self.backups.start(path)

    def _backup_done(self, message: str, serious: bool) -> None:
        if serious:
            self.banner.show_serious(message)
        self.saved_label.setToolTip(message)
        # News of a good backup waits its turn; a failure does not.
        if serious or "No backup" in message or not self.statusBar().currentMessage():
            self.statusBar().showMessage(message, 0 if serious else 10000)

    def _do_save_copy(self) -> None:
        if self.ws is None or self.guard is None:
            return
        book = self.ws.book.path
        suggested = book.with_name(f"{book.stem} copy.sqlite")
        ask_copy(self, suggested, self.guard.failing, self.save_copy_to)

    def save_copy_to(self, target: Path, switch: bool = False) -> bool:
        """Save a complete copy (typing included); with ``switch`` carry on in it."""
        if self.ws is None or self.guard is None:
            return False
        try:
            message = self.guard.save_copy(target, switch=switch)
        except BookError as e:
            self.statusBar().showMessage(f"No copy was made: {e}")
            return False
        if switch:
            self._show_title()
            if self.settings is not None:
                self.settings.setValue("book/last", str(target))
        self.statusBar().showMessage(message, 15000)
        return True

    def _ask_path(self, title: str, suggested: str, pattern: str) -> Path | None:
        """The export's file, refused (saying why) when it is the book, beside it or not a file."""
        path = super()._ask_path(title, suggested, pattern)
        if path is None or self.ws is None:
            return path
        try:
            return check_output(path, self.ws.book.path)
        except OutputRefused as e:
            self._fail(f"Not exported: {e}")
            return None

    # ------------------------------------------------------------ state

    def push(self, command: QUndoCommand) -> None:
        """Every edit: save typed text first, so undo order is the order things happened."""
        if self.ws is not None:
            self.ws.bodies.flush()
            self.ws.bodies.seal()
        self.stack.push(command)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.ws is not None and old is self.ws.agenda_pane.editor:
            self.ws.bodies.flush()
            self.ws.bodies.seal()
        if self.ws is not None and new is self.ws.agenda_pane.editor:
            self._give_room_back()  # back to typing: the minutes have their height again

    def _editable(self) -> bool:
        return (
            self.ws is not None
            and self.ws.session.meeting_id is not None
            and (self.ws.session.editable)
        )

    def _set_enabled(self) -> None:
        has_book, editable = self.ws is not None, self._editable()
        writable = has_book and self.ws is not None and not self.ws.book.read_only
        for c in COMMANDS:
            if c.menu in ("&People", "&Item", "&Actions") or c.name == "header":
                self.act[c.name].setEnabled(editable)
        self.act["new_meeting"].setEnabled(writable)
        self.act["pick_meeting"].setEnabled(has_book)
        self.act["save_copy"].setEnabled(has_book)
        self.act["person_details"].setEnabled(editable and bool(self._pending_people))
        self._set_lifecycle_enabled()
        self._sync_checks()

    def _sync_checks(self) -> None:
        item = self.ws.agenda_pane.current_item() if self.ws else None
        self.act["restricted_item"].setChecked(bool(item and item.restricted))
        self.act["next_meeting_item"].setChecked(bool(item and item.kind is ItemKind.NEXT_MEETING))
        self.act["undo"].setEnabled(self.stack.canUndo())
        self.act["redo"].setEnabled(self.stack.canRedo())
        self.act["undo"].setText(f"&Undo {self.stack.undoText()}".strip())
        self.act["redo"].setText(f"&Redo {self.stack.redoText()}".strip())

    def _fit_to_screen(self) -> None:
        """1280×800, or less to fit the screen's free area with room for a title bar
        (a 1366×768 laptop keeps the status bar and the bottom of the panes in sight)."""
        screen = self.screen()
        free = screen.availableGeometry()
        width = min(PREFERRED_SIZE[0], free.width())
        height = min(PREFERRED_SIZE[1], free.height() - TITLE_BAR)
        self.resize(width, height)
        self._fitted_size = QSize(width, height)
        self.move(
            free.x() + (free.width() - width) // 2,
            free.y() + TITLE_BAR + max(0, free.height() - TITLE_BAR - height) // 2,
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

    def _restore_layout(self) -> None:
        state = self.settings.value("window/state") if self.settings else None
        self._layout_restored = state is not None and self.restoreState(state)
        split = self.settings.value("window/agenda_split") if self.settings else None
        if split is not None and self.ws is not None:
            self.ws.agenda_pane.splitter.restoreState(split)
        if self.isVisible():
            self._default_layout()

    def _default_layout(self) -> None:
        if self._layout_restored:
            return
        self._layout_restored = True
        # Attendees a third of the width; the minutes above the actions, 5:3.
        width, height = self.width(), self.height()
        self.resizeDocks(
            [self.docks["attendees"], self.docks["agenda"]],
            [width * 11 // 32, width * 21 // 32],
            Qt.Orientation.Horizontal,
        )
        self.resizeDocks(
            [self.docks["agenda"], self.docks["actions"]],
            [height * 5 // 8, height * 3 // 8],
            Qt.Orientation.Vertical,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self._fit_frame)
        if self.ws is not None:
            # After the first layout pass, or the docks' sizes are overridden by it.
            QTimer.singleShot(0, self._default_layout)

    def _save_layout(self) -> None:
        if self.settings is not None and self.ws is not None:
            self._give_room_back()  # the register's room is for now, not for next time
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
            self.settings.setValue("window/agenda_split", self.ws.agenda_pane.splitter.saveState())

    def end_session(self) -> None:
        """Write everything typed and close without asking: the session is ending.

        (SIGTERM, logout; ``ui.session_end``.) Edits the book could not take cannot be
        asked about now: the book keeps what it could take.
        """
        self._discard_kept = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing never asks: everything typed is written now (unless the book is failing)."""
        if not self._may_leave_book(self.close):
            # The only time closing asks: closing now would lose what the book lacks.
            event.ignore()
            return
        self._close_workspace()
        if self.backups is not None:
            self.backups.wait()
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.sync()
        event.accept()

    def _offer_people(self, initials: tuple[str, ...]) -> None:
        # The newest first: "add details" is about the owner just typed.
        for i in reversed(initials):
            if i in self._pending_people:
                self._pending_people.remove(i)
            self._pending_people.insert(0, i)
        self._show_offer()

    def _show_offer(self) -> None:
        if self._pending_people:
            first = self._pending_people[0]
            self.act["person_details"].setText(f"New person {first} — add details")
            self.person_button.show()
        else:
            self.act["person_details"].setText("Add &details for new person")
            self.person_button.hide()
        self.act["person_details"].setEnabled(self._editable() and bool(self._pending_people))
