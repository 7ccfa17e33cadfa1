"""What every register pane shares (the action register, the decisions and declarations
registers): a filter row ending in "Public version" and Export CSV…, a summary, a
read-only table that loads only while shown, and the CSV written of the rows shown.

The table and its export are the full register (restricted rows marked) or, with
"Public version" ticked, ``domain.public``'s view of it: what is shown is what is
written. The file is checked first (``files.outputs.check_output``: never the book, a
backup, a device).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.files.atomic import write_bytes_atomically
from scrutiny_desktop.files.outputs import OutputRefused, check_output
from scrutiny_desktop.ui.models.table import RowsTableModel

Source = Callable[[], tuple[Book, str | None] | None]
"""The open book and the current meeting's series, or None with no book open."""


class RegisterPaneBase(QWidget):
    """A register; a subclass adds its filters to ``filters``, calls ``_finish`` with its
    model, and says how rows load (``_load``), read (``_summary``) and export (``_csv``)."""

    status_message = Signal(str)
    what = "rows"  # "actions", "decisions", "declarations"

    def __init__(self, source: Source, today: Callable[[], date], export_dir: Path) -> None:
        super().__init__()
        self._source, self._today, self.export_dir = source, today, export_dir
        self._stale = True
        self.public = QCheckBox("P&ublic version")
        self.public.setToolTip(f"Leave out restricted {self.what}")
        self.public.setChecked(True)  # what leaves the window is public unless asked
        self.export_button = QPushButton("Export &CSV…")
        self.summary = QLabel()
        self.summary.setAccessibleName(f"{self.what.capitalize()} summary")
        self.filters = QHBoxLayout()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self.public.toggled.connect(self.refresh)
        self.export_button.clicked.connect(self.ask_export)

    def _finish(self, model: RowsTableModel, stretch: int, widths: dict[int, int]) -> None:
        """The table of ``model`` (column ``stretch`` takes the room), under the filters."""
        self.model = model
        self.table = QTableView()
        self.table.setAccessibleName(f"{self.what.capitalize()} register")
        self.table.setModel(model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        # Row heights follow the wrapping: measured once the columns settle.
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(self._rows_timer.start)
        model.modelReset.connect(self._rows_timer.start)
        self.filters.addWidget(self.public)
        self.filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.table.activated.connect(self._chosen)

    # ------------------------------------------------------------ loading

    def mark_stale(self) -> None:
        """The book changed: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def shown_changed(self, shown: bool) -> None:
        if shown and self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        self._stale = False
        found = self._source()
        if found is None:
            self._load(None, None)
            self.summary.setText("No book open")
            return
        try:
            n = self._load(*found)
        except BookError as e:
            self._load(None, None)
            self.summary.setText(f"Cannot list the {self.what}: {e}")
            return
        self.summary.setText(f"{self._summary(n, found[1])} — Enter opens the meeting")
        if n and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _load(self, book: Book | None, series: str | None) -> int:
        """Show the rows of ``book`` (none without one), public or full; how many."""
        raise NotImplementedError

    def _summary(self, n: int, series: str | None) -> str:
        which = " (public version)" if self.public.isChecked() else " (full: restricted marked)"
        return f"{n} {self.what if n != 1 else self.what[:-1]}{which}"

    def _chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Enter on a row: ask to open where it came from."""
        raise NotImplementedError

    # ------------------------------------------------------------ export

    def _csv(self) -> bytes:
        raise NotImplementedError

    def _export_name(self, series: str | None) -> str:
        which = "public" if self.public.isChecked() else "full"
        return f"{self.what} {which} {self._today().isoformat()}.csv"

    def ask_export(self) -> None:
        found = self._source()
        name, _ = QFileDialog.getSaveFileName(
            self,
            f"Export the {self.what} register as CSV",
            str(self.export_dir / self._export_name(found[1] if found else None)),
            "CSV files (*.csv)",
        )
        if name:
            self.export_csv(Path(name))

    def export_csv(self, path: Path) -> bool:
        """Write the rows shown (public or full, as chosen) as CSV; say where, or why not."""
        found = self._source()
        try:
            target = check_output(path, None if found is None else found[0].path)
            write_bytes_atomically(target, self._csv())
        except OutputRefused as e:
            self.status_message.emit(f"Not exported: {e}")
            return False
        except OSError as e:
            self.status_message.emit(f"Could not write {path}: {e.strerror or e}")
            return False
        self.export_dir = path.parent
        which = "public" if self.public.isChecked() else "full, restricted marked"
        n = self.model.rowCount()
        noun = self.what if n != 1 else self.what[:-1]
        self.status_message.emit(f"Exported {n} {noun} ({which}) to {path}")
        return True
