"""The action register pane: every action of the series, with filters for open, overdue,
owner and words, full or public (``RegisterPaneBase``), exported as CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.carry import RegisterFilter, Tracked
from scrutiny_desktop.domain.public import public_register
from scrutiny_desktop.export.csv_export import register_csv
from scrutiny_desktop.ui.models.register import (
    DUE,
    OWNERS,
    RAISED,
    REF,
    STATUS,
    TEXT,
    RegisterModel,
)
from scrutiny_desktop.ui.panes.register_base import RegisterPaneBase, Source


class RegisterPane(RegisterPaneBase):
    """Every action of the current series; loads only while shown."""

    tracked_chosen = Signal(object)  # the Tracked row to open
    what = "actions"
    model: RegisterModel

    def __init__(self, source: Source, today: Callable[[], date], export_dir: Path) -> None:
        super().__init__(source, today, export_dir)
        self.public.setToolTip("Leave out restricted actions, and restricted notes of updates")
        self._left_out = 0
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
        for w in (self.open_only, self.overdue, QLabel("Owner:"), self.owner):
            self.filters.addWidget(w)
        self.filters.addWidget(self.text, 1)
        widths = {REF: 56, OWNERS: 70, DUE: 72, STATUS: 130, RAISED: 72}
        self._finish(RegisterModel(today), TEXT, widths)
        self.open_only.toggled.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.owner.textChanged.connect(self._timer.start)
        self.text.textChanged.connect(self._timer.start)

    def register_filter(self) -> RegisterFilter:
        return RegisterFilter(
            open_only=self.open_only.isChecked(),
            overdue_on=self._today() if self.overdue.isChecked() else None,
            owner=self.owner.text().strip() or None,
            text=self.text.text().strip() or None,
        )

    def _load(self, book: Book | None, series: str | None) -> int:
        rows = [] if book is None else book.register(series, filters=self.register_filter())
        shown: list[Tracked] = public_register(rows) if self.public.isChecked() else rows
        self._left_out = len(rows) - len(shown)
        self.model.set_rows(shown)
        return len(shown)

    def _summary(self, n: int, series: str | None) -> str:
        where = f" of {series}" if series else ""
        late = self.model.overdue_count
        public = self.public.isChecked()
        return (
            f"{n} action{'s' if n != 1 else ''}{where}"
            + (f", {late} overdue (marked OVERDUE)" if late else "")
            + (f"; public version: {self._left_out} restricted left out" if self._left_out else "")
            + (" (public version)" if public and not self._left_out else "")
        )

    def _chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.tracked_chosen.emit(self.model.tracked(index.row()))

    def _csv(self) -> bytes:
        return register_csv(self.model.rows(), today=self._today())

    def _export_name(self, series: str | None) -> str:
        which = "public register" if self.public.isChecked() else "register"
        return f"{series or 'actions'} {which} {self._today().isoformat()}.csv"
