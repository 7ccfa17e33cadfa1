"""The decisions register (every resolution of a series) and the declarations register
(every interest a person declared, across meetings): read-only queries over the book."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from scrutiny_desktop.book import rows
from scrutiny_desktop.book.base import BookBase
from scrutiny_desktop.book.errors import NotFound
from scrutiny_desktop.domain.model import NamedVote, VoteChoice

if TYPE_CHECKING:  # imported when a register is first read: not at start-up
    from scrutiny_desktop.domain.registers import Decision, DeclaredInterest

_PLACE = (
    "JOIN items i ON i.id = {t}.item_id JOIN meetings m ON m.id = i.meeting_id "
    "LEFT JOIN series s ON s.id = m.series_id"
)


class RegistersStore(BookBase):
    """Resolutions and declarations followed across meetings."""

    def decisions(self, series: str | None = None, *, text: str | None = None) -> list[Decision]:
        """Every resolution of ``series`` (None: every series), newest meeting first."""
        from scrutiny_desktop.domain.registers import Decision

        where, params = self._series_filter(series)
        found = self._q(
            "SELECT r.*, s.name AS series_name, m.id AS meeting_id, m.date AS meeting_date, "
            "i.number AS item_number, i.title AS item_title, i.restricted AS item_restricted "
            f"FROM resolutions r {_PLACE.format(t='r')} WHERE {where} "
            "ORDER BY m.date DESC, m.id DESC, i.position, r.position",
            params,
        )
        named: dict[int, list[NamedVote]] = {r["id"]: [] for r in found}
        if found:
            ids = list(named)
            for v in self._q(
                "SELECT v.resolution_id, p.initials, v.vote FROM resolution_votes v JOIN people p "
                f"ON p.id = v.person_id WHERE v.resolution_id IN ({','.join('?' * len(ids))}) "
                "ORDER BY v.resolution_id, v.position",
                ids,
            ):
                named[v["resolution_id"]].append(NamedVote(v["initials"], VoteChoice(v["vote"])))
        out = []
        for r in found:
            resolution = rows.resolution(r, tuple(named[r["id"]]))
            out.append(
                Decision(
                    resolution=resolution,
                    series=r["series_name"],
                    meeting_id=int(r["meeting_id"]),
                    meeting_date=date.fromisoformat(r["meeting_date"]),
                    item_id=int(r["item_id"]),
                    item_number=r["item_number"],
                    item_title=r["item_title"],
                    restricted=resolution.restricted or bool(r["item_restricted"]),
                )
            )
        return [d for d in out if d.matches(text)]

    def declarations_of(self, initials: str | None = None) -> list[DeclaredInterest]:
        """Every interest declared (by ``initials``, or by anyone), newest first."""
        from scrutiny_desktop.domain.registers import DeclaredInterest

        where, params = "1 = 1", []
        if initials is not None:
            if self._q("SELECT 1 FROM people WHERE initials = ?", [initials]) == []:
                raise NotFound(f"nobody in {self.path} has the initials {initials!r}")
            where, params = "p.initials = ?", [initials]
        return [
            DeclaredInterest(
                declaration=rows.declaration(r),
                name=r["name"] or r["initials"],
                series=r["series_name"],
                meeting_id=int(r["meeting_id"]),
                meeting_date=date.fromisoformat(r["meeting_date"]),
                item_id=int(r["item_id"]),
                item_number=r["item_number"],
                item_title=r["item_title"],
                item_restricted=bool(r["item_restricted"]),
            )
            for r in self._q(
                "SELECT d.*, p.initials, p.name, s.name AS series_name, m.id AS meeting_id, "
                "m.date AS meeting_date, i.number AS item_number, i.title AS item_title, "
                "i.restricted AS item_restricted FROM declarations d "
                f"JOIN people p ON p.id = d.person_id {_PLACE.format(t='d')} WHERE {where} "
                "ORDER BY m.date DESC, m.id DESC, i.position, d.position",
                params,
            )
        ]

    def _series_filter(self, series: str | None) -> tuple[str, list[object]]:
        if series is None:
            return "1 = 1", []
        found = self._q("SELECT id FROM series WHERE name = ?", [series])
        if not found:
            raise NotFound(f"no series called {series!r} in {self.path}")
        return "m.series_id = ?", [int(found[0]["id"])]
