"""Where a command-line PDF export goes: each step of ``export BOOK 1 --format pdf``, beside the floor.

A child process takes the steps ``scrutiny-desktop export BOOK 1 --format pdf -o X`` takes
(as ``cli.run`` and ``export.pdf`` do, on the reference meeting) with a clock between them;
the floor's child only imports reportlab's layout engine, which any PDF made with reportlab
needs. The interpreter's own start is the time from spawning the child to its first line.
Medians of ``BENCH_RUNS`` runs, alternating; the fonts come from the cache an earlier
export made, as on any export but a machine's first. The last rows take apart what
neither the application nor reportlab's user can avoid, each measured in its own process:
reading the fonts without the cache, and two parts of reportlab's import: compiling one
case-insensitive URI pattern at module level (``reportlab/platypus/paragraph.py``) and
Pillow (``reportlab.lib.utils`` imports ``PIL.Image`` whether or not there are images).
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_pdf import ROOT, reference

RUNS = int(os.environ.get("BENCH_RUNS", "11"))

# Each child times its steps and prints one JSON line: its wall-clock start, the
# (step, seconds) pairs and how many modules it loaded.
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
print(json.dumps({"started": STARTED, "steps": steps, "modules": len(sys.modules)}), flush=True)
"""

CLI = (
    _BEFORE
    + r"""
from scrutiny_desktop import cli
step("import the command line")
args = cli.build_parser().parse_args(sys.argv[1:])
step("parse the arguments")
from scrutiny_desktop.book.store import Book
step("import the book (sqlite3, the domain, Book)")
with Book.open(args.book, read_only=True) as book:
    meeting = book.resolve_meeting(args.meeting)
    minutes, shown = book.minutes(meeting), book.presentation(meeting)
step("book opened, the meeting read")
import reportlab.platypus
step("import reportlab.platypus")
from scrutiny_desktop.export import pdf, pdf_layout
from scrutiny_desktop.export.fonts import register_fonts
step("import the PDF export (layout, pdf_layout, fonts)")
register_fonts()
step("fonts registered (from the cache)")
data, _ = pdf.render_pdf(minutes, presentation=shown)
step("laid out and drawn (render_pdf)")
from scrutiny_desktop.files.atomic import write_bytes_atomically
write_bytes_atomically(cli.check_output(args.output, args.book), data)
step("written (atomically, fsync)")
"""
    + _AFTER
)

FLOOR = (
    _BEFORE
    + r"""
import reportlab.platypus
step("import reportlab.platypus")
"""
    + _AFTER
)

# What the floor is made of, and the fonts without their cache.
PARTS = {
    "fonts read and registered without the cache (parsed)": r"""
import reportlab.platypus, time
from scrutiny_desktop.export.font_cache import FontCache
from scrutiny_desktop.export.fonts import register_fonts
t = time.perf_counter(); register_fonts(cache=FontCache(None)); print(time.perf_counter() - t)
""",
    "of reportlab's import: its case-insensitive URI pattern compiled": r"""
import re, time
import reportlab.platypus.paragraph as p
re.purge()
t = time.perf_counter(); re.compile(p.uri_pat.pattern, p.uri_pat.flags)
print(time.perf_counter() - t)
""",
    "of reportlab's import: Pillow (PIL.Image)": r"""
import time
t = time.perf_counter(); import PIL.Image; print(time.perf_counter() - t)
""",
}

INTERPRETER = "Python start (interpreter, site)"


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # read the bytecode compiled in run()
    return env


def _steps(code: str, env: dict[str, str], *args: str) -> tuple[dict[str, float], int]:
    spawned = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    ).stdout
    found = json.loads(out.splitlines()[-1])
    steps = {INTERPRETER: (found["started"] - spawned) * 1000}
    steps.update((name, seconds * 1000) for name, seconds in found["steps"])
    return steps, int(found["modules"])


def _part(code: str, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    ).stdout
    return float(out.split()[-1]) * 1000


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {name: statistics.median(r[name] for r in runs) for name in runs[0]}


def run() -> list[dict[str, object]]:
    from scrutiny_desktop.book import Book

    compileall.compile_dir(ROOT / "scrutiny_desktop", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = _env(folder / "cache")
        book = folder / "book.sqlite"
        with Book.open(book, create=True) as b:
            meeting_id = b.import_minutes(reference())
        argv = [
            "export",
            str(book),
            str(meeting_id),
            "--format",
            "pdf",
            "-o",
            str(folder / "x.pdf"),
        ]
        _steps(CLI, env, *argv)  # warm: the file cache, and the font cache made
        cli: list[dict[str, float]] = []
        floor: list[dict[str, float]] = []
        parts: dict[str, list[float]] = {name: [] for name in PARTS}
        modules = (0, 0)
        for _ in range(RUNS):
            steps, cli_modules = _steps(CLI, env, *argv)
            cli.append(steps)
            steps, floor_modules = _steps(FLOOR, env)
            floor.append(steps)
            modules = (cli_modules, floor_modules)
            for name, code in PARTS.items():
                parts[name].append(_part(code, env))
    ours, theirs = _median(cli), _median(floor)
    rows: list[dict[str, object]] = []
    for name, ms in ours.items():
        base = theirs.get(name, 0.0)
        rows.append({"step": name, "cli_ms": ms, "floor_ms": base, "extra_ms": ms - base})
    total, base = sum(ours.values()), sum(theirs.values())
    rows.append(
        {"step": "total of the steps", "cli_ms": total, "floor_ms": base, "extra_ms": total - base}
    )
    rows.append({"step": "modules imported (count)", "cli_ms": modules[0], "floor_ms": modules[1]})
    for name, values in parts.items():
        column = "floor_ms" if "reportlab's import" in name else "cli_ms"
        rows.append({"step": name, column: statistics.median(values)})
    return rows


if __name__ == "__main__":
    from bench.run import table

    print(table(run()))
