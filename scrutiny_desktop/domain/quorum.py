"""The quorum and the room by item id, for a window that knows items by their ids:
which items were taken inquorate, and who was in the room at one item."""

from __future__ import annotations

from scrutiny_desktop.domain.model import Minutes
from scrutiny_desktop.domain.presence import Presence, presence


def inquorate_items(minutes: Minutes) -> set[int]:
    """The ids of the items taken with fewer members in the room than the quorum."""
    return {
        item.id
        for item, room in zip(minutes.items, presence(minutes), strict=True)
        if item.id is not None and room.inquorate
    }


def room_at(minutes: Minutes, item_id: int) -> Presence | None:
    """Who was in the room at the item with this id (None: no such item)."""
    for item, room in zip(minutes.items, presence(minutes), strict=True):
        if item.id == item_id:
            return room
    return None
