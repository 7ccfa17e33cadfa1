"""Fixtures for the Qt models and undo commands, without a window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.workspace import Workspace


@pytest.fixture
def ws(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Workspace]:
    """The reference meeting open in a workspace (models, panes, undo stack), no window."""
    path = tmp_path / "book.sqlite"
    book = Book.create(path)
    meeting_id = book.import_minutes(interchange.load(seed_path))
    stack = QUndoStack()
    workspace = Workspace(book, stack, stack.push, save_delay_ms=50)
    workspace.open_meeting(meeting_id)
    yield workspace
    workspace.close()


def item_id(ws: Workspace, number: int) -> int:
    """The id of item ``number`` (1-based) of the open meeting."""
    found = ws.items.items()[number - 1].id
    assert found is not None
    return found
