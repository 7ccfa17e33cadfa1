"""Switching meetings on the 1,000-meeting book: from choosing another meeting to its panes painted.

Each switch is chosen as a minute-taker chooses it, through the picker (``activated``),
and timed until the event loop has handled everything it posted, painting included:
the time until the panes show the new meeting. Meetings are picked at random (seeded),
so they are mostly not ones seen before. A run is ``SWITCHES`` switches in a fresh
process; the figures are the median and 95th percentile over all switches of all runs,
with the spread of the per-run 95th percentiles.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SWITCHES = int(os.environ.get("BENCH_SWITCHES", "100"))
RUNS = int(os.environ.get("BENCH_SWITCH_RUNS", "3"))
MEETINGS = 1000


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def switch_times(book: Path, switches: int, seed: int) -> list[float]:
    """Seconds per switch, measured in this process (which becomes the GUI process)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from scrutiny_desktop.ui.launch import application, example_path
    from scrutiny_desktop.ui.main_window import MainWindow

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(None, Path(tmp), example_path(), backups=False)
        if not window.open_book(book):
            raise RuntimeError(f"cannot open {book}")
        window.show()
        for _ in range(5):
            app.processEvents()
        window.meetings.meeting_list.fetch_all()  # as the picker does when it gets the keyboard
        rows = window.meetings.picker.count()
        rng = random.Random(seed)
        times = []
        for _ in range(switches):
            row = rng.randrange(rows)
            while row == window.meetings.picker.currentIndex():
                row = rng.randrange(rows)
            start = time.perf_counter()
            window.meetings.picker.setCurrentIndex(row)
            window.meetings.picker.activated.emit(row)
            QApplication.processEvents()  # layout, then the paint of what changed
            QApplication.processEvents()
            times.append(time.perf_counter() - start)
        window.close()
    return times


def run() -> list[dict[str, object]]:
    from bench.bench_startup import book

    source = book(MEETINGS)
    all_times: list[float] = []
    p95s: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        # A copy: the window opens the book for writing, as a minute-taker would.
        path = Path(tmp) / "book.sqlite"
        shutil.copyfile(source, path)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=tmp)
        for seed in range(RUNS):
            out = subprocess.run(
                [sys.executable, "-m", "bench.bench_switching", str(path), str(seed)],
                capture_output=True,
                text=True,
                env=env,
                check=True,
                cwd=Path(__file__).resolve().parent.parent,
            ).stdout
            times = json.loads(out.strip().splitlines()[-1])
            all_times += times
            p95s.append(_p95(times))
    return [
        {
            "benchmark": f"switching meetings, {MEETINGS:,} meetings",
            "switches": len(all_times),
            "median_ms": statistics.median(all_times) * 1000,
            "p95_ms": _p95(all_times) * 1000,
            "max_ms": max(all_times) * 1000,
            "p95_spread_ms": (max(p95s) - min(p95s)) * 1000,
            "target": "p95 < 100 ms",
        }
    ]


if __name__ == "__main__":
    if len(sys.argv) == 3:
        print(json.dumps(switch_times(Path(sys.argv[1]), SWITCHES, int(sys.argv[2]))))
    else:
        from bench.run import table

        print(table(run()))
