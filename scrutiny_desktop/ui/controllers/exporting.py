"""File ▸ Export PDF…, Export public PDF…, Export JSON…, Export as ▸ (every entry of
``export.formats.FORMATS``) and Circulation drafts…: save what was typed, then write.
The table of formats is read when a command first needs it (Export as ▸ is filled the
first time it opens), never at start-up.

Every export is of the book's record (``book.minutes``) with the book's presentation
(its series' item times, its glossary), the file checked first (never the book, a backup,
a device). The writers are imported at the first export, never at start-up. Errors are
said in a message box and the status bar; no export error loses the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from scrutiny_desktop.book import BookError
from scrutiny_desktop.files.outputs import OutputRefused, check_output

if TYPE_CHECKING:
    from scrutiny_desktop.domain.model import Minutes
    from scrutiny_desktop.domain.presentation import Presentation
    from scrutiny_desktop.export.formats import ExportFormat
    from scrutiny_desktop.ui.context import Context

log = logging.getLogger(__name__)
T = TypeVar("T")
EXPORTS = ("export_pdf", "export_public_pdf", "export_json", "circulate")


class ExportController(QObject):
    """The File menu's ways out for the shown meeting."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.export_as: QMenu | None = None

    def slots(self) -> dict[str, Callable[[], None]]:
        return {
            "export_pdf": lambda: self.export(_pdf(public=False)),
            "export_public_pdf": lambda: self.export(_pdf(public=True)),
            "export_json": lambda: self.export(_find("json", public=False)),
            "circulate": self.ask_circulate,
        }

    def update_actions(self, act: dict[str, QAction]) -> None:
        shown = self._ctx.meeting is not None
        for name in EXPORTS:
            act[name].setEnabled(shown)
        if self.export_as is not None:
            self.export_as.setEnabled(shown)

    def export_menu(self, parent: QMenu) -> QMenu:
        """File ▸ Export as: one entry per format, full and public, from the one table;
        the entries are made when the menu first opens (none has a shortcut)."""
        menu = QMenu("Export &as", parent)
        menu.setObjectName("export_as")
        menu.aboutToShow.connect(self.fill_export_menu)
        self.export_as = menu
        return menu

    def fill_export_menu(self) -> None:
        """Make Export as ▸'s entries (once)."""
        menu = self.export_as
        if menu is None or menu.actions():
            return
        from scrutiny_desktop.export.formats import FORMATS

        for n, f in enumerate(FORMATS, start=1):
            action = menu.addAction(f"&{n} {f.label} ({f.suffix})…")  # a key for each
            action.setObjectName(f"export_{f.name}_{'public' if f.public else 'full'}")
            action.triggered.connect(lambda _=False, f=f: self.export(f))

    # ------------------------------------------------------------ exporting

    def export(self, fmt: ExportFormat) -> None:
        """Ask where, then write the shown meeting in ``fmt``."""
        found = self._record()
        if found is None:
            return
        minutes, _ = found
        kind = f"the p{fmt.label[1:]}" if fmt.public else f"the minutes as {fmt.label}"
        path = self._ask_path(f"Export {kind}", fmt.filename(minutes), fmt.suffix)
        if path is not None:
            self.export_to(fmt, path)

    def export_to(self, fmt: ExportFormat, path: Path) -> bool:
        """Write the shown meeting in ``fmt`` to ``path`` (checked first); say what was done."""
        found = self._record()
        book = self._ctx.book
        if found is None or book is None:
            return False
        minutes, presentation = found
        try:
            path = check_output(path, book.path)
        except OutputRefused as e:
            self._fail(f"Not exported: {e}")
            return False
        done, result = self._run(path, lambda: fmt.write(minutes, path, presentation=presentation))
        if not done:
            return False
        self._ctx.tell(_done(fmt.label, path, result))
        return True

    # ------------------------------------------------------------ circulation

    def ask_circulate(self) -> None:
        """A folder, and the full or the public minutes; then ``circulate_to``."""
        if self._record() is None:
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Circulation drafts",
            "One e-mail draft per action owner, and one to all attendees, with the minutes "
            "attached. Nothing is sent: mail clients open the .eml files as drafts.\n\n"
            "Which minutes go with them? Restricted actions go only to their owners, and "
            "only with the full minutes.",
            parent=self._ctx.window,
        )
        full = box.addButton("&Full minutes", QMessageBox.ButtonRole.AcceptRole)
        public = box.addButton("&Public minutes", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() not in (full, public):
            return
        folder = QFileDialog.getExistingDirectory(
            self._ctx.window, "Write the drafts into this folder", str(self._start_dir())
        )
        if folder:
            self.circulate_to(Path(folder), public=box.clickedButton() is public)

    def circulate_to(self, folder: Path, *, public: bool) -> list[Path] | None:
        """Write the shown meeting's circulation drafts into ``folder``; their paths."""
        from scrutiny_desktop.circulate import MinutesAltered, circulate

        ws, m = self._ctx.workspace, self._ctx.meeting
        if ws is None or m is None or m.id is None:
            return None
        ws.flush()
        meeting_id = m.id
        _, paths = self._run(
            folder, lambda: circulate(ws.book, meeting_id, folder, public=public), MinutesAltered
        )
        if paths is not None:
            which = "public" if public else "full"
            self._ctx.tell(f"{len(paths)} drafts ({which} minutes attached) written to {folder}")
            self._remember(folder)
        return paths

    # ------------------------------------------------------------ helpers

    def _record(self) -> tuple[Minutes, Presentation] | None:
        ws = self._ctx.workspace
        if ws is None or ws.session.meeting_id is None:
            return None
        ws.flush()  # what was typed a moment ago goes into the file
        try:
            meeting_id = ws.session.meeting_id
            return ws.book.minutes(meeting_id), ws.book.presentation(meeting_id)
        except BookError as e:
            self._fail(f"Could not read the meeting: {e}")
            return None

    def _start_dir(self) -> Path:
        settings = self._ctx.settings
        folder = settings.value("export/dir") if settings is not None else None
        return Path(str(folder)) if folder else Path.home()

    def _remember(self, folder: Path) -> None:
        if self._ctx.settings is not None:
            self._ctx.settings.setValue("export/dir", str(folder))

    def _ask_path(self, title: str, suggested: str, suffix: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # here: not on the first screen (issue 7)

        pattern = f"{suffix[1:].upper()} files (*{suffix})"
        name, _ = QFileDialog.getSaveFileName(
            self._ctx.window, title, str(self._start_dir() / suggested), pattern
        )
        if not name:
            return None
        path = Path(name)
        self._remember(path.parent)
        return path

    def _run(
        self, path: Path, write: Callable[[], T], *said: type[Exception]
    ) -> tuple[bool, T | None]:
        """(True, what ``write()`` returned), or (False, None) with what went wrong said;
        errors of the types ``said`` are told as their own message."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return True, write()
        except said as e:
            self._fail(str(e))
        except OSError as e:
            self._fail(f"Could not write {path}: {e.strerror or e}")
        except BookError as e:
            self._fail(f"Could not read the meeting: {e}")
        except Exception as e:  # an export bug must not lose the window or show a traceback
            log.exception("export to %s failed", path)
            self._fail(f"Could not export to {path}: {e}")
        finally:
            QApplication.restoreOverrideCursor()
        return False, None

    def _fail(self, message: str) -> None:
        self._ctx.tell(message)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning, "Export failed", message, parent=self._ctx.window
        )
        box.open()


def _find(name: str, *, public: bool) -> ExportFormat:
    from scrutiny_desktop.export.formats import FORMATS

    return next(f for f in FORMATS if f.name == name and f.public == public)


def _pdf(*, public: bool) -> ExportFormat:
    return _find("pdf", public=public)


def _done(label: str, path: Path, result: object) -> str:
    """What an export did; with the pages and the characters the font could not draw
    for a writer that reports them (the PDF's ``PdfReport``)."""
    pages = getattr(result, "pages", None)
    if not isinstance(pages, int):
        return f"Exported {label} to {path}"
    missing = len(getattr(result, "substitutions", ()))
    glyphs = f"; {missing} character(s) had no glyph and print as �" if missing else ""
    return f"Exported {label}, {pages} page{'s' if pages != 1 else ''}, to {path}{glyphs}"
