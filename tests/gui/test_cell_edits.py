"""A table cell being typed in (not yet committed with Enter) is never lost.

Closing the window, switching meeting, exporting: whatever is in an open cell editor
reaches the book first, like the body's typing does.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import Action, Status
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.models import actions, attendees, updates
from scrutiny_desktop.ui.workspace import Workspace
from tests.gui.conftest import Keys, WindowFactory

K = Qt.Key
DRUGS = 5  # the "Drugs Report" item: two actions, owners PL and TB


def _item_id(window: MainWindow, number: int) -> int:
    assert window.ws is not None
    item = window.ws.items.items()[number - 1]
    assert item.id is not None
    window.ws.agenda_pane.select_item(item.id)
    return item.id


def _type_in_cell(keys: Keys, table: QTableView, row: int, column: int, text: str) -> None:
    """F2 on the cell, type over its text, and leave the editor open (no Enter, no Tab)."""
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    keys.press(K.Key_F2)
    assert table.state() == QTableView.State.EditingState
    keys.replace(text)
    assert table.state() == QTableView.State.EditingState  # still typing


def _first_action(path: Path, item_id: int) -> Action:
    with Book.open(path, read_only=True) as book:
        return book.actions(item_id)[0]


@pytest.mark.parametrize(
    ("column", "typed", "saved"),
    [
        (actions.TEXT, "Rewritten just before closing", lambda a: a.text),
        (actions.OWNERS, "SH/TB", lambda a: "/".join(a.owners)),
        (actions.DUE, "after Easter", lambda a: a.due_text),
    ],
    ids=["text", "owners", "due"],
)
def test_an_action_cell_being_typed_in_is_saved_on_closing(
    make_window: WindowFactory,
    example_book: Path,
    keys: Keys,
    column: int,
    typed: str,
    saved: Callable[[Action], str | None],
) -> None:
    window = make_window(example_book)
    drugs = _item_id(window, DRUGS)
    assert window.ws is not None
    _type_in_cell(keys, window.ws.actions_pane.table, 0, column, typed)
    window.close()  # closing never asks, and never loses what is in the cell
    assert window.ws is None
    QApplication.processEvents()  # the editor's focus-out and deferred delete: no late write
    assert saved(_first_action(example_book, drugs)) == typed


def test_an_action_status_chosen_in_its_drop_down_is_saved_on_closing(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    drugs = _item_id(window, DRUGS)
    assert window.ws is not None
    table = window.ws.actions_pane.table
    table.setFocus()
    table.setCurrentIndex(window.ws.actions.index(0, actions.STATUS))
    keys.press(K.Key_F2)
    assert table.state() == QTableView.State.EditingState
    keys.press(K.Key_Down)  # open -> the next choice, not committed yet
    assert _first_action(example_book, drugs).status is Status.OPEN
    window.close()
    assert _first_action(example_book, drugs).status is not Status.OPEN


def test_an_update_note_and_an_attendee_cell_are_saved_on_closing(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    arising = _item_id(window, 1)  # Matters arising: the updates on earlier actions
    ws = window.ws
    assert ws is not None
    assert ws.updates.rowCount() > 0
    _type_in_cell(keys, ws.actions_pane.updates_table, 0, updates.NOTE, "Note typed, no Enter")
    ws.flush()  # as every command does first (export, search, sign off...)
    assert ws.book.updates(arising)[0].note == "Note typed, no Enter"
    row = next(r for r in range(ws.attendees.rowCount()) if ws.attendees.index(r, 0).data() == "CF")
    _type_in_cell(keys, ws.attendees_pane.table, row, attendees.NAME, "Carol Fenwick")
    window.close()
    with Book.open(example_book, read_only=True) as book:
        cf = book.person("CF")
        assert cf is not None and cf.name == "Carol Fenwick"
        assert book.updates(arising)[0].note == "Note typed, no Enter"


def test_switching_meeting_saves_the_cell_being_typed_in(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    drugs = _item_id(window, DRUGS)
    ws = window.ws
    assert ws is not None
    _type_in_cell(keys, ws.actions_pane.table, 0, actions.OWNERS, "GM")
    ws.open_meeting(ws.session.meeting_id)  # what the picker does, to any meeting
    assert ws.book.actions(drugs)[0].owners == ("GM",)


def test_flushing_keeps_the_cell_being_typed_in_open(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    """The saving retry flushes every few seconds: it must not end the typing."""
    window = make_window(example_book)
    drugs = _item_id(window, DRUGS)
    ws = window.ws
    assert isinstance(ws, Workspace)
    table = ws.actions_pane.table
    _type_in_cell(keys, table, 0, actions.OWNERS, "SH")
    ws.flush()
    assert ws.book.actions(drugs)[0].owners == ("SH",)
    assert table.state() == QTableView.State.EditingState
    keys.type("/CF")
    keys.enter()
    assert ws.book.actions(drugs)[0].owners == ("SH", "CF")


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_pdf_export_right_after_typing_in_a_cell_has_the_new_text(
    make_window: WindowFactory,
    example_book: Path,
    keys: Keys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    window = make_window(example_book)
    _item_id(window, DRUGS)
    assert window.ws is not None
    _type_in_cell(keys, window.ws.actions_pane.table, 0, actions.TEXT, "Canarycelltext")
    out = tmp_path / "minutes.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), ""))
    keys.ctrl(K.Key_P)  # from inside the cell editor
    qtbot.waitUntil(out.exists, timeout=5000)
    assert "Canarycelltext" in _pdftotext(out)
