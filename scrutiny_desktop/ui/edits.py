"""Cells typed in, made undo commands: the one place a model's edit becomes a command.

The models are passive (they present rows and validate what is typed, then say what the
edit would be); this turns each such edit into the undo command that writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from scrutiny_desktop.domain.model import Action, ActionUpdate, Attendance, Item, Person
    from scrutiny_desktop.ui.models.actions import ActionsModel
    from scrutiny_desktop.ui.models.attendees import AttendeesModel
    from scrutiny_desktop.ui.models.items import ItemsModel
    from scrutiny_desktop.ui.models.updates import UpdatesModel


def connect_edits(
    items: ItemsModel,
    actions: ActionsModel,
    updates: UpdatesModel,
    attendees: AttendeesModel,
    push: Callable[[QUndoCommand], None],
) -> None:
    """The models of one open book: their typed edits pushed as undo commands.

    The commands' modules are imported at the first edit, not when the book opens.
    """

    def item(old: Item, new: Item) -> None:
        from scrutiny_desktop.ui.commands.agenda import EditItem

        push(EditItem(items, old, new, "Rename item"))

    def action(item_id: int, old: Action, new: Action) -> None:
        from scrutiny_desktop.ui.commands.actions import EditAction

        push(EditAction(actions, item_id, old, new))

    def update(item_id: int, old: ActionUpdate, new: ActionUpdate) -> None:
        from scrutiny_desktop.ui.commands.actions import EditUpdate

        push(EditUpdate(updates, item_id, old, new))

    def person(old: Person, new: Person) -> None:
        from scrutiny_desktop.ui.commands.attendees import EditPerson

        push(EditPerson(attendees, old, new))

    def attendance(initials: str, new: Attendance | None) -> None:
        from scrutiny_desktop.ui.commands.attendees import SetAttendance

        push(SetAttendance(attendees, initials, new))

    def initials(old: str, new: str) -> None:
        from scrutiny_desktop.ui.commands.attendees import RenamePerson

        push(RenamePerson(attendees, old, new))

    items.edited.connect(item)
    actions.edited.connect(action)
    updates.edited.connect(update)
    attendees.person_edited.connect(person)
    attendees.attendance_edited.connect(attendance)
    attendees.initials_edited.connect(initials)
