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
from scrutiny_desktop.domain import limits
from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Assurance,
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
        overrides the date); title, series, classification and quorum are the same. Its
        attendees are expected, not marked. Items: 1. Matters arising, holding an update
        (status carried, no note, the action's text) for every action of the series not
        completed or closed, oldest first, restricted where the action or its item is;
        2. Minutes of the previous meeting; then every item the previous meeting rated
        not assured, offered again (restricted as it was); last, the next meeting.
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
            quorum=prev.quorum,
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
                        text=t.text,
                        # Restricted action, action of a restricted item, or (a reference
                        # raised before this book) a restricted earlier update.
                        restricted=t.restricted,
                    ),
                    pos,
                )
            self._insert_item(
                new_id, Item(id=None, number="2", title=previous_minutes_title(prev.date)), 1
            )
            again = self._not_assured(meeting_id)
            for pos, item in enumerate(again, start=2):
                item_id = self._insert_item(new_id, item, pos)
                self._put_body(item_id, item.body)
            self._insert_item(
                new_id,
                Item(id=None, number="", title=NEXT_MEETING_TITLE, kind=ItemKind.NEXT_MEETING),
                2 + len(again),
            )
            self._renumber(new_id)
        return new_id

    def _not_assured(self, meeting_id: int) -> list[Item]:
        """The previous meeting's items rated not assured, as items offered again."""
        prev = self.meeting(meeting_id)
        return [
            Item(
                id=None,
                number="",
                title=i.title,
                restricted=i.restricted,
                exempt_paragraphs=i.exempt_paragraphs,
                body=(
                    Paragraph(
                        f"Not assured at the meeting of {prev.date:%d.%m.%Y} "
                        f"(item {i.number}): brought back to this meeting."
                    ),
                ),
            )
            for i in self.items(meeting_id)
            if i.assurance is Assurance.NOT_ASSURED
        ]

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
        with self._limits():
            limits.check(note, limits.TEXT, "the update's note")
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

        An update on an unnumbered action is tied to that action (by its text) when it is
        an open unnumbered action of the series. Version 1 writes such progress as the
        action listed again under Matters arising: that is read back as an update too.
        (Restriction and text are then derived by ``_derive_updates``.)
        """
        unnumbered = [a for a in item.actions if a.ref is None]
        arising = item.title.casefold().startswith(MATTERS_ARISING.casefold())
        listed_again = bool(unnumbered) and arising
        if not listed_again and all(u.ref is not None for u in item.updates):
            return item.actions, item.updates
        from scrutiny_desktop.domain import carry

        m = self.meeting(meeting_id)
        tracked = self._tracked(self._series_key(meeting_id), before=m.date)
        open_by_text = {
            t.text: t.raised.action.id
            for t in carry.to_carry(tracked)
            if t.ref is None and t.raised is not None
        }
        updates = [
            replace(u, action_id=open_by_text.get(u.text or ""))
            if u.ref is None and u.action_id is None
            else u
            for u in item.updates
        ]
        if not listed_again:
            return item.actions, tuple(updates)
        actions = []
        for a in item.actions:
            action_id = open_by_text.get(a.text) if a.ref is None else None
            if action_id is not None:
                updates.append(
                    ActionUpdate(
                        id=None,
                        ref=None,
                        status=a.status,
                        action_id=action_id,
                        text=a.text,
                        restricted=a.restricted,
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
