"""Naming people in a meeting, their attendance, the chair and their details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrutiny_desktop.domain.model import Attendance, Person
from scrutiny_desktop.ui.commands.base import BookCommand

if TYPE_CHECKING:
    from scrutiny_desktop.book.people import NamedState
    from scrutiny_desktop.ui.models.attendees import AttendeesModel


class AddPerson(BookCommand):
    """Name someone in the meeting, attending or not; undo takes them off again."""

    def __init__(
        self, model: AttendeesModel, person: Person, attendance: Attendance | None
    ) -> None:
        super().__init__(f"Add {person.display_name}")
        self._model, self._person, self._attendance = model, person, attendance
        self._before: NamedState | None = None

    def do(self) -> None:
        self._before = self._model.state(self._person.initials)
        self._model.add(self._person, self._attendance)

    def undo_it(self) -> None:
        assert self._before is not None
        self._model.restore(self._before)


class SetAttendance(BookCommand):
    """Change someone's attendance or chair (None: named only, not attending)."""

    def __init__(
        self,
        model: AttendeesModel,
        initials: str,
        attendance: Attendance | None,
        text: str | None = None,
    ) -> None:
        super().__init__(text or f"Attendance of {initials}")
        self._model, self._initials, self._attendance = model, initials, attendance
        self._before: NamedState | None = None

    def do(self) -> None:
        self._before = self._model.state(self._initials)
        self._model.set_attendance(self._initials, self._attendance)

    def undo_it(self) -> None:
        assert self._before is not None
        self._model.restore(self._before)


class EditPerson(BookCommand):
    """Change a person's name, role or organisation in the directory."""

    def __init__(self, model: AttendeesModel, old: Person, new: Person) -> None:
        super().__init__(f"Edit {old.initials}")
        self._model, self._old, self._new = model, old, new

    def do(self) -> None:
        self._model.put_person(self._new)

    def undo_it(self) -> None:
        self._model.put_person(self._old)


class RemovePerson(BookCommand):
    """Take someone off the meeting (the directory keeps them)."""

    def __init__(self, model: AttendeesModel, initials: str) -> None:
        super().__init__(f"Remove {initials}")
        self._model, self._initials = model, initials
        self._before: NamedState | None = None

    def do(self) -> None:
        self._before = self._model.state(self._initials)
        self._model.remove(self._initials)

    def undo_it(self) -> None:
        assert self._before is not None
        self._model.restore(self._before)


class RenamePerson(BookCommand):
    """Give someone other initials; their attendance and actions follow."""

    def __init__(self, model: AttendeesModel, old: str, new: str) -> None:
        super().__init__(f"Initials {old} to {new}")
        self._model, self._old, self._new = model, old, new

    def do(self) -> None:
        self._model.rename(self._old, self._new)

    def undo_it(self) -> None:
        self._model.rename(self._new, self._old)
