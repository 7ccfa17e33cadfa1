"""Small keyboard-only dialogs for the meeting lifecycle: a date, a sign-off, a reopening."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.domain.dates import format_due
from scrutiny_desktop.domain.initials import INITIALS_PATTERN
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.dialog_buttons import ok_cancel
from scrutiny_desktop.ui.panes.header import parse_day

NO_UNDO = (
    "A sign-off cannot be undone with Ctrl+Z: from then on the minutes are a record. "
    "Changing them later needs Meeting ▸ Reopen… with a reason, which is kept and printed."
)


class _Form(QDialog):
    """A message, a form of line edits, an error line, OK and Cancel. Enter accepts."""

    def __init__(self, title: str, message: str, ok: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet(theme.error_style())
        self.error.setAccessibleName("Error")
        self.buttons = ok_cancel(self, ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._first: QLineEdit | None = None

    def line(self, label: str, text: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(label)
        edit.setPlaceholderText(placeholder)
        self.form.addRow(label, edit)
        if self._first is None:
            self._first = edit
        return edit

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        if self._first is not None:
            self._first.setFocus()
            self._first.selectAll()

    def fail(self, text: str) -> None:
        self.error.setText(text)


class DateDialog(_Form):
    """Ask for one date (``26.03.15``, ``26 Mar``, ``2015-03-26``); ``value`` once accepted."""

    def __init__(
        self, title: str, message: str, after: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, message, "Create", parent)
        self._after = after
        self.date_edit = self.line("Date", "", "e.g. 26.03.15")
        self.value: date | None = None

    def accept(self) -> None:
        try:
            self.value = parse_day(self.date_edit.text(), self._after)
        except ValueError as e:
            self.fail(str(e))
            return
        super().accept()


class SignOffDialog(_Form):
    """Who agreed the minutes and when; the message says what signing off means."""

    def __init__(
        self,
        title: str,
        message: str,
        by: str,
        on: date,
        parent: QWidget | None = None,
        ok: str = "Sign off",
    ) -> None:
        super().__init__(title, f"{message}\n\n{NO_UNDO}", ok, parent)
        self.by_edit = self.line("Agreed by (initials)", by, "the chair's initials, e.g. LW")
        self.on_edit = self.line("On", format_due(on), "e.g. 26.03.15")
        self._on = on
        self.by: str | None = None
        self.on: date | None = None

    def accept(self) -> None:
        by = self.by_edit.text().strip()
        if not INITIALS_PATTERN.match(by):
            self.fail("Type the initials of whoever agreed the minutes, e.g. LW")
            self.by_edit.setFocus()
            return
        try:
            on = parse_day(self.on_edit.text(), self._on)
        except ValueError as e:
            self.fail(str(e))
            self.on_edit.setFocus()
            return
        self.by, self.on = by, on
        super().accept()


class ReopenDialog(_Form):
    """Why signed-off minutes are being reopened (required), and by whom."""

    def __init__(self, message: str, by: str, parent: QWidget | None = None) -> None:
        super().__init__("Reopen signed-off minutes", message, "Reopen", parent)
        self.reason_edit = self.line("Reason", "", "required: why the record must change")
        self.by_edit = self.line("Reopened by (initials)", by, "e.g. LW")
        self.reason: str | None = None
        self.by: str | None = None

    def accept(self) -> None:
        reason, by = self.reason_edit.text().strip(), self.by_edit.text().strip()
        if not reason:
            self.fail("Give a reason: it is recorded and printed on the reopened minutes")
            self.reason_edit.setFocus()
            return
        if not by:
            self.fail("Say who is reopening the minutes (initials)")
            self.by_edit.setFocus()
            return
        self.reason, self.by = reason, by
        super().accept()
