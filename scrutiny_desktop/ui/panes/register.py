"""The action register pane: filters, the table of every action of the series, CSV export.

The table and its export are the full register (restricted actions marked) or, with
"Public version" ticked, ``domain.public.public_register`` of it: what is shown is what
is written. The file is checked first (``files.outputs.check_output``: never the book,
a backup, a device).
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
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.domain.carry import RegisterFilter, Tracked
from scrutiny_desktop.domain.public import public_register
from scrutiny_desktop.export.csv_export import register_csv
from scrutiny_desktop.files.atomic import write_bytes_atomically
from scrutiny_desktop.files.outputs import OutputRefused, check_output
from scrutiny_desktop.ui.models.register import (
    DUE,
    OWNERS,
    RAISED,
    REF,
    STATUS,
    TEXT,
    RegisterModel,
)

Source = Callable[[], tuple[Book, str | None] | None]
"""The open book and the series to list, or None with no book open."""


class RegisterPane(QWidget):
    """Every action of the current series; loads only while shown."""

    tracked_chosen = Signal(object)  # the Tracked row to open
    status_message = Signal(str)

    def __init__(self, source: Source, today: Callable[[], date], export_dir: Path) -> None:
        super().__init__()
        self._source, self._today, self.export_dir = source, today, export_dir
        self._stale = True
        self.model = RegisterModel(today)
        self.open_only = QCheckBox("&Open only")
        self.open_only.setChecked(True)
        self.overdue = QCheckBox("O&verdue")
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Owner")
        self.owner.setPlaceholderText("Owner, e.g. SH")
        self.owner.setMaximumWidth(110)
        self.text = QLineEdit()
        self.text.setAccessibleName("Words in the action")
        self.text.setPlaceholderText("Words in the reference, text or notes")
        self.public = QCheckBox("P&ublic version")
        self.public.setToolTip("Leave out restricted actions, and restricted notes of updates")
        self.public.setChecked(True)  # as the other registers: what leaves is public unless asked
        self.export_button = QPushButton("Export &CSV…")
        self.summary = QLabel()
        self.summary.setAccessibleName("Register summary")
        self.table = QTableView()
        self.table.setAccessibleName("Action register")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((REF, 56), (OWNERS, 70), (DUE, 72), (STATUS, 130), (RAISED, 72)):
            self.table.setColumnWidth(col, width)

        filters = QHBoxLayout()
        for w in (self.open_only, self.overdue, QLabel("Owner:"), self.owner):
            filters.addWidget(w)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.public)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        # Row heights follow the text's wrapping, so they are measured once columns settle.
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(self._rows_timer.start)
        self.open_only.toggled.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.public.toggled.connect(self.refresh)
        self.owner.textChanged.connect(self._timer.start)
        self.text.textChanged.connect(self._timer.start)
        self.export_button.clicked.connect(self.ask_export)
        self.table.activated.connect(self._chosen)

    def filters(self) -> RegisterFilter:
        return RegisterFilter(
            open_only=self.open_only.isChecked(),
            overdue_on=self._today() if self.overdue.isChecked() else None,
            owner=self.owner.text().strip() or None,
            text=self.text.text().strip() or None,
        )

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
            self.model.set_rows([])
            self.summary.setText("No book open")
            return
        book, series = found
        try:
            rows = book.register(series, filters=self.filters())
        except BookError as e:
            self.model.set_rows([])
            self.summary.setText(f"Cannot list the actions: {e}")
            return
        shown: list[Tracked] = public_register(rows) if self.public.isChecked() else rows
        self.model.set_rows(shown)
        self._rows_timer.start()
        where = f" of {series}" if series else ""
        late = self.model.overdue_count
        left_out = len(rows) - len(shown)
        self.summary.setText(
            f"{len(shown)} action{'s' if len(shown) != 1 else ''}{where}"
            + (f", {late} overdue (marked OVERDUE)" if late else "")
            + (f"; public version: {left_out} restricted left out" if left_out else "")
            + (" (public version)" if self.public.isChecked() and not left_out else "")
            + " — Enter opens the meeting"
        )
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, REF))

    def _chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.tracked_chosen.emit(self.model.tracked(index.row()))

    def ask_export(self) -> None:
        found = self._source()
        series = (found[1] if found else None) or "actions"
        which = "public register" if self.public.isChecked() else "register"
        name, _ = QFileDialog.getSaveFileName(
            self,
            f"Export the action {which} as CSV",
            str(self.export_dir / f"{series} {which} {self._today().isoformat()}.csv"),
            "CSV files (*.csv)",
        )
        if name:
            self.export_csv(Path(name))

    def export_csv(self, path: Path) -> bool:
        """Write the rows shown (filters applied, public or full as chosen) as CSV; say
        where, or why not."""
        found = self._source()
        try:
            target = check_output(path, None if found is None else found[0].path)
            write_bytes_atomically(target, register_csv(self.model.rows(), today=self._today()))
        except OutputRefused as e:
            self.status_message.emit(f"Not exported: {e}")
            return False
        except OSError as e:
            self.status_message.emit(f"Could not write {path}: {e.strerror or e}")
            return False
        self.export_dir = path.parent
        n = self.model.rowCount()
        which = "public" if self.public.isChecked() else "full, restricted marked"
        self.status_message.emit(f"Exported {n} action{'s' if n != 1 else ''} ({which}) to {path}")
        return True
