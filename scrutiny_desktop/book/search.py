"""Search across every meeting: an FTS5 index kept in step by triggers (see triggers.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from scrutiny_desktop.book.base import BookBase
from scrutiny_desktop.book.triggers import (
    KIND_ACTION,
    KIND_DECLARATION,
    KIND_ITEM,
    KIND_MEETING,
    KIND_PARAGRAPH,
    KIND_RESOLUTION,
    KIND_UPDATE,
)

_KIND_NAMES = {
    KIND_MEETING: "meeting",
    KIND_ITEM: "item",
    KIND_PARAGRAPH: "paragraph",
    KIND_ACTION: "action",
    KIND_UPDATE: "update",
    KIND_DECLARATION: "declaration",
    KIND_RESOLUTION: "resolution",
}
# Where each kind of hit sits: its meeting and item, from the source row's id.
_PLACE = {
    KIND_MEETING: "SELECT m.id, NULL, m.id FROM meetings m WHERE m.id IN ({ids})",
    KIND_ITEM: "SELECT i.id, i.id, i.meeting_id FROM items i WHERE i.id IN ({ids})",
    KIND_PARAGRAPH: "SELECT p.id, i.id, i.meeting_id FROM paragraphs p "
    "JOIN items i ON i.id = p.item_id WHERE p.id IN ({ids})",
    KIND_ACTION: "SELECT a.id, i.id, i.meeting_id FROM actions a "
    "JOIN items i ON i.id = a.item_id WHERE a.id IN ({ids})",
    KIND_UPDATE: "SELECT u.id, i.id, i.meeting_id FROM action_updates u "
    "JOIN items i ON i.id = u.item_id WHERE u.id IN ({ids})",
    KIND_DECLARATION: "SELECT d.id, i.id, i.meeting_id FROM declarations d "
    "JOIN items i ON i.id = d.item_id WHERE d.id IN ({ids})",
    KIND_RESOLUTION: "SELECT r.id, i.id, i.meeting_id FROM resolutions r "
    "JOIN items i ON i.id = r.item_id WHERE r.id IN ({ids})",
}
MARK_START, MARK_END = "\x02", "\x03"  # snippet highlight marks; the window styles them


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One place the words were found: the meeting, the item (None for a meeting title)
    and a snippet with the matched words between ``MARK_START`` and ``MARK_END``."""

    kind: str  # meeting, item, paragraph, action, update, declaration, resolution
    meeting_id: int
    meeting_date: date
    meeting_title: str
    item_id: int | None
    item_number: str | None
    item_title: str | None
    snippet: str
    source_id: int  # the row's id in its table (paragraphs.id, actions.id, ...)

    @property
    def plain_snippet(self) -> str:
        return self.snippet.replace(MARK_START, "").replace(MARK_END, "")


def match_expression(text: str) -> str | None:
    """Turn typed words into an FTS5 query: every word must appear; the last may be the
    start of a word (search as you type). None when nothing searchable was typed."""
    words = re.findall(r"\w+", text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


class SearchStore(BookBase):
    """Full-text search over meeting and item titles, bodies, actions, updates,
    declarations of interest and resolutions."""

    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Hits for ``text``, title hits (meeting and item titles) first, then by relevance."""
        expr = match_expression(text)
        if expr is None:
            return []
        found = self._db.execute(
            "SELECT rowid, snippet(search_index, -1, ?, ?, '…', 12) FROM search_index "
            "WHERE search_index MATCH ? ORDER BY (rowid % 8) > 2, bm25(search_index, 10.0, 1.0) "
            "LIMIT ?",
            [MARK_START, MARK_END, expr, limit],
        ).fetchall()
        by_kind: dict[int, list[int]] = {}
        for rowid, _ in found:
            by_kind.setdefault(rowid % 8, []).append(rowid // 8)
        places: dict[tuple[int, int], tuple[int | None, int]] = {}
        for kind, ids in by_kind.items():
            for src, item_id, meeting_id in self._db.execute(
                _PLACE[kind].format(ids=",".join("?" * len(ids))), ids
            ):
                places[(kind, src)] = (item_id, meeting_id)
        meetings = self._heads("meetings", "id, date, title", {m for _, m in places.values()})
        items = self._heads(
            "items", "id, number, title", {i for i, _ in places.values() if i is not None}
        )
        hits = []
        for rowid, snippet in found:
            kind, src = rowid % 8, rowid // 8
            if (kind, src) not in places:  # a stale index row; never expected
                continue
            item_id, meeting_id = places[(kind, src)]
            m, i = meetings[meeting_id], items.get(item_id) if item_id is not None else None
            hits.append(
                SearchHit(
                    kind=_KIND_NAMES[kind],
                    meeting_id=meeting_id,
                    meeting_date=date.fromisoformat(m[0]),
                    meeting_title=m[1],
                    item_id=item_id,
                    item_number=i[0] if i else None,
                    item_title=i[1] if i else None,
                    snippet=snippet,
                    source_id=src,
                )
            )
        return hits

    def _heads(self, table: str, cols: str, ids: set[int]) -> dict[int, tuple[str, str]]:
        if not ids:
            return {}
        return {
            r[0]: (r[1], r[2])
            for r in self._db.execute(
                f"SELECT {cols} FROM {table} WHERE id IN ({','.join('?' * len(ids))})", list(ids)
            )
        }
