"""The question a second window gets when the book is open for writing elsewhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from scrutiny_desktop.book.errors import BookLocked


class LockDialog(QMessageBox):
    """ "This book is open in another window": Open read-only, or Cancel. Shown with ``open()``."""

    def __init__(self, path: Path, error: BookLocked, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_dialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Book already open")
        self.setText(f"{path.name} is already open for writing in another Scrutiny Desktop window.")
        self.setInformativeText(
            f"{error}.\n\nOnly one window may change a book at a time. You can open it "
            "read-only here to look at it, or cancel and switch to the other window."
        )
        self.read_only_button = self.addButton("Open &read-only", QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.read_only_button)
        self.setEscapeButton(self.cancel_button)

    @property
    def read_only_chosen(self) -> bool:
        return self.clickedButton() is self.read_only_button
