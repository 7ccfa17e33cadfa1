"""An item's own fields from the item details: the time reached (typed, or filled in on
the first keystroke of its minutes), assurance, Schedule 12A paragraphs and public
summary; the meeting's quorum and the items taken inquorate."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from scrutiny_desktop.domain.model import Assurance, Item
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
from tests.ui.formal.conftest import NOW, Told, Transactions, do_undo_redo, go_to, item_id, ws_of


def item(ctx: Context, number: str) -> Item:
    return ws_of(ctx).book.item(item_id(ctx, number))


@pytest.mark.parametrize("typed", ["10.20", "10:20", "1020"])
def test_the_time_reached_accepts_the_usual_ways_of_typing_it(
    ctx: Context, details: ItemDetailsController, typed: str
) -> None:
    go_to(ctx, "47/26")  # no time yet
    do_undo_redo(
        ctx, lambda: details.fields.set_time_reached(typed), lambda: item(ctx, "47/26").started
    )
    assert item(ctx, "47/26").started == time(10, 20)
    assert details.pane.time_edit.text() == "10:20"


def test_a_time_that_is_not_one_is_said_and_nothing_changes(
    ctx: Context, details: ItemDetailsController, told: Told
) -> None:
    go_to(ctx, "44/26")
    assert Transactions(ctx).of(lambda: details.fields.set_time_reached("25.99")) == 0
    assert item(ctx, "44/26").started == time(10, 20)
    assert details.pane.time_error.text() == "'25.99' is not a time of day: type e.g. 10:20"
    assert told[-1].startswith("Time not changed")


def _key(text: str, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_T, mods, text)


def test_the_first_keystroke_of_an_item_fills_in_its_time(
    ctx: Context, details: ItemDetailsController
) -> None:
    editor = ws_of(ctx).agenda_pane.editor
    details.fields.watch_typing(editor)
    go_to(ctx, "47/26")
    count = Transactions(ctx)
    assert (
        count.of(
            lambda: QApplication.sendEvent(editor, _key("", Qt.KeyboardModifier.ControlModifier))
        )
        == 0
    )
    assert item(ctx, "47/26").started is None  # a shortcut is not typing
    assert count.of(lambda: QApplication.sendEvent(editor, _key("T"))) == 1
    assert item(ctx, "47/26").started == time(11, 15)
    assert details.pane.time_edit.text() == "11:15"
    assert count.of(lambda: QApplication.sendEvent(editor, _key("h"))) == 0  # once only
    go_to(ctx, "44/26")
    QApplication.sendEvent(editor, _key("x"))
    assert item(ctx, "44/26").started == time(10, 20)  # a time already there stays


def test_minutes_written_up_on_a_later_day_get_no_made_up_times(ctx: Context) -> None:
    later = ItemDetailsController(ctx, lambda: datetime(2026, 3, 13, 9, 0))
    go_to(ctx, "47/26")
    later.fields.typing_started()
    assert item(ctx, "47/26").started is None


def test_stamping_the_time_now(ctx: Context, details: ItemDetailsController) -> None:
    go_to(ctx, "47/26")
    do_undo_redo(ctx, details.fields.stamp_time, lambda: item(ctx, "47/26").started)
    assert item(ctx, "47/26").started == time(NOW.hour, NOW.minute)


def test_assurance(ctx: Context, details: ItemDetailsController) -> None:
    go_to(ctx, "43/26")
    do_undo_redo(
        ctx,
        lambda: details.pane.assurance_chosen.emit(Assurance.NOT_ASSURED),
        lambda: item(ctx, "43/26").assurance,
    )
    assert item(ctx, "43/26").assurance is Assurance.NOT_ASSURED
    assert details.pane.assurance.currentText() == "Not assured"
    do_undo_redo(
        ctx, lambda: details.fields.set_assurance(None), lambda: item(ctx, "43/26").assurance
    )


def test_exempt_paragraphs_and_public_summary(ctx: Context, details: ItemDetailsController) -> None:
    go_to(ctx, "46/26")
    exempt = details.pane.exempt
    assert not exempt.isHidden() and exempt.paragraphs() == (1, 3)
    exempt.boxes[7].click()
    assert item(ctx, "46/26").exempt_paragraphs == (1, 3, 7)
    ctx.stack.undo()
    assert item(ctx, "46/26").exempt_paragraphs == (1, 3)
    assert exempt.paragraphs() == (1, 3)
    exempt.summary.setPlainText("The Panel considered a complaint in private.")
    count = Transactions(ctx)
    assert count.of(exempt.commit_summary) == 1
    assert item(ctx, "46/26").public_summary == "The Panel considered a complaint in private."
    assert count.of(ctx.stack.undo) == 1
    assert item(ctx, "46/26").public_summary.startswith("The Panel considered a complaint and")
    go_to(ctx, "44/26")
    assert exempt.isHidden()  # a public item has no Schedule 12A paragraphs


def test_the_quorum_and_the_items_taken_inquorate(
    ctx: Context, details: ItemDetailsController
) -> None:
    iid = go_to(ctx, "42/26")  # RP left the room for his declaration: 4 members, quorum 5
    assert details.room.inquorate == {iid}
    assert details.room.is_inquorate(iid)
    assert details.pane.room.text() == "INQUORATE: 4 members, quorum 5"
    assert "Cllr Robert G Hannam" in details.pane.room.toolTip()
    changes: list[None] = []
    details.room.inquorate_changed.connect(lambda: changes.append(None))
    meeting = ctx.meeting
    assert meeting is not None
    do_undo_redo(
        ctx,
        lambda: details.fields.set_quorum(4),
        lambda: ws_of(ctx).book.meeting(meeting.id or 0).quorum,
    )
    assert details.room.inquorate == frozenset()
    assert details.pane.room.text() == "4 members, quorum 4"
    assert len(changes) == 3  # done, undone, redone
    details.fields.set_quorum(0)
    assert details.pane.room.text() == "4 members (no quorum set)"


def test_a_time_typed_in_words_is_shown_as_kept_while_the_field_still_has_the_keyboard(
    ctx: Context, details: ItemDetailsController, qtbot
) -> None:
    # A clerk typed "2pm", pressed Enter and read "2pm" still: was it kept, and as what?
    go_to(ctx, "47/26")
    pane = details.pane
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    pane.focus_time()
    qtbot.waitUntil(pane.time_edit.hasFocus)
    pane.time_edit.setText("2pm")
    details.fields.set_time_reached("2pm")
    assert item(ctx, "47/26").started == time(14, 0)
    assert pane.time_edit.text() == "14:00"


def test_a_field_given_the_keyboard_is_scrolled_into_sight(
    ctx: Context, details: ItemDetailsController, qtbot
) -> None:
    # On a laptop the details dock is short: Ctrl+Shift+Y put the keyboard in a
    # resolution line below the fold, and the clerk typed into a field she could not see.
    go_to(ctx, "44/26")
    pane = details.pane
    pane.resize(420, 160)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    pane.focus_resolution()
    qtbot.waitUntil(pane.resolution_line.hasFocus)
    line = pane.resolution_line
    top = line.mapTo(pane, line.rect().topLeft()).y()
    bottom = line.mapTo(pane, line.rect().bottomLeft()).y()
    assert top >= 0 and bottom <= pane.height()


def test_a_public_summary_being_typed_is_never_replaced_under_the_cursor(
    ctx: Context, details: ItemDetailsController, qtbot
) -> None:
    # A clerk's summary came out as its end followed by its start: shown again while she
    # typed, the box went back to what had been saved and the cursor to its start.
    iid = go_to(ctx, "46/26")
    pane, exempt = details.pane, details.pane.exempt
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    exempt.summary.setFocus()
    qtbot.waitUntil(exempt.summary.hasFocus)
    stale = item(ctx, "46/26")  # as an item copy read before the typing has it
    exempt.summary.selectAll()
    qtbot.keyClicks(exempt.summary, "The Committee received")
    exempt.commit_summary()  # saved as typing goes
    assert item(ctx, "46/26").public_summary == "The Committee received"
    exempt.show_values(iid, stale.exempt_paragraphs, stale.public_summary)  # shown again
    assert exempt.summary.toPlainText() == "The Committee received"
    assert exempt.summary.textCursor().position() == len("The Committee received")
    qtbot.keyClicks(exempt.summary, " an update")
    exempt.commit_summary()
    ctx.stack.undo()  # from the Edit menu, the keyboard still in the box (review)
    assert exempt.summary.toPlainText() == item(ctx, "46/26").public_summary
    assert exempt.summary.toPlainText() == "The Committee received"
    qtbot.keyClicks(exempt.summary, " an update")
    go_to(ctx, "44/26")  # another item: what was typed goes to the item it was typed at
    assert item(ctx, "46/26").public_summary == "The Committee received an update"
    assert item(ctx, "44/26").public_summary is None
