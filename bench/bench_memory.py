"""Peak memory: the 1,000-meeting book opened, 50 meetings switched through, one PDF exported.

Peak resident set size (``ru_maxrss`` of the child process, read by the parent when it
exits), beside the bare PySide6 window of the start-up benchmark measured the same way,
alternating runs. The application's child opens a copy of the book in the window, picks
50 meetings (seeded) through the picker with the event loop running after each, then
exports the last one as PDF as File > Export does (reportlab is loaded only then).
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RUNS = int(os.environ.get("BENCH_MEMORY_RUNS", "3"))
MEETINGS = 1000
SWITCHES = 50


def _child(book: Path, out_dir: Path) -> None:
    """The measured process: window, 50 switches, one PDF."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from scrutiny_desktop.ui.launch import application, example_path
    from scrutiny_desktop.ui.main_window import MainWindow

    app = application()
    window = MainWindow(None, out_dir, example_path(), backups=False)
    if not window.open_book(book):
        raise RuntimeError(f"cannot open {book}")
    window.show()
    app.processEvents()
    window.meetings.meeting_list.fetch_all()  # as the picker does when it gets the keyboard
    rng = random.Random(7)
    for _ in range(SWITCHES):
        row = rng.randrange(window.meetings.picker.count())
        window.meetings.picker.setCurrentIndex(row)
        window.meetings.picker.activated.emit(row)
        app.processEvents()
        app.processEvents()
    assert window.ws is not None and window.ws.session.meeting_id is not None
    from scrutiny_desktop.export.pdf import export_pdf

    minutes = window.ws.book.minutes(window.ws.session.meeting_id)
    pages = export_pdf(minutes, out_dir / "minutes.pdf")
    assert pages > 0
    window.close()
    app.processEvents()
    print(f"OK {pages}", flush=True)


def _peak_kib(argv: list[str], env: dict[str, str]) -> int:
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            raise RuntimeError(f"{argv} failed: {err.read()[-800:]}")
        return int(usage.ru_maxrss)


def run() -> list[dict[str, object]]:
    from bench.bench_startup import BARE, _env, book

    source = book(MEETINGS)
    ours: list[int] = []
    bare: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.sqlite"
        shutil.copyfile(source, path)
        env = _env()
        argv = [sys.executable, "-m", "bench.bench_memory", str(path), tmp]
        for _ in range(RUNS):
            ours.append(_peak_kib(argv, env))
            bare.append(_peak_kib([sys.executable, "-c", BARE], env))
    m, b = statistics.median(ours), statistics.median(bare)
    return [
        {
            "benchmark": f"peak memory, {MEETINGS:,} meetings, {SWITCHES} switches, 1 PDF",
            "median_MiB": m / 1024,
            "spread_MiB": (max(ours) - min(ours)) / 1024,
            "bare_window_MiB": b / 1024,
            "bare_spread_MiB": (max(bare) - min(bare)) / 1024,
            "ratio": m / b,
            "target": "<= 2.5",
        }
    ]


if __name__ == "__main__":
    if len(sys.argv) == 3:
        _child(Path(sys.argv[1]), Path(sys.argv[2]))
    else:
        from bench.run import table

        print(table(run()))
