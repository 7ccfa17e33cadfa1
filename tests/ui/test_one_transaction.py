"""Issue 17, must-show 2: every undo command writes through one book method, in one
transaction, when done, undone and done again (counted at the book's write seam)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoCommand

import scrutiny_desktop.ui as ui_package
from scrutiny_desktop.book.formal import SeriesSettings
from scrutiny_desktop.domain.model import (
    ActionUpdate,
    Attendance,
    AttendanceStatus,
    ItemKind,
    Person,
    Status,
)
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.ui.commands.actions import (
    AddAction,
    AddUpdate,
    DeleteAction,
    DeleteUpdate,
    EditAction,
    EditUpdate,
)
from scrutiny_desktop.ui.commands.agenda import AddItem, DeleteItem, EditItem, MoveItem
from scrutiny_desktop.ui.commands.attendees import (
    AddPerson,
    EditPerson,
    RemovePerson,
    RenamePerson,
    SetAttendance,
)
from scrutiny_desktop.ui.commands.base import BookCommand
from scrutiny_desktop.ui.commands.header import EditHeader
from scrutiny_desktop.ui.commands.progress import SetProgress
from scrutiny_desktop.ui.formal.commands import SetSeriesSettings
from scrutiny_desktop.ui.workspace import Workspace
from tests.ui.conftest import item_id

Make = Callable[[Workspace], QUndoCommand]


def _action(ws: Workspace, number: int = 3):  # type: ignore[no-untyped-def]
    return ws.book.actions(item_id(ws, number))[0]


def _update(ws: Workspace) -> ActionUpdate:
    return ws.book.updates(item_id(ws, 1))[0]


SCENARIOS: dict[str, Make] = {
    "AddItem": lambda ws: AddItem(ws.items, 2, "Estates", ItemKind.MATTER),
    "EditItem": lambda ws: EditItem(
        ws.items,
        ws.book.item(item_id(ws, 4)),
        replace(ws.book.item(item_id(ws, 4)), title="Domestic abuse", restricted=True),
        "Edit item",
    ),
    "MoveItem": lambda ws: MoveItem(ws.items, item_id(ws, 5), 4, 2),
    "DeleteItem": lambda ws: DeleteItem(ws.items, item_id(ws, 5)),
    "AddAction": lambda ws: AddAction(ws.actions, item_id(ws, 4), True),
    "EditAction": lambda ws: EditAction(
        ws.actions,
        item_id(ws, 3),
        _action(ws),
        replace(_action(ws), owners=("GM", "ZZ"), text="Improvement plan to OPCC"),
    ),
    "DeleteAction": lambda ws: DeleteAction(ws.actions, item_id(ws, 3), _action(ws).id or 0),
    "AddUpdate": lambda ws: AddUpdate(
        ws.updates, item_id(ws, 1), ActionUpdate(None, ActionRef(15, 40), Status.TO_FOLLOW)
    ),
    "EditUpdate": lambda ws: EditUpdate(
        ws.updates, item_id(ws, 1), _update(ws), replace(_update(ws), note="chased")
    ),
    "DeleteUpdate": lambda ws: DeleteUpdate(ws.updates, item_id(ws, 1), _update(ws).id or 0),
    "SetProgress": lambda ws: SetProgress(ws.updates, item_id(ws, 1), _update(ws), Status.CLOSED),
    "AddPerson": lambda ws: AddPerson(
        ws.attendees, Person("RK", "Rachel Kent", "Analyst", "OPCC"), Attendance("RK")
    ),
    "SetAttendance": lambda ws: SetAttendance(
        ws.attendees, "SH", Attendance("SH", AttendanceStatus.PRESENT, chair=True)
    ),
    "EditPerson": lambda ws: EditPerson(
        ws.attendees,
        ws.book.person("TB"),  # type: ignore[arg-type]
        replace(ws.book.person("TB"), role="Scrutiny Officer"),  # type: ignore[type-var]
    ),
    "RemovePerson": lambda ws: RemovePerson(ws.attendees, "PL"),
    "RenamePerson": lambda ws: RenamePerson(ws.attendees, "TB", "TBA"),
    "SetSeriesSettings": lambda ws: SetSeriesSettings(
        ws.session,
        ws.book.series_settings("Force Performance Scrutiny"),
        SeriesSettings("Force Performance Scrutiny", 4, 3, "yearly", True),
        lambda: None,
    ),
    "EditHeader": lambda ws: EditHeader(
        ws.session,
        ws.session.meeting,  # type: ignore[arg-type]
        replace(ws.session.meeting, venue="Chelmsford", quorum=3),  # type: ignore[type-var]
    ),
}
# Counted the same way beside their own parts of the window (the formal parts through
# their controllers: a declaration or resolution added, changed, deleted is AddRow,
# EditRow, DeleteRow; the exclusion draft InsertItemWith).
ELSEWHERE = {
    "AddRow": "tests/ui/formal/test_declarations.py",
    "EditRow": "tests/ui/formal/test_declarations.py",
    "DeleteRow": "tests/ui/formal/test_declarations.py",
    "InsertItemWith": "tests/ui/formal/test_exclusion.py",
    "AddBookWord": "tests/ui/test_writing_commands.py",
    "IgnoreWord": "tests/ui/test_writing_commands.py",
    "PutGlossaryEntry": "tests/ui/test_writing_commands.py",
    "RemoveGlossaryEntry": "tests/ui/test_writing_commands.py",
    "SetPhrases": "tests/ui/test_writing_commands.py",
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_the_command_is_one_transaction_each_way(ws: Workspace, name: str) -> None:
    book = ws.book
    command = SCENARIOS[name](ws)
    before = book.transactions
    ws.stack.push(command)
    assert not command.isObsolete(), f"{name} was refused"
    assert book.transactions == before + 1, f"{name}: done in {book.transactions - before}"
    ws.stack.undo()
    assert book.transactions == before + 2, f"{name}: undone in {book.transactions - before - 1}"
    ws.stack.redo()
    assert book.transactions == before + 3, f"{name}: redone in {book.transactions - before - 2}"


def _commands() -> set[str]:
    """Every undo command class that writes to the book, found in the package."""
    for info in pkgutil.walk_packages(ui_package.__path__, "scrutiny_desktop.ui."):
        importlib.import_module(info.name)
    found: set[str] = set()
    todo = [BookCommand]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub.__name__)
            todo.append(sub)
    return found


def test_every_book_command_is_counted_here_or_beside_its_part() -> None:
    root = Path(__file__).resolve().parents[2]
    missing = _commands() - set(SCENARIOS) - set(ELSEWHERE)
    assert missing == set()
    for name, where in ELSEWHERE.items():
        text = (root / where).read_text()
        assert "Transactions(" in text or "transactions" in text, (name, where)
