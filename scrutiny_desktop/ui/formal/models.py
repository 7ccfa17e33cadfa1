"""The current item's declarations of interest and resolutions as tables.

Passive models (issue 17): they hold the rows they are given, present and validate
them. An edit typed into a cell is not written here: ``edited(old, new)`` carries it to
the controller, which makes the undo command; the command writes to the book and then
tells the model (``inserted``, ``replaced``, ``removed``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from scrutiny_desktop.domain.formal_lines import parse_resolution
from scrutiny_desktop.domain.model import Declaration, DeclarationKind, Person, Resolution, Vote
from scrutiny_desktop.domain.wording import vote_text
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.models import ID_ROLE
from scrutiny_desktop.ui.models.table import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
MEMBER, INTEREST, KIND, LEFT = range(4)
TEXT, VOTE, RESTRICTED, CHECK = range(4)
KIND_LABELS = [k.label for k in DeclarationKind]
_DISPLAY = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole]


class HasId(Protocol):
    """A row with a stable id from the book."""

    @property
    def id(self) -> int | None: ...


R = TypeVar("R", bound=HasId)


class ItemRows(RowsTableModel, Generic[R]):
    """Rows of one item, found by id; edits go out as ``edited(old, new)``."""

    edited = Signal(object, object)
    """A cell was changed: (the row as it was, the row as typed). Nothing is written yet."""
    refused = Signal(str)
    """What was typed into a cell cannot be taken: a sentence saying why."""
    item_touched = Signal(int)
    """A command changes an item that is not shown: the window shows it first."""

    checkable: tuple[int, ...] = ()
    read_only: tuple[int, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[R] = []
        self._item_id: int | None = None
        self._editable = False

    @property
    def item_id(self) -> int | None:
        return self._item_id

    def load(self, item_id: int | None, rows: Iterable[R], editable: bool) -> None:
        self.beginResetModel()
        self._item_id, self._rows, self._editable = item_id, list(rows), editable
        self.endResetModel()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, row_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), None)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or not self._editable or index.column() in self.read_only:
            return base
        if index.column() in self.checkable:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._editable or not 0 <= index.row() < len(self._rows):
            return False
        col = index.column()
        if col in self.checkable and role == Qt.ItemDataRole.CheckStateRole:
            text: Any = _checked(value)
        elif col not in self.checkable and role == Qt.ItemDataRole.EditRole:
            text = str(value)
        else:
            return False
        old = self._rows[index.row()]
        try:
            new = self._changed(old, col, text)
        except ValueError as e:
            self.refused.emit(str(e))
            return False
        if new != old:
            self.edited.emit(old, new)
        return True

    def _changed(self, old: R, col: int, value: Any) -> R:
        """The row with one cell changed; ValueError saying why it cannot be."""
        raise NotImplementedError

    # ------------------------------------------------------------ told by commands

    def touch(self, item_id: int) -> None:
        """A command is about to change ``item_id``: have it shown if it is not."""
        if item_id != self._item_id:
            self.item_touched.emit(item_id)

    def inserted(self, item_id: int, position: int | None, row: R) -> None:
        if item_id != self._item_id or (row.id is not None and self.row_of(row.id) is not None):
            return
        at = len(self._rows) if position is None else max(0, min(position, len(self._rows)))
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, row)
        self.endInsertRows()

    def replaced(self, row: R) -> None:
        at = None if row.id is None else self.row_of(row.id)
        if at is not None:
            self._rows[at] = row
            self.row_changed(at, [*_DISPLAY, Qt.ItemDataRole.CheckStateRole])

    def removed(self, row_id: int) -> None:
        at = self.row_of(row_id)
        if at is not None:
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._rows[at]
            self.endRemoveRows()


def _checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


def _check_state(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


def kind_from_text(text: str) -> DeclarationKind:
    """``other registrable``, ``Other_Registrable``, ``oth`` -> the kind; ValueError if none."""
    key = " ".join(text.strip().lower().replace("_", " ").split())
    exact = [k for k in DeclarationKind if k.label == key]
    starts = [k for k in DeclarationKind if key and k.label.startswith(key)]
    found = exact or starts
    if len(found) != 1:
        raise ValueError(f"{text!r} is not a kind of interest: {', '.join(KIND_LABELS)}")
    return found[0]


class DeclarationsModel(ItemRows[Declaration]):
    """Who declared what interest at the item, its kind, and whether they left the room."""

    headers = ("Member", "Interest", "Kind", "Left the room")
    checkable = (LEFT,)

    def __init__(self) -> None:
        super().__init__()
        self._people: dict[str, Person] = {}

    def set_people(self, people: Iterable[Person]) -> None:
        """The people who may declare (names shown beside initials; typed initials checked)."""
        self._people = {p.initials: p for p in people}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, MEMBER), self.index(len(self._rows) - 1, MEMBER), _DISPLAY
            )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return d.id
        person = self._people.get(d.initials)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == MEMBER:
                name = person.name if person and person.name else ""
                return f"{d.initials} · {name}" if name else d.initials
            if col == LEFT:
                return "left" if d.left_room else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == MEMBER:
                return d.initials
            if col == INTEREST:
                return d.interest
            if col == KIND:
                return d.kind.label
        if role == Qt.ItemDataRole.CheckStateRole and col == LEFT:
            return _check_state(d.left_room)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == MEMBER:
                return person.display_name if person else f"{d.initials} (not in this meeting)"
            if col == LEFT:
                return "Left the room for this item: not counted as present (Space toggles)"
        return None

    def _changed(self, old: Declaration, col: int, value: Any) -> Declaration:
        if col == MEMBER:
            typed = str(value).strip()
            known = {i.casefold(): i for i in self._people}
            if typed.casefold() not in known:
                raise ValueError(f"{typed!r} is nobody in this meeting: type their initials")
            return replace(old, initials=known[typed.casefold()])
        if col == INTEREST:
            interest = " ".join(str(value).split())
            if not interest:
                raise ValueError("say what the interest is")
            return replace(old, interest=interest)
        if col == KIND:
            return replace(old, kind=kind_from_text(str(value)))
        if col == LEFT:
            return replace(old, left_room=bool(value))
        return old


def vote_cell(vote: Vote | None) -> str:
    """``For 4, against 1, abstained 0`` (``recorded`` when members are named), or empty."""
    if vote is None:
        return ""
    text = vote_text(Vote(vote.for_, vote.against, vote.abstained), lambda i: i)
    return f"{text} (recorded)" if vote.named else text


def vote_from_text(text: str, old: Vote | None) -> Vote | None:
    """``4-1-1`` or ``for 4 against 1 abstained 1`` as a vote; empty: no vote. The named
    votes of a recorded vote stay when the counts typed are the same."""
    if not text.strip():
        return None
    if old is not None and text.strip() == vote_cell(old):
        return old
    vote = parse_resolution(f"Vote. {text}").vote
    if vote is None:
        raise ValueError(f"{text!r} is not a vote: type e.g. 4-1-0 or for 4 against 1 abstained 0")
    if old is not None and (old.for_, old.against, old.abstained) == (
        vote.for_,
        vote.against,
        vote.abstained,
    ):
        return old
    return vote


class ResolutionsModel(ItemRows[Resolution]):
    """What the meeting resolved at the item, the vote, and a check of the vote."""

    headers = ("Resolution", "Vote", "Restricted", "Check")
    checkable = (RESTRICTED,)
    read_only = (CHECK,)

    def __init__(self) -> None:
        super().__init__()
        self._warnings: dict[int, str] = {}

    def set_warnings(self, warnings: dict[int, str]) -> None:
        """Resolution id -> why its vote does not fit the room (shown beside it)."""
        if warnings == self._warnings:
            return
        self._warnings = dict(warnings)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, CHECK),
                self.index(len(self._rows) - 1, CHECK),
                [*_DISPLAY, Qt.ItemDataRole.ForegroundRole],
            )

    def warning(self, resolution_id: int | None) -> str | None:
        return None if resolution_id is None else self._warnings.get(resolution_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return r.id
        warning = self.warning(r.id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == TEXT:
                return r.text
            if col == VOTE:
                return vote_cell(r.vote)
            if col == CHECK:
                return f"⚠ {warning}" if warning else ""
            if col == RESTRICTED and role == Qt.ItemDataRole.DisplayRole:
                return "restricted" if r.restricted else ""
        if role == Qt.ItemDataRole.CheckStateRole and col == RESTRICTED:
            return _check_state(r.restricted)
        if role == Qt.ItemDataRole.ForegroundRole and col == CHECK and warning:
            return QBrush(theme.error_text())
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == CHECK and warning:
                return warning
            if col == VOTE and r.vote is not None:
                return vote_text(r.vote, lambda i: i)
            if col == VOTE:
                return "No vote: type e.g. 4-1-0 (Ctrl+Shift+F records who voted which way)"
        return None

    def _changed(self, old: Resolution, col: int, value: Any) -> Resolution:
        if col == TEXT:
            text = " ".join(str(value).split())
            if not text:
                raise ValueError("type what was resolved")
            return replace(old, text=text)
        if col == VOTE:
            return replace(old, vote=vote_from_text(str(value), old.vote))
        if col == RESTRICTED:
            return replace(old, restricted=bool(value))
        return old
