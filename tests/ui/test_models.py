"""Model contracts (qtmodeltester), also while commands change the rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from scrutiny_desktop.domain.model import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingListing,
    Person,
)
from scrutiny_desktop.domain.progress import parse_update_line
from scrutiny_desktop.ui.commands.actions import AddAction, AddUpdate, DeleteAction
from scrutiny_desktop.ui.commands.agenda import AddItem, DeleteItem, MoveItem
from scrutiny_desktop.ui.commands.attendees import AddPerson, RemovePerson
from scrutiny_desktop.ui.models import ID_ROLE, updates
from scrutiny_desktop.ui.models.actions import DUE, OWNERS, REF, TEXT
from scrutiny_desktop.ui.models.meetings import MeetingListModel
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
    assert [ws.updates.index(5, c).data() for c in (updates.REF, updates.STATUS, updates.NOTE)] == [
        "94/14",
        "open",
        "SH to action",
    ]
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


def test_the_meeting_list_reads_a_page_at_a_time(qtmodeltester: ModelTester) -> None:
    book = [
        MeetingListing(id, date(2015, 1, 1) - timedelta(days=id), f"Meeting {id}", id % 3 == 0)
        for id in range(1, 451)
    ]
    reads: list[tuple[int, int]] = []

    def read(limit: int, offset: int) -> list[MeetingListing]:
        reads.append((limit, offset))
        return book[offset : offset + limit]

    model = MeetingListModel()
    model.reset(read)
    assert model.rowCount() == MeetingListModel.PAGE and reads == [(200, 0)]
    assert model.latest() == 1
    assert model.index(2).data() == "29.12.2014  Meeting 3  (signed off)"
    assert model.row_of(300) == 299  # further back: read on until it is listed
    assert model.rowCount() == 400 and model.canFetchMore(QModelIndex())
    model.fetch_all()
    assert model.rowCount() == 450 and not model.canFetchMore(QModelIndex())
    assert reads == [(200, 0), (200, 200), (200, 400)]
    assert model.row_of(451) == -1 and model.row_of(None) == -1

    renamed = Meeting(3, "Renamed", book[2].date)
    assert model.update(renamed) and model.index(2).data() == "29.12.2014  Renamed"
    assert not model.update(replace(renamed, date=date(2016, 1, 1)))  # to be read again

    model.reset(read)
    qtmodeltester.check(model)  # which fetches more, as a view does
    model.reset(None)
    assert model.rowCount() == 0 and model.latest() is None


def test_cells_can_be_typed_into_while_the_meeting_is_a_draft(ws: Workspace) -> None:
    ws.agenda_pane.select_item(item_id(ws, 4))
    editable = Qt.ItemFlag.ItemIsEditable
    assert not ws.actions.flags(ws.actions.index(0, REF)) & editable  # numbered by the book
    assert all(ws.actions.flags(ws.actions.index(0, c)) & editable for c in (TEXT, OWNERS, DUE))
    ws.agenda_pane.select_item(item_id(ws, 1))
    assert ws.updates.flags(ws.updates.index(0, 0)) & editable

    meeting_id = ws.session.meeting_id
    assert meeting_id is not None
    ws.book.sign_off(meeting_id, "LW", date(2015, 3, 26))
    ws.session.reload_header()
    assert not ws.updates.flags(ws.updates.index(0, 0)) & editable
    ws.agenda_pane.select_item(item_id(ws, 4))
    assert not ws.actions.flags(ws.actions.index(0, TEXT)) & editable
