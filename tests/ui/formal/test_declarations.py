"""Declarations of interest from the item details: typed in one line, edited in the
table, deleted; each do, undo and redo one transaction; the model's contract holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from scrutiny_desktop.domain.model import Declaration, DeclarationKind
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
from scrutiny_desktop.ui.formal.models import KIND, LEFT, MEMBER
from tests.ui.formal.conftest import Told, Transactions, do_undo_redo, go_to, ws_of


def stored(ctx: Context, iid: int) -> list[tuple[str, str, DeclarationKind, bool]]:
    return [
        (d.initials, d.interest, d.kind, d.left_room) for d in ws_of(ctx).book.declarations(iid)
    ]


def test_a_declaration_typed_in_one_line_is_stored(
    ctx: Context, details: ItemDetailsController
) -> None:
    iid = go_to(ctx, "44/26")
    after = do_undo_redo(
        ctx,
        lambda: details.add_declaration_line("KB other registrable governor of a school, left"),
        lambda: stored(ctx, iid),
    )
    assert after == [("KB", "governor of a school", DeclarationKind.OTHER_REGISTRABLE, True)]
    assert details.declarations.rowCount() == 1
    assert details.declarations.index(0, MEMBER).data() == "KB · Cllr Kevin Bentley"
    assert details.pane.declaration_line.text() == ""


def test_a_name_completes_to_the_person(ctx: Context, details: ItemDetailsController) -> None:
    iid = go_to(ctx, "44/26")
    details.pane.declaration_line.setText("Cllr Raj Patel pecuniary spouse works in force finance")
    hint = details.pane.declaration_hint.text()
    assert hint.startswith("Enter adds: Cllr Raj Patel declared a disclosable pecuniary")
    assert details.add_declaration_line(details.pane.declaration_line.text())
    assert stored(ctx, iid) == [
        ("RP", "spouse works in force finance", DeclarationKind.DISCLOSABLE_PECUNIARY, False)
    ]


def test_a_line_that_does_not_parse_is_kept_and_said(
    ctx: Context, details: ItemDetailsController, told: Told
) -> None:
    iid = go_to(ctx, "44/26")
    details.pane.declaration_line.setText("ZZ pecuniary shares")
    count = Transactions(ctx)
    assert count.of(lambda: details.add_declaration_line("ZZ pecuniary shares")) == 0
    assert stored(ctx, iid) == []
    assert details.pane.declaration_line.text() == "ZZ pecuniary shares"  # nothing dropped
    assert "nobody in this meeting" in details.pane.declaration_hint.text()
    assert told[-1].startswith("Declaration not added:")


def test_the_table_edits_through_undo_commands(
    ctx: Context, details: ItemDetailsController
) -> None:
    iid = go_to(ctx, "42/26")  # RP (left the room) and JG
    model = details.declarations
    left = model.index(1, LEFT)
    assert left.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    do_undo_redo(
        ctx,
        lambda: model.setData(left, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole),
        lambda: stored(ctx, iid),
    )
    assert stored(ctx, iid)[1][3] is True
    do_undo_redo(ctx, lambda: model.setData(model.index(0, KIND), "non"), lambda: stored(ctx, iid))
    assert stored(ctx, iid)[0][2] is DeclarationKind.NON_REGISTRABLE
    do_undo_redo(ctx, lambda: model.setData(model.index(0, MEMBER), "kb"), lambda: stored(ctx, iid))
    assert stored(ctx, iid)[0][0] == "KB"
    count = Transactions(ctx)
    assert count.of(lambda: model.setData(model.index(0, MEMBER), "nobody")) == 0


def test_deleting_and_undoing_puts_the_same_declaration_back(
    ctx: Context, details: ItemDetailsController
) -> None:
    iid = go_to(ctx, "42/26")
    before = ws_of(ctx).book.declarations(iid)
    first = before[0].id
    assert first is not None
    do_undo_redo(ctx, lambda: details.delete_row("declaration", first), lambda: stored(ctx, iid))
    ctx.stack.undo()
    assert ws_of(ctx).book.declarations(iid) == before  # same ids, same order


def test_undo_at_another_item_shows_that_item_first(
    ctx: Context, details: ItemDetailsController
) -> None:
    iid = go_to(ctx, "44/26")
    details.add_declaration_line("JG other board member")
    go_to(ctx, "41/26")
    ctx.stack.undo()
    assert ws_of(ctx).agenda_pane.item_id == iid
    assert details.declarations.rowCount() == 0
    ctx.stack.redo()
    assert [d.initials for d in details.declarations.rows()] == ["JG"]


def test_declarations_model_contract(
    ctx: Context, details: ItemDetailsController, qtmodeltester: ModelTester
) -> None:
    go_to(ctx, "42/26")
    qtmodeltester.check(details.declarations)
    details.add_declaration_line("KB other a school")
    details.declarations.setData(
        details.declarations.index(2, LEFT), 2, Qt.ItemDataRole.CheckStateRole
    )
    first = details.declarations.row_at(0).id
    assert first is not None
    details.delete_row("declaration", first)
    while ctx.stack.canUndo():
        ctx.stack.undo()
    assert [d.initials for d in details.declarations.rows()] == ["RP", "JG"]
    assert isinstance(details.declarations.row_at(0), Declaration)
