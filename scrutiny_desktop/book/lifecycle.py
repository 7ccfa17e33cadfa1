"""The next meeting of a series: its header, expected attendees, matters arising and agreement.

A new meeting lists the last meeting's attendees as *expected* (``meeting_people.expected``
with no attendance row): nobody is marked present until the minute-taker says so.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from scrutiny_desktop.book import rows
from scrutiny_desktop.book.errors import BookError, NotFound
from scrutiny_desktop.book.register import RegisterStore
from scrutiny_desktop.book.signoff import SignOffStore
from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Attendance,
    Item,
    ItemKind,
    Meeting,
    Paragraph,
    Person,
    Status,
)

MATTERS_ARISING = "Matters arising"
NEXT_MEETING_TITLE = "Date of Next Meeting"
AGREED = "The minutes of the meeting were agreed."


def previous_minutes_title(on: date) -> str:
    """The second standard item's title, naming the previous meeting's date."""
    return f"Minutes of the meeting held on {on.day} {on:%B %Y}"


class LifecycleStore(SignOffStore, RegisterStore):
    """Creating the next meeting, setting progress on carried actions, agreeing minutes."""

    if TYPE_CHECKING:  # provided by Book

        def meeting(self, meeting_id: int) -> Meeting: ...
        def attendance(self, meeting_id: int) -> list[Attendance]: ...
        def _insert_meeting(self, meeting: Meeting) -> int: ...

    # ------------------------------------------------------------ next meeting

    def new_meeting_after(self, meeting_id: int, on: date | None = None) -> int:
        """Create the series' next meeting after ``meeting_id``; returns its id.

        Date, times and venue come from the previous meeting's "next meeting" (``on``
        overrides the date); title, series and classification are the same. Its
        attendees are expected, not marked. Items: 1. Matters arising, holding an update
        (status carried, no note) for every action of the series not completed or
        closed, oldest first, restricted where the action or its item is; 2. Minutes of the previous meeting; 3. the next meeting.
        """
        prev = self.meeting(meeting_id)
        nxt = prev.next_meeting
        when = on or (nxt.date if nxt else None)
        if when is None:
            raise BookError(
                f"the meeting of {prev.date.isoformat()} has no next meeting date; give one"
            )
        new = Meeting(
            id=None,
            title=prev.title,
            date=when,
            series=prev.series,
            start=nxt.start if nxt and nxt.start else prev.start,
            end=nxt.end if nxt and nxt.end else None,
            venue=nxt.venue if nxt and nxt.venue else prev.venue,
            classification=prev.classification,
        )
        with self._writing():
            new_id = self._insert_meeting(new)
            self._db.execute(
                "UPDATE meetings SET previous_id = ? WHERE id = ?", [meeting_id, new_id]
            )
            self._expect_attendees(meeting_id, new_id)
            tracked = self._tracked(self._series_key(meeting_id), before=when, including=meeting_id)
            arising = self._insert_item(new_id, Item(id=None, number="1", title=MATTERS_ARISING), 0)
            self._put_body(
                arising,
                [
                    Paragraph(
                        f"The actions from the meeting of {prev.date:%d.%m.%Y} "
                        "were addressed as follows:"
                    )
                ],
            )
            from scrutiny_desktop.domain import carry  # not on the window's first screen

            for pos, t in enumerate(carry.to_carry(tracked)):
                unnumbered = t.ref is None
                self._insert_update(
                    arising,
                    ActionUpdate(
                        id=None,
                        ref=t.ref,
                        status=t.status,
                        action_id=t.raised.action.id if unnumbered and t.raised else None,
                        text=t.text if unnumbered else None,
                        # Restricted action, action of a restricted item, or (a reference
                        # raised before this book) a restricted earlier update.
                        restricted=t.restricted,
                    ),
                    pos,
                )
            self._insert_item(
                new_id, Item(id=None, number="2", title=previous_minutes_title(prev.date)), 1
            )
            self._insert_item(
                new_id,
                Item(id=None, number="3", title=NEXT_MEETING_TITLE, kind=ItemKind.NEXT_MEETING),
                2,
            )
        return new_id

    def _expect_attendees(self, prev_id: int, new_id: int) -> None:
        """List the previous meeting's attendance (or, if it has none, its expected list)."""
        found = self._q(
            "SELECT person_id FROM attendance WHERE meeting_id = ? ORDER BY position", [prev_id]
        ) or self._q(
            "SELECT person_id FROM meeting_people WHERE meeting_id = ? AND expected = 1 "
            "ORDER BY position",
            [prev_id],
        )
        self._db.conn.executemany(
            "INSERT INTO meeting_people (meeting_id, person_id, position, expected) "
            "VALUES (?, ?, ?, 1)",
            [(new_id, r["person_id"], pos) for pos, r in enumerate(found)],
        )

    def expected_attendees(self, meeting_id: int) -> list[Person]:
        """People listed as expected at this meeting whose attendance is not yet marked."""
        return [
            rows.person(r)
            for r in self._q(
                "SELECT p.* FROM meeting_people mp JOIN people p ON p.id = mp.person_id "
                "WHERE mp.meeting_id = ? AND mp.expected = 1 AND NOT EXISTS (SELECT 1 FROM "
                "attendance a WHERE a.meeting_id = mp.meeting_id AND a.person_id = mp.person_id) "
                "ORDER BY mp.position",
                [meeting_id],
            )
        ]

    # ------------------------------------------------------------ progress

    def set_progress(
        self, update_id: int, status: Status | str, note: str | None = None
    ) -> ActionUpdate:
        """Set a carried action's progress; a ``note`` of None keeps the note, "" clears it.

        Returns the update as it was before, so an undo command can put it back
        with ``change_update``.
        """
        status = Status(status)
        with self._writing():
            r = self._one(
                "SELECT * FROM action_updates WHERE id = ?", [update_id], f"update {update_id}"
            )
            self._check_draft(self._meeting_of_item(int(r["item_id"])))
            new_note = r["note"] if note is None else (note.strip() or None)
            self._db.execute(
                "UPDATE action_updates SET status = ?, note = ? WHERE id = ?",
                [status.value, new_note, update_id],
            )
        return rows.update(r)

    def _as_carried(
        self, meeting_id: int, item: Item
    ) -> tuple[tuple[Action, ...], tuple[ActionUpdate, ...]]:
        """Read an imported item's actions and updates back as the book keeps them.

        The interchange format writes progress on an unnumbered action as that action
        listed again under Matters arising; an unnumbered action there whose text is an
        open unnumbered action of the series is read back as an update on it.

        The format has no restricted flag on an update: it is derived again here, from
        the action the update reports on when the book knows it (restricted, or in a
        restricted item), as when carrying forward.
        """
        unnumbered = [a for a in item.actions if a.ref is None]
        arising = item.title.casefold().startswith(MATTERS_ARISING.casefold())
        if not item.updates and not (unnumbered and arising):
            return item.actions, item.updates
        from scrutiny_desktop.domain import carry

        m = self.meeting(meeting_id)
        tracked = self._tracked(self._series_key(meeting_id), before=m.date)
        restricted_refs = {t.ref for t in tracked if t.ref is not None and t.restricted}
        updates = [
            replace(u, restricted=True) if u.ref in restricted_refs else u for u in item.updates
        ]
        if not (unnumbered and arising):
            return item.actions, tuple(updates)
        open_by_text = {
            t.text: t for t in carry.to_carry(tracked) if t.ref is None and t.raised is not None
        }
        actions = []
        for a in item.actions:
            t = open_by_text.get(a.text) if a.ref is None else None
            if t is not None and t.raised is not None:
                updates.append(
                    ActionUpdate(
                        id=None,
                        ref=None,
                        status=a.status,
                        action_id=t.raised.action.id,
                        text=a.text,
                        restricted=a.restricted or t.restricted,
                    )
                )
            else:
                actions.append(a)
        return tuple(actions), tuple(updates)

    def matters_arising_item(self, meeting_id: int) -> Item | None:
        """The meeting's matters-arising item (the first holding updates, or by its title)."""
        found = self._q(
            "SELECT i.* FROM items i WHERE i.meeting_id = ? AND (EXISTS (SELECT 1 FROM "
            "action_updates u WHERE u.item_id = i.id) OR i.title LIKE 'Matters arising%') "
            "ORDER BY i.position LIMIT 1",
            [meeting_id],
        )
        return self.item(int(found[0]["id"])) if found else None

    # ------------------------------------------------------------ agreeing the previous minutes

    def previous_meeting(self, meeting_id: int) -> int | None:
        """The meeting whose minutes this one agrees: the one it was created after, else the
        latest earlier meeting of the same series."""
        r = self._one(
            "SELECT previous_id, series_id, date FROM meetings WHERE id = ?",
            [meeting_id],
            f"meeting with id {meeting_id}",
        )
        if r["previous_id"] is not None:
            return int(r["previous_id"])
        found = self._q(
            "SELECT id FROM meetings WHERE series_id IS ? AND date < ? "
            "ORDER BY date DESC, id DESC LIMIT 1",
            [r["series_id"], r["date"]],
        )
        return int(found[0]["id"]) if found else None

    def agree_previous(
        self, meeting_id: int, by: str | None = None, on: date | None = None
    ) -> Meeting:
        """One step: minute "The minutes of the meeting were agreed." under the "Minutes of
        the meeting held on ..." item and sign the previous meeting off.

        ``by`` defaults to this meeting's chair, ``on`` to this meeting's date.
        Returns the previous meeting, now signed off.
        """
        prev_id = self.previous_meeting(meeting_id)
        if prev_id is None:
            raise NotFound(f"meeting {meeting_id} has no previous meeting to agree")
        this = self.meeting(meeting_id)
        if by is None:
            chair = [a.initials for a in self.attendance(meeting_id) if a.chair]
            if not chair:
                raise BookError("mark the chair first, or say whose initials agree the minutes")
            by = chair[0]
        with self._writing():
            self._check_draft(meeting_id)
            item = self._q(
                "SELECT id FROM items WHERE meeting_id = ? AND title LIKE 'Minutes of%' "
                "ORDER BY position LIMIT 1",
                [meeting_id],
            )
            if item:
                body = self.body(int(item[0]["id"]))
                if not any(p.text == AGREED for p in body):
                    self._put_body(int(item[0]["id"]), [*body, Paragraph(AGREED)])
            self._sign_off(prev_id, by, on or this.date, None)
        return self.meeting(prev_id)
