"""The agenda's model keeps every own field of an item it wrote, so that renaming an item
never writes back an old time, assurance, Schedule 12A paragraphs or public summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from scrutiny_desktop.domain.model import Assurance
from scrutiny_desktop.ui.commands.agenda import EditItem
from scrutiny_desktop.ui.context import Context
from tests.ui.formal.conftest import item_id, ws_of


def test_renaming_after_setting_the_formal_fields_keeps_them(ctx: Context) -> None:
    ws = ws_of(ctx)
    iid = item_id(ctx, "41/26")
    item = ws.items.item(iid)
    assert item is not None
    formal = replace(
        item,
        assurance=Assurance.NOT_ASSURED,
        started=time(10, 1),
        exempt_paragraphs=(1, 3),
        public_summary="In private.",
        restricted=True,
    )
    ctx.push(EditItem(ws.items, item, formal, "Formal fields"))
    cached = ws.items.item(iid)
    assert cached is not None
    ctx.push(EditItem(ws.items, cached, replace(cached, title="Apologies"), "Rename item"))
    stored = ws.book.item(iid)
    assert stored.title == "Apologies"
    assert (stored.assurance, stored.started, stored.exempt_paragraphs, stored.public_summary) == (
        Assurance.NOT_ASSURED,
        time(10, 1),
        (1, 3),
        "In private.",
    )
