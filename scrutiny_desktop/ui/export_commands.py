"""File ▸ Export PDF…, Export public PDF… and Export JSON…: save what was typed, then write.

A mixin of ``MainWindow``. reportlab is imported by ``export_pdf_report`` itself, at the
first export, never at start-up. Errors are said in a message box and the status bar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from scrutiny_desktop.book import BookError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow as _Base

    from scrutiny_desktop.domain.model import Minutes
    from scrutiny_desktop.ui.workspace import Workspace
else:
    _Base = object

log = logging.getLogger(__name__)
T = TypeVar("T")


class ExportCommands(_Base):
    """The ``_do_export_*`` slots."""

    ws: Workspace | None
    settings: QSettings | None
    _data_dir: Path

    if TYPE_CHECKING:  # provided by LifecycleCommands

        def _tell(self, message: str) -> None: ...

    def _do_export_pdf(self) -> None:
        self._export_pdf(public=False)

    def _do_export_public_pdf(self) -> None:
        self._export_pdf(public=True)

    def _do_export_json(self) -> None:
        minutes = self._current_minutes()
        if minutes is None:
            return
        from scrutiny_desktop.export import interchange
        from scrutiny_desktop.export.pdf import (
            default_filename,
        )  # no reportlab: that loads on export
        from scrutiny_desktop.files.atomic import write_bytes_atomically

        suggested = default_filename(minutes, public=False, ext=".json")
        path = self._ask_path("Export the meeting as JSON", suggested, "JSON files (*.json)")
        if path is None:
            return
        self._run(
            path,
            lambda: write_bytes_atomically(path, interchange.dumps(minutes).encode("utf-8")),
            f"Exported the meeting as JSON to {path}",
        )

    def _export_pdf(self, *, public: bool) -> None:
        minutes = self._current_minutes()
        if minutes is None:
            return
        from scrutiny_desktop.export.pdf import default_filename, export_pdf_report

        kind = "public PDF" if public else "PDF"
        path = self._ask_path(
            f"Export the minutes as {kind}", default_filename(minutes, public), "PDF (*.pdf)"
        )
        if path is None:
            return
        report = self._run(path, lambda: export_pdf_report(minutes, path, public=public), "")
        if report is None:
            return
        pages = f"{report.pages} page{'s' if report.pages != 1 else ''}"
        missing = (
            f"; {len(report.substitutions)} character(s) had no glyph and print as �"
            if report.substitutions
            else ""
        )
        self._tell(f"Exported {kind}, {pages}, to {path}{missing}")

    # ------------------------------------------------------------ helpers

    def _current_minutes(self) -> Minutes | None:
        ws = self.ws
        if ws is None or ws.session.meeting_id is None:
            return None
        ws.flush()  # what was typed a moment ago goes into the file
        try:
            return ws.book.minutes(ws.session.meeting_id)
        except BookError as e:
            self._fail(f"Could not read the meeting: {e}")
            return None

    def _ask_path(self, title: str, suggested: str, pattern: str) -> Path | None:
        folder = self.settings.value("export/dir") if self.settings is not None else None
        start = Path(str(folder)) if folder else Path.home()
        from PySide6.QtWidgets import QFileDialog  # here: not on the first screen (issue 7)

        name, _ = QFileDialog.getSaveFileName(self, title, str(start / suggested), pattern)
        if not name:
            return None
        path = Path(name)
        if self.settings is not None:
            self.settings.setValue("export/dir", str(path.parent))
        return path

    def _run(self, path: Path, write: Callable[[], T], done: str) -> T | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = write()
        except OSError as e:
            self._fail(f"Could not write {path}: {e.strerror or e}")
            return None
        except Exception as e:  # an export bug must not lose the window or show a traceback
            log.exception("export to %s failed", path)
            self._fail(f"Could not export to {path}: {e}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        if done:
            self._tell(done)
        return result

    def _fail(self, message: str) -> None:
        self._tell(message)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, "Export failed", message, parent=self)
        box.open()
