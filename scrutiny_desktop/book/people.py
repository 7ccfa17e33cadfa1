"""People in the directory and in one meeting: who is named, their attendance, the chair.

Each change a minute-taker makes to one person (add them, change their attendance, take
them off) is one transaction; ``named_state`` and ``put_named_state`` record and restore
everything the meeting says of a person, so that undo is one transaction too.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrutiny_desktop.book import rows
from scrutiny_desktop.book.base import BookBase
from scrutiny_desktop.book.errors import BookError, NotFound
from scrutiny_desktop.domain import limits
from scrutiny_desktop.domain.model import Attendance, Person
from scrutiny_desktop.domain.people import merge


@dataclass(frozen=True, slots=True)
class NamedState:
    """Everything a meeting says of one person, as ``put_named_state`` puts it back."""

    initials: str
    person: Person | None  # their entry in the directory (None: there was none)
    named_at: int | None  # their place among the meeting's people (None: not named)
    expected: bool  # listed from the last meeting, attendance not yet marked
    attendance: Attendance | None
    attendance_at: int | None
    chair: str | None  # who chaired the meeting (anyone's initials, or None)


class PeopleStore(BookBase):
    """The directory, the people a meeting names, their attendance and the chair."""

    # ------------------------------------------------------------ people

    def people(self) -> list[Person]:
        """The book's people directory, by initials."""
        return [rows.person(r) for r in self._q("SELECT * FROM people ORDER BY initials")]

    def person(self, initials: str) -> Person | None:
        found = self._q("SELECT * FROM people WHERE initials = ?", [initials])
        return rows.person(found[0]) if found else None

    def save_person(self, person: Person) -> Person:
        """Add a person, or update the one with the same initials."""
        with self._limits():
            limits.check_person(person)
        with self._writing():
            self._save_person(person)
        return person

    def _save_person(self, person: Person) -> int:
        row = rows.person_row(person)
        found = self._q("SELECT id FROM people WHERE initials = ?", [person.initials])
        if found:
            self._db.execute(
                "UPDATE people SET name = ?, role = ?, organisation = ?, kind = ?, email = ? "
                "WHERE id = ?",
                [
                    row["name"],
                    row["role"],
                    row["organisation"],
                    row["kind"],
                    row["email"],
                    found[0]["id"],
                ],
            )
            return int(found[0]["id"])
        return self._insert_row("people", row)

    def rename_person(self, old: str, new: str) -> None:
        """Give the person known as ``old`` the initials ``new``.

        Attendance and the actions they own refer to the person, not to the initials, so
        they follow. Refused (``MeetingLocked``) when signed-off minutes name the person;
        ``BookError`` when ``new`` is someone else's.
        """
        with self._writing():
            if self._q("SELECT 1 FROM people WHERE initials = ?", [new]):
                raise BookError(f"{new} are already the initials of someone in {self.path.name}")
            found = self._q("SELECT id FROM people WHERE initials = ?", [old])
            if not found:
                raise NotFound(f"nobody has the initials {old}")
            self._db.execute("UPDATE people SET initials = ? WHERE id = ?", [new, found[0]["id"]])

    def forget_person(self, initials: str) -> None:
        """Take someone out of the people directory again (the undo of adding them).

        Refused (``BookError``) while any meeting names them or any action is theirs.
        """
        with self._writing():
            found = self._q("SELECT id FROM people WHERE initials = ?", [initials])
            if not found:
                raise NotFound(f"nobody has the initials {initials}")
            pid = found[0]["id"]
            if self._named_anywhere(pid):
                raise BookError(f"{initials} is named in the minutes and stays in the directory")
            self._db.execute("DELETE FROM people WHERE id = ?", [pid])

    def _named_anywhere(self, person_id: int) -> bool:
        """Whether any meeting, action, declaration or vote names the person."""
        return bool(
            self._q(
                "SELECT 1 FROM meeting_people WHERE person_id = ?1 UNION ALL "
                "SELECT 1 FROM attendance WHERE person_id = ?1 OR substitute_for = ?1 UNION ALL "
                "SELECT 1 FROM action_owners WHERE person_id = ?1 UNION ALL "
                "SELECT 1 FROM declarations WHERE person_id = ?1 UNION ALL "
                "SELECT 1 FROM resolution_votes WHERE person_id = ?1 LIMIT 1",
                [person_id],
            )
        )

    def link_person(self, meeting_id: int, initials: str) -> None:
        """Name a person in a meeting's minutes without marking them as attending."""
        with self._writing():
            self._check_draft(meeting_id)
            self._link_person(meeting_id, self._person_id(initials))

    def meeting_people(self, meeting_id: int) -> list[Person]:
        """Everyone a meeting's minutes name (attending or not), in the order they were named."""
        return [
            rows.person(r)
            for r in self._q(
                "SELECT p.* FROM meeting_people mp JOIN people p ON p.id = mp.person_id "
                "WHERE mp.meeting_id = ? ORDER BY mp.position",
                [meeting_id],
            )
        ]

    def unlink_person(self, meeting_id: int, initials: str) -> int | None:
        """Stop naming a person in a meeting (undo of ``link_person``); their old position.

        The directory keeps the person. Returns None when they were not named.
        """
        with self._writing():
            self._check_draft(meeting_id)
            found = self._q(
                "SELECT mp.position, mp.person_id FROM meeting_people mp "
                "JOIN people p ON p.id = mp.person_id WHERE mp.meeting_id = ? AND p.initials = ?",
                [meeting_id, initials],
            )
            if not found:
                return None
            self._db.execute(
                "DELETE FROM meeting_people WHERE meeting_id = ? AND person_id = ?",
                [meeting_id, found[0]["person_id"]],
            )
        return int(found[0]["position"])

    def relink_person(self, meeting_id: int, initials: str, position: int) -> None:
        """Name a person again at the position ``unlink_person`` returned (for undo)."""
        with self._writing():
            self._check_draft(meeting_id)
            self._db.execute(
                "INSERT OR IGNORE INTO meeting_people (meeting_id, person_id, position) "
                "VALUES (?, ?, ?)",
                [meeting_id, self._person_id(initials), position],
            )

    # ------------------------------------------------------------ attendance

    def attendance(self, meeting_id: int) -> list[Attendance]:
        return [
            rows.attendance(r)
            for r in self._q(
                "SELECT a.*, p.initials, sp.initials AS substitute_initials, "
                "ai.number AS arrived_number, li.number AS left_number FROM attendance a "
                "JOIN people p ON p.id = a.person_id "
                "LEFT JOIN people sp ON sp.id = a.substitute_for "
                "LEFT JOIN items ai ON ai.id = a.arrived_item "
                "LEFT JOIN items li ON li.id = a.left_item "
                "WHERE a.meeting_id = ? ORDER BY a.position",
                [meeting_id],
            )
        ]

    def set_attendance(
        self, meeting_id: int, attendance: Attendance, position: int | None = None
    ) -> None:
        """Add or change one person's attendance (the person is added if unknown).

        Marking someone the chair unmarks the previous chair: there is one chair or none.
        """
        with self._limits():
            limits.check(attendance.note, limits.TEXT, f"the note on {attendance.initials}")
        with self._writing():
            self._check_draft(meeting_id)
            if attendance.chair:
                self._db.execute(
                    "UPDATE attendance SET chair = 0 WHERE meeting_id = ?", [meeting_id]
                )
            self._put_attendance(meeting_id, attendance, position)

    def _put_attendance(
        self,
        meeting_id: int,
        a: Attendance,
        position: int | None,
        item_ids: dict[str, int] | None = None,
    ) -> None:
        pid = self._person_id(a.initials)
        self._link_person(meeting_id, pid)
        substitute = None
        if a.substitute_for is not None:
            substitute = self._person_id(a.substitute_for)
            self._link_person(meeting_id, substitute)
        if item_ids is None and (a.arrived or a.left):
            item_ids = {
                r["number"]: r["id"]
                for r in self._q("SELECT id, number FROM items WHERE meeting_id = ?", [meeting_id])
            }
        moments = []
        for m in (a.arrived, a.left):
            item = None
            if m is not None and m.item is not None:
                assert item_ids is not None
                if m.item not in item_ids:
                    raise BookError(f"there is no item {m.item} in this meeting")
                item = item_ids[m.item]
            moments += [rows.iso(m.time) if m else None, item]
        existing = self._q(
            "SELECT position FROM attendance WHERE meeting_id = ? AND person_id = ?",
            [meeting_id, pid],
        )
        if existing and position is None:
            position = existing[0]["position"]
        if position is None:
            position = self._next_position("attendance", "meeting_id", meeting_id)
        elif not existing:
            self._db.execute(
                "UPDATE attendance SET position = position + 1 WHERE meeting_id = ? AND position >= ?",
                [meeting_id, position],
            )
        self._db.execute(
            "INSERT INTO attendance (meeting_id, person_id, position, status, chair, note, "
            "substitute_for, arrived_time, arrived_item, left_time, left_item) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id, person_id) "
            "DO UPDATE SET status = excluded.status, chair = excluded.chair, "
            "note = excluded.note, substitute_for = excluded.substitute_for, "
            "arrived_time = excluded.arrived_time, arrived_item = excluded.arrived_item, "
            "left_time = excluded.left_time, left_item = excluded.left_item",
            [meeting_id, pid, position, a.status.value, int(a.chair), a.note, substitute, *moments],
        )

    def remove_attendance(self, meeting_id: int, initials: str) -> int:
        """Take someone off a meeting's attendance; returns their old position (for undo)."""
        with self._writing():
            self._check_draft(meeting_id)
            pos = self._remove_attendance(meeting_id, initials)
        if pos is None:
            raise NotFound(f"{initials} is not in the attendance of meeting {meeting_id}")
        return pos

    def _remove_attendance(self, meeting_id: int, initials: str) -> int | None:
        found = self._q(
            "SELECT a.position, a.person_id FROM attendance a JOIN people p ON p.id = a.person_id "
            "WHERE a.meeting_id = ? AND p.initials = ?",
            [meeting_id, initials],
        )
        if not found:
            return None
        pos = int(found[0]["position"])
        self._db.execute(
            "DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?",
            [meeting_id, found[0]["person_id"]],
        )
        self._db.execute(
            "UPDATE attendance SET position = position - 1 WHERE meeting_id = ? AND position > ?",
            [meeting_id, pos],
        )
        return pos

    # ------------------------------------------------------------ one person, one step

    def named_state(self, meeting_id: int, initials: str) -> NamedState:
        """Everything the meeting says of one person (to put back on undo)."""
        person = self.person(initials)
        linked = self._q(
            "SELECT mp.position, mp.expected FROM meeting_people mp JOIN people p "
            "ON p.id = mp.person_id WHERE mp.meeting_id = ? AND p.initials = ?",
            [meeting_id, initials],
        )
        attending = [
            (pos, a) for pos, a in enumerate(self.attendance(meeting_id)) if a.initials == initials
        ]
        chair = self._q(
            "SELECT p.initials FROM attendance a JOIN people p ON p.id = a.person_id "
            "WHERE a.meeting_id = ? AND a.chair = 1",
            [meeting_id],
        )
        return NamedState(
            initials=initials,
            person=person,
            named_at=int(linked[0]["position"]) if linked else None,
            expected=bool(linked and linked[0]["expected"]),
            attendance=attending[0][1] if attending else None,
            attendance_at=attending[0][0] if attending else None,
            chair=chair[0]["initials"] if chair else None,
        )

    def add_person(self, meeting_id: int, person: Person, attendance: Attendance | None) -> None:
        """Name someone in the meeting, attending or not, in one step: their details merged
        into the directory (``domain.people.merge``), then their attendance."""
        with self._limits():
            limits.check_person(person)
        with self._writing():
            self._check_draft(meeting_id)
            merged = merge(self.person(person.initials), person)
            self._link_person(meeting_id, self._save_person(merged))
            if attendance is not None:
                if attendance.chair:
                    self._db.execute(
                        "UPDATE attendance SET chair = 0 WHERE meeting_id = ?", [meeting_id]
                    )
                self._put_attendance(meeting_id, attendance, None)

    def remove_person(self, meeting_id: int, initials: str) -> None:
        """Stop naming someone in the meeting (their attendance goes too), in one step.

        The directory keeps them.
        """
        with self._writing():
            self._check_draft(meeting_id)
            self._remove_attendance(meeting_id, initials)
            self._db.execute(
                "DELETE FROM meeting_people WHERE meeting_id = ? AND person_id = "
                "(SELECT id FROM people WHERE initials = ?)",
                [meeting_id, initials],
            )

    def put_named_state(self, meeting_id: int, state: NamedState) -> None:
        """Put back what ``named_state`` recorded, in one step (the undo of adding,
        removing or changing someone): their details, whether and where they are named,
        their attendance and place in it, and who chaired."""
        with self._writing():
            self._check_draft(meeting_id)
            if state.person is not None:
                self._save_person(state.person)
            self._remove_attendance(meeting_id, state.initials)
            pid = self._person_id(state.initials)
            self._db.execute(
                "DELETE FROM meeting_people WHERE meeting_id = ? AND person_id = ?",
                [meeting_id, pid],
            )
            if state.named_at is not None:
                self._db.execute(
                    "INSERT INTO meeting_people (meeting_id, person_id, position, expected) "
                    "VALUES (?, ?, ?, ?)",
                    [meeting_id, pid, state.named_at, int(state.expected)],
                )
            if state.attendance is not None:
                self._put_attendance(meeting_id, state.attendance, state.attendance_at)
            self._db.execute(
                "UPDATE attendance SET chair = (person_id IS (SELECT id FROM people "
                "WHERE initials = ?)) WHERE meeting_id = ?",
                [state.chair, meeting_id],
            )
            if state.person is None and not self._named_anywhere(pid):
                # New to the book with the step undone: out of the directory again.
                self._db.execute("DELETE FROM people WHERE id = ?", [pid])
