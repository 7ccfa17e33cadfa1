"""Where start-up goes: each step of opening the window, beside the bare window's steps.

A child process runs the steps ``scrutiny-desktop open BOOK`` takes (as ``app.main`` and
``ui.launch.launch`` do, on the reference meeting) with a clock between them; the bare
child runs the bare window's. The interpreter's own start is the time from spawning the
child to its first line. Medians of ``BENCH_RUNS`` runs, alternating. The last rows count
what the first screen made: PySide6 enum types (each built when its Qt class is first
touched; the ``Qt`` namespace alone holds 93 of them) and modules imported.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from typing import NamedTuple

from bench.bench_startup import RUNS, _env, book

# Each child times its steps and prints one JSON line: its wall-clock start, the
# (step, seconds) pairs, and what it made. The steps go between these two parts.
_BEFORE = r"""
import time
STARTED = time.time()
import json, sys
steps, last = [], time.perf_counter()
def step(name):
    global last
    now = time.perf_counter(); steps.append((name, now - last)); last = now
"""
_AFTER = r"""
import enum
import PySide6.QtCore as C, PySide6.QtGui as G, PySide6.QtWidgets as W
enums = sum(isinstance(v, enum.EnumType) for m in (C, G, W) for c in vars(m).values()
            if isinstance(c, type) for v in vars(c).values())
print(json.dumps({"started": STARTED, "steps": steps, "enums": enums, "modules": len(sys.modules)}), flush=True)
import os; os._exit(0)
"""

APP = (
    _BEFORE
    + r"""
import scrutiny_desktop.book.store
step("import the book (sqlite3, domain, book)")
import PySide6.QtWidgets
step("import PySide6")
from PySide6.QtCore import Qt
step("the Qt namespace's 93 enums (Python models need them)")
from pathlib import Path
from PySide6.QtCore import QSettings
from scrutiny_desktop.paths import data_dir
from scrutiny_desktop.ui.launch import application, example_path
from scrutiny_desktop.ui.main_window import MainWindow
step("import the window's modules")
app = application()
step("QApplication")
window = MainWindow(QSettings(), data_dir(), example_path())
step("main window built (docks, picker, menus)")
window.open_book(Path(sys.argv[1]))
step("book opened, meeting read into the panes")
window.show()
step("show")
app.processEvents()
step("first paint")
"""
    + _AFTER
)

BARE = (
    _BEFORE
    + r"""
from PySide6.QtWidgets import QApplication, QMainWindow
step("import PySide6")
app = QApplication(sys.argv)
step("QApplication")
w = QMainWindow(); w.resize(1280, 800)
step("main window built (docks, picker, menus)")
w.show()
step("show")
app.processEvents()
step("first paint")
"""
    + _AFTER
)

INTERPRETER = "Python start (interpreter, site)"


class Run(NamedTuple):
    steps: dict[str, float]  # step -> milliseconds, in order
    enums: int
    modules: int


def _steps(code: str, *args: str) -> Run:
    spawned = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=_env(),
        check=True,
    ).stdout
    found = json.loads(out.splitlines()[-1])
    steps = {INTERPRETER: (found["started"] - spawned) * 1000}
    steps.update((name, seconds * 1000) for name, seconds in found["steps"])
    return Run(steps, int(found["enums"]), int(found["modules"]))


def _medians(runs: list[Run]) -> dict[str, float]:
    return {name: statistics.median(r.steps[name] for r in runs) for name in runs[0].steps}


def run() -> list[dict[str, object]]:
    reference = str(book(1))
    ours: list[Run] = []
    theirs: list[Run] = []
    _steps(APP, reference)  # warm the file cache once
    for _ in range(RUNS):
        ours.append(_steps(APP, reference))
        theirs.append(_steps(BARE))
    app, bare = _medians(ours), _medians(theirs)
    rows: list[dict[str, object]] = [
        {"step": name, "app_ms": ms, "bare_window_ms": bare.get(name, 0.0)}
        for name, ms in app.items()
    ]
    rows.append(
        {
            "step": "total of the steps",
            "app_ms": sum(app.values()),
            "bare_window_ms": sum(bare.values()),
        }
    )
    for row in rows:
        row["extra_ms"] = float(row["app_ms"]) - float(row["bare_window_ms"])  # type: ignore[arg-type]
    rows.append(
        {
            "step": "PySide6 enum types made (count)",
            "app_ms": ours[-1].enums,
            "bare_window_ms": theirs[-1].enums,
        }
    )
    rows.append(
        {
            "step": "modules imported (count)",
            "app_ms": ours[-1].modules,
            "bare_window_ms": theirs[-1].modules,
        }
    )
    return rows


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench.run import table

    print(table(run()))
