"""Issue 12, the friction list: what a clerk expects of the window, by keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from scrutiny_desktop.ui.main_window import MainWindow
from tests.gui.conftest import Keys, WindowFactory

K = Qt.Key


def _attending(window: MainWindow) -> set[str]:
    assert window.ws is not None and window.ws.session.meeting_id is not None
    return {a.initials for a in window.ws.book.attendance(window.ws.session.meeting_id)}


# ---------------------------------------------------------------- undo from an entry line


def test_ctrl_z_in_the_emptied_attendees_line_undoes_adding_the_person(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    keys.ctrl_shift(K.Key_P)
    keys.type("Jane Doe, Independent Member, Hertfordshire PCP")
    keys.enter()
    assert "JD" in _attending(window)
    assert QApplication.focusWidget() is window.ws.attendees_pane.person_line
    keys.ctrl(K.Key_Z)
    assert "JD" not in _attending(window)
    assert window.ws.attendees_pane.person_line.text() == ""
    index = window.stack.index()
    keys.type("Xy")
    keys.ctrl(K.Key_Z)  # typing in the line is the line's own to undo
    assert window.ws.attendees_pane.person_line.text() != "Xy"
    assert window.stack.index() == index
