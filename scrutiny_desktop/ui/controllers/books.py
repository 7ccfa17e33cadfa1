"""Opening and leaving books: the lock, read-only books, saving when the book fails,
backups, copies, the welcome, and what the window's title and status bar say of the book.

``open_book`` makes the book's ``Workspace``, puts it in the context and says so
(``ctx.workspace_changed``); the window places its panes and the meetings controller shows
a meeting. Leaving a book whose edits could not be saved asks first (``may_leave_book``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.book.errors import BookLocked
from scrutiny_desktop.ui.backups import BackupRunner
from scrutiny_desktop.ui.faults import FaultBanner, ask_close, ask_copy
from scrutiny_desktop.ui.saving import SavingGuard
from scrutiny_desktop.ui.workspace import Workspace

if TYPE_CHECKING:
    from scrutiny_desktop.ui.context import Context

APP_TITLE = "Scrutiny Desktop"
BACKUP_DELAY_MS = 1500  # the snapshot on opening starts this long after the window is shown


class BookController(QObject):
    """The open book's life in the window. Its widgets (the saving banner, the saved and
    read-only labels) are the window's to place."""

    def __init__(
        self,
        ctx: Context,
        status_bar: QStatusBar,
        example: Path,
        save_delay_ms: int,
        retry_ms: int,
        backups: bool,
    ) -> None:
        super().__init__(ctx)
        self._ctx, self._status, self._example = ctx, status_bar, example
        self._save_delay_ms, self._retry_ms = save_delay_ms, retry_ms
        self.guard: SavingGuard | None = None
        self.backups = BackupRunner(parent=self) if backups else None
        if self.backups is not None:
            self.backups.finished.connect(self._backup_done)
        self.discard_kept = False  # True while leaving a book the person let go of
        self.banner = FaultBanner()
        self.banner.copy_requested.connect(self.save_copy)
        self.saved_label = QLabel("Nothing changed yet")
        self.saved_label.setAccessibleName("Last saved")
        self.read_only_label = QLabel()
        self.read_only_label.setAccessibleName("Why the book is read-only")
        self.read_only_label.hide()

    def slots(self) -> dict[str, Callable[[], None]]:
        return {
            "new_book": self.new_book,
            "open_book": self.choose_book,
            "open_example": self.open_example,
            "save_copy": self.save_copy,
            "about": self.about,
        }

    def update_actions(self, act: dict[str, QAction]) -> None:
        act["save_copy"].setEnabled(self._ctx.workspace is not None)

    # ------------------------------------------------------------ opening

    def open_book(self, path: Path, *, read_only: bool = False) -> bool:
        """Open ``path``; False (the reason in the status bar) when it cannot be, or while
        the open book keeps edits it could not save (the person is asked first)."""
        if not self.may_leave_book(lambda: self.open_book(path, read_only=read_only)):
            return False
        try:
            # The lock: a second window (or program) on the same book is refused, not raced.
            book = Book.open(path, read_only=read_only, lock=True)
        except BookLocked as e:
            self._status.showMessage(f"Cannot open {path} for writing: {e}")
            self._ask_read_only(path, e)
            return False
        except BookError as e:
            self._status.showMessage(f"Cannot open {path}: {e}")
            return False
        self.close_workspace()
        ws = Workspace(book, self._ctx.stack, self._ctx.push, self._save_delay_ms)
        ws.session.saved.connect(lambda t: self.saved_label.setText(f"Saved {t}"))
        ws.session.refused.connect(lambda m: self._status.showMessage(m, 15000))
        self._watch_saving(ws)
        self._ctx.workspace = ws
        self._ctx.workspace_changed.emit()  # panes placed, a meeting shown
        if self._ctx.settings is not None:
            self._ctx.settings.setValue("book/last", str(path))
        self._show_title()
        for notice in book.notices:  # what opening found (lock triggers restored, ...)
            self._status.showMessage(f"{book.path.name}: {notice}", 0)
        if book.read_only:
            self._status.showMessage(f"Read-only: {book.read_only_reason}")
        elif self.backups is not None:
            # On a worker thread, once the window has painted and settled: reading the whole
            # file at the same moment as the first paint slowed it by 5-15 ms (issue 7).
            QTimer.singleShot(BACKUP_DELAY_MS, lambda: self._start_backup(book.path))
        return True

    def _ask_read_only(self, path: Path, error: BookLocked) -> None:
        from scrutiny_desktop.ui.lock_dialog import LockDialog  # rare: not on the start-up path

        dialog = LockDialog(path, error, self._ctx.window)
        dialog.finished.connect(
            lambda _: dialog.read_only_chosen and self.open_book(path, read_only=True)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def new_book(self) -> None:
        """File ▸ New book: asked before the file dialog whether the open book may close."""
        if not self.may_leave_book(self.new_book):
            return
        from PySide6.QtWidgets import QFileDialog

        folder = self._ctx.data_dir
        try:
            # A folder that does not exist yet is not shown: the dialog would offer the
            # current directory (the program's own folder) instead.
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = Path.home()
        name, _ = QFileDialog.getSaveFileName(
            self._ctx.window,
            "New meeting book",
            str(folder / "meetings.sqlite"),
            "Meeting books (*.sqlite)",
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            # "herts-pcp" would be made as typed, then hidden by Open's *.sqlite filter.
            path = path.with_name(f"{path.name}.sqlite")
        try:
            Book.create(path).close()
        except BookError as e:
            self._status.showMessage(str(e))
            return
        self.open_book(path)

    def choose_book(self) -> None:
        """File ▸ Open book…"""
        if not self.may_leave_book(self.choose_book):
            return
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self._ctx.window,
            "Open meeting book",
            str(self._ctx.data_dir),
            "Meeting books (*.sqlite);;All files (*)",
        )
        if name:
            self.open_book(Path(name))

    def open_example(self) -> None:
        if self.may_leave_book(self.open_example):
            self.open_example_copy()

    def open_example_copy(self) -> Path:
        """Import the example meeting into a new book in the data folder and open it."""
        data = self._ctx.data_dir
        data.mkdir(parents=True, exist_ok=True)
        path = data / "example-meeting.sqlite"
        n = 2
        while path.exists():
            path = data / f"example-meeting-{n}.sqlite"
            n += 1
        from scrutiny_desktop.export import interchange  # JSON and its schema: on first use

        with Book.create(path) as book:
            book.import_minutes(interchange.load(self._example))
        self.open_book(path)
        return path

    def about(self) -> None:
        from scrutiny_desktop.ui.panes.about import show_about

        book = self._ctx.book
        show_about(self._ctx.window, None if book is None else book.path)

    # ------------------------------------------------------------ leaving

    def may_leave_book(self, leave: Callable[[], object]) -> bool:
        """Whether the open book may be closed now (the window closing, another book opened).

        Everything typed is written first. When some of it is still only in the window
        (saving fails) and a retry does not help, leaving would lose it: the person is
        asked (save a copy, leave and lose them, keep the window open) and False is
        returned; choosing to lose them runs ``leave`` again, which then goes ahead.
        """
        ws, guard = self._ctx.workspace, self.guard
        if ws is None or guard is None:
            return True
        ws.flush()
        if not ws.session.pending or self.discard_kept or guard.retry():
            return True

        def discard() -> None:
            self.discard_kept = True
            try:
                leave()
            finally:
                self.discard_kept = False  # for this book only: the next one is asked again

        ask_close(self._ctx.window, ws.session.pending, self.save_copy, discard)
        return False

    def close_workspace(self) -> None:
        """Close the open book (after ``may_leave_book``); the context has none after."""
        ws = self._ctx.workspace
        if ws is None:
            return
        self._ctx.workspace_closing.emit()  # the layout is kept while the panes are there
        if self.guard is not None:
            self.guard.stop()
        ws.close()
        self._ctx.workspace, self.guard = None, None
        self.banner.set_shown(False)
        self._show_title()
        self._ctx.workspace_changed.emit()

    def wait_for_backups(self) -> None:
        if self.backups is not None:
            self.backups.wait()

    # ------------------------------------------------------------ saving and copies

    def _watch_saving(self, ws: Workspace) -> None:
        self.guard = SavingGuard(ws.session, ws.flush, self._retry_ms)
        self.guard.setParent(ws.session)
        self.guard.failed.connect(self.banner.show_fault)
        self.guard.failed.connect(lambda _: self._show_kept())
        self.guard.recovered.connect(self.banner.show_recovered)
        self.guard.recovered.connect(lambda m: self._status.showMessage(m, 15000))
        ws.session.failed.connect(lambda _: self._show_kept())

    def _show_kept(self) -> None:
        ws = self._ctx.workspace
        n = ws.session.pending if ws else 0
        self.saved_label.setText(f"Not saved — {n} change{'s' * (n != 1)} kept in the window")

    def save_copy(self) -> None:
        """File ▸ Save a copy…: the book with everything typed, elsewhere."""
        ws = self._ctx.workspace
        if ws is None or self.guard is None:
            return
        book = ws.book.path
        suggested = book.with_name(f"{book.stem} copy.sqlite")
        ask_copy(self._ctx.window, suggested, self.guard.failing, self.save_copy_to)

    def save_copy_to(self, target: Path, switch: bool = False) -> bool:
        """Save a complete copy (typing included); with ``switch`` carry on in it."""
        if self._ctx.workspace is None or self.guard is None:
            return False
        try:
            message = self.guard.save_copy(target, switch=switch)
        except BookError as e:
            self._status.showMessage(f"No copy was made: {e}")
            return False
        if switch:
            self._show_title()
            if self._ctx.settings is not None:
                self._ctx.settings.setValue("book/last", str(target))
        self._status.showMessage(message, 15000)
        return True

    def _start_backup(self, path: Path) -> None:
        book = self._ctx.book
        if self.backups is not None and book is not None and book.path == path:
            self.backups.start(path)

    def _backup_done(self, message: str, serious: bool) -> None:
        if serious:
            self.banner.show_serious(message)
        self.saved_label.setToolTip(message)
        # News of a good backup waits its turn; a failure does not.
        if serious or "No backup" in message or not self._status.currentMessage():
            self._status.showMessage(message, 0 if serious else 10000)

    def _show_title(self) -> None:
        book = self._ctx.book
        if book is None:
            self._ctx.window.setWindowTitle(APP_TITLE)
            self.read_only_label.hide()
            return
        mode = " (read-only)" if book.read_only else ""
        self._ctx.window.setWindowTitle(f"{book.path}{mode} — {APP_TITLE}")
        # Why, where it stays in sight (a status message would be replaced by the next one).
        self.read_only_label.setText(
            f"Read-only: {book.read_only_reason}" if book.read_only else ""
        )
        self.read_only_label.setVisible(book.read_only)
