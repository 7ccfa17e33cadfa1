"""A series' standard phrases: abbreviations and the formulas they expand to, edited in a table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.dialog_buttons import ok_cancel
from scrutiny_desktop.writing.phrases import (
    DEFAULT_PHRASES,
    PLACEHOLDER,
    TRIGGER,
    Phrase,
    abbreviation_problem,
)


class PhrasesDialog(QDialog):
    """Edits a copy of ``phrases``; ``phrases()`` is the result once accepted (OK).

    OK is refused, with the reason shown and the cell selected, while an abbreviation is
    not one (``writing.phrases.abbreviation_problem``) or a phrase is empty.
    """

    def __init__(
        self, series: str | None, phrases: Sequence[Phrase], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phrases_dialog")
        self.setWindowTitle(f"Standard phrases — {series or 'meetings without a series'}")
        intro = QLabel(
            f"Type an abbreviation in the minutes, then Tab, to put its phrase there "
            f"({TRIGGER}agreed then Tab). A {PLACEHOLDER} in a phrase is selected afterwards, "
            "ready to type over. These phrases belong to this series."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName("Standard phrases")
        self.table.setHorizontalHeaderLabels(["Abbreviation", "Phrase"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 120)
        self.problem = QLabel()
        self.problem.setStyleSheet(theme.error_style())
        self.problem.setWordWrap(True)
        add = QPushButton("&New phrase")
        remove = QPushButton("&Remove phrase")
        defaults = QPushButton("Shipped &defaults")
        buttons = ok_cancel(self)
        row = QHBoxLayout()
        for button in (add, remove, defaults):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        layout.addWidget(buttons)
        add.clicked.connect(self.add_row)
        remove.clicked.connect(self.remove_row)
        defaults.clicked.connect(lambda: self.show_phrases(DEFAULT_PHRASES))
        self.show_phrases(phrases)
        self.resize(720, 480)

    def show_phrases(self, phrases: Sequence[Phrase]) -> None:
        self.table.setRowCount(0)
        for phrase in phrases:
            self._append(phrase.abbreviation, phrase.text)

    def _append(self, abbreviation: str, text: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(abbreviation))
        self.table.setItem(row, 1, QTableWidgetItem(text))
        return row

    def add_row(self) -> None:
        """A new row, its abbreviation being typed."""
        row = self._append(TRIGGER, "")
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def phrases(self) -> list[Phrase]:
        """The table's phrases in order (rows left blank are dropped)."""
        out = []
        for row in range(self.table.rowCount()):
            abbreviation, text = self._cell(row, 0), self._cell(row, 1)
            if abbreviation in ("", TRIGGER) and not text:
                continue
            out.append(Phrase(abbreviation, text))
        return out

    def problem_at(self) -> tuple[int, int, str] | None:
        """The first row and column that cannot be saved, and why; None when all can."""
        kept: list[Phrase] = []
        for row in range(self.table.rowCount()):
            abbreviation, text = self._cell(row, 0), self._cell(row, 1)
            if abbreviation in ("", TRIGGER) and not text:
                continue
            problem = abbreviation_problem(abbreviation, kept)
            if problem:
                return row, 0, problem
            if not text:
                return row, 1, f"Type the phrase {abbreviation} stands for."
            kept.append(Phrase(abbreviation, text))
        return None

    def accept(self) -> None:
        found = self.problem_at()
        if found is None:
            self.problem.clear()
            super().accept()
            return
        row, column, problem = found
        self.problem.setText(problem)
        self.table.setCurrentCell(row, column)
        self.table.setFocus()
