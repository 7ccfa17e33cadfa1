"""How a controller runs a dialog: modally in the window, filled in by keys in tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

RunDialog = Callable[[QDialog], bool]
"""Runs a dialog and says whether it was accepted."""


def run_modal(dialog: QDialog) -> bool:
    """The window's way: ``exec`` (the dialogs here edit; warnings never come as one)."""
    return dialog.exec() == QDialog.DialogCode.Accepted
