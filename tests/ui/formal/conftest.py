"""Fixtures for the formal parts of a meeting: the police and crime panel in a workspace,
a context on a plain widget (no window), and the controllers under test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
from scrutiny_desktop.ui.formal.moments_controller import MomentsController
from scrutiny_desktop.ui.formal.series_controller import SeriesController
from scrutiny_desktop.ui.workspace import Workspace

PANEL = Path(__file__).resolve().parents[2] / "data" / "panel-meeting.v2.json"
NOW = datetime(2026, 3, 12, 11, 15, 42)  # during the panel meeting, at item 44/26


class Told(list[str]):
    """What the status line was told."""

    def __call__(self, message: str, ms: int = 0) -> None:
        self.append(message)


@pytest.fixture
def told() -> Told:
    return Told()


@pytest.fixture
def ctx(qtbot: QtBot, tmp_path: Path, told: Told) -> Iterator[Context]:
    """The panel meeting open in a workspace, held by a context on a plain widget."""
    window = QWidget()
    qtbot.addWidget(window)
    stack = QUndoStack()
    context = Context(window, stack, told, None, tmp_path / "data")
    book = Book.create(tmp_path / "panel.sqlite")
    meeting_id = book.import_minutes(interchange.load(PANEL))
    ws = Workspace(book, stack, context.push, save_delay_ms=50)
    context.workspace = ws
    ws.open_meeting(meeting_id)
    context.workspace_changed.emit()
    yield context
    context.workspace = None
    ws.close()


def ws_of(ctx: Context) -> Workspace:
    assert ctx.workspace is not None
    return ctx.workspace


def item_id(ctx: Context, number: str) -> int:
    """The id of the item numbered ``number`` (``44/26``)."""
    found = next(i.id for i in ws_of(ctx).items.items() if i.number == number)
    assert found is not None
    return found


def go_to(ctx: Context, number: str) -> int:
    """Show item ``number`` in the agenda (as choosing it would); its id."""
    iid = item_id(ctx, number)
    ws_of(ctx).agenda_pane.select_item(iid)
    assert ws_of(ctx).agenda_pane.item_id == iid
    return iid


class Dialogs:
    """Stands in for running a dialog: fills it in with ``fill`` and accepts (or not)."""

    def __init__(self) -> None:
        self.fill: Callable[[Any], None] = lambda dialog: None
        self.accept = True
        self.shown: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> bool:
        self.shown.append(dialog)
        self.fill(dialog)
        if self.accept:
            dialog.accept()
        return self.accept and dialog.result() == QDialog.DialogCode.Accepted


@pytest.fixture
def dialogs() -> Dialogs:
    return Dialogs()


@pytest.fixture
def details(ctx: Context, dialogs: Dialogs) -> ItemDetailsController:
    return ItemDetailsController(ctx, lambda: NOW, dialogs)


@pytest.fixture
def moments(ctx: Context, dialogs: Dialogs) -> MomentsController:
    return MomentsController(ctx, lambda: NOW, dialogs)


@pytest.fixture
def series(ctx: Context, dialogs: Dialogs) -> SeriesController:
    return SeriesController(ctx, dialogs, show_pane=lambda pane: None)


class Transactions:
    """Counts the book's write transactions around one step."""

    def __init__(self, ctx: Context) -> None:
        self._book = ws_of(ctx).book

    def of(self, step: Callable[[], object]) -> int:
        before = self._book.transactions
        step()
        return self._book.transactions - before


def do_undo_redo(ctx: Context, push: Callable[[], object], state: Callable[[], object]) -> object:
    """Run an edit, then undo and redo it: each is one transaction and restores its state."""
    count = Transactions(ctx)
    before = state()
    assert count.of(push) == 1
    after = state()
    assert after != before
    assert count.of(ctx.stack.undo) == 1
    assert state() == before
    assert count.of(ctx.stack.redo) == 1
    assert state() == after
    return after
