"""The formal parts of an item: declarations of interest, resolutions and their votes;
and the settings of a series (quorum for new meetings, minute numbering, item times)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Literal

from scrutiny_desktop.book import rows
from scrutiny_desktop.book.base import BookBase
from scrutiny_desktop.book.errors import BookError
from scrutiny_desktop.domain import limits
from scrutiny_desktop.domain.model import Declaration, NamedVote, Resolution, VoteChoice
from scrutiny_desktop.domain.refs import action_year
from scrutiny_desktop.writing.glossary import GlossaryEntry

if TYPE_CHECKING:  # imported when the minutes are first exported: not at start-up
    from scrutiny_desktop.domain.presentation import Presentation

Numbering = Literal["simple", "yearly"]


@dataclass(frozen=True, slots=True)
class SeriesSettings:
    """How a series numbers and prints its minutes.

    ``numbering``: ``simple`` (1, 2, 3 in each meeting) or ``yearly`` (``41/26``: minutes
    numbered through the year that starts in ``year_start_month``, as councils do).
    ``quorum``: given to each new meeting of the series. ``print_item_times``: the
    minutes print the time the meeting reached each item. ``first_minute``: with yearly
    numbering, the number a year's first meeting in this book starts from (``23/26``), for
    a book begun part way through the year.
    """

    name: str
    year_start_month: int = 1
    quorum: int | None = None
    numbering: Numbering = "simple"
    print_item_times: bool = False
    first_minute: str | None = None


_MINUTE = re.compile(r"\s*(\d{1,4})\s*/\s*(\d{1,2})\s*", re.ASCII)


def minute_number(text: str) -> tuple[int, int]:
    """``23/26`` as (23, 26); ``ValueError`` saying how to type it otherwise."""
    found = _MINUTE.fullmatch(text)
    if found is None or int(found[1]) < 1:
        raise ValueError(f"{text.strip()!r} is not a minute number: type e.g. 23/26")
    return int(found[1]), int(found[2])


class FormalStore(BookBase):
    """Declarations, resolutions and votes of an item; series settings."""

    # ------------------------------------------------------------ declarations

    def declarations(self, item_id: int) -> list[Declaration]:
        return [
            rows.declaration(r)
            for r in self._q(
                "SELECT d.*, p.initials FROM declarations d JOIN people p ON p.id = d.person_id "
                "WHERE d.item_id = ? ORDER BY d.position",
                [item_id],
            )
        ]

    def add_declaration(
        self, item_id: int, declaration: Declaration, position: int | None = None
    ) -> Declaration:
        """Record an interest declared at an item; returns it with its id (kept on undo)."""
        with self._limits():
            limits.check(declaration.interest, limits.TEXT, "the interest declared")
        with self._writing():
            meeting_id = self._meeting_of_item(item_id)
            self._check_draft(meeting_id)
            if position is None:
                position = self._next_position("declarations", "item_id", item_id)
            else:
                self._shift("declarations", "item_id", item_id, position, +1)
            new_id = self._insert_declaration(item_id, declaration, position)
            self._link_person(meeting_id, self._person_id(declaration.initials))
        return replace(declaration, id=new_id)

    def _insert_declaration(self, item_id: int, d: Declaration, position: int) -> int:
        row = {
            "item_id": item_id,
            "position": position,
            "person_id": self._person_id(d.initials),
            "interest": d.interest,
            "kind": d.kind.value,
            "left_room": int(d.left_room),
        }
        if d.id is not None:
            row["id"] = d.id
        return self._insert_row("declarations", row)

    def update_declaration(self, declaration: Declaration) -> None:
        """Write a declaration's member, interest, kind and whether they left the room."""
        assert declaration.id is not None
        with self._limits():
            limits.check(declaration.interest, limits.TEXT, "the interest declared")
        with self._writing():
            r = self._one(
                "SELECT item_id FROM declarations WHERE id = ?", [declaration.id], "declaration"
            )
            meeting_id = self._meeting_of_item(int(r["item_id"]))
            self._check_draft(meeting_id)
            self._db.execute(
                "UPDATE declarations SET person_id = ?, interest = ?, kind = ?, left_room = ? "
                "WHERE id = ?",
                [
                    self._person_id(declaration.initials),
                    declaration.interest,
                    declaration.kind.value,
                    int(declaration.left_room),
                    declaration.id,
                ],
            )
            self._link_person(meeting_id, self._person_id(declaration.initials))

    def delete_declaration(self, declaration_id: int) -> tuple[int, int, Declaration]:
        """Delete a declaration; (item id, position, declaration) for ``add_declaration``."""
        with self._writing():
            r = self._one(
                "SELECT d.*, p.initials FROM declarations d JOIN people p ON p.id = d.person_id "
                "WHERE d.id = ?",
                [declaration_id],
                f"declaration {declaration_id}",
            )
            self._check_draft(self._meeting_of_item(int(r["item_id"])))
            self._db.execute("DELETE FROM declarations WHERE id = ?", [declaration_id])
            self._shift("declarations", "item_id", r["item_id"], r["position"] + 1, -1)
        return int(r["item_id"]), int(r["position"]), rows.declaration(r)

    # ------------------------------------------------------------ resolutions

    def resolutions(self, item_id: int) -> list[Resolution]:
        found = self._q("SELECT * FROM resolutions WHERE item_id = ? ORDER BY position", [item_id])
        named: dict[int, list[NamedVote]] = {r["id"]: [] for r in found}
        if found:
            for v in self._q(
                "SELECT v.resolution_id, p.initials, v.vote FROM resolution_votes v "
                "JOIN people p ON p.id = v.person_id JOIN resolutions r ON r.id = v.resolution_id "
                "WHERE r.item_id = ? ORDER BY v.resolution_id, v.position",
                [item_id],
            ):
                named[v["resolution_id"]].append(NamedVote(v["initials"], VoteChoice(v["vote"])))
        return [rows.resolution(r, tuple(named[r["id"]])) for r in found]

    def add_resolution(
        self, item_id: int, resolution: Resolution, position: int | None = None
    ) -> Resolution:
        """Record what the meeting resolved at an item; returns it with its id."""
        with self._limits():
            limits.check(resolution.text, limits.TEXT, "the resolution")
        with self._writing():
            self._check_draft(self._meeting_of_item(item_id))
            if position is None:
                position = self._next_position("resolutions", "item_id", item_id)
            else:
                self._shift("resolutions", "item_id", item_id, position, +1)
            new_id = self._insert_resolution(item_id, resolution, position)
        return replace(resolution, id=new_id)

    def _insert_resolution(self, item_id: int, r: Resolution, position: int) -> int:
        row = {"item_id": item_id, "position": position, **rows.resolution_row(r)}
        if r.id is not None:
            row["id"] = r.id
        new_id = self._insert_row("resolutions", row)
        self._put_named_votes(new_id, r)
        return new_id

    def _put_named_votes(self, resolution_id: int, r: Resolution) -> None:
        self._db.execute("DELETE FROM resolution_votes WHERE resolution_id = ?", [resolution_id])
        if r.vote is None:
            return
        seen: set[str] = set()
        for pos, v in enumerate(r.vote.named):
            if v.initials in seen:
                raise BookError(f"{v.initials} is named twice in the vote on {r.text[:40]!r}")
            seen.add(v.initials)
            self._db.execute(
                "INSERT INTO resolution_votes (resolution_id, person_id, position, vote) "
                "VALUES (?, ?, ?, ?)",
                [resolution_id, self._person_id(v.initials), pos, v.vote.value],
            )

    def update_resolution(self, resolution: Resolution) -> None:
        """Write a resolution's text, restricted flag and vote."""
        assert resolution.id is not None
        with self._limits():
            limits.check(resolution.text, limits.TEXT, "the resolution")
        with self._writing():
            r = self._one(
                "SELECT item_id FROM resolutions WHERE id = ?", [resolution.id], "resolution"
            )
            self._check_draft(self._meeting_of_item(int(r["item_id"])))
            row = rows.resolution_row(resolution)
            sets = ", ".join(f"{k} = ?" for k in row)
            self._db.execute(
                f"UPDATE resolutions SET {sets} WHERE id = ?", [*row.values(), resolution.id]
            )
            self._put_named_votes(resolution.id, resolution)

    def delete_resolution(self, resolution_id: int) -> tuple[int, int, Resolution]:
        """Delete a resolution; (item id, position, resolution) for ``add_resolution``."""
        with self._writing():
            r = self._one(
                "SELECT item_id, position FROM resolutions WHERE id = ?",
                [resolution_id],
                f"resolution {resolution_id}",
            )
            item_id = int(r["item_id"])
            self._check_draft(self._meeting_of_item(item_id))
            old = next(x for x in self.resolutions(item_id) if x.id == resolution_id)
            self._db.execute("DELETE FROM resolutions WHERE id = ?", [resolution_id])
            self._shift("resolutions", "item_id", item_id, r["position"] + 1, -1)
        return item_id, int(r["position"]), old

    # ------------------------------------------------------------ presentation

    def presentation(self, meeting_id: int) -> Presentation:
        """How the book shows this meeting's minutes: its series' choice of printing item
        times, and the glossary (the outputs list the abbreviations the minutes use)."""
        from scrutiny_desktop.domain.presentation import Presentation

        r = self._one(
            "SELECT s.name FROM meetings m LEFT JOIN series s ON s.id = m.series_id WHERE m.id = ?",
            [meeting_id],
            f"meeting with id {meeting_id}",
        )
        times = r["name"] is not None and self.series_settings(r["name"]).print_item_times
        glossary = tuple(
            GlossaryEntry(g["abbreviation"], g["meaning"])
            for g in self._q("SELECT * FROM glossary ORDER BY abbreviation")
        )
        return Presentation(item_times=times, glossary=glossary)

    # ------------------------------------------------------------ series settings

    def series_settings(self, name: str) -> SeriesSettings:
        """A series' settings (the defaults for a series the book does not know yet)."""
        found = self._q("SELECT * FROM series WHERE name = ?", [name])
        if not found:
            return SeriesSettings(name)
        r = found[0]
        return SeriesSettings(
            name=name,
            year_start_month=int(r["year_start_month"]),
            quorum=r["quorum"],
            numbering="yearly" if r["minute_numbering"] == "yearly" else "simple",
            print_item_times=bool(r["print_item_times"]),
            first_minute=r["first_minute"],
        )

    def set_series_settings(self, settings: SeriesSettings) -> None:
        """Store a series' settings (creating the series). When its numbering, its year or
        its first minute changes, its draft meetings' items are numbered again."""
        if not 1 <= settings.year_start_month <= 12:
            raise BookError(f"the year starts in month 1 to 12, not {settings.year_start_month}")
        if settings.quorum is not None and settings.quorum < 1:
            raise BookError(f"a quorum is at least 1 member, not {settings.quorum}")
        first_minute = None
        if settings.first_minute:
            try:
                n, yy = minute_number(settings.first_minute)
            except ValueError as e:
                raise BookError(f"the first minute of the year: {e}") from None
            first_minute = f"{n}/{yy:02d}"
        before = self.series_settings(settings.name)
        renumber = (before.numbering, before.year_start_month, before.first_minute) != (
            settings.numbering,
            settings.year_start_month,
            first_minute,
        )
        with self._writing():
            self._db.execute(
                "INSERT INTO series (name, year_start_month, quorum, minute_numbering, "
                "print_item_times, first_minute) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET "
                "year_start_month = excluded.year_start_month, quorum = excluded.quorum, "
                "minute_numbering = excluded.minute_numbering, "
                "print_item_times = excluded.print_item_times, "
                "first_minute = excluded.first_minute",
                [
                    settings.name,
                    settings.year_start_month,
                    settings.quorum,
                    settings.numbering,
                    int(settings.print_item_times),
                    first_minute,
                ],
            )
            if not renumber:
                return
            for r in self._q(
                "SELECT m.id FROM meetings m JOIN series s ON s.id = m.series_id "
                "WHERE s.name = ? AND m.status = 'draft' ORDER BY m.date, m.id",
                [settings.name],
            ):
                self._number_items(int(r["id"]))

    def _number_items(self, meeting_id: int) -> None:
        """Number one draft meeting's items as its series numbers them."""
        r = self._one(
            "SELECT m.date, m.series_id, COALESCE(s.minute_numbering, 'simple') AS numbering, "
            "COALESCE(s.year_start_month, 1) AS start, s.first_minute FROM meetings m "
            "LEFT JOIN series s ON s.id = m.series_id WHERE m.id = ?",
            [meeting_id],
            f"meeting with id {meeting_id}",
        )
        if r["numbering"] != "yearly":
            self._db.execute(
                "UPDATE items SET number = CAST(position + 1 AS TEXT) WHERE meeting_id = ?",
                [meeting_id],
            )
            return
        year = action_year(date.fromisoformat(r["date"]), int(r["start"]))
        first = self._last_minute_number(meeting_id, r["series_id"], year) + 1
        given = minute_number(r["first_minute"]) if r["first_minute"] else None
        if first == 1 and given is not None and given[1] == year:
            # The year's first meeting in the book, begun part way through the year (or
            # first met in imported minutes numbered 41/26): the number it starts from.
            first = given[0]
        self._db.execute(
            "UPDATE items SET number = CAST(position + ? AS TEXT) || '/' || printf('%02d', ?) "
            "WHERE meeting_id = ?",
            [first, year, meeting_id],
        )

    def _last_minute_number(self, meeting_id: int, series_id: int | None, year: int) -> int:
        """The highest minute number of ``year`` in the series' meetings before this one."""
        here = self._one("SELECT date FROM meetings WHERE id = ?", [meeting_id], "meeting")
        highest = 0
        for r in self._q(
            "SELECT i.number FROM items i JOIN meetings m ON m.id = i.meeting_id "
            "WHERE m.series_id IS ? AND (m.date < ? OR (m.date = ? AND m.id < ?))",
            [series_id, here["date"], here["date"], meeting_id],
        ):
            number, _, yy = str(r["number"]).partition("/")
            if yy.isdigit() and int(yy) == year and number.isdigit():
                highest = max(highest, int(number))
        return highest
