"""The exclusion resolution drafted for an exempt item: at the "Exclusion of the press and
public" item before it, or in such an item inserted before it; one transaction each way."""

from __future__ import annotations

from dataclasses import replace

from scrutiny_desktop.domain.wording import exclusion_resolution
from scrutiny_desktop.ui.commands.agenda import EditItem
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
from scrutiny_desktop.ui.formal.drafts import EXCLUSION_TITLE, plan_exclusion
from tests.ui.formal.conftest import Told, Transactions, do_undo_redo, go_to, item_id, ws_of


def agenda(ctx: Context) -> list[tuple[str, str, tuple[str, ...]]]:
    ws = ws_of(ctx)
    mid = ws.session.meeting_id
    assert mid is not None
    return [
        (i.number, i.title, tuple(r.text for r in i.resolutions))
        for i in ws.book.items(mid, full=True)
    ]


def test_the_exclusion_item_before_gets_its_resolution_brought_up_to_date(
    ctx: Context, details: ItemDetailsController, told: Told
) -> None:
    go_to(ctx, "46/26")  # paragraphs 1 and 3; 45/26 already excludes the public for them
    count = Transactions(ctx)
    assert count.of(details.fields.draft_exclusion) == 0
    assert told[-1] == "Item 45/26 already has this exclusion resolution"
    details.pane.exempt.boxes[7].click()
    do_undo_redo(ctx, details.fields.draft_exclusion, lambda: agenda(ctx))
    assert agenda(ctx)[4][2] == (exclusion_resolution([1, 3, 7]),)  # replaced, not added
    assert ws_of(ctx).agenda_pane.item_id == item_id(ctx, "46/26")  # the minute-taker stays
    assert told[-1] == "Exclusion resolution drafted at item 45/26 (paragraphs 1, 3, 7)"


def test_an_exclusion_item_is_inserted_when_there_is_none(
    ctx: Context, details: ItemDetailsController
) -> None:
    ws = ws_of(ctx)
    # Numbered through the year, from the first number the book saw: 41/26, 42/26, ...
    settings = ws.book.series_settings("Police and Crime Panel")
    ws.book.set_series_settings(replace(settings, quorum=5, numbering="yearly"))
    ws.open_meeting(ws.session.meeting_id)
    precept = go_to(ctx, "44/26")
    item = ws.items.item(precept)
    assert item is not None
    ctx.push(EditItem(ws.items, item, replace(item, restricted=True, exempt_paragraphs=(3,)), "x"))
    before = agenda(ctx)
    count = Transactions(ctx)
    assert count.of(details.fields.draft_exclusion) == 1
    assert ws.agenda_pane.item_id == precept  # the minute-taker stays at the exempt item
    after = agenda(ctx)
    assert len(after) == len(before) + 1
    assert after[3] == ("44/26", EXCLUSION_TITLE, (exclusion_resolution([3]),))
    assert after[4][1] == "Proposed Police Precept 2026/27"
    assert ws.items.rowCount() == len(after)
    assert count.of(ctx.stack.undo) == 1
    assert agenda(ctx) == before
    assert count.of(ctx.stack.redo) == 1
    assert agenda(ctx) == after
    ctx.stack.undo()
    assert agenda(ctx) == before and ws.items.rowCount() == len(before)


def test_no_draft_without_paragraphs_or_for_a_public_item(
    ctx: Context, details: ItemDetailsController, told: Told
) -> None:
    go_to(ctx, "44/26")
    assert Transactions(ctx).of(details.fields.draft_exclusion) == 0
    assert "is not taken in private" in told[-1]
    items = ws_of(ctx).items.items()
    exempt = replace(items[5], exempt_paragraphs=())
    try:
        plan_exclusion([*items[:5], exempt], exempt.id or 0)
    except ValueError as e:
        assert "tick the Schedule 12A paragraphs of item 46/26" in str(e)
    else:
        raise AssertionError("a plan without paragraphs")


def test_a_run_of_exempt_items_is_excluded_once_before_the_first() -> None:
    from scrutiny_desktop.domain.model import Item

    items = [
        Item(1, "1", "Exclusion of the press and public"),
        Item(2, "2", "Complaint", restricted=True, exempt_paragraphs=(1,)),
        Item(3, "3", "Contract", restricted=True, exempt_paragraphs=(3,)),
    ]
    plan = plan_exclusion(items, 3)
    assert (plan.paragraphs, plan.position, plan.target) == ((1, 3), 1, items[0])
