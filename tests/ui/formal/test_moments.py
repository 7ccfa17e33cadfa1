"""Arrivals, departures and substitutes: one undo command each, one transaction each way
(``set_attendance``, undone by ``put_named_state``); the room follows."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt

from scrutiny_desktop.domain.model import Attendance, AttendanceStatus, Moment
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.attendance_dialog import AttendanceDialog
from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
from scrutiny_desktop.ui.formal.moments_controller import MomentsController
from tests.ui.formal.conftest import Dialogs, Told, Transactions, do_undo_redo, go_to, ws_of


def attendance(ctx: Context, initials: str) -> Attendance | None:
    mid = ws_of(ctx).session.meeting_id
    assert mid is not None
    return next((a for a in ws_of(ctx).book.attendance(mid) if a.initials == initials), None)


def test_arrived_now_records_the_time_and_the_item(
    ctx: Context, moments: MomentsController, told: Told
) -> None:
    go_to(ctx, "44/26")
    after = do_undo_redo(ctx, lambda: moments.arrived_now("KB"), lambda: attendance(ctx, "KB"))
    assert after == Attendance(
        "KB", AttendanceStatus.PRESENT, arrived=Moment(time(11, 15), "44/26")
    )
    assert (
        told[-1]
        == "Cllr Kevin Bentley joined the meeting at 11:15 during item 44/26 (F12 changes it)"
    )


def test_someone_with_apologies_who_comes_after_all_is_present(
    ctx: Context, moments: MomentsController, details: ItemDetailsController
) -> None:
    go_to(ctx, "46/26")
    assert details.pane.room.text() == "5 members and 1 for part of it, quorum 5"
    moments.arrived_now("DT")
    a = attendance(ctx, "DT")
    assert a is not None and a.status is AttendanceStatus.PRESENT
    assert a.arrived == Moment(time(11, 15), "46/26")
    # The room follows at once.
    assert details.pane.room.text() == "5 members and 2 for part of it, quorum 5"


def test_left_now_and_the_quorum(
    ctx: Context, moments: MomentsController, details: ItemDetailsController
) -> None:
    iid = go_to(ctx, "46/26")
    do_undo_redo(ctx, lambda: moments.left_now("KB"), lambda: attendance(ctx, "KB"))
    a = attendance(ctx, "KB")
    assert a is not None and a.left == Moment(time(11, 15), "46/26")
    assert details.room.is_inquorate(iid)
    # RP and KB left during the item: the rest of it was taken by four.
    assert details.pane.room.text() == "INQUORATE: 4 members and 2 for part of it, quorum 5"
    ctx.stack.undo()
    assert not details.room.is_inquorate(iid)


def test_left_now_for_someone_not_there_changes_nothing(
    ctx: Context, moments: MomentsController, told: Told
) -> None:
    assert Transactions(ctx).of(lambda: moments.left_now("TW")) == 0  # sent apologies
    assert "is not marked present" in told[-1]


def test_the_chosen_attendee_is_meant(ctx: Context, moments: MomentsController) -> None:
    ws = ws_of(ctx)
    ws.attendees_pane.table.setCurrentIndex(ws.attendees.index(3, 0))
    chosen = ws.attendees_pane.current_initials()
    assert chosen is not None
    moments.arrived_now()
    a = attendance(ctx, chosen)
    assert a is not None and a.arrived is not None


def test_substitute(ctx: Context, moments: MomentsController) -> None:
    after = do_undo_redo(ctx, lambda: moments.substitute("KB", "DT"), lambda: attendance(ctx, "KB"))
    assert isinstance(after, Attendance) and after.substitute_for == "DT"
    assert Transactions(ctx).of(lambda: moments.substitute("KB", "KB")) == 0
    assert Transactions(ctx).of(lambda: moments.substitute("KB", "ZZZ")) == 0


def test_arrival_departure_and_substitute_edited_afterwards(
    ctx: Context, moments: MomentsController, dialogs: Dialogs
) -> None:
    def fill(dialog: AttendanceDialog) -> None:
        assert (
            dialog.arrived.time.text() == "11:15" and dialog.arrived.item.currentText() == "44/26"
        )
        # Whose record it is, and whom the initials typed name, shown in the dialog
        # itself: with no window manager there is no title bar to say so.
        assert dialog.whose.text() == "Cllr Anne Spoor (AS)"
        dialog.substitute.setText("tw")
        assert dialog.substitute_name.text() == "Cllr Tom Watson"
        dialog.arrived.time.setText("1120")
        dialog.left.time.setText("12.30")
        dialog.left.item.setCurrentText("47/26")

    dialogs.fill = fill
    after = do_undo_redo(ctx, lambda: moments.edit("AS"), lambda: attendance(ctx, "AS"))
    assert after == Attendance(
        "AS",
        AttendanceStatus.PRESENT,
        substitute_for="TW",
        arrived=Moment(time(11, 20), "44/26"),
        left=Moment(time(12, 30), "47/26"),
    )


def test_a_wrong_time_in_the_dialog_is_said_and_nothing_changes(
    ctx: Context, moments: MomentsController, dialogs: Dialogs
) -> None:
    said: list[str] = []

    def fill(dialog: AttendanceDialog) -> None:
        dialog.arrived.time.setText("soon")
        dialog.accept()
        said.append(dialog.error.text())

    dialogs.fill = fill
    assert Transactions(ctx).of(lambda: moments.edit("AS")) == 0
    assert said == ["Arrived: 'soon' is not a time of day: type e.g. 10:20"]


def test_the_attendees_table_shows_arrivals_departures_and_substitutes(ctx: Context) -> None:
    """Arrived now (F6), Left now (Shift+F6) and Substitute for (Shift+F12) were kept but
    shown nowhere in the window: who had left could be seen only by opening F12 on each."""
    from scrutiny_desktop.ui.models.attendees import ATTENDANCE

    ws = ws_of(ctx)
    model = ws.attendees

    def cell(initials: str, role: Qt.ItemDataRole) -> object:
        row = next(r for r in range(model.rowCount()) if model.initials_at(r) == initials)
        return model.index(row, ATTENDANCE).data(role)

    assert cell("AS", Qt.ItemDataRole.DisplayRole) == "present, arrived 11:15"
    assert cell("RP", Qt.ItemDataRole.DisplayRole) == "present, left 12:10"
    assert cell("MW", Qt.ItemDataRole.DisplayRole) == "present, for TW"
    assert cell("RGH", Qt.ItemDataRole.DisplayRole) == "present"
    assert cell("AS", Qt.ItemDataRole.EditRole) == "present"  # what F2 edits
    assert cell("AS", Qt.ItemDataRole.ToolTipRole) == "Arrived at 11:15 during item 44/26"
    assert cell("MW", Qt.ItemDataRole.ToolTipRole) == "Substitute for Cllr Tom Watson"


def test_the_attendance_says_the_item_by_its_number_after_items_move(ctx: Context) -> None:
    # Review: the tooltip named the number the item had when the table was read.
    from scrutiny_desktop.ui.commands.agenda import MoveItem
    from scrutiny_desktop.ui.models.attendees import ATTENDANCE

    ws = ws_of(ctx)
    row = next(r for r in range(ws.attendees.rowCount()) if ws.attendees.initials_at(r) == "AS")
    tip = lambda: ws.attendees.index(row, ATTENDANCE).data(Qt.ItemDataRole.ToolTipRole)  # noqa: E731
    assert "44/26" in tip()
    precept = go_to(ctx, "44/26")
    ctx.push(MoveItem(ws.items, precept, 3, 2))  # up one: it becomes 43/26
    assert "during item 43/26" in tip()
