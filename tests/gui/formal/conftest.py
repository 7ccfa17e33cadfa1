"""A stand-in window for the formal parts: a plain widget holding the open book's
attendees and agenda panes and the item details pane, with ``FORMAL_COMMANDS`` bound to
it as the window will bind them, so that tests drive everything by keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.commands_table import FORMAL_COMMANDS, formal_slots
from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
from scrutiny_desktop.ui.formal.moments_controller import MomentsController
from scrutiny_desktop.ui.formal.series_controller import SeriesController
from scrutiny_desktop.ui.workspace import Workspace
from tests.gui.conftest import Keys, keys  # noqa: F401 (a fixture)
from tests.ui.formal.conftest import NOW, PANEL, Told

DialogDriver = Callable[[QDialog], None]


class Dialogs:
    """Runs a dialog shown, not modal: the test's driver types into it by keys."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.drive: DialogDriver = lambda dialog: None

    def __call__(self, dialog: QDialog) -> bool:
        self.qtbot.addWidget(dialog)
        dialog.show()
        with self.qtbot.waitActive(dialog):
            dialog.activateWindow()
        self.qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        self.drive(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted


@dataclass
class Harness:
    window: QWidget
    ctx: Context
    ws: Workspace
    details: ItemDetailsController
    moments: MomentsController
    series: SeriesController
    dialogs: Dialogs
    told: Told
    actions: dict[str, QAction]

    def item_id(self, number: str) -> int:
        found = next(i.id for i in self.ws.items.items() if i.number == number)
        assert found is not None
        return found

    def go_to(self, number: str) -> int:
        iid = self.item_id(number)
        self.ws.agenda_pane.select_item(iid)
        return iid


@pytest.fixture
def harness(qtbot: QtBot, tmp_path: Path) -> Iterator[Harness]:
    window = QWidget()
    window.setWindowTitle("Formal parts")
    qtbot.addWidget(window)
    stack, told = QUndoStack(), Told()
    ctx = Context(window, stack, told, None, tmp_path / "data")
    book = Book.create(tmp_path / "panel.sqlite")
    meeting_id = book.import_minutes(interchange.load(PANEL))
    ws = Workspace(book, stack, ctx.push, save_delay_ms=50)
    ctx.workspace = ws
    dialogs = Dialogs(qtbot)
    details = ItemDetailsController(ctx, lambda: NOW, dialogs)
    moments = MomentsController(ctx, lambda: NOW, dialogs)
    series = SeriesController(ctx, dialogs, show_pane=lambda pane: None)
    ws.open_meeting(meeting_id)
    ctx.workspace_changed.emit()
    details.fields.watch_typing(ws.agenda_pane.editor)

    left = QVBoxLayout()
    left.addWidget(ws.attendees_pane)
    left.addWidget(ws.agenda_pane, 1)
    layout = QHBoxLayout(window)
    layout.addLayout(left, 3)
    layout.addWidget(details.pane, 2)
    actions: dict[str, QAction] = {}
    slots = formal_slots(details, moments, series)
    for c in FORMAL_COMMANDS:
        action = QAction(c.text, window)
        action.setShortcut(QKeySequence(c.keys))
        action.triggered.connect(slots[c.name])
        if c.keys == QKeySequence.StandardKey.Delete:
            continue  # the pane deletes on Del in its tables itself
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
        actions[c.name] = action
    ws.agenda_pane.editor.undo_requested.connect(stack.undo)  # as the window wires it
    ws.agenda_pane.editor.redo_requested.connect(stack.redo)
    undo = stack.createUndoAction(window)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    window.addAction(undo)
    window.resize(1280, 800)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    yield Harness(window, ctx, ws, details, moments, series, dialogs, told, actions)
    ctx.workspace = None
    ws.close()
    QApplication.processEvents()
