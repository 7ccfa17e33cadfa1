"""Every kind of edit: do, undo, redo — checked in the book, not in the widgets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from scrutiny_desktop.domain.model import Attendance, AttendanceStatus, ItemKind, Paragraph, Person
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.ui.body import BULLET, HEADING, RESTRICTED, toggle_flag
from scrutiny_desktop.ui.commands.actions import (
    AddAction,
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
    SetAttendance,
)
from scrutiny_desktop.ui.commands.header import EditHeader
from scrutiny_desktop.ui.models.actions import DUE, OWNERS, STATUS, TEXT
from scrutiny_desktop.ui.models.updates import STATUS as UPDATE_STATUS
from scrutiny_desktop.ui.workspace import Workspace
from tests.ui.conftest import item_id


def round_trip(ws: Workspace, state: Callable[[], Any], push: Callable[[], None]) -> Any:
    """Push a command; undo must restore ``state()``, redo must restore the changed one."""
    before = state()
    push()
    after = state()
    assert after != before
    ws.stack.undo()
    assert state() == before
    ws.stack.redo()
    assert state() == after
    return after


def test_add_rename_flag_move_delete_items(ws: Workspace) -> None:
    mid = ws.session.meeting_id
    assert mid is not None
    titles = lambda: [(i.number, i.title, i.kind, i.restricted) for i in ws.book.items(mid)]  # noqa: E731
    round_trip(ws, titles, lambda: ws.stack.push(AddItem(ws.items, 6, "Late item")))
    item = ws.items.item(item_id(ws, 7))
    assert item is not None and item.title == "Late item"
    round_trip(
        ws,
        titles,
        lambda: ws.stack.push(EditItem(ws.items, item, replace(item, title="Renamed"), "Rename")),
    )
    item = ws.items.item(item_id(ws, 7))
    assert item is not None
    round_trip(
        ws,
        titles,
        lambda: ws.stack.push(EditItem(ws.items, item, replace(item, restricted=True), "R")),
    )
    item = ws.items.item(item_id(ws, 7))
    assert item is not None
    round_trip(
        ws,
        titles,
        lambda: ws.stack.push(
            EditItem(ws.items, item, replace(item, kind=ItemKind.NEXT_MEETING), "K")
        ),
    )
    round_trip(ws, titles, lambda: ws.stack.push(MoveItem(ws.items, item_id(ws, 1), 0, 2)))


def test_deleting_an_item_and_undoing_brings_everything_back(ws: Workspace) -> None:
    four = item_id(ws, 4)
    whole = ws.book.item(four)
    ws.stack.push(DeleteItem(ws.items, four))
    assert four not in [i.id for i in ws.items.items()]
    ws.stack.undo()
    assert ws.book.item(four) == whole  # same id, body, actions, references
    ws.stack.redo()
    assert ws.items.rowCount() == 6


def test_action_edits_round_trip(ws: Workspace) -> None:
    three = item_id(ws, 3)
    ws.agenda_pane.select_item(three)
    actions = lambda: ws.book.actions(three)  # noqa: E731
    add = AddAction(ws.actions, three, numbered=True)
    after = round_trip(ws, actions, lambda: ws.stack.push(add))
    assert after[-1].ref == ActionRef(15, 17)
    assert after[-1].id == add.action_id  # redo puts back the same action, same reference
    row = ws.actions.rowCount() - 1
    for col, text in ((TEXT, "New text"), (OWNERS, "SH, CF"), (DUE, "12/3"), (STATUS, "completed")):
        round_trip(
            ws,
            actions,
            lambda col=col, text=text: ws.actions.setData(ws.actions.index(row, col), text),
        )
    a = ws.book.action(add.action_id)  # type: ignore[arg-type]
    assert (a.text, a.owners, str(a.due), a.status.value) == (
        "New text",
        ("SH", "CF"),
        "2015-03-12",
        "completed",
    )
    round_trip(ws, actions, lambda: ws.stack.push(DeleteAction(ws.actions, three, a.id)))  # type: ignore[arg-type]


def test_a_deleted_reference_is_never_handed_out_again(ws: Workspace) -> None:
    three = item_id(ws, 3)
    ws.agenda_pane.select_item(three)
    ws.stack.push(AddAction(ws.actions, three, numbered=True))
    ws.stack.undo()
    ws.stack.push(AddAction(ws.actions, three, numbered=True))
    assert ws.book.actions(three)[-1].ref == ActionRef(15, 18)


def test_edit_action_is_undone_even_when_another_item_is_shown(ws: Workspace) -> None:
    three, five = item_id(ws, 3), item_id(ws, 5)
    ws.agenda_pane.select_item(three)
    old = ws.book.actions(three)[0]
    ws.stack.push(EditAction(ws.actions, three, old, replace(old, text="Changed")))
    ws.agenda_pane.select_item(five)
    ws.stack.undo()
    assert ws.book.actions(three)[0] == old
    assert ws.agenda_pane.item_id == three  # the undo shows where it happened


def test_update_edits_round_trip(ws: Workspace) -> None:
    one = item_id(ws, 1)
    updates = lambda: ws.book.updates(one)  # noqa: E731
    u = ws.book.updates(one)[0]
    round_trip(
        ws, updates, lambda: ws.stack.push(EditUpdate(ws.updates, one, u, replace(u, note="late")))
    )
    status = ws.updates.index(1, UPDATE_STATUS)
    round_trip(ws, updates, lambda: ws.updates.setData(status, "closed"))
    round_trip(ws, updates, lambda: ws.stack.push(DeleteUpdate(ws.updates, one, u.id)))  # type: ignore[arg-type]


def test_people_edits_round_trip(ws: Workspace) -> None:
    mid = ws.session.meeting_id
    assert mid is not None
    state = lambda: (ws.book.minutes(mid).people, ws.book.attendance(mid))  # noqa: E731
    round_trip(
        ws,
        state,
        lambda: ws.stack.push(
            AddPerson(ws.attendees, Person("AB", "Ann Brown", None, "EP"), Attendance("AB"))
        ),
    )
    round_trip(
        ws,
        state,
        lambda: ws.stack.push(
            SetAttendance(ws.attendees, "WK", Attendance("WK", AttendanceStatus.APOLOGIES))
        ),
    )
    round_trip(
        ws,
        state,
        lambda: ws.stack.push(SetAttendance(ws.attendees, "LW", ws.attendees.chair_toggled("LW"))),
    )
    round_trip(
        ws,
        state,
        lambda: ws.stack.push(SetAttendance(ws.attendees, "SH", ws.attendees.chair_toggled("SH"))),
    )  # chair moves to SH
    round_trip(
        ws,
        state,
        lambda: ws.stack.push(
            EditPerson(ws.attendees, ws.book.person("JK"), Person("JK", "Jo King"))
        ),
    )  # type: ignore[arg-type]
    round_trip(ws, state, lambda: ws.stack.push(RemovePerson(ws.attendees, "AB")))
    round_trip(ws, state, lambda: ws.attendees.setData(ws.attendees.index(1, 4), "named only"))


def test_header_edit_round_trips(ws: Workspace) -> None:
    old = ws.session.meeting
    assert old is not None
    state = lambda: ws.book.meeting(old.id)  # type: ignore[arg-type]  # noqa: E731
    round_trip(
        ws,
        state,
        lambda: ws.stack.push(
            EditHeader(ws.session, old, replace(old, venue="Elsewhere", classification="OFFICIAL"))
        ),
    )
    assert ws.session.meeting == state()


def test_typing_and_formatting_are_undone_through_the_stack(ws: Workspace, qtbot: QtBot) -> None:
    six = item_id(ws, 6)
    ws.agenda_pane.select_item(six)
    doc = ws.bodies.document(six)
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    start = ws.stack.count()
    cursor.insertBlock()
    cursor.insertText("Restricted matter")
    toggle_flag(cursor, RESTRICTED)
    ws.bodies.flush()
    body = ws.book.body(six)
    assert body[-1] == Paragraph("Restricted matter", restricted=True)
    assert ws.stack.count() > start
    while ws.stack.count() > start and ws.stack.canUndo():
        ws.stack.undo()
    ws.bodies.flush()
    assert len(ws.book.body(six)) == 1
    while ws.stack.canRedo():
        ws.stack.redo()
    ws.bodies.flush()
    assert ws.book.body(six)[-1] == Paragraph("Restricted matter", restricted=True)
    toggle_flag(QTextCursor(doc.lastBlock()), HEADING)
    qtbot.waitUntil(lambda: ws.book.body(six)[-1].heading, timeout=1000)  # saved by the timer


def test_bulleted_paragraphs_the_book_holds_stay_bulleted_when_the_item_is_typed_in(
    ws: Workspace,
) -> None:
    six = item_id(ws, 6)
    listed = (
        Paragraph("The Commissioner set out two priorities:"),
        Paragraph("fewer burglaries", bullet=True),
        Paragraph("faster response in rural areas", bullet=True),
    )
    ws.book.set_body(six, listed)
    cursor = QTextCursor(ws.bodies.document(six))
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock()
    cursor.insertText("Members welcomed them.")
    ws.bodies.flush()
    assert ws.book.body(six) == [*listed, Paragraph("Members welcomed them.", bullet=True)]
    toggle_flag(QTextCursor(ws.bodies.document(six).lastBlock()), BULLET)
    ws.bodies.flush()
    assert ws.book.body(six) == [*listed, Paragraph("Members welcomed them.")]
