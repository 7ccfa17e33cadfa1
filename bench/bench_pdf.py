"""PDF export: the reference meeting (full and public) and a generated 200-item meeting.

Each figure is the median wall time of several exports in this process (fonts already
registered after the first, as in a running window), with the spread (max − min), and
pages per second. The first export of a fresh process, which also imports reportlab and
reads the fonts, is measured once in a child process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from scrutiny_desktop.domain.model import (
    Action,
    Attendance,
    Item,
    ItemKind,
    Meeting,
    Minutes,
    NextMeeting,
    Paragraph,
    Person,
)
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.export.interchange import load
from scrutiny_desktop.export.pdf import export_pdf

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed-meeting.json"  # a copy of the shared seed
EXAMPLE = ROOT / "resources" / "example-meeting.json"
RUNS = int(os.environ.get("BENCH_RUNS", "7"))

_SENTENCE = (
    "The panel discussed the monthly performance figures, the trend against last year "
    "and what the force will do next; members asked for the data by district. "
)


def reference() -> Minutes:
    """The reference meeting (the shared seed when present)."""
    return load(SEED if SEED.is_file() else EXAMPLE)


def generated(items: int = 200) -> Minutes:
    """A large, deterministic meeting: paragraphs, a sub-heading and actions per item."""
    people = tuple(Person(f"P{i}", f"Person {i}", "Officer", "OPCC") for i in range(12))
    rows: list[Item] = []
    ref = 0
    for n in range(1, items + 1):
        actions = []
        for _ in range(n % 3):
            ref += 1
            actions.append(
                Action(
                    id=None,
                    ref=ActionRef(15, ref),
                    text=f"Officer to report back on point {ref} with figures by district.",
                    owners=(f"P{ref % 12}",),
                    due=date(2015, 3, 1 + ref % 28),
                )
            )
        body = (
            Paragraph(_SENTENCE * 2),
            Paragraph("Sub-heading for the discussion", heading=True),
            Paragraph(_SENTENCE * (1 + n % 4)),
        )
        rows.append(
            Item(
                id=None, number=str(n), title=f"Agenda item {n}", body=body, actions=tuple(actions)
            )
        )
    rows.append(
        Item(
            id=None, number=str(items + 1), title="Date of Next Meeting", kind=ItemKind.NEXT_MEETING
        )
    )
    meeting = Meeting(
        id=None,
        title="Generated Scrutiny Meeting",
        date=date(2015, 2, 26),
        next_meeting=NextMeeting(date(2015, 3, 26), venue="OPCC Conference room"),
    )
    attendance = tuple(Attendance(p.initials) for p in people)
    return Minutes(meeting=meeting, people=people, attendance=attendance, items=tuple(rows))


def _time(minutes: Minutes, runs: int, **kw: object) -> dict[str, object]:
    times: list[float] = []
    pages = 0
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "minutes.pdf"
        export_pdf(minutes, out, **kw)  # type: ignore[arg-type]  # warm: fonts registered
        for _ in range(runs):
            start = time.perf_counter()
            pages = export_pdf(minutes, out, **kw)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return {
        "median_s": median,
        "spread_s": max(times) - min(times),
        "pages": pages,
        "pages_per_s": pages / median,
        "runs": runs,
    }


_COLD = """
import sys, time
from pathlib import Path
start = time.perf_counter()
from bench.bench_pdf import reference
from scrutiny_desktop.export.pdf import export_pdf
m = reference()
t0 = time.perf_counter()
pages = export_pdf(m, Path(sys.argv[1]))
print(time.perf_counter() - t0, pages)
"""


def _cold() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        out = subprocess.run(
            [sys.executable, "-c", _COLD, str(Path(folder) / "cold.pdf")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    seconds, pages = float(out[0]), int(out[1])
    return {
        "median_s": seconds,
        "spread_s": 0.0,
        "pages": pages,
        "pages_per_s": pages / seconds,
        "runs": 1,
    }


def run() -> list[dict[str, object]]:
    ref = reference()
    big = generated()
    return [
        {"benchmark": "PDF export, reference meeting", **_time(ref, RUNS)},
        {"benchmark": "PDF export, reference meeting, public", **_time(ref, RUNS, public=True)},
        {"benchmark": "PDF export, reference meeting, first in a fresh process", **_cold()},
        {"benchmark": "PDF export, generated 200-item meeting", **_time(big, max(3, RUNS // 2))},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
