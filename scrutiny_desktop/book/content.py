"""Items, their bodies, actions and matters-arising updates: the part of ``Book`` typed most."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from scrutiny_desktop.book import rows
from scrutiny_desktop.book.formal import FormalStore
from scrutiny_desktop.domain import limits
from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Assurance,
    Item,
    ItemKind,
    Paragraph,
)
from scrutiny_desktop.domain.refs import ActionRef, action_year


@dataclass(frozen=True, slots=True)
class DeletedItem:
    """What ``restore_item`` needs to put an item back as it was: where it stood, the item
    with its content and ids, and the people (by id) who arrived or left during it."""

    position: int
    item: Item
    arrivals: tuple[int, ...] = ()
    departures: tuple[int, ...] = ()


# The actions an update reports on: its unnumbered action by id, or a numbered action of
# the same series by reference. Used for every draft update of one series at a time.
_REPORTED = """
    FROM actions a JOIN items ai ON ai.id = a.item_id JOIN meetings am ON am.id = ai.meeting_id
    WHERE a.id = u.action_id
       OR (a.ref_number = u.ref_number AND a.ref_year = u.ref_year AND am.series_id IS s.series_id)
"""
_DERIVE_UPDATES = f"""
    WITH s AS (SELECT series_id FROM meetings WHERE id = :meeting),
    drafts AS (
        SELECT u.id FROM action_updates u JOIN items i ON i.id = u.item_id
            JOIN meetings m ON m.id = i.meeting_id, s
        WHERE m.status = 'draft' AND m.series_id IS s.series_id
    )
    UPDATE action_updates AS u SET
        restricted = u.restricted OR (SELECT MAX(a.restricted OR ai.restricted) {_REPORTED}),
        action_text = COALESCE(u.action_text, (SELECT a.text {_REPORTED} ORDER BY am.date, a.id
                                               LIMIT 1))
    FROM s
    WHERE u.id IN (SELECT id FROM drafts) AND EXISTS (SELECT 1 {_REPORTED})
"""


def _check_action(a: Action) -> None:
    with ContentStore._limits():
        limits.check(a.text, limits.TEXT, "the action")
        limits.check(a.due_text, limits.TITLE, "the action's due date")


def _check_update(u: ActionUpdate) -> None:
    with ContentStore._limits():
        limits.check(u.note, limits.TEXT, "the update's note")
        limits.check(u.text, limits.TEXT, "the update's action")


def _item_row(item: Item) -> dict[str, Any]:
    """An item's own columns (not its meeting, position or number)."""
    return {
        "title": item.title,
        "kind": item.kind.value,
        "restricted": int(item.restricted),
        "started": rows.iso(item.started),
        "exempt_paragraphs": rows.exempt_paragraphs_text(item.exempt_paragraphs),
        "public_summary": item.public_summary,
        "assurance": None if item.assurance is None else item.assurance.value,
    }


