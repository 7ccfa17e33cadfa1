"""The item details controller: builds the item details pane and its models, turns what
the pane asks into undo commands, and keeps it in step with the open book.

It is handed the ``Context`` alone and reaches the book only through ``ctx.workspace``
(its session and book, the items and attendees models, the agenda's current item);
every edit goes through ``ctx.push``. The item's own fields are ``fields``
(``ItemFieldsController``), the room and the quorum ``room`` (``RoomWatch``).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QModelIndex, QObject

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.formal_lines import parse_declaration, parse_resolution
from scrutiny_desktop.domain.wording import NO_DECLARATIONS, RESOLVED, declaration_text, vote_text
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.commands import (
    AddRow,
    DeleteRow,
    EditRow,
    RowKind,
    declarations,
    resolutions,
)
from scrutiny_desktop.ui.formal.drafts import append_paragraph
from scrutiny_desktop.ui.formal.fields_controller import ItemFieldsController
from scrutiny_desktop.ui.formal.item_details import ItemDetailsPane
from scrutiny_desktop.ui.formal.models import (
    CHECK,
    DeclarationsModel,
    HasId,
    ItemRows,
    ResolutionsModel,
)
from scrutiny_desktop.ui.formal.room_watch import RoomWatch
from scrutiny_desktop.ui.formal.running import RunDialog, run_modal
from scrutiny_desktop.ui.formal.vote_dialog import VoteDialog
from scrutiny_desktop.ui.models import ID_ROLE
from scrutiny_desktop.ui.workspace import Workspace

R = TypeVar("R", bound=HasId)


class ItemDetailsController(QObject):
    """Declarations, resolutions and votes at the current item; the pane they show in."""

    def __init__(
        self,
        ctx: Context,
        clock: Callable[[], datetime] = datetime.now,
        run_dialog: RunDialog = run_modal,
    ) -> None:
        super().__init__(ctx)
        self._ctx, self.run_dialog = ctx, run_dialog
        self.declarations = DeclarationsModel()
        self.resolutions = ResolutionsModel()
        self.pane = ItemDetailsPane(self.declarations, self.resolutions)
        self.fields = ItemFieldsController(ctx, self.pane, self.resolutions, clock)
        self.room = RoomWatch(ctx, self.pane, self.resolutions)
        p = self.pane
        p.declaration_entered.connect(self.add_declaration_line)
        p.declaration_typed.connect(self._declaration_typed)
        p.resolution_entered.connect(self.add_resolution_line)
        p.resolution_typed.connect(self._resolution_typed)
        p.no_declarations_asked.connect(self.no_declarations)
        p.vote_asked.connect(self.record_vote)
        p.delete_asked.connect(self.delete_row)
        for line in (p.declaration_line, p.resolution_line):
            line.undo_requested.connect(ctx.stack.undo)
            line.redo_requested.connect(ctx.stack.redo)
            # Typing a declaration or resolution is typing at the item, as its minutes are.
            self.fields.watch_typing(line)
        for model in (self.declarations, self.resolutions):
            model.refused.connect(ctx.tell)
            model.item_touched.connect(self._reveal)
            model.rowsInserted.connect(self.room.refresh)
            model.rowsRemoved.connect(self.room.refresh)
            model.dataChanged.connect(self._rows_changed)
        self.declarations.edited.connect(
            lambda old, new: self._edit(declarations, self.declarations, old, new)
        )
        self.resolutions.edited.connect(
            lambda old, new: self._edit(resolutions, self.resolutions, old, new)
        )
        self._wired: weakref.ref[Workspace] | None = None
        ctx.workspace_changed.connect(self.workspace_changed)
        self.workspace_changed()

    # ------------------------------------------------------------ following the book

    def workspace_changed(self) -> None:
        """A book was opened or closed: follow the new workspace's signals."""
        ws = self._ctx.workspace
        if ws is not None and (self._wired is None or self._wired() is not ws):
            self._wired = weakref.ref(ws)  # each workspace's signals followed once
            ws.agenda_pane.current_item_changed.connect(self._item_changed)
            items = ws.items
            for signal in (
                items.dataChanged,
                items.modelReset,
                items.rowsInserted,
                items.rowsRemoved,
                items.rowsMoved,
            ):
                signal.connect(self._items_changed)
            items.item_restored.connect(self._item_restored)
            people = ws.attendees
            for signal in (
                people.dataChanged,
                people.modelReset,
                people.rowsInserted,
                people.rowsRemoved,
            ):
                signal.connect(self.room.refresh)
            people.people_changed.connect(self._people_changed)
            ws.session.header_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the current item afresh: its rows, its fields, the room."""
        self._people_changed()
        ws = self._ctx.workspace
        self._item_changed(None if ws is None else ws.agenda_pane.item_id)

    def _ws(self) -> Workspace | None:
        return self._ctx.workspace

    def _item_changed(self, item_id: int | None) -> None:
        ws, editable = self._ws(), self._ctx.editable
        if ws is None or item_id is None:
            self.declarations.load(None, [], False)
            self.resolutions.load(None, [], False)
        else:
            self.declarations.load(item_id, ws.book.declarations(item_id), editable)
            self.resolutions.load(item_id, ws.book.resolutions(item_id), editable)
        self._items_changed()

    def _item_restored(self) -> None:
        """Undo or redo put an item's fields back: a summary being typed shows them too."""
        self.pane.exempt.forget_typing()
        self._items_changed()

    def _items_changed(self) -> None:
        self.fields.show()
        self.room.refresh()

    def _rows_changed(self, top_left: QModelIndex) -> None:
        # The vote checks are shown by the room: their own change needs no new count.
        if top_left.model() is not self.resolutions or top_left.column() != CHECK:
            self.room.refresh()

    def _people_changed(self) -> None:
        ws = self._ws()
        mid = None if ws is None else ws.session.meeting_id
        people = [] if ws is None or mid is None else ws.book.meeting_people(mid)
        self.declarations.set_people(people)
        self.pane.set_people([p.initials for p in people] + [p.name for p in people if p.name])

    def _reveal(self, item_id: int) -> None:
        ws = self._ws()
        if ws is not None:
            ws.agenda_pane.select_item(item_id)

    # ------------------------------------------------------------ declarations

    def _declaration_typed(self, text: str) -> None:
        """Say what the line will record, as the minutes will print it, or what is wrong."""
        ws, hint = self._ws(), self.pane.declaration_hint
        if ws is None or not text.strip():
            self.pane.set_hint(hint, "", error=False)
            return
        try:
            d = parse_declaration(text, ws.book.people())
        except ValueError as e:
            self.pane.set_hint(hint, str(e), error=True)
            return
        person = ws.book.person(d.initials)
        name = person.display_name if person else d.initials
        said = declaration_text(d, lambda _: name)
        self.pane.set_hint(hint, f"Enter adds: {said}", error=False)

    def add_declaration_line(self, text: str) -> bool:
        """Record a declaration typed in one line (``RP pecuniary spouse works in force
        finance, left``) at the current item; False, and why, when it does not parse."""
        ws, iid = self._ws(), self.declarations.item_id
        if ws is None or iid is None or not self._ctx.editable:
            return False
        try:
            d = parse_declaration(text, ws.book.people())
        except ValueError as e:
            self.pane.set_hint(self.pane.declaration_hint, str(e), error=True)
            self._ctx.tell(f"Declaration not added: {e}")
            return False
        self._ctx.push(AddRow(ws.session, declarations(ws.book), self.declarations, iid, d))
        self.pane.declaration_line.done()
        return True

    def no_declarations(self) -> None:
        """ "There were no declarations of interest." at the end of the item's minutes (as
        typing is: the same undo, the same saving)."""
        ws, iid = self._ws(), self.declarations.item_id
        if ws is None or iid is None or not self._ctx.editable:
            return
        if self.declarations.rowCount():
            self._ctx.tell("This item has declarations of interest: nothing added")
            return
        self._ctx.flush()
        if append_paragraph(ws.bodies.document(iid), NO_DECLARATIONS):
            ws.bodies.flush()
            self._ctx.tell(f"Added to the minutes: “{NO_DECLARATIONS}”")

    # ------------------------------------------------------------ resolutions and votes

    def _resolution_typed(self, text: str) -> None:
        hint = self.pane.resolution_hint
        if not text.strip():
            self.pane.set_hint(hint, "", error=False)
            return
        try:
            r = parse_resolution(text)
        except ValueError as e:
            self.pane.set_hint(hint, str(e), error=True)
            return
        vote = f" — {vote_text(r.vote, lambda i: i)}" if r.vote else ""
        self.pane.set_hint(hint, f"Enter adds: {RESOLVED}: {r.text}{vote}", error=False)

    def add_resolution_line(self, text: str) -> bool:
        """Record a resolution typed in one line (``That the report be noted. 4-1-1``);
        a vote that does not fit the room is shown beside it and said in the status line."""
        ws, iid = self._ws(), self.resolutions.item_id
        if ws is None or iid is None or not self._ctx.editable:
            return False
        try:
            r = parse_resolution(text)
        except ValueError as e:
            self.pane.set_hint(self.pane.resolution_hint, str(e), error=True)
            self._ctx.tell(f"Resolution not added: {e}")
            return False
        command = AddRow(ws.session, resolutions(ws.book), self.resolutions, iid, r)
        self._ctx.push(command)
        self.pane.resolution_line.done()
        if command.row.id is not None:
            self.pane.select_resolution(command.row.id)
        return True

    def record_vote(self, resolution_id: int | None = None) -> None:
        """Who voted which way on a resolution (the one given or chosen, else the latest):
        the members in the room at the item are offered."""
        ws, iid, rows = self._ws(), self.resolutions.item_id, self.resolutions.rows()
        if ws is None or iid is None or not rows or not self._ctx.editable:
            self._ctx.tell("Type a resolution first (Ctrl+Shift+Y), then record its vote")
            return
        wanted = resolution_id if resolution_id is not None else self.pane.current_resolution_id()
        old = next((r for r in rows if r.id == wanted), rows[-1])
        room = self.room.room()
        present = list(room.any_time) if room else []
        named = [v.initials for v in old.vote.named] if old.vote else []
        offered = [ws.book.person(i) for i in dict.fromkeys(present + named)]
        dialog = VoteDialog(old, [p for p in offered if p is not None], self._ctx.window)
        if self.run_dialog(dialog):
            new = replace(old, vote=dialog.vote())
            if new != old:
                self._edit(resolutions, self.resolutions, old, new, "Record vote")

    # ------------------------------------------------------------ either kind of row

    def _edit(
        self,
        kind: Callable[[Book], RowKind[R]],
        model: ItemRows[R],
        old: R,
        new: R,
        text: str | None = None,
    ) -> None:
        ws, iid = self._ws(), model.item_id
        if ws is not None and iid is not None and self._ctx.editable:
            self._ctx.push(EditRow(ws.session, kind(ws.book), model, iid, old, new, text))

    def delete_row(self, kind: str, row_id: int) -> None:
        """Delete a declaration or resolution of the current item (``kind`` says which)."""
        ws = self._ws()
        if ws is None or not self._ctx.editable:
            return
        if kind == "declaration" and self.declarations.item_id is not None:
            iid, model = self.declarations.item_id, self.declarations
            self._ctx.push(DeleteRow(ws.session, declarations(ws.book), model, iid, row_id))
        elif kind == "resolution" and self.resolutions.item_id is not None:
            iid, rmodel = self.resolutions.item_id, self.resolutions
            self._ctx.push(DeleteRow(ws.session, resolutions(ws.book), rmodel, iid, row_id))

    def delete_current(self, kind: str) -> None:
        """Delete the chosen declaration or resolution (the menus' Del)."""
        table = (
            self.pane.declarations_table if kind == "declaration" else self.pane.resolutions_table
        )
        index = table.currentIndex()
        if index.isValid():
            self.delete_row(kind, index.siblingAtColumn(0).data(ID_ROLE))
