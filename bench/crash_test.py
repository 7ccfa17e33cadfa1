"""Crash test: the real application typing a meeting is killed with SIGKILL; nothing is lost.

Each trial makes a fresh book with one meeting, starts ``scrutiny-desktop open BOOK`` in a
child process (offscreen, ``bench/crash_child.py``) with ``SCRUTINY_CRASH_SCRIPT`` set, so
its typist (``bench/typist.py``) types a scripted meeting into the real widgets at a
steady rate, with new items and actions, journalling every key. At a random moment the
parent kills the child with SIGKILL, then checks:

* ``PRAGMA integrity_check`` is ok;
* the book opens (``Book.open(lock=True)``: the dead child's lock is taken over) and
  opens in the window (``MainWindow.open_book``, offscreen);
* every character the journal says was typed more than ``--grace`` seconds before the
  kill is in the book, in its field (item title, body, action text).

It prints the counts and the longest keystroke-to-commit latency the children saw
(from a keystroke to the first save that holds it, read back from the book).

    python -m bench.crash_test --trials 200            # make crash-test
    python -m bench.crash_test --trials 10 --rate 25   # quick
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "the chief constable said that performance on domestic abuse arrests had improved "
    "since the last meeting and the panel asked for the figures by district before "
    "the next meeting the commissioner noted victim satisfaction was below target and "
    "officers would report on the reasons with a plan ŵ ŷ ą ę ś ż café naïve"
)
WORDS = TEXT.split()


@dataclass
class Trial:
    """What one trial found."""

    keys: int = 0
    integrity_ok: bool = True
    opens: bool = True
    window_opens: bool = True
    lost: int = 0
    checked: int = 0
    latency: float = 0.0
    started: bool = True
    problems: list[str] = field(default_factory=list)


def make_script(rng: random.Random, journal: Path, interval_ms: int) -> dict[str, object]:
    """A meeting long enough to outlast any kill: items with titles, paragraphs, actions."""

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    items = []
    for _ in range(30):
        items.append(
            {
                "title": words(rng.randint(2, 4)).capitalize(),
                "body": [words(rng.randint(4, 12)) + "." for _ in range(rng.randint(1, 3))],
                "actions": [words(rng.randint(3, 6)) for _ in range(rng.randint(0, 2))],
            }
        )
    return {"journal": str(journal), "interval_ms": interval_ms, "items": items}


def make_book(path: Path) -> None:
    from scrutiny_desktop.book import Book
    from scrutiny_desktop.domain.model import Meeting

    with Book.create(path) as book:
        book.add_meeting(Meeting(id=None, title="Crash test", date=date(2026, 1, 15)))


def read_journal(path: Path) -> list[list[str]]:
    lines = []
    for raw in path.read_bytes().split(b"\n"):
        if raw:
            lines.append(raw.decode().split(" ", 4))
    return lines


def run_trial(n: int, args: argparse.Namespace, rng: random.Random, folder: Path) -> Trial:
    trial = Trial()
    book = folder / f"trial {n} ŵ.sqlite"
    journal = folder / f"trial-{n}.journal"
    script = folder / f"trial-{n}.json"
    make_book(book)
    script.write_text(json.dumps(make_script(rng, journal, args.interval_ms)), encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SCRUTINY_CRASH_SCRIPT=str(script),
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.crash_child", str(book)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    ready = None
    while ready is None and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
        if journal.exists():
            for line in read_journal(journal):
                if line[2] == "ready":
                    ready = float(line[0])
    if ready is None:
        child.kill()
        _, err = child.communicate()
        trial.started = False
        trial.problems.append(f"the child never became ready: {err.decode()[-2000:]}")
        return trial
    kill_at = ready + rng.uniform(args.min_kill, args.max_kill)
    time.sleep(max(0.0, kill_at - time.monotonic()))
    killed = time.monotonic()
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
    else:
        _, err = child.communicate()
        trial.problems.append(f"the child exited by itself ({child.returncode}): {err.decode()}")
    check(book, journal, killed - args.grace, trial)
    return trial


def check(book: Path, journal: Path, cutoff: float, trial: Trial) -> None:
    """Integrity, opening (store and window), and the characters typed before ``cutoff``."""
    from bench.typist import common_prefix, field_text
    from scrutiny_desktop.book import Book, BookError

    conn = sqlite3.connect(book)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.Error as e:
        result = [str(e)]
    finally:
        conn.close()
    if result != ["ok"]:
        trial.integrity_ok = False
        trial.problems.append(f"integrity_check: {result[:5]}")
    typed: dict[str, str] = {}
    before: dict[str, str] = {}
    for line in read_journal(journal):
        t, what = float(line[0]), line[2]
        if what == "key":
            fld, ch = line[3], json.loads(line[4])
            typed[fld] = typed.get(fld, "") + ch
            if t <= cutoff:
                before[fld] = before.get(fld, "") + ch
                trial.keys += 1
        elif what == "commit":
            trial.latency = max(trial.latency, float(line[4].split()[1]))
    try:
        with Book.open(book, lock=True) as b:
            meetings = b.meetings()
            mid = meetings[0].id
            for fld, expected in before.items():
                stored = field_text(b, mid, fld)
                # Stored titles are trimmed and blank paragraphs dropped: a trailing space
                # or newline is saved with the next character, so is not counted here.
                need = expected.rstrip(" \n") if not fld.startswith("action") else expected
                have = common_prefix(stored, typed[fld])
                trial.checked += len(need)
                if have < len(need):
                    trial.lost += len(need) - have
                    trial.problems.append(
                        f"{fld}: {len(need) - have} lost: typed {need[-40:]!r}, "
                        f"book has {stored[-40:]!r}"
                    )
    except BookError as e:
        trial.opens = False
        trial.problems.append(f"Book.open: {e}")
        return
    trial.window_opens = window_opens(book, trial)


def window_opens(book: Path, trial: Trial) -> bool:
    from scrutiny_desktop.ui.launch import application, example_path
    from scrutiny_desktop.ui.main_window import MainWindow

    app = application()
    window = MainWindow(None, book.parent / "data", example_path(), backups=False)
    ok = window.open_book(book)
    if not ok:
        trial.problems.append(f"window: {window.statusBar().currentMessage()}")
    window.close()
    window.deleteLater()
    app.processEvents()
    return ok


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--trials", type=int, default=200)
    p.add_argument("--rate", type=float, default=10.0, help="keys a second (default 10)")
    p.add_argument("--min-kill", type=float, default=1.5, help="seconds after typing starts")
    p.add_argument("--max-kill", type=float, default=6.0)
    p.add_argument("--grace", type=float, default=1.0, help="seconds before the kill not checked")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--keep", action="store_true", help="keep the trials' folders")
    args = p.parse_args(argv)
    args.interval_ms = max(1, round(1000 / args.rate))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    print(
        f"crash test: {args.trials} trials, {args.rate:g} keys/s, kill {args.min_kill}–"
        f"{args.max_kill} s after typing starts, grace {args.grace} s, seed {seed}",
        flush=True,
    )
    totals = Trial()
    failed_trials = 0
    counts = {"integrity": 0, "open": 0, "window": 0, "start": 0}
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="crash-test-") as tmp:
        for n in range(1, args.trials + 1):
            folder = Path(tmp) / f"t{n}"
            folder.mkdir()
            t = run_trial(n, args, rng, folder)
            counts["integrity"] += not t.integrity_ok
            counts["open"] += not t.opens
            counts["window"] += not t.window_opens
            counts["start"] += not t.started
            totals.keys += t.keys
            totals.lost += t.lost
            totals.checked += t.checked
            totals.latency = max(totals.latency, t.latency)
            if t.problems:
                failed_trials += 1
                for problem in t.problems:
                    print(f"  trial {n}: {problem}", flush=True)
            if n % 10 == 0 or n == args.trials:
                print(
                    f"  {n} trials, {time.monotonic() - start:.0f} s: lost {totals.lost}, "
                    f"longest keystroke-to-commit {totals.latency * 1000:.0f} ms",
                    flush=True,
                )
            if args.keep:
                os.system(f"cp -r '{folder}' '{tempfile.gettempdir()}/'")
    print(f"trials: {args.trials}")
    print(f"children that never started typing: {counts['start']}")
    print(f"integrity failures: {counts['integrity']}")
    print(f"books that failed to open: {counts['open']}")
    print(f"books that failed to open in the window: {counts['window']}")
    print(f"keys typed more than {args.grace:g} s before the kill: {totals.keys}")
    print(f"characters checked: {totals.checked}")
    print(f"characters lost: {totals.lost}")
    print(f"longest keystroke-to-commit: {totals.latency * 1000:.0f} ms")
    print(f"time: {time.monotonic() - start:.0f} s")
    bad = sum(counts.values()) + totals.lost
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
