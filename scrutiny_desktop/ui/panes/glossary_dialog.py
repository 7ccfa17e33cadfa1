"""The book's glossary of abbreviations: add, change and remove entries (each an undo step)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.ui import theme
from scrutiny_desktop.writing.glossary import GlossaryEntry, parse_entry


class GlossaryDialog(QDialog):
    """Lists ``entries()``; "Add or change" calls ``put``, "Remove" calls ``remove``.

    The callers make each of those an undo command and call ``reload`` after every change
    (an undo included), so the list is always the book's.
    """

    def __init__(
        self,
        entries: Callable[[], list[GlossaryEntry]],
        put: Callable[[GlossaryEntry], None],
        remove: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Glossary of abbreviations")
        self.setObjectName("glossary_dialog")
        self._entries, self._put, self._remove = entries, put, remove
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName("Glossary entries")
        self.table.setHorizontalHeaderLabels(["Abbreviation", "Stands for"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 120)
        self.abbreviation = QLineEdit()
        self.abbreviation.setAccessibleName("Abbreviation")
        self.abbreviation.setPlaceholderText("DAAT (or paste “DAAT — Drugs and Alcohol Team”)")
        self.meaning = QLineEdit()
        self.meaning.setAccessibleName("What the abbreviation stands for")
        self.meaning.setPlaceholderText("Drugs and Alcohol Team")
        self.problem = QLabel()
        self.problem.setStyleSheet(theme.error_style())
        self.problem.setWordWrap(True)
        self.add_button = QPushButton("&Add or change")
        self.add_button.setDefault(True)  # Enter in either field adds the entry
        self.remove_button = QPushButton("&Remove")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        form = QFormLayout()
        form.addRow("A&bbreviation:", self.abbreviation)
        form.addRow("&Stands for:", self.meaning)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        layout.addWidget(buttons)

        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selected)
        self.resize(560, 420)
        self.reload()

    def reload(self) -> None:
        """Show the book's entries again, keeping the selected abbreviation selected."""
        chosen = self.selected()
        entries = self._entries()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            self.table.setItem(row, 0, QTableWidgetItem(entry.abbreviation))
            self.table.setItem(row, 1, QTableWidgetItem(entry.meaning))
            if chosen is not None and entry.abbreviation == chosen:
                self.table.selectRow(row)
        self.remove_button.setEnabled(self.selected() is not None)

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item is not None else None

    def _selected(self) -> None:
        chosen = self.selected()
        self.remove_button.setEnabled(chosen is not None)
        if chosen is None:
            return
        row = self.table.currentRow()
        meaning = self.table.item(row, 1)
        self.abbreviation.setText(chosen)
        self.meaning.setText(meaning.text() if meaning is not None else "")

    def fill(self, abbreviation: str, meaning: str | None) -> None:
        """Start an entry (an offer taken from the status bar): the meaning ready to type."""
        self.table.clearSelection()
        self.abbreviation.setText(abbreviation)
        self.meaning.setText(meaning or "")
        self.meaning.setFocus()
        self.meaning.selectAll()

    def entry(self) -> GlossaryEntry | str:
        """The entry typed in the two fields, or why it is not one."""
        abbreviation, meaning = self.abbreviation.text().strip(), self.meaning.text().strip()
        if not meaning:
            try:
                return parse_entry(abbreviation)
            except ValueError:
                pass
        if not abbreviation:
            return "Type the abbreviation (DAAT)."
        if any(c.isspace() for c in abbreviation):
            return "An abbreviation is one word (DAAT, A&E)."
        if not meaning:
            return f"Type what {abbreviation} stands for."
        return GlossaryEntry(abbreviation, meaning)

    def add(self) -> None:
        found = self.entry()
        if isinstance(found, str):
            self.problem.setText(found)
            return
        self.problem.clear()
        self._put(found)
        self.abbreviation.clear()
        self.meaning.clear()
        self.abbreviation.setFocus()

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._remove(chosen)
            self.abbreviation.clear()
            self.meaning.clear()