class ContentStore(FormalStore):
    """Items, bodies, actions and updates of a meeting."""

    if TYPE_CHECKING:  # provided by Book (book.people)

        def _named_anywhere(self, person_id: int) -> bool: ...

    # ------------------------------------------------------------ items

    def items(self, meeting_id: int, *, full: bool = False) -> list[Item]:
        """A meeting's items in order; with ``full``, their bodies, actions and updates too."""
        found = self._q("SELECT * FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id])
        if not full:
            return [self._item_head(r) for r in found]
        return [self._item_full(r) for r in found]

    def item(self, item_id: int) -> Item:
        return self._item_full(
            self._one("SELECT * FROM items WHERE id = ?", [item_id], f"item with id {item_id}")
        )

    def _item_head(self, r: dict[str, Any]) -> Item:
        return Item(
            id=r["id"],
            number=r["number"],
            title=r["title"],
            kind=ItemKind(r["kind"]),
            restricted=bool(r["restricted"]),
            started=rows.t(r["started"]),
            exempt_paragraphs=rows.exempt_paragraphs(r["exempt_paragraphs"]),
            public_summary=r["public_summary"],
            assurance=None if r["assurance"] is None else Assurance(r["assurance"]),
        )

    def _item_full(self, r: dict[str, Any]) -> Item:
        return replace(
            self._item_head(r),
            body=tuple(self.body(r["id"])),
            actions=tuple(self.actions(r["id"])),
            updates=tuple(self.updates(r["id"])),
            declarations=tuple(self.declarations(r["id"])),
            resolutions=tuple(self.resolutions(r["id"])),
        )

    def add_item(
        self,
        meeting_id: int,
        title: str,
        *,
        kind: ItemKind = ItemKind.MATTER,
        position: int | None = None,
    ) -> Item:
        """A new item at ``position`` (default: the end); items are renumbered 1, 2, 3..."""
        with self._limits():
            limits.check(title, limits.TITLE, "the item's title")
        with self._writing():
            self._check_draft(meeting_id)
            if position is None:
                position = self._next_position("items", "meeting_id", meeting_id)
            self._shift("items", "meeting_id", meeting_id, position, +1)
            item_id = self._insert_item(
                meeting_id,
                Item(id=None, number=str(position + 1), title=title, kind=kind),
                position,
            )
            self._renumber(meeting_id)
        return self.item(item_id)

    def _insert_item(self, meeting_id: int, item: Item, position: int) -> int:
        row = {"meeting_id": meeting_id, "position": position, "number": item.number}
        row.update(_item_row(item))
        if item.id is not None:
            row["id"] = item.id
        return self._insert_row("items", row)

    def _insert_item_content(self, item_id: int, item: Item) -> None:
        """Everything inside an item (a restored or imported one): body, actions, updates,
        declarations and resolutions, with their ids when they have them."""
        self._put_body(item_id, item.body)
        for apos, a in enumerate(item.actions):
            self._insert_action(item_id, a, apos)
        for upos, u in enumerate(item.updates):
            self._insert_update(item_id, u, upos)
        for dpos, d in enumerate(item.declarations):
            self._insert_declaration(item_id, d, dpos)
        for rpos, r in enumerate(item.resolutions):
            self._insert_resolution(item_id, r, rpos)

    def _renumber(self, meeting_id: int) -> None:
        """Number the meeting's items; with yearly numbering, later drafts of the series
        follow on from it."""
        self._number_items(meeting_id)
        r = self._one(
            "SELECT m.date, m.series_id, s.minute_numbering FROM meetings m "
            "LEFT JOIN series s ON s.id = m.series_id WHERE m.id = ?",
            [meeting_id],
            "meeting",
        )
        if r["minute_numbering"] == "yearly":
            for later in self._q(
                "SELECT id FROM meetings WHERE series_id IS ? AND status = 'draft' "
                "AND (date > ? OR (date = ? AND id > ?)) ORDER BY date, id",
                [r["series_id"], r["date"], r["date"], meeting_id],
            ):
                self._number_items(int(later["id"]))

    def update_item(self, item: Item) -> None:
        """Write an item's own fields: title, kind, restricted flag, time, Schedule 12A
        paragraphs, public summary and assurance (not its number or content)."""
        assert item.id is not None
        with self._limits():
            limits.check(item.title, limits.TITLE, "the item's title")
            limits.check(item.public_summary, limits.TEXT, "the public summary")
        with self._writing():
            meeting_id = self._meeting_of_item(item.id)
            self._check_draft(meeting_id)
            row = _item_row(item)
            sets = ", ".join(f"{k} = ?" for k in row)
            self._db.execute(f"UPDATE items SET {sets} WHERE id = ?", [*row.values(), item.id])
            self._derive_updates(meeting_id)

    def move_item(self, item_id: int, position: int) -> None:
        """Move an item to ``position`` (0-based) and renumber."""
        with self._writing():
            meeting_id = self._meeting_of_item(item_id)
            self._check_draft(meeting_id)
            ids = [
                r["id"]
                for r in self._q(
                    "SELECT id FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id]
                )
            ]
            ids.remove(item_id)
            ids.insert(max(0, min(position, len(ids))), item_id)
            for pos, iid in enumerate(ids):
                self._db.execute("UPDATE items SET position = ? WHERE id = ?", [pos, iid])
            self._renumber(meeting_id)

    def delete_item(self, item_id: int) -> DeletedItem:
        """Delete an item with everything in it; what ``restore_item`` puts back."""
        with self._writing():
            meeting_id = self._meeting_of_item(item_id)
            self._check_draft(meeting_id)
            item = self.item(item_id)
            pos = int(
                self._one("SELECT position FROM items WHERE id = ?", [item_id], "item")["position"]
            )
            during = {
                column: tuple(
                    int(r["person_id"])
                    for r in self._q(
                        f"SELECT person_id FROM attendance WHERE {column} = ?", [item_id]
                    )
                )
                for column in ("arrived_item", "left_item")
            }
            self._db.execute("DELETE FROM items WHERE id = ?", [item_id])
            self._shift("items", "meeting_id", meeting_id, pos + 1, -1)
            self._renumber(meeting_id)
        return DeletedItem(pos, item, during["arrived_item"], during["left_item"])

    def restore_item(self, meeting_id: int, deleted: DeletedItem) -> None:
        """Put back a deleted item, with the same ids, references and content, and the
        arrivals and departures that were during it."""
        with self._writing():
            self._check_draft(meeting_id)
            self._shift("items", "meeting_id", meeting_id, deleted.position, +1)
            item_id = self._insert_item(meeting_id, deleted.item, deleted.position)
            self._insert_item_content(item_id, deleted.item)
            for column, people in (
                ("arrived_item", deleted.arrivals),
                ("left_item", deleted.departures),
            ):
                self._db.conn.executemany(
                    f"UPDATE attendance SET {column} = ? WHERE meeting_id = ? AND person_id = ?",
                    [(item_id, meeting_id, person) for person in people],
                )
            self._renumber(meeting_id)
            self._derive_updates(meeting_id)

    # ------------------------------------------------------------ body

    def body(self, item_id: int) -> list[Paragraph]:
        return [
            rows.paragraph(r)
            for r in self._q(
                "SELECT * FROM paragraphs WHERE item_id = ? ORDER BY position", [item_id]
            )
        ]

    def set_body(self, item_id: int, body: Sequence[Paragraph]) -> None:
        """Replace an item's body (paragraphs and sub-headings) in one transaction."""
        with self._limits():
            limits.check_body(list(body), "the item")
        with self._writing():
            self._check_draft(self._meeting_of_item(item_id))
            self._put_body(item_id, body)

    def _put_body(self, item_id: int, body: Sequence[Paragraph]) -> None:
        self._db.execute("DELETE FROM paragraphs WHERE item_id = ?", [item_id])
        self._db.conn.executemany(
            "INSERT INTO paragraphs (item_id, position, text, heading, restricted, bullet) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (item_id, pos, p.text, int(p.heading), int(p.restricted), int(p.bullet))
                for pos, p in enumerate(body)
            ],
        )

    # ------------------------------------------------------------ actions

    def actions(self, item_id: int) -> list[Action]:
        found = self._q("SELECT * FROM actions WHERE item_id = ? ORDER BY position", [item_id])
        owners: dict[int, list[str]] = {r["id"]: [] for r in found}
        if found:
            for r in self._q(
                "SELECT ao.action_id, p.initials FROM action_owners ao JOIN people p ON p.id = ao.person_id "
                "JOIN actions a ON a.id = ao.action_id WHERE a.item_id = ? ORDER BY ao.position",
                [item_id],
            ):
                owners[r["action_id"]].append(r["initials"])
        return [rows.action(r, tuple(owners[r["id"]])) for r in found]

    def action(self, action_id: int) -> Action:
        r = self._one(
            "SELECT * FROM actions WHERE id = ?", [action_id], f"action with id {action_id}"
        )
        owners = tuple(
            o["initials"]
            for o in self._q(
                "SELECT p.initials FROM action_owners ao JOIN people p ON p.id = ao.person_id "
                "WHERE ao.action_id = ? ORDER BY ao.position",
                [action_id],
            )
        )
        return rows.action(r, owners)

    def add_action(
        self, item_id: int, action: Action, *, numbered: bool = True, position: int | None = None
    ) -> Action:
        """Add an action to an item; a numbered one gets the series' next reference now.

        The reference is never handed out again, even if this action is deleted.
        """
        _check_action(action)
        with self._writing():
            meeting_id = self._meeting_of_item(item_id)
            self._check_draft(meeting_id)
            ref = None
            if numbered:
                ref = self._next_ref(meeting_id)
                self._bump_counter(self._series_key(meeting_id), ref)
            if position is None:
                position = self._next_position("actions", "item_id", item_id)
            else:
                self._shift("actions", "item_id", item_id, position, +1)
            new = Action(
                id=None,
                ref=ref,
                text=action.text,
                owners=action.owners,
                due=action.due,
                status=action.status,
                restricted=action.restricted,
                due_text=action.due_text,
            )
            action_id = self._insert_action(item_id, new, position)
            for initials in action.owners:
                self._link_person(meeting_id, self._person_id(initials))
        return self.action(action_id)

    def _insert_action(self, item_id: int, a: Action, position: int) -> int:
        row = rows.action_row(a)
        row.update(
            item_id=item_id,
            position=position,
            ref_year=a.ref.year if a.ref else None,
            ref_number=a.ref.number if a.ref else None,
        )
        if a.id is not None:
            row["id"] = a.id
        action_id = self._insert_row("actions", row)
        self._put_owners(action_id, a.owners)
        return action_id

    def _put_owners(self, action_id: int, owners: Sequence[str]) -> None:
        self._db.execute("DELETE FROM action_owners WHERE action_id = ?", [action_id])
        for pos, initials in enumerate(dict.fromkeys(owners)):
            self._db.execute(
                "INSERT INTO action_owners (action_id, person_id, position) VALUES (?, ?, ?)",
                [action_id, self._person_id(initials), pos],
            )

    def update_action(
        self, action: Action, unname: Sequence[str] = (), forget: Sequence[str] = ()
    ) -> None:
        """Write an action's text, owners, due date, status and restricted flag (not its ref).

        Undoing an edit that made someone an owner takes back, in the same step, what
        making them an owner added: ``unname``, the owners it named in the meeting (taken
        off again), and ``forget``, those it added to the directory (taken out again
        unless something else now names them).
        """
        assert action.id is not None
        _check_action(action)
        with self._writing():
            meeting_id = self._meeting_of_action(action.id)
            self._check_draft(meeting_id)
            row = rows.action_row(action)
            sets = ", ".join(f"{k} = ?" for k in row)
            self._db.execute(f"UPDATE actions SET {sets} WHERE id = ?", [*row.values(), action.id])
            self._put_owners(action.id, action.owners)
            for initials in action.owners:
                self._link_person(meeting_id, self._person_id(initials))
            for initials in unname:
                self._db.execute(
                    "DELETE FROM meeting_people WHERE meeting_id = ? AND person_id = "
                    "(SELECT id FROM people WHERE initials = ?)",
                    [meeting_id, initials],
                )
            for initials in forget:
                found = self._q("SELECT id FROM people WHERE initials = ?", [initials])
                if found and not self._named_anywhere(int(found[0]["id"])):
                    self._db.execute("DELETE FROM people WHERE id = ?", [found[0]["id"]])
            self._derive_updates(meeting_id)

    def delete_action(self, action_id: int) -> tuple[int, int, Action]:
        """Delete an action; returns (item id, position, action) for ``restore_action``."""
        with self._writing():
            self._check_draft(self._meeting_of_action(action_id))
            action = self.action(action_id)
            r = self._one(
                "SELECT item_id, position FROM actions WHERE id = ?", [action_id], "action"
            )
            self._db.execute("DELETE FROM actions WHERE id = ?", [action_id])
            self._shift("actions", "item_id", r["item_id"], r["position"] + 1, -1)
        return int(r["item_id"]), int(r["position"]), action

    def restore_action(self, item_id: int, position: int, action: Action) -> None:
        """Put back a deleted action with its id and reference."""
        with self._writing():
            self._check_draft(self._meeting_of_item(item_id))
            self._shift("actions", "item_id", item_id, position, +1)
            self._insert_action(item_id, action, position)
            self._derive_updates(self._meeting_of_item(item_id))

    def _next_ref(self, meeting_id: int) -> ActionRef:
        r = self._one(
            "SELECT m.date, m.series_id, COALESCE(s.year_start_month, 1) AS start_month "
            "FROM meetings m LEFT JOIN series s ON s.id = m.series_id WHERE m.id = ?",
            [meeting_id],
            "meeting",
        )
        year = action_year(date.fromisoformat(r["date"]), int(r["start_month"]))
        key = int(r["series_id"] or 0)
        counter = self._q(
            "SELECT last_number FROM action_counters WHERE series_key = ? AND ref_year = ?",
            [key, year],
        )
        used = self._db.execute(
            "SELECT COALESCE(MAX(a.ref_number), 0) FROM actions a JOIN items i ON i.id = a.item_id "
            "JOIN meetings m ON m.id = i.meeting_id WHERE COALESCE(m.series_id, 0) = ? AND a.ref_year = ?",
            [key, year],
        ).fetchone()[0]
        last = max(int(used), int(counter[0]["last_number"]) if counter else 0)
        return ActionRef(year=year, number=last + 1)

    def next_action_ref(self, meeting_id: int) -> ActionRef:
        """The reference the next numbered action in this meeting would get."""
        return self._next_ref(meeting_id)

    def reserve_action_refs(self, meeting_id: int, up_to: ActionRef) -> None:
        """Record that ``up_to`` was already handed out in this meeting's series.

        For a book started mid-year: an earlier (paper) meeting raised 01/15..06/15, so the
        next action here must be 07/15. The counter only ever goes up.
        """
        with self._writing():
            self._bump_counter(self._series_key(meeting_id), up_to)

    def _bump_counter(self, series_key: int, ref: ActionRef) -> None:
        self._db.execute(
            "INSERT INTO action_counters (series_key, ref_year, last_number) VALUES (?, ?, ?) "
            "ON CONFLICT (series_key, ref_year) DO UPDATE SET "
            "last_number = MAX(last_number, excluded.last_number)",
            [series_key, ref.year, ref.number],
        )

    # ------------------------------------------------------------ matters arising updates

    def updates(self, item_id: int) -> list[ActionUpdate]:
        return [
            rows.update(r)
            for r in self._q(
                "SELECT * FROM action_updates WHERE item_id = ? ORDER BY position", [item_id]
            )
        ]

    def add_update(
        self, item_id: int, update: ActionUpdate, position: int | None = None
    ) -> ActionUpdate:
        """Record progress on an earlier action at this meeting (matters arising).

        An update on ``06/15`` says that 06/15 was handed out: the series never numbers a
        new action 06/15 after it (as ``reserve_action_refs``), in the same step.
        """
        _check_update(update)
        with self._writing():
            meeting_id = self._meeting_of_item(item_id)
            self._check_draft(meeting_id)
            if update.ref is not None:
                self._bump_counter(self._series_key(meeting_id), update.ref)
            if position is None:
                position = self._next_position("action_updates", "item_id", item_id)
            else:
                self._shift("action_updates", "item_id", item_id, position, +1)
            new_id = self._insert_update(item_id, update, position)
            self._derive_updates(self._meeting_of_item(item_id))
        return rows.update(
            self._one("SELECT * FROM action_updates WHERE id = ?", [new_id], "update")
        )

    def _insert_update(self, item_id: int, u: ActionUpdate, position: int) -> int:
        row = {"item_id": item_id, "position": position, **rows.update_row(u)}
        if u.id is not None:
            row["id"] = u.id
        return self._insert_row("action_updates", row)

    def change_update(self, update: ActionUpdate) -> None:
        """Write an update's reference (or unnumbered action), status and note."""
        assert update.id is not None
        _check_update(update)
        with self._writing():
            r = self._one("SELECT item_id FROM action_updates WHERE id = ?", [update.id], "update")
            self._check_draft(self._meeting_of_item(int(r["item_id"])))
            row = rows.update_row(update)
            sets = ", ".join(f"{k} = ?" for k in row)
            self._db.execute(
                f"UPDATE action_updates SET {sets} WHERE id = ?", [*row.values(), update.id]
            )
            self._derive_updates(self._meeting_of_item(int(r["item_id"])))

    def delete_update(self, update_id: int) -> tuple[int, int, ActionUpdate]:
        """Delete an update; returns (item id, position, update) for ``add_update``."""
        with self._writing():
            r = self._one("SELECT * FROM action_updates WHERE id = ?", [update_id], "update")
            self._check_draft(self._meeting_of_item(int(r["item_id"])))
            self._db.execute("DELETE FROM action_updates WHERE id = ?", [update_id])
            self._shift("action_updates", "item_id", r["item_id"], r["position"] + 1, -1)
        return int(r["item_id"]), int(r["position"]), rows.update(r)

    def _derive_updates(self, meeting_id: int) -> None:
        """Restriction and text of the draft updates of ``meeting_id``'s series, derived
        from the actions they report on (the one place the book decides it).

        An update is restricted when the action it reports on, or that action's item, is;
        it is never made public again by this (only by hand: a mistaken mark costs a line
        left out, never a leak). An update on a numbered action without text takes the
        action's text. Signed-off minutes never change.
        """
        self._db.execute(_DERIVE_UPDATES, {"meeting": meeting_id})
