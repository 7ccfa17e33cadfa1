"""Menu icons are drawn when a menu first opens, not before the first paint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from tests.gui.conftest import WindowFactory


def test_a_menu_shows_its_icons_when_it_opens(
    make_window: WindowFactory, example_book: Path, qtbot: QtBot
) -> None:
    window = make_window(example_book)
    file_menu = window.menus["&File"]
    assert window.act["open_book"].icon().isNull()  # nothing drawn before it is asked for

    file_menu.popup(QPoint(0, 0))
    qtbot.waitUntil(file_menu.isVisible, timeout=2000)
    file_menu.hide()

    assert not window.act["open_book"].icon().isNull()
    assert not window.act["quit"].icon().isNull()
    assert window.act["export_json"].icon().isNull()  # a command without an icon keeps none
    assert window.act["search"].icon().isNull()  # the View menu has not been opened
