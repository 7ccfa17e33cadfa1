"""PDF export: the command line beside LibreOffice, and the export inside a running process.

*Command line*: ``scrutiny-desktop export BOOK 1 --format pdf -o X.pdf`` as a whole process
(the console script beside this Python, the reference meeting imported into a book),
beside LibreOffice converting the same minutes exported as Word
(``soffice --headless --convert-to pdf``, its own profile, warmed by one conversion first),
runs alternating in one session; the ratio is of the medians. The floors are processes
measured in the same alternation: Python's own start (``python -c pass``) and Python
importing reportlab's layout engine (``python -c "import reportlab.platypus"``), which
every PDF this application makes needs. Without LibreOffice the rows say so and give no
ratio. The package's bytecode is compiled first, as an installed copy has it, and the
fonts come from the font cache the warm-up export made, as on every export after a
machine's first (``bench_pdf_profile`` gives the fonts' time without it).

*In the application*: ``export_pdf`` of the reference meeting (full and public) and of a
generated 200-item meeting, written to a file. *Later exports* are the median of several
exports in one process after a first one, as a window exports after its first (reportlab
imported, fonts registered): the 40 ms target of issue 17 is judged on this row, the row
its "today 76 ms" came from. *First export* is the first ``export_pdf`` in a fresh process
that has imported the application's modules but not reportlab, as a window's first
export: it imports reportlab and registers the fonts (from the cache); a new child
process for each run.
"""

from __future__ import annotations

import compileall
import os
import shutil
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
IN_APP_RUNS = 3 * RUNS  # an export takes some 30 ms: more runs, a steadier median
CLI_RUNS = int(os.environ.get("BENCH_CLI_RUNS", "11"))
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NO_SOFFICE = "LibreOffice not found (soffice): no ratio"
IN_APP_TARGET = "<= 40 ms"
CLI_TARGET = "<= 0.15"

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


def _figures(seconds: list[float]) -> dict[str, float]:
    return {
        "median_ms": statistics.median(seconds) * 1000,
        "spread_ms": (max(seconds) - min(seconds)) * 1000,
    }


# ---------------------------------------------------------------- in the application


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
    return _with_pages(times, pages)


def _with_pages(times: list[float], pages: int) -> dict[str, object]:
    return {
        **_figures(times),
        "pages": pages,
        "pages_per_s": pages / statistics.median(times),
        "runs": len(times),
    }


# The application's modules a window has loaded by its first export, and not reportlab.
_FIRST = """
import sys, time
from pathlib import Path
from bench.bench_pdf import reference
from scrutiny_desktop.export.pdf import export_pdf
assert "reportlab" not in sys.modules
m = reference()
t0 = time.perf_counter()
pages = export_pdf(m, Path(sys.argv[1]))
print(time.perf_counter() - t0, pages)
"""


def _first(runs: int) -> dict[str, object]:
    times: list[float] = []
    pages = 0
    with tempfile.TemporaryDirectory() as folder:
        argv = [sys.executable, "-c", _FIRST, str(Path(folder) / "first.pdf")]
        env = _env(Path(folder) / "cache")
        subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, check=True)  # the cache
        for _ in range(runs):
            out = subprocess.run(
                argv, cwd=ROOT, env=env, capture_output=True, text=True, check=True
            ).stdout.split()
            times.append(float(out[0]))
            pages = int(out[1])
    return _with_pages(times, pages)


def _env(cache: Path) -> dict[str, str]:
    """The environment of a child: its own font cache, and the compiled bytecode read."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# ---------------------------------------------------------------- the command line


def _cli() -> list[str]:
    """The ``scrutiny-desktop`` console script as installed beside this Python."""
    script = Path(sys.executable).with_name("scrutiny-desktop")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "scrutiny_desktop"]


def _wall(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``argv`` to its exit (which must be 0)."""
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _side_by_side(runs: int) -> list[dict[str, object]]:
    """The command line, its floors and LibreOffice, alternating in one session."""
    from scrutiny_desktop.book import Book
    from scrutiny_desktop.export.docx_export import write_docx

    compileall.compile_dir(ROOT / "scrutiny_desktop", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = folder / "book.sqlite"
        with Book.open(book, create=True) as b:
            meeting_id = b.import_minutes(reference())
            minutes, shown = b.minutes(meeting_id), b.presentation(meeting_id)
        docx, pdf = folder / "minutes.docx", folder / "cli.pdf"
        write_docx(minutes, docx, presentation=shown)  # as `export --format docx` writes it
        cases: dict[str, list[str]] = {
            "cli": [*_cli(), "export", str(book), str(meeting_id), "--format=pdf", f"-o{pdf}"],
            "python": [sys.executable, "-c", "pass"],
            "reportlab": [sys.executable, "-c", "import reportlab.platypus"],
        }
        if SOFFICE is not None:
            profile = (folder / "lo-profile").as_uri()
            cases["soffice"] = [
                SOFFICE,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={profile}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder / "lo"),
                str(docx),
            ]
        times: dict[str, list[float]] = {name: [] for name in cases}
        env = _env(folder / "cache")
        for argv in cases.values():  # warm: file cache, font cache, LibreOffice's new profile
            _wall(argv, env)
        for _ in range(runs):
            for name, argv in cases.items():
                times[name].append(_wall(argv, env))
    lo = statistics.median(times["soffice"]) if "soffice" in times else None

    def row(label: str, name: str, target: str = "") -> dict[str, object]:
        figures = _figures(times[name])
        out: dict[str, object] = {"benchmark": label, **figures}
        if lo is None:
            out["beside"] = NO_SOFFICE
        else:
            soffice = _figures(times["soffice"])
            out.update(
                beside="LibreOffice (the same minutes, DOCX to PDF)",
                beside_ms=soffice["median_ms"],
                beside_spread_ms=soffice["spread_ms"],
                ratio=figures["median_ms"] / soffice["median_ms"],
            )
        return {**out, "target": target, "runs": runs}

    return [
        row(
            "command line: export --format pdf, reference meeting, whole process", "cli", CLI_TARGET
        ),
        row("floor: Python's own start (python -c pass)", "python"),
        row("floor: Python importing reportlab.platypus", "reportlab"),
    ]


def run() -> list[dict[str, object]]:
    ref = reference()
    big = generated()
    in_app = [
        {
            "benchmark": "in-app: PDF export, reference meeting, later exports",
            **_time(ref, IN_APP_RUNS),
            "target": IN_APP_TARGET,
        },
        {
            "benchmark": "in-app: PDF export, reference meeting, public, later exports",
            **_time(ref, IN_APP_RUNS, public=True),
        },
        {
            "benchmark": "in-app: PDF export, reference meeting, first export (imports reportlab)",
            **_first(max(3, RUNS // 2)),
        },
        {
            "benchmark": "in-app: PDF export, generated 200-item meeting, later exports",
            **_time(big, max(3, RUNS // 2)),
        },
    ]
    return [*_side_by_side(CLI_RUNS), *in_app]


if __name__ == "__main__":
    from bench.run import table

    print(table(run()))
