"""Model contracts (qtmodeltester), also while commands change the rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from scrutiny_desktop.domain.model import Attendance, AttendanceStatus, Person
from scrutiny_desktop.ui.commands.actions import AddAction, AddUpdate, DeleteAction
from scrutiny_desktop.ui.commands.agenda import AddItem, DeleteItem, MoveItem
from scrutiny_desktop.ui.commands.attendees import AddPerson, RemovePerson
from scrutiny_desktop.ui.models import ID_ROLE
from scrutiny_desktop.ui.models.actions import DUE, OWNERS, REF, TEXT
from scrutiny_desktop.ui.models.updates import parse_update_line
from scrutiny_desktop.ui.workspace import Workspace
from tests.ui.conftest import item_id


def test_items_model_contract(ws: Workspace, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(ws.items)
    assert ws.items.rowCount() == 7
    assert ws.items.index(2).data() == "3. Monthly Force Performance Reports"
    assert ws.items.index(6).data().endswith("[next meeting]")
    first = item_id(ws, 1)
    ws.stack.push(MoveItem(ws.items, first, 0, 3))
    ws.stack.push(AddItem(ws.items, 2, "Inserted"))
    ws.stack.push(DeleteItem(ws.items, item_id(ws, 5)))
    while ws.stack.canUndo():
        ws.stack.undo()
    assert ws.items.index(0).data(ID_ROLE) == first
    assert [i.number for i in ws.items.items()] == [str(n) for n in range(1, 8)]


def test_actions_model_contract(ws: Workspace, qtmodeltester: ModelTester) -> None:
    ws.agenda_pane.select_item(item_id(ws, 4))
    qtmodeltester.check(ws.actions)
    assert ws.actions.rowCount() == 4
    assert ws.actions.index(0, REF).data() == "09/15"
    assert ws.actions.index(0, OWNERS).data() == "SH/CF"
    assert ws.actions.headerData(TEXT, Qt.Orientation.Horizontal) == "Action"
    command = AddAction(ws.actions, item_id(ws, 4), numbered=True)
    ws.stack.push(command)
    assert ws.actions.index(4, REF).data() == "17/15"
    assert command.action_id is not None
    ws.stack.push(DeleteAction(ws.actions, item_id(ws, 4), command.action_id))
    ws.stack.undo()
    ws.stack.undo()
    assert ws.actions.rowCount() == 4


def test_unnumbered_action_shows_a_dash(ws: Workspace) -> None:
    ws.agenda_pane.select_item(item_id(ws, 2))
    assert ws.actions.index(0, REF).data() == "—"
    assert ws.actions.index(0, DUE).data() == "12.03.15"
    assert ws.actions.index(0, DUE).data(Qt.ItemDataRole.ToolTipRole) == "Thursday 12 March 2015"


def test_updates_model_contract(ws: Workspace, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(ws.updates)
    assert ws.updates.rowCount() == 13
    assert [ws.updates.index(5, c).data() for c in range(3)] == ["94/14", "open", "SH to action"]
    ws.stack.push(AddUpdate(ws.updates, item_id(ws, 1), parse_update_line("16/15 completed")))
    assert ws.updates.rowCount() == 14
    ws.stack.undo()
    assert ws.updates.rowCount() == 13


def test_attendees_model_contract(ws: Workspace, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(ws.attendees)
    assert ws.attendees.rowCount() == 10
    assert ws.attendees.index(0, 0).data() == "LW"
    assert ws.attendees.index(6, 4).data() == "named only"
    assert ws.attendees.index(9, 4).data() == "organisation"
    ws.stack.push(
        AddPerson(
            ws.attendees, Person("AB", "Ann Brown"), Attendance("AB", AttendanceStatus.APOLOGIES)
        )
    )
    assert ws.attendees.index(10, 4).data() == "apologies"
    ws.stack.push(RemovePerson(ws.attendees, "AB"))
    ws.stack.undo()
    ws.stack.undo()
    assert ws.attendees.rowCount() == 10


def test_update_lines_parse_status_and_note() -> None:
    u = parse_update_line("94/14 open SH to action")
    assert (str(u.ref), u.status.value, u.note) == ("94/14", "open", "SH to action")
    u = parse_update_line("81/14 to follow")
    assert (u.status.value, u.note) == ("to_follow", None)
    u = parse_update_line("5/15 awaiting the report")
    assert (str(u.ref), u.status.value, u.note) == ("05/15", "open", "awaiting the report")
