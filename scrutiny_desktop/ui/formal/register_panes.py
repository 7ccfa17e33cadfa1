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

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.public import public_decisions, public_declarations
from scrutiny_desktop.export.csv_export import csv_bytes
from scrutiny_desktop.export.registers_csv import decisions_csv_text, declarations_csv_text
from scrutiny_desktop.ui.formal.register_models import PLACE_ROLE, DecisionsModel, DeclaredModel
from scrutiny_desktop.ui.panes.register_base import RegisterPaneBase, Source


class _RegisterPane(RegisterPaneBase):
    """Enter on a row asks to open the meeting and item it came from."""

    place_chosen = Signal(int, int)  # meeting id, item id

    def _chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        place = index.data(PLACE_ROLE) if index.isValid() else None
        if place is not None:
            self.place_chosen.emit(*place)


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
