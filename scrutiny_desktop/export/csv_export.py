"""The action register as CSV for circulation: UTF-8 with a byte-order mark, so Excel
reads non-ASCII names (ŵ, ą) correctly, a header row, and CRLF line ends.

Cells that a spreadsheet would run as a formula (starting ``=``, ``+``, ``-``, ``@``,
tab or carriage return) get a leading apostrophe, so a circulated file never computes.

The register given is either the full one, whose restricted rows are marked (a
"Restricted" column; ``R`` in the text table), or ``domain.public.public_register`` of
it: this module never decides what is restricted, only shows the mark it is given.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date

from scrutiny_desktop.domain.carry import Tracked

BOM = "\ufeff"
HEADER = (
    "Series",
    "Ref",
    "Action",
    "Owners",
    "Due",
    "Status",
    "Raised",
    "Last update",
    "Latest note",
    "Overdue",
    "Restricted",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def register_row(t: Tracked, today: date | None) -> tuple[str, ...]:
    """One register row as the cells the CSV and the text table show."""
    latest = t.latest
    due = t.due.isoformat() if t.due else (t.due_text or "")
    overdue = "" if today is None else ("yes" if t.is_overdue(today) else "")
    return (
        t.series or "",
        str(t.ref) if t.ref else "",
        t.text or "(raised before this book)",
        "/".join(t.owners),
        due,
        t.status.label,
        t.raised_on.isoformat() if t.raised_on else "",
        t.last_update_on.isoformat() if t.last_update_on else "",
        (latest.note or "") if latest else "",
        overdue,
        "yes" if t.restricted else "",
    )


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text (no byte-order mark): CRLF line ends, formula-like cells defused."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for row in rows:
        w.writerow([_safe(c) for c in row])
    return buf.getvalue()


def csv_bytes(text: str) -> bytes:
    """CSV text as the bytes of a .csv file: a BOM, then UTF-8."""
    return (BOM + text).encode("utf-8")


def register_csv_text(tracked: Iterable[Tracked], *, today: date | None = None) -> str:
    """The register as CSV text (no byte-order mark)."""
    return csv_text(HEADER, (register_row(t, today) for t in tracked))


def register_csv(tracked: Iterable[Tracked], *, today: date | None = None) -> bytes:
    """The register as the bytes of a .csv file: a BOM, then UTF-8."""
    return csv_bytes(register_csv_text(tracked, today=today))


def register_table(tracked: Iterable[Tracked], *, today: date | None = None) -> str:
    """The register as an aligned text table for a terminal (overdue rows marked ``!``,
    restricted ones ``R``)."""
    cols = (1, 5, 3, 4, 6, 2)  # Ref, Status, Owners, Due, Raised, Action
    rows: list[tuple[str, ...]] = [("", "Ref", "Status", "Owners", "Due", "Raised", "Action")]
    for t in tracked:
        r = register_row(t, today)
        rows.append((("!" if r[9] else "") + ("R" if r[10] else ""), *(r[c] for c in cols)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return "".join(
        "  ".join(c.ljust(w) for c, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1] + "\n"
        for r in rows
    )
