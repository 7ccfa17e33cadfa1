"""The banner that says the book cannot be saved (and when it can again); asking for a copy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton

# QFileDialog and QMessageBox are imported when first asked for: not on the window's
# start-up path (issue 7 measures it).

# Dark text on light tints: readable in the light and dark palettes alike.
_FAULT_STYLE = (
    "QFrame#fault_banner { background: #fde2e1; border-bottom: 2px solid #b00020; }"
    " QFrame#fault_banner QLabel { color: #3b0008; }"
)
_OK_STYLE = (
    "QFrame#fault_banner { background: #e3f4e1; border-bottom: 2px solid #2e7d32; }"
    " QFrame#fault_banner QLabel { color: #0f3312; }"
)


class FaultBanner(QFrame):
    """Persistent while saving fails; offers a copy elsewhere; says when saving works again."""

    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fault_banner")
        self.setAccessibleName("Saving problem")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Saving problem")
        self.copy_button = QPushButton("Save a complete copy elsewhere…")
        self.copy_button.clicked.connect(self.copy_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.copy_button)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(lambda: self.set_shown(False))
        self.failing = False
        self.hide()

    def set_shown(self, shown: bool) -> None:
        """Show or hide the banner, and the toolbar holding it: no empty strip when hidden."""
        holder = self.parentWidget()
        if isinstance(holder, QToolBar):
            holder.setVisible(shown)
        self.setVisible(shown)

    def show_fault(self, text: str) -> None:
        self._hide_timer.stop()
        self.failing = True
        self.setStyleSheet(_FAULT_STYLE)
        self.label.setText(text)
        self.copy_button.show()
        self.set_shown(True)

    def show_recovered(self, text: str, hide_after_ms: int = 15000) -> None:
        self.failing = False
        self.setStyleSheet(_OK_STYLE)
        self.label.setText(text)
        self.copy_button.hide()
        self.set_shown(True)
        self._hide_timer.start(hide_after_ms)

    def show_serious(self, text: str) -> None:
        """A problem that no retry mends (a damaged book): shown until the window closes."""
        self.show_fault(text)


def ask_copy(
    parent: QWidget, suggested: Path, failing: bool, done: Callable[[Path, bool], object]
) -> None:
    """Ask where to save a copy (and, while saving fails, whether to carry on in it).

    Non-modal: ``done(target, switch)`` is called when the user has chosen.
    """
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    def choose_file(switch: bool) -> None:
        title = "Save a copy and continue in it" if switch else "Save a complete copy of the book"
        dialog = QFileDialog(parent, title, str(suggested), "Meeting books (*.sqlite)")
        dialog.setObjectName("copy_file_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        # Qt's own dialog: non-modal on every platform, and drivable in tests.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setDefaultSuffix("sqlite")
        dialog.fileSelected.connect(lambda name: done(Path(name), switch))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    if not failing:
        choose_file(False)
        return
    box = QMessageBox(parent)
    box.setObjectName("copy_question")
    box.setWindowTitle("Save a copy")
    box.setText("The book cannot be saved where it is. Continue working in the copy?")
    box.setInformativeText(
        "Continue in the copy: this window saves into the copy from now on (recommended "
        "while the book cannot be saved).\nJust save a copy: the window stays on the book "
        "and keeps retrying."
    )
    carry_on = box.addButton("&Continue in the copy", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Just save a copy", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(carry_on)

    def answered(button: QAbstractButton) -> None:
        role = box.buttonRole(button)
        if role != QMessageBox.ButtonRole.RejectRole:
            choose_file(button is carry_on)

    box.buttonClicked.connect(answered)
    box.finished.connect(box.deleteLater)
    box.open()


def ask_close(
    parent: QWidget, kept: int, save_copy: Callable[[], None], discard: Callable[[], None]
) -> None:
    """Closing while edits are only in the window: save a copy, close anyway, or stay."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName("close_question")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The book cannot be saved")
    box.setText(
        f"{kept} change{'s' * (kept != 1)} could not be saved to the book and "
        f"{'are' if kept != 1 else 'is'} only in this window."
    )
    box.setInformativeText("Save a complete copy elsewhere first, or keep the window open.")
    copy = box.addButton("&Save a copy…", QMessageBox.ButtonRole.AcceptRole)
    lose = box.addButton("&Close and lose them", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("&Keep the window open", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(copy)

    def answered(button: QAbstractButton) -> None:
        if button is copy:
            save_copy()
        elif button is lose:
            discard()

    box.buttonClicked.connect(answered)
    box.finished.connect(box.deleteLater)
    box.open()
