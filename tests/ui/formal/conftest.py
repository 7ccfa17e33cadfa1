"""Fixtures for the formal parts of a meeting: the police and crime panel in a workspace,
a context on a plain widget (no window), and the controllers under test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.context import Context
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
