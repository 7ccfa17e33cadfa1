"""One attendee's arrival, departure and substitution, as typed after the fact."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import time
from typing import Literal

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.domain.model import Attendance, Moment, Person
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.dialog_buttons import ok_cancel
from scrutiny_desktop.ui.formal.times import parse_clock

Field = Literal["substitute", "arrived", "left"]
NO_ITEM = "—"


class MomentFields(QWidget):
    """A time and the item it fell in (either may be empty)."""

    def __init__(self, name: str, moment: Moment | None, items: Sequence[str]) -> None:
        super().__init__()
        self.time = QLineEdit(f"{moment.time:%H:%M}" if moment and moment.time else "")
        self.time.setAccessibleName(f"{name}: time")
        self.time.setPlaceholderText("11:15")
        self.time.setMaximumWidth(70)
        self.item = QComboBox()
        self.item.setAccessibleName(f"{name}: during item")
        self.item.addItems([NO_ITEM, *items])
        if moment is not None and moment.item in items:
            self.item.setCurrentIndex(items.index(moment.item) + 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.time)
        layout.addWidget(QLabel("during item"))
        layout.addWidget(self.item, 1)
        self.setFocusProxy(self.time)  # the label's Alt+letter goes to the time

    def moment(self) -> Moment | None:
        """The moment typed; ValueError naming what is wrong."""
        when: time | None = parse_clock(self.time.text())
        item = self.item.currentText()
        if when is None and item == NO_ITEM:
            return None
        return Moment(when, None if item == NO_ITEM else item)


class AttendanceDialog(QDialog):
    """Edit who someone substituted for, and when they arrived and left."""

    def __init__(
        self,
        attendance: Attendance,
        person: Person,
        people: Sequence[Person],
        items: Sequence[str],
        focus: Field = "arrived",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Attendance of {person.display_name}")
        self.setMinimumWidth(440)
        self._attendance, self._known = attendance, {p.initials.casefold(): p for p in people}
        self.substitute = QLineEdit(attendance.substitute_for or "")
        self.substitute.setAccessibleName("Substitute for (initials)")
        self.substitute.setPlaceholderText("Initials of the member substituted for")
        completer = QCompleter(QStringListModel([p.initials for p in people], self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.substitute.setCompleter(completer)
        # Said in the dialog itself: with no window manager there is no title bar.
        self.whose = QLabel(f"{person.display_name} ({person.initials})")
        self.whose.setStyleSheet("font-weight: bold")
        self.substitute_name = QLabel()
        self.substitute_name.setStyleSheet(f"color: {theme.muted_text().name()}")
        self.substitute.textChanged.connect(self._name_substituted)
        self._name_substituted(self.substitute.text())
        self.arrived = MomentFields("Arrived", attendance.arrived, items)
        self.left = MomentFields("Left", attendance.left, items)
        self.error = QLabel()
        self.error.setStyleSheet(theme.error_style())
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.whose)
        form.addRow("&Substitute for:", self.substitute)
        form.addRow("", self.substitute_name)
        form.addRow("&Arrived at:", self.arrived)
        form.addRow("&Left at:", self.left)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        {"substitute": self.substitute, "arrived": self.arrived.time, "left": self.left.time}[
            focus
        ].setFocus()
        self._result: Attendance | None = None

    def _name_substituted(self, typed: str) -> None:
        found = self._known.get(typed.strip().casefold())
        self.substitute_name.setText(found.display_name if found else "")

    def attendance(self) -> Attendance | None:
        """The attendance as accepted (None until then)."""
        return self._result

    def accept(self) -> None:
        try:
            self._result = self._read()
        except ValueError as e:
            self.error.setText(str(e))
            self.error.show()
            return
        super().accept()

    def _read(self) -> Attendance:
        typed = self.substitute.text().strip()
        substitute = None
        if typed:
            found = self._known.get(typed.casefold())
            if found is None:
                raise ValueError(f"{typed!r} is nobody in this meeting: type their initials")
            if found.initials == self._attendance.initials:
                raise ValueError("nobody substitutes for themselves")
            substitute = found.initials
        try:
            arrived = self.arrived.moment()
        except ValueError as e:
            raise ValueError(f"Arrived: {e}") from None
        try:
            left = self.left.moment()
        except ValueError as e:
            raise ValueError(f"Left: {e}") from None
        return replace(self._attendance, substitute_for=substitute, arrived=arrived, left=left)
