"""The decisions register pane (every resolution of the series, searchable) and the
declarations register pane (per person, across meetings), each with a CSV export that
is full or public: the public one is ``domain.public``'s view, nothing restricted in it.

As the action register pane: loads only while shown, Enter on a row asks the window to
open the meeting and item it came from, and the file written is checked first
(``files.outputs.check_output``: never the book, a backup, a device).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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
from scrutiny_desktop.domain.public import public_decisions, public_declarations
from scrutiny_desktop.export.csv_export import csv_bytes
from scrutiny_desktop.export.registers_csv import decisions_csv_text, declarations_csv_text
from scrutiny_desktop.files.atomic import write_bytes_atomically
from scrutiny_desktop.files.outputs import check_output
from scrutiny_desktop.ui.formal.register_models import PLACE_ROLE, DecisionsModel, DeclaredModel
from scrutiny_desktop.ui.models.table import RowsTableModel

Source = Callable[[], tuple[Book, str | None] | None]
"""The open book and the current meeting's series, or None with no book open."""


class _RegisterPane(QWidget):
    """A filter row, a summary, a read-only table and Export CSV…; subclasses fill it."""

    place_chosen = Signal(int, int)  # meeting id, item id
    status_message = Signal(str)
    what = "rows"

    def __init__(self, source: Source, today: Callable[[], date], export_dir: Path) -> None:
        super().__init__()
        self._source, self._today, self.export_dir = source, today, export_dir
        self._stale = True
        self.public = QCheckBox("P&ublic version: leave out restricted rows")
        self.public.setChecked(True)
        self.export_button = QPushButton("Export CSV…")
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
        self.model = model
        self.table = QTableView()
        self.table.setAccessibleName(self.what.capitalize())
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
        self.filters.addWidget(self.public)
        self.filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.table.activated.connect(self._chosen)
        model.modelReset.connect(self._rows_timer.start)

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
        public = " (public version)" if self.public.isChecked() else " (full: restricted marked)"
        noun = self.what if n != 1 else self.what[:-1]
        self.summary.setText(f"{n} {noun}{public} — Enter opens the meeting")

    def _load(self, book: Book | None, series: str | None) -> int:
        """Show the rows of ``book`` (none without one); how many."""
        raise NotImplementedError

    def _csv(self) -> bytes:
        raise NotImplementedError

    def _chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        place = index.data(PLACE_ROLE) if index.isValid() else None
        if place is not None:
            self.place_chosen.emit(*place)

    def ask_export(self) -> None:
        which = "public" if self.public.isChecked() else "full"
        name, _ = QFileDialog.getSaveFileName(
            self,
            f"Export the {self.what} register as CSV",
            str(self.export_dir / f"{self.what} {which} {self._today().isoformat()}.csv"),
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
        except OSError as e:
            self.status_message.emit(f"Could not write {path}: {e.strerror or e}")
            return False
        self.export_dir = path.parent
        which = "public" if self.public.isChecked() else "full"
        n = self.model.rowCount()
        self.status_message.emit(f"Exported {n} {self.what} ({which}) to {path}")
        return True


class DecisionsPane(_RegisterPane):
    """Every resolution of the current series, searchable by words."""

    what = "decisions"

    def __init__(self, source: Source, today: Callable[[], date], export_dir: Path) -> None:
        super().__init__(source, today, export_dir)
        self.text = QLineEdit()
        self.text.setAccessibleName("Words in the resolution or item")
        self.text.setPlaceholderText("Words in the resolution, the item's title or number")
        self.filters.addWidget(self.text, 1)
        self.text.textChanged.connect(self._timer.start)
        self.decisions = DecisionsModel()
        m = DecisionsModel
        widths = {m.MEETING: 70, m.ITEM: 60, m.TITLE: 180, m.VOTE: 190, m.RESTRICTED: 80}
        self._finish(self.decisions, m.RESOLUTION, widths)

    def _load(self, book: Book | None, series: str | None) -> int:
        rows = [] if book is None else book.decisions(series, text=self.text.text().strip() or None)
        self.decisions.set_rows(public_decisions(rows) if self.public.isChecked() else rows)
        return self.decisions.rowCount()

    def _csv(self) -> bytes:
        return csv_bytes(decisions_csv_text(self.decisions.rows()))


class DeclarationsRegisterPane(_RegisterPane):
    """Every interest one person declared (or everyone), across meetings."""

    what = "declarations"
    EVERYONE = "Everyone"

    def __init__(self, source: Source, today: Callable[[], date], export_dir: Path) -> None:
        super().__init__(source, today, export_dir)
        self.person = QComboBox()
        self.person.setAccessibleName("Whose declarations")
        who = QLabel("&Who:")
        who.setBuddy(self.person)
        self.filters.addWidget(who)
        self.filters.addWidget(self.person, 1)
        self.person.activated.connect(self.refresh)
        self.declared = DeclaredModel()
        m = DeclaredModel
        widths = {m.MEETING: 70, m.ITEM: 60, m.TITLE: 180, m.MEMBER: 160, m.KIND: 130, m.LEFT: 90}
        self._finish(self.declared, m.INTEREST, widths)

    def choose(self, initials: str | None) -> None:
        """Show one person's declarations (None: everyone's)."""
        self._fill_people()
        i = self.person.findData(initials)
        self.person.setCurrentIndex(max(i, 0))
        self.refresh()

    def _fill_people(self) -> None:
        found = self._source()
        chosen = self.person.currentData()
        self.person.clear()
        self.person.addItem(self.EVERYONE, None)
        for p in [] if found is None else found[0].people():
            self.person.addItem(f"{p.initials} · {p.name}" if p.name else p.initials, p.initials)
        self.person.setCurrentIndex(max(self.person.findData(chosen), 0))

    def refresh(self) -> None:
        if self.person.count() == 0:
            self._fill_people()
        super().refresh()

    def _load(self, book: Book | None, series: str | None) -> int:
        rows = [] if book is None else book.declarations_of(self.person.currentData())
        self.declared.set_rows(public_declarations(rows) if self.public.isChecked() else rows)
        return self.declared.rowCount()

    def _csv(self) -> bytes:
        return csv_bytes(declarations_csv_text(self.declared.rows()))
