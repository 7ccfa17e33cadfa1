"""Everyone a meeting's minutes name: attendance, the chair, and people named only as owners."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from scrutiny_desktop.domain.initials import INITIALS_PATTERN
from scrutiny_desktop.domain.model import (
    Attendance,
    AttendanceStatus,
    Moment,
    Person,
    PersonKind,
)
from scrutiny_desktop.domain.wording import hhmm
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.models import ID_ROLE
from scrutiny_desktop.ui.models.table import RowsTableModel
from scrutiny_desktop.ui.session import BookSession

if TYPE_CHECKING:
    from scrutiny_desktop.book.people import NamedState

Index = QModelIndex | QPersistentModelIndex
INITIALS, NAME, ROLE, ORGANISATION, ATTENDANCE, CHAIR = range(6)
HEADERS = ("Initials", "Name", "Role", "Organisation", "Attendance", "Chair")
NAMED_ONLY = "named only"
EXPECTED = "—"
ATTENDANCE_CHOICES = (*(s.label for s in AttendanceStatus), NAMED_ONLY)
# One key for each, shown beside it: "a" is apologies (the likely one), absent is "x".
ATTENDANCE_KEYS = {
    AttendanceStatus.PRESENT: "p",
    AttendanceStatus.APOLOGIES: "a",
    AttendanceStatus.IN_ATTENDANCE: "i",
    AttendanceStatus.ABSENT: "x",
    None: "n",
}


_ANSWERED = frozenset(
    {
        ID_ROLE,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)
"""The roles ``data`` gives: a view asks for a dozen per cell as it paints (the first
screen's tables about 1,600 times), and the others are answered at once."""


def attendance_from_text(text: str) -> AttendanceStatus | None:
    """A status, or None for "named only"; ValueError when the text names neither."""
    key = text.strip().lower().replace("_", " ")
    for s in AttendanceStatus:
        if s.label == key:
            return s
    if key in (NAMED_ONLY, "not attending", ""):
        return None
    raise ValueError(f"{text!r} is not an attendance")


@dataclass(frozen=True, slots=True)
class Row:
    person: Person
    attendance: Attendance | None
    position: int | None
    expected: bool = False  # listed from the last meeting, attendance not yet marked


class AttendeesModel(RowsTableModel):
    """One row per person named in the meeting, in the order they were named."""

    headers = HEADERS

    people_changed = Signal()
    """The directory changed (completers refresh)."""

    initials_changed = Signal(str, str)
    """Someone's initials changed (old, new): what shows owners reads them again."""

    refused = Signal(str)
    """A cell's new value was not taken, and why (for the status bar)."""

    person_edited = Signal(object, object)
    """A cell of someone's details was typed in: (the person before, after)."""
    attendance_edited = Signal(str, object)
    """Someone's attendance was chosen: (initials, the Attendance, or None: named only)."""
    initials_edited = Signal(str, str)
    """Someone's initials were typed over: (old, new), already checked."""

    def __init__(self, session: BookSession) -> None:
        super().__init__()
        self._session = session
        self._rows: list[Row] = []

    # ------------------------------------------------------------ reading

    def _read(self) -> list[Row]:
        mid = self._session.meeting_id
        if mid is None:
            return []
        book = self._session.book
        attendance = {a.initials: (pos, a) for pos, a in enumerate(book.attendance(mid))}
        expected = {p.initials for p in book.expected_attendees(mid)}
        rows = []
        for p in book.meeting_people(mid):
            pos, a = attendance.get(p.initials, (None, None))
            rows.append(Row(p, a, pos, a is None and p.initials in expected))
        return rows

    def load(self) -> None:
        self.beginResetModel()
        self._rows = self._read()
        self.endResetModel()
        self.people_changed.emit()

    def _sync(self) -> None:
        """Re-read, telling views exactly what changed (selection survives)."""
        new = self._read()
        old_keys = [r.person.initials for r in self._rows]
        new_keys = [r.person.initials for r in new]
        same_length = len(old_keys) == len(new_keys)
        if same_length and sum(a != b for a, b in zip(old_keys, new_keys, strict=True)) <= 1:
            # The same rows (one may have new initials): a reset would close the editor
            # that is committing the change.
            self._rows = new
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, len(HEADERS) - 1))
        elif (
            len(new_keys) == len(old_keys) + 1
            and [k for k in new_keys if k in old_keys] == old_keys
        ):
            row = next(i for i, k in enumerate(new_keys) if k not in old_keys)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows = new
            self.endInsertRows()
        elif (
            len(new_keys) + 1 == len(old_keys)
            and [k for k in old_keys if k in new_keys] == new_keys
        ):
            row = next(i for i, k in enumerate(old_keys) if k not in new_keys)
            self.beginRemoveRows(QModelIndex(), row, row)
            self._rows = new
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
        self.people_changed.emit()

    def refresh(self) -> None:
        """Someone may have been named elsewhere (an action's owner)."""
        self._sync()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        p, a, col = r.person, r.attendance, index.column()
        if role == ID_ROLE:
            return p.initials
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == INITIALS:
                return p.initials
            if col == NAME:
                return p.name or ""
            if col == ROLE:
                return p.role or ""
            if col == ORGANISATION:
                return p.organisation or ""
            if col == ATTENDANCE:
                if r.expected:
                    return EXPECTED
                if a is None:
                    return "organisation" if p.kind is PersonKind.ORGANISATION else NAMED_ONLY
                if role == Qt.ItemDataRole.DisplayRole:
                    return ", ".join([a.status.label, *_moments(a)])
                return a.status.label
            if col == CHAIR:
                return "chair" if a is not None and a.chair else ""
        if role == Qt.ItemDataRole.FontRole and a is not None and a.chair:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and r.expected:
            return QBrush(theme.muted_text())
        if role == Qt.ItemDataRole.ToolTipRole and r.expected:
            return "Expected (from the last meeting): set their attendance to mark them"
        if role == Qt.ItemDataRole.ToolTipRole and col in (INITIALS, NAME):
            return ", ".join(x for x in (p.name, p.role, p.organisation) if x) or p.initials
        if role == Qt.ItemDataRole.ToolTipRole and col == ATTENDANCE and a is None:
            return "Named in the minutes (e.g. as an action owner) but not attending"
        if role == Qt.ItemDataRole.ToolTipRole and col == ATTENDANCE and a is not None:
            return self._moments_said(a) or None
        return None

    def _moments_said(self, a: Attendance) -> str:
        """The substitute, arrival and departure as sentences, for the tooltip."""
        names = {r.person.initials: r.person.name for r in self._rows}
        said = []
        if a.substitute_for:
            said.append(f"Substitute for {names.get(a.substitute_for) or a.substitute_for}")
        for verb, moment in (("Arrived", a.arrived), ("Left", a.left)):
            if moment is not None:
                said.append(f"{verb} {_when(moment)}")
        return "; ".join(said)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        # The chair changes only by its command (Ctrl+Shift+C), never by editing a cell.
        if index.isValid() and index.column() != CHAIR and self._session.editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        r = self._rows[index.row()]
        text = str(value).strip()
        col = index.column()
        if col == INITIALS:
            return self._rename(r.person.initials, text)
        if col in (NAME, ROLE, ORGANISATION):
            value = text or None
            if col == NAME:
                new = replace(r.person, name=value)
            elif col == ROLE:
                new = replace(r.person, role=value)
            else:
                new = replace(r.person, organisation=value)
            if new != r.person:
                self.person_edited.emit(r.person, new)
            return True
        if col == ATTENDANCE:
            # Not ``isinstance(status, str)``: an AttendanceStatus is a StrEnum, so a str too.
            try:
                status = attendance_from_text(text)
            except ValueError:
                return False
            # Only someone present chairs: a chair sending apologies is no longer the chair.
            chair = bool(r.attendance and r.attendance.chair) and status is AttendanceStatus.PRESENT
            # The rest of what the attendance says (a note, a substitute, an arrival or a
            # departure) stays with it.
            new_a = (
                None
                if status is None
                else replace(r.attendance, status=status, chair=chair)
                if r.attendance is not None
                else Attendance(r.person.initials, status)
            )
            if new_a != r.attendance:
                self.attendance_edited.emit(r.person.initials, new_a)
            return True
        return False

    def _rename(self, old: str, new: str) -> bool:
        if new == old:
            return True
        if not INITIALS_PATTERN.match(new):
            self.refused.emit(f"{new!r} cannot be initials: letters first, at most 12 characters")
            return False
        holder = self._session.book.person(new)
        if holder is not None:
            self.refused.emit(f"{new} are already the initials of {holder.display_name}")
            return False
        self.initials_edited.emit(old, new)
        return True

    def row_for(self, initials: str) -> Row | None:
        return next((r for r in self._rows if r.person.initials == initials), None)

    def initials_at(self, row: int) -> str:
        return self._rows[row].person.initials

    def chair(self) -> str | None:
        return next(
            (r.person.initials for r in self._rows if r.attendance and r.attendance.chair), None
        )

    def chair_toggled(self, initials: str) -> Attendance:
        """``initials`` made the chair (present, if not yet marked), or no longer the chair.

        ValueError says why not: only someone present can chair.
        """
        r = self.row_for(initials)
        assert r is not None
        a = r.attendance or Attendance(initials, AttendanceStatus.PRESENT)
        if not a.chair and a.status is not AttendanceStatus.PRESENT:
            raise ValueError(
                f"{initials} is minuted as {a.status.label}: only someone present can chair"
            )
        return replace(a, chair=not a.chair)

    # ------------------------------------------------------------ changing (from commands)
    # Each is one book method, one transaction; undo puts back a ``NamedState``.

    def state(self, initials: str) -> NamedState:
        """Everything the meeting says of ``initials`` now (for undo)."""
        mid = self._session.meeting_id
        assert mid is not None
        return self._session.book.named_state(mid, initials)

    def add(self, person: Person, attendance: Attendance | None) -> None:
        """Name ``person`` in the meeting (their details merged in), attending or not."""
        self._write(self._session.book.add_person, person, attendance)

    def set_attendance(self, initials: str, attendance: Attendance | None) -> None:
        """Set someone's attendance (None: named only, not attending)."""
        book = self._session.book
        if attendance is not None:
            self._write(book.set_attendance, attendance)
        elif (r := self.row_for(initials)) is not None and r.attendance is not None:
            self._write(book.remove_attendance, initials)

    def remove(self, initials: str) -> None:
        """Stop naming someone in the meeting (the directory keeps them)."""
        self._write(self._session.book.remove_person, initials)

    def restore(self, state: NamedState) -> None:
        """Put back what ``state`` recorded (undo of add, remove or an attendance change)."""
        self._write(self._session.book.put_named_state, state)

    def rename(self, old: str, new: str) -> None:
        """Give ``old`` the initials ``new`` everywhere (their actions' owners too)."""
        self._session.write(self._session.book.rename_person, old, new)
        self._sync()
        self.initials_changed.emit(old, new)

    def put_person(self, person: Person) -> None:
        self._session.write(self._session.book.save_person, person)
        self._sync()

    def _write(self, method: Callable[..., object], *args: object) -> None:
        mid = self._session.meeting_id
        assert mid is not None
        self._session.write(method, mid, *args)
        self._sync()

    def owns_actions(self, initials: str) -> bool:
        mid = self._session.meeting_id
        if mid is None:
            return False
        return any(
            initials in a.owners
            for item in self._session.book.items(mid, full=True)
            for a in item.actions
        )


def _moments(a: Attendance) -> list[str]:
    """What the attendance column adds to the status: ``for TW``, ``arrived 11:15``."""
    said = [f"for {a.substitute_for}"] if a.substitute_for else []
    for verb, moment in (("arrived", a.arrived), ("left", a.left)):
        if moment is not None:
            said.append(f"{verb} {hhmm(moment.time)}" if moment.time else verb)
    return said


def _when(moment: Moment) -> str:
    at = f"at {hhmm(moment.time)}" if moment.time else ""
    during = f"during item {moment.item}" if moment.item else ""
    return " ".join(x for x in (at, during) if x)
