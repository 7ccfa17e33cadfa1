"""A series' settings: how its minutes are numbered, when its year starts, the quorum
given to its new meetings, and whether item times are printed."""

from __future__ import annotations

import calendar
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.book.formal import Numbering, SeriesSettings, minute_number
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.dialog_buttons import ok_cancel

NUMBERINGS: list[tuple[str, Numbering]] = [
    ("1, 2, 3 in each meeting", "simple"),
    ("41/26: numbered through the year", "yearly"),
]


class SeriesSettingsDialog(QDialog):
    """Edit one series' settings; ``settings()`` gives the result."""

    def __init__(self, settings: SeriesSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Settings of {settings.name}")
        self._settings = settings
        self.numbering = QComboBox()
        self.numbering.setAccessibleName("Item numbering")
        self.numbering.addItems([label for label, _ in NUMBERINGS])
        self.numbering.setCurrentIndex(
            next(i for i, (_, n) in enumerate(NUMBERINGS) if n == settings.numbering)
        )
        self.year_start = QComboBox()
        self.year_start.setAccessibleName("The year starts in")
        self.year_start.addItems(list(calendar.month_name)[1:])
        self.year_start.setCurrentIndex(settings.year_start_month - 1)
        self.quorum = QSpinBox()
        self.quorum.setAccessibleName("Quorum for new meetings")
        self.quorum.setRange(0, 99)
        self.quorum.setSpecialValueText("none")
        self.quorum.setValue(settings.quorum or 0)
        self.item_times = QCheckBox("&Print the time the meeting reached each item")
        self.item_times.setChecked(settings.print_item_times)
        self.first_minute = QLineEdit(settings.first_minute or "")
        self.first_minute.setAccessibleName("First minute of the year in this book")
        self.first_minute.setPlaceholderText("e.g. 23/26; blank: 1")
        self.first_minute.setToolTip(
            "For a book begun part way through the year: the number its first meeting of "
            "the year starts from, as the minutes before it reached"
        )
        self.error = QLabel()
        self.error.setStyleSheet(theme.error_style())
        self.error.hide()
        note = QLabel(
            "The year also numbers actions (07/26). Changing the numbering, the year or the "
            "first minute numbers the items of this series' draft meetings again."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Item &numbering:", self.numbering)
        form.addRow("The &year starts in:", self.year_start)
        form.addRow("&Quorum for new meetings:", self.quorum)
        form.addRow(self.item_times)
        form.addRow("&First minute this year:", self.first_minute)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.numbering.setFocus()

    def accept(self) -> None:
        """Kept only with a first minute that is one (``23/26``), else says why."""
        typed = self.first_minute.text().strip()
        if typed:
            try:
                minute_number(typed)
            except ValueError as e:
                self.error.setText(f"First minute this year: {e}")
                self.error.show()
                self.first_minute.setFocus()
                return
        super().accept()

    def settings(self) -> SeriesSettings:
        return replace(
            self._settings,
            numbering=NUMBERINGS[self.numbering.currentIndex()][1],
            year_start_month=self.year_start.currentIndex() + 1,
            quorum=self.quorum.value() or None,
            print_item_times=self.item_times.isChecked(),
            first_minute=self.first_minute.text().strip() or None,
        )
