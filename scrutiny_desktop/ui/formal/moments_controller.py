"""Arrivals, departures and substitutes: an attendee marked arrived or left now (the time
from the clock, the item the agenda is at; both editable afterwards), or recorded as
substituting for a member. Each is one undo command, one transaction each way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject

from scrutiny_desktop.domain.model import Attendance, AttendanceStatus, Moment, Person
from scrutiny_desktop.domain.wording import moment_text
from scrutiny_desktop.ui.commands.attendees import SetAttendance
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.attendance_dialog import AttendanceDialog, Field
from scrutiny_desktop.ui.formal.running import RunDialog, run_modal
from scrutiny_desktop.ui.formal.times import minute_of
from scrutiny_desktop.ui.workspace import Workspace

Selected = Callable[[Workspace], str | None]


def attendees_selection(ws: Workspace) -> str | None:
    """The attendee chosen in the attendees pane (the default ``selected``)."""
    return ws.attendees_pane.current_initials()


class MomentsController(QObject):
    """Arrived now, left now, substitute for, and editing those afterwards."""

    def __init__(
        self,
        ctx: Context,
        clock: Callable[[], datetime] = datetime.now,
        run_dialog: RunDialog = run_modal,
        selected: Selected = attendees_selection,
    ) -> None:
        super().__init__(ctx)
        self._ctx, self._clock, self.run_dialog, self._selected = ctx, clock, run_dialog, selected

    def _who(self, initials: str | None) -> tuple[Workspace, str, Person] | None:
        """The workspace, initials and person meant (given, else chosen), or None, said."""
        ws = self._ctx.workspace
        if ws is None or not self._ctx.editable:
            return None
        initials = initials or self._selected(ws)
        person = None if initials is None else ws.book.person(initials)
        if initials is None or person is None:
            self._ctx.tell("Choose someone in the attendees (Ctrl+1) first")
            return None
        return ws, initials, person

    def _attendance(self, ws: Workspace, initials: str) -> Attendance | None:
        mid = ws.session.meeting_id
        assert mid is not None
        return next((a for a in ws.book.attendance(mid) if a.initials == initials), None)

    def now(self) -> Moment:
        """This minute, during the item the agenda is at."""
        ws = self._ctx.workspace
        item = None if ws is None else ws.agenda_pane.current_item()
        return Moment(minute_of(self._clock()), None if item is None else item.number)

    def _push(self, ws: Workspace, new: Attendance, text: str) -> None:
        self._ctx.push(SetAttendance(ws.attendees, new.initials, new, text))

    def arrived_now(self, initials: str | None = None) -> None:
        """The attendee (given, else chosen) arrived now; someone sent apologies or marked
        absent who comes after all is present from now."""
        found = self._who(initials)
        if found is None:
            return
        ws, initials, person = found
        a = self._attendance(ws, initials) or Attendance(initials, AttendanceStatus.PRESENT)
        if a.status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
            a = replace(a, status=AttendanceStatus.PRESENT)
        moment = self.now()
        self._push(ws, replace(a, arrived=moment), f"{initials} arrived")
        self._ctx.tell(
            f"{person.display_name} joined the meeting {moment_text(moment)} (F12 changes it)"
        )

    def left_now(self, initials: str | None = None) -> None:
        """The attendee (given, else chosen) left now."""
        found = self._who(initials)
        if found is None:
            return
        ws, initials, person = found
        a = self._attendance(ws, initials)
        if a is None or a.status not in (AttendanceStatus.PRESENT, AttendanceStatus.IN_ATTENDANCE):
            self._ctx.tell(f"{person.display_name} is not marked present: nothing changed")
            return
        moment = self.now()
        self._push(ws, replace(a, left=moment), f"{initials} left")
        self._ctx.tell(
            f"{person.display_name} left the meeting {moment_text(moment)} (F12 changes it)"
        )

    def substitute(self, initials: str, for_initials: str | None) -> bool:
        """Record that ``initials`` attends in place of ``for_initials`` (None: nobody)."""
        found = self._who(initials)
        if found is None:
            return False
        ws, initials, _ = found
        member = None if for_initials is None else ws.book.person(for_initials)
        if for_initials is not None and (member is None or member.initials == initials):
            self._ctx.tell(f"{for_initials!r} cannot be substituted for by {initials}")
            return False
        a = self._attendance(ws, initials) or Attendance(initials, AttendanceStatus.PRESENT)
        new = replace(a, substitute_for=None if member is None else member.initials)
        if new != a:
            self._push(ws, new, f"{initials} substitute")
        return True

    def edit(self, initials: str | None = None, focus: Field = "arrived") -> None:
        """Change who the attendee substitutes for, and when they arrived and left: a dialog."""
        found = self._who(initials)
        if found is None:
            return
        ws, initials, person = found
        mid = ws.session.meeting_id
        assert mid is not None
        a = self._attendance(ws, initials) or Attendance(initials, AttendanceStatus.PRESENT)
        people = ws.book.meeting_people(mid)
        numbers = [i.number for i in ws.items.items()]
        dialog = AttendanceDialog(a, person, people, numbers, focus, self._ctx.window)
        if self.run_dialog(dialog):
            new = dialog.attendance()
            if new is not None and new != a:
                self._push(ws, new, f"Attendance of {initials}")

    def ask_substitute(self, initials: str | None = None) -> None:
        self.edit(initials, "substitute")

    def slots(self) -> dict[str, Callable[[], None]]:
        """The commands of ``FORMAL_COMMANDS`` this controller carries out."""
        # Lambdas: QAction.triggered would hand a slot with optional arguments its bool.
        return {
            "arrived_now": lambda: self.arrived_now(),
            "left_now": lambda: self.left_now(),
            "substitute": lambda: self.ask_substitute(),
            "attendance_moments": lambda: self.edit(),
        }
