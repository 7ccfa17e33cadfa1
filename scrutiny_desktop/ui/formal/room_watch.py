"""Who is in the room at each item, kept in step with the open book: the members against
the quorum at the current item, a check beside each resolution whose vote does not fit
the room (never a dialog), and the set of items taken inquorate for the agenda to mark."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from scrutiny_desktop.domain.model import Minutes
from scrutiny_desktop.domain.presence import Presence, vote_warning
from scrutiny_desktop.domain.quorum import inquorate_items, room_at
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.item_details import ItemDetailsPane
from scrutiny_desktop.ui.formal.models import ResolutionsModel


class RoomWatch(QObject):
    """Recomputes the room when told (``refresh``); says a new vote problem once."""

    inquorate_changed = Signal()
    """The set of items taken inquorate (``inquorate``) changed: the agenda repaints."""

    def __init__(self, ctx: Context, pane: ItemDetailsPane, resolutions: ResolutionsModel) -> None:
        super().__init__(ctx)
        self._ctx, self._pane, self._resolutions = ctx, pane, resolutions
        self.inquorate: frozenset[int] = frozenset()
        self._warnings: dict[int, str] = {}
        self._item_id: int | None = None

    def is_inquorate(self, item_id: int) -> bool:
        """For the agenda's ``data()``: was this item taken with fewer members than the quorum?"""
        return item_id in self.inquorate

    def minutes(self) -> Minutes | None:
        """The meeting as far as the room depends on it: header, attendance, items with
        their times and declarations (no bodies or actions)."""
        ws, meeting = self._ctx.workspace, self._ctx.meeting
        if ws is None or meeting is None or meeting.id is None:
            return None
        book = ws.book
        items = tuple(
            replace(i, declarations=tuple(book.declarations(i.id)))
            for i in ws.items.items()
            if i.id is not None
        )
        return Minutes(
            meeting=meeting,
            people=tuple(book.meeting_people(meeting.id)),
            attendance=tuple(book.attendance(meeting.id)),
            items=items,
        )

    def room(self) -> Presence | None:
        """The members in the room at the current item."""
        minutes, iid = self.minutes(), self._current()
        return None if minutes is None or iid is None else room_at(minutes, iid)

    def _current(self) -> int | None:
        ws = self._ctx.workspace
        return None if ws is None else ws.agenda_pane.item_id

    def refresh(self) -> None:
        minutes, iid = self.minutes(), self._current()
        inquorate = frozenset() if minutes is None else frozenset(inquorate_items(minutes))
        if inquorate != self.inquorate:
            self.inquorate = inquorate
            self.inquorate_changed.emit()
        room = None if minutes is None or iid is None else room_at(minutes, iid)
        self._show(room, minutes)
        warnings: dict[int, str] = {}
        if room is not None:
            for r in self._resolutions.rows():
                said = vote_warning(r, room)
                if said and r.id is not None:
                    warnings[r.id] = said
        if iid == self._item_id:  # news at this item; not what was there on arriving
            for rid, said in warnings.items():
                if self._warnings.get(rid) != said:
                    self._ctx.tell(f"Check the vote: {said}")
        self._item_id, self._warnings = iid, warnings
        self._resolutions.set_warnings(warnings)
        self._pane.show_vote_warning("\n".join(f"⚠ {w}" for w in warnings.values()) or None)

    def _show(self, room: Presence | None, minutes: Minutes | None) -> None:
        if room is None or minutes is None:
            self._pane.show_room("", "", inquorate=False)
            return
        n = len(room.members)
        members = f"{n} member{'s' if n != 1 else ''}"
        if room.part:
            members += f" and {len(room.part)} for part of it"
        names = {p.initials: p.display_name for p in minutes.people}
        who = (
            ", ".join(
                [names.get(i, i) for i in room.members]
                + [f"{names.get(i, i)} (for part of it)" for i in room.part]
            )
            or "nobody"
        )
        if room.quorum is None:
            self._pane.show_room(f"{members} (no quorum set)", who, inquorate=False)
        elif room.inquorate:
            self._pane.show_room(f"INQUORATE: {members}, quorum {room.quorum}", who, inquorate=True)
        else:
            self._pane.show_room(f"{members}, quorum {room.quorum}", who, inquorate=False)
