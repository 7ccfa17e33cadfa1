"""Fixtures for driving the window with key presses, as a minute-taker would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.launch import example_path
from scrutiny_desktop.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, settings_path: Path) -> Iterator[WindowFactory]:
    """Open a window on a book (or the welcome), with its own settings file."""
    made: list[MainWindow] = []

    def make(
        book: Path | None = None,
        *,
        read_only: bool = False,
        prepare: Callable[[MainWindow], None] | None = None,
    ) -> MainWindow:
        """``prepare`` gets the window before it is shown (and its formal parts made)."""
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = MainWindow(settings, tmp_path / "data", example_path())
        qtbot.addWidget(window)
        if prepare is not None:
            prepare(window)
        if book is None:
            window.show_welcome()
        else:
            assert window.open_book(book, read_only=read_only)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        made.append(window)
        return window

    yield make
    for window in made:
        if window.ws is not None:
            window.close()


@pytest.fixture
def empty_book(tmp_path: Path) -> Path:
    path = tmp_path / "empty.sqlite"
    Book.create(path).close()
    return path


@pytest.fixture
def example_book(tmp_path: Path, seed_path: Path) -> Path:
    path = tmp_path / "example.sqlite"
    with Book.create(path) as book:
        book.import_minutes(interchange.load(seed_path))
    return path


class Keys:
    """Key presses sent where the keyboard focus is, like a person typing."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def focus(self) -> QWidget:
        # A window that was just shown or re-activated gets the focus through the event loop.
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=2000)
        widget = QApplication.focusWidget() or QApplication.activeWindow()
        assert widget is not None
        return widget

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)

    def press(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.focus(), key, modifiers)
        # A person pauses between commands; the event loop runs (deferred deletes, timers).
        QApplication.processEvents()

    def ctrl(self, key: Qt.Key) -> None:
        self.press(key, Qt.KeyboardModifier.ControlModifier)

    def ctrl_shift(self, key: Qt.Key) -> None:
        self.press(key, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    def ctrl_alt(self, key: Qt.Key) -> None:
        self.press(key, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)

    def enter(self) -> None:
        self.press(Qt.Key.Key_Return)

    def tab(self) -> None:
        self.press(Qt.Key.Key_Tab)

    def replace(self, text: str) -> None:
        """Select all in the focused field and type over it."""
        self.ctrl(Qt.Key.Key_A)
        if text:
            self.type(text)
        else:
            self.press(Qt.Key.Key_Delete)


@pytest.fixture
def keys(qtbot: QtBot) -> Keys:
    return Keys(qtbot)


def item_by_keys(keys: Keys, window: MainWindow, number: int) -> int:
    """Ctrl+2, Home, Down to item ``number``; Ctrl+3 into its minutes. The item's id."""
    keys.ctrl(Qt.Key.Key_2)
    keys.press(Qt.Key.Key_Home)
    for _ in range(number - 1):
        keys.press(Qt.Key.Key_Down)
    keys.ctrl(Qt.Key.Key_3)
    assert window.ws is not None
    item = window.ws.agenda_pane.current_item()
    assert item is not None and item.number == str(number) and item.id is not None
    return item.id
