"""Matters arising: progress reported on earlier actions (reference, status, note)."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from scrutiny_desktop.book import BookError
from scrutiny_desktop.domain.dates import format_due, long_date
from scrutiny_desktop.domain.model import ActionUpdate, Status
from scrutiny_desktop.domain.progress import status_from_text
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.ui.models import ID_ROLE
from scrutiny_desktop.ui.models.table import ItemRowsModel

if TYPE_CHECKING:
    from scrutiny_desktop.book.register import RaisedAt
    from scrutiny_desktop.ui.session import BookSession

Index = QModelIndex | QPersistentModelIndex
REF, ACTION, OWNERS, RAISED, STATUS, NOTE = range(6)
HEADERS = ("Ref", "Action", "Owner", "Raised", "Status", "Note")
_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole]


_ANSWERED = frozenset(
    {ID_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole}
)
"""The roles ``data`` gives: a view asks for a dozen per cell as it paints (the first
screen's tables about 1,600 times), and the others are answered at once."""


def raised_at(r: RaisedAt) -> str:
    """``Force Performance Scrutiny Meeting, Thursday 26 February 2015``."""
    return f"{r.meeting_title}, {long_date(r.meeting_date)}"


class UpdatesModel(ItemRowsModel):
    """Rows are the updates recorded under one item, each beside what its action was
    (text, owners, the meeting that raised it), read from the book as first shown."""

    headers = HEADERS
    read_only_columns = (ACTION, OWNERS, RAISED)  # the action as raised, not this update

    _rows: list[ActionUpdate]

    def __init__(self, session: BookSession) -> None:
        super().__init__(session)
        # By reference or unnumbered action id, for the meeting ``_raised_for``.
        self._raised: dict[ActionRef | int, RaisedAt | None] = {}
        self._raised_for: int | None = None

    def _fetch(self, item_id: int) -> list[ActionUpdate]:
        updates = self._session.book.updates(item_id)
        self._read_raised(updates)
        return updates

    def _read_raised(self, updates: list[ActionUpdate]) -> None:
        """Where each update's action was raised, read at once (the table sizes its rows
        from them as it is filled); one that cannot be read is tried again when shown."""
        mid = self._session.meeting_id
        if mid is None:
            return
        if mid != self._raised_for:
            self._raised, self._raised_for = {}, mid
        keys = [u.ref if u.ref is not None else u.action_id for u in updates]
        wanted = [k for k in keys if k is not None and k not in self._raised]
        with suppress(BookError):
            self._raised.update(self._session.book.raised_at_many(mid, wanted))

    def action_of(self, update: ActionUpdate) -> RaisedAt | None:
        """The action ``update`` reports on, where it was raised (None when this book
        never saw it: raised before the book began, or deleted)."""
        mid = self._session.meeting_id
        key = update.ref if update.ref is not None else update.action_id
        if mid is None or key is None:
            return None
        if mid != self._raised_for:
            self._raised, self._raised_for = {}, mid
        if key not in self._raised:
            try:
                self._raised[key] = self._session.book.raised_at(mid, key)
            except BookError:
                self._raised[key] = None
        return self._raised[key]

    def _action_cell(self, u: ActionUpdate, col: int, tooltip: bool) -> str:
        r = self.action_of(u)
        if r is None and col == ACTION and u.text:
            return u.text  # an unnumbered action since deleted: the text it was carried with
        if r is None:
            if tooltip:
                return "Not in this book: raised before it began, or deleted"
            return "—" if col in (ACTION, RAISED) else ""
        if col == ACTION:
            return r.action.text
        if col == OWNERS:
            return "/".join(r.action.owners)
        if tooltip:
            return f"Raised at {raised_at(r)}"
        return format_due(r.meeting_date)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        u = self._rows[index.row()]
        if role == ID_ROLE:
            return u.id
        col = index.column()
        if col in self.read_only_columns and role in (*_ROLES, Qt.ItemDataRole.ToolTipRole):
            return self._action_cell(u, col, role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ToolTipRole and u.ref is None:
            return f"Unnumbered action: {u.text or ''}"
        if role in _ROLES:
            if col == REF:
                # An unnumbered action has no reference: its text is in the Action column.
                return (
                    str(u.ref)
                    if u.ref is not None
                    else ("" if role == Qt.ItemDataRole.EditRole else "—")
                )
            if col == STATUS:
                return u.status.label
            if col == NOTE:
                return u.note or ""
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._item_id is None:
            return False
        old = self._rows[index.row()]
        text = str(value).strip()
        col = index.column()
        try:
            if col == REF:
                new = replace(old, ref=ActionRef.parse(text))
            elif col == STATUS:
                status = status_from_text(text)
                if status is None:
                    return False
                new = replace(old, status=status)
            elif col == NOTE:
                new = replace(old, note=text or None)
            else:
                return False
        except ValueError:
            return False
        if new != old:
            self.edited.emit(self._item_id, old, new)
        return True

    def row_of(self, update_id: int) -> int | None:
        for row, u in enumerate(self._rows):
            if u.id == update_id:
                return row
        return None

    def row_of_ref(self, ref: ActionRef) -> int | None:
        """The row already reporting on ``ref`` here, if any."""
        return next((row for row, u in enumerate(self._rows) if u.ref == ref), None)

    def update_at(self, row: int) -> ActionUpdate:
        return self._rows[row]

    # ------------------------------------------------------------ changing (from commands)

    def _show(self, item_id: int) -> bool:
        if item_id != self._item_id:
            self.item_touched.emit(item_id)
        return item_id == self._item_id

    def add(self, item_id: int, update: ActionUpdate, position: int | None = None) -> ActionUpdate:
        book = self._session.book
        # The book also reserves the reference it reports on, in the same step.
        new = self._session.write(book.add_update, item_id, update, position)
        if self._show(item_id):
            row = len(self._rows) if position is None else min(position, len(self._rows))
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, new)
            self.endInsertRows()
        return new

    def delete(self, item_id: int, update_id: int) -> tuple[int, ActionUpdate]:
        shown = self._show(item_id)
        _, position, update = self._session.write(self._session.book.delete_update, update_id)
        row = self.row_of(update_id) if shown else None
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        return position, update

    def set_progress(self, item_id: int, update_id: int, status: Status) -> ActionUpdate:
        """Set one update's status (the note stays); returns the update as it was."""
        shown = self._show(item_id)
        old = self._session.write(self._session.book.set_progress, update_id, status)
        row = self.row_of(update_id) if shown else None
        if row is not None:
            self._rows[row] = replace(self._rows[row], status=status)
            self.row_changed(row, _ROLES)
        return old

    def put(self, item_id: int, update: ActionUpdate) -> None:
        assert update.id is not None
        shown = self._show(item_id)
        self._session.keep(("update", update.id), self._session.book.change_update, update)
        row = self.row_of(update.id) if shown else None
        if row is not None:
            self._rows[row] = update
            self.row_changed(row, _ROLES)
