"""Resolutions and votes from the item details: typed in one line with the vote, a
recorded vote, the check beside a vote that does not fit the room (never a dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester

from scrutiny_desktop.domain.model import NamedVote, Vote, VoteChoice
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
from scrutiny_desktop.ui.formal.models import CHECK, RESTRICTED, TEXT, VOTE
from scrutiny_desktop.ui.formal.vote_dialog import VoteDialog
from tests.ui.formal.conftest import Dialogs, Told, do_undo_redo, go_to, ws_of


def stored(ctx: Context, iid: int) -> list[tuple[str, Vote | None, bool]]:
    return [(r.text, r.vote, r.restricted) for r in ws_of(ctx).book.resolutions(iid)]


def test_a_resolution_with_its_vote_typed_in_one_line(
    ctx: Context, details: ItemDetailsController, told: Told
) -> None:
    iid = go_to(ctx, "43/26")
    details.pane.resolution_line.setText("RESOLVED: That the report be noted. 4-1-0")
    assert details.pane.resolution_hint.text() == (
        "Enter adds: RESOLVED: That the report be noted. — For 4, against 1, abstained 0"
    )
    after = do_undo_redo(
        ctx,
        lambda: details.add_resolution_line(details.pane.resolution_line.text()),
        lambda: stored(ctx, iid),
    )
    assert after[-1] == ("That the report be noted.", Vote(4, 1, 0), False)  # type: ignore[index]
    row = details.resolutions.rowCount() - 1
    assert details.resolutions.index(row, VOTE).data() == "For 4, against 1, abstained 0"
    assert details.resolutions.index(row, CHECK).data() == ""  # 5 members in the room
    assert not any(m.startswith("Check the vote") for m in told)


def test_a_vote_counting_more_than_the_room_is_flagged_beside_it(
    ctx: Context, details: ItemDetailsController, told: Told
) -> None:
    go_to(ctx, "47/26")  # RP left during 46/26: 5 members in the room
    details.add_resolution_line("That the Commissioner be written to. 5-1-0")
    row = details.resolutions.rowCount() - 1
    check = details.resolutions.index(row, CHECK)
    said = "6 votes counted but only 5 members were in the room at item 47/26"
    assert check.data() == f"⚠ {said}"
    assert check.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert said in details.pane.vote_warning.text() and not details.pane.vote_warning.isHidden()
    assert told[-1] == f"Check the vote: {said}"
    ctx.stack.undo()
    assert details.pane.vote_warning.isHidden()


def test_the_vote_cell_takes_counts_and_the_check_follows(
    ctx: Context, details: ItemDetailsController
) -> None:
    iid = go_to(ctx, "46/26")
    model = details.resolutions
    do_undo_redo(
        ctx, lambda: model.setData(model.index(0, VOTE), "4-2-1"), lambda: stored(ctx, iid)
    )
    assert stored(ctx, iid)[0][1] == Vote(4, 2, 1)
    # Six members in the room at some time during it, RP leaving during it.
    assert model.index(0, CHECK).data().startswith("⚠ 7 votes counted but only 6 members")
    do_undo_redo(
        ctx,
        lambda: model.setData(model.index(0, RESTRICTED), 2, Qt.ItemDataRole.CheckStateRole),
        lambda: stored(ctx, iid),
    )
    assert model.setData(model.index(0, VOTE), "four") is False
    assert model.setData(model.index(0, TEXT), "   ") is False


def test_a_member_who_left_during_the_item_may_have_voted_before(
    ctx: Context, details: ItemDetailsController
) -> None:
    # A clerk pressed Shift+F6 as a member walked out after the vote: the pane said the
    # votes were more than the room, and the minutes printed the vote without a flag.
    go_to(ctx, "46/26")  # RP left during it: five for the whole item, six for part
    details.add_resolution_line("That the complaint be resolved informally. 4-1-1")
    row = details.resolutions.rowCount() - 1
    assert details.resolutions.index(row, CHECK).data() in (None, "")
    assert details.pane.vote_warning.isHidden()
    assert details.pane.room.text() == "5 members and 1 for part of it, quorum 5"


def test_a_recorded_vote_names_the_members_in_the_room(
    ctx: Context, details: ItemDetailsController, dialogs: Dialogs
) -> None:
    iid = go_to(ctx, "43/26")
    offered: list[str] = []

    def vote(dialog: VoteDialog) -> None:
        offered.extend(dialog.choices)
        for initials, choice in (("RGH", 1), ("RP", 1), ("KB", 2), ("JG", 3)):
            combo: QComboBox = dialog.choices[initials]
            combo.setCurrentIndex(choice)

    dialogs.fill = vote
    after = do_undo_redo(ctx, details.record_vote, lambda: stored(ctx, iid))
    assert offered == ["RGH", "RP", "KB", "MW", "JG"]
    assert after[0][1] == Vote(  # type: ignore[index]
        2,
        1,
        1,
        (
            NamedVote("RGH", VoteChoice.FOR),
            NamedVote("RP", VoteChoice.FOR),
            NamedVote("KB", VoteChoice.AGAINST),
            NamedVote("JG", VoteChoice.ABSTAINED),
        ),
    )
    assert details.resolutions.index(0, VOTE).data() == "For 2, against 1, abstained 1 (recorded)"


def test_no_resolution_no_vote_dialog(
    ctx: Context, details: ItemDetailsController, dialogs: Dialogs, told: Told
) -> None:
    go_to(ctx, "41/26")
    details.record_vote()
    assert dialogs.shown == []
    assert "Type a resolution first" in told[-1]


def test_resolutions_model_contract(
    ctx: Context, details: ItemDetailsController, qtmodeltester: ModelTester
) -> None:
    go_to(ctx, "44/26")
    qtmodeltester.check(details.resolutions)
    details.add_resolution_line("That the precept be noted. 9-0-0")
    details.resolutions.setData(details.resolutions.index(0, TEXT), "That the Panel supports it.")
    first = details.resolutions.row_at(1).id
    assert first is not None
    details.delete_row("resolution", first)
    while ctx.stack.canUndo():
        ctx.stack.undo()
    assert details.resolutions.rowCount() == 2
