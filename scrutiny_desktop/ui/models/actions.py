"""The current item's actions: reference, text, owners, due date, status."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from scrutiny_desktop.domain.dates import DueParse, format_due, long_date, parse_due
from scrutiny_desktop.domain.initials import split_owners
from scrutiny_desktop.domain.model import Action
from scrutiny_desktop.domain.progress import status_from_text
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.models import ID_ROLE
from scrutiny_desktop.ui.models.table import ItemRowsModel

Index = QModelIndex | QPersistentModelIndex
REF, TEXT, OWNERS, DUE, STATUS = range(5)
HEADERS = ("Ref", "Action", "Owner", "Due", "Status")
_ALL_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
]


_ANSWERED = frozenset(
    {
        ID_ROLE,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)
"""The roles ``data`` gives: a view asks for a dozen per cell as it paints (the first
screen's tables about 1,600 times), and the others are answered at once."""


class ActionsModel(ItemRowsModel):
    """Rows are the actions of one item; edits become undo commands."""

    headers = HEADERS
    read_only_columns = (REF,)  # numbered by the book, never typed

    new_people_named = Signal(tuple)
    """Owners were typed that the people directory did not know (initials)."""

    names_changed = Signal()
    """Undoing an edit took owners out of the meeting (the attendees pane reads again)."""

    _rows: list[Action]

    def _fetch(self, item_id: int) -> list[Action]:
        return self._session.book.actions(item_id)

    def due_parse(self, text: str) -> DueParse:
        meeting = self._session.meeting
        assert meeting is not None
        nxt = meeting.next_meeting.date if meeting.next_meeting else None
        return parse_due(text, today=meeting.date, next_meeting=nxt)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return a.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == REF:
                return str(a.ref) if a.ref else ("" if role == Qt.ItemDataRole.EditRole else "—")
            if col == TEXT:
                return a.text
            if col == OWNERS:
                return "/".join(a.owners)
            if col == DUE:
                if a.due is not None:
                    return format_due(a.due)
                return a.due_text or ""
            if col == STATUS:
                return a.status.label
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == DUE and a.due_text:
                error = self.due_parse(a.due_text).error
                return f"Kept as typed — not a date: {error}"
            if col == DUE and a.due is not None:
                return long_date(a.due)
            if col == REF and a.ref is None:
                return "Unnumbered action"
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == DUE and a.due_text:
            return QBrush(theme.error_text())
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._item_id is None:
            return False
        old = self._rows[index.row()]
        text = str(value)
        col = index.column()
        if col == TEXT:
            new = replace(old, text=text)
        elif col == OWNERS:
            new = replace(old, owners=split_owners(text))
        elif col == DUE:
            parsed = self.due_parse(text)
            if parsed.ok:
                new = replace(old, due=parsed.value, due_text=None)
            else:
                new = replace(old, due=None, due_text=text)
        elif col == STATUS:
            status = status_from_text(text)
            if status is None:
                return False
            new = replace(old, status=status)
        else:
            return False
        if new == old:
            return True
        unknown = tuple(
            o for o in new.owners if o not in old.owners and self._session.book.person(o) is None
        )
        self.edited.emit(self._item_id, old, new)
        if unknown:
            self.new_people_named.emit(unknown)
        return True

    def action_at(self, row: int) -> Action:
        return self._rows[row]

    def row_of(self, action_id: int) -> int | None:
        for row, a in enumerate(self._rows):
            if a.id == action_id:
                return row
        return None

    # ------------------------------------------------------------ changing (from commands)

    def _show(self, item_id: int) -> bool:
        """Bring ``item_id`` into view; whether this model now shows it."""
        if item_id != self._item_id:
            self.item_touched.emit(item_id)
        return item_id == self._item_id

    def add(self, item_id: int, numbered: bool) -> Action:
        blank = Action(id=None, ref=None, text="")
        new = self._session.write(self._session.book.add_action, item_id, blank, numbered=numbered)
        if self._show(item_id):
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(new)
            self.endInsertRows()
        return new

    def restore(self, item_id: int, position: int, action: Action) -> None:
        self._session.write(self._session.book.restore_action, item_id, position, action)
        if self._show(item_id):
            row = min(position, len(self._rows))
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, action)
            self.endInsertRows()

    def delete(self, item_id: int, action_id: int) -> tuple[int, Action]:
        shown = self._show(item_id)
        _, position, action = self._session.write(self._session.book.delete_action, action_id)
        row = self.row_of(action_id) if shown else None
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        return position, action

    def newly_named(self, owners: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Of ``owners``, those the people directory does not know yet, and those the
        meeting does not name yet: what making them owners adds (the book does)."""
        book, mid = self._session.book, self._session.meeting_id
        assert mid is not None
        named = {p.initials for p in book.meeting_people(mid)}
        unknown = tuple(o for o in owners if book.person(o) is None)
        return unknown, tuple(o for o in owners if o not in named)

    def put(
        self,
        item_id: int,
        action: Action,
        unnamed: tuple[str, ...] = (),
        unknown: tuple[str, ...] = (),
    ) -> None:
        """Write an action whole; ``unnamed`` and ``unknown`` (from ``newly_named``): the
        owners an edit being undone had named or added, taken back in the same step."""
        assert action.id is not None
        shown = self._show(item_id)
        # Kept in the window when the book cannot take it now (see ui.session).
        self._session.keep(
            ("action", action.id), self._session.book.update_action, action, unnamed, unknown
        )
        if unnamed or unknown:
            self.names_changed.emit()
        row = self.row_of(action.id) if shown else None
        if row is not None:
            self._rows[row] = action
            self.row_changed(row, _ALL_ROLES)
