"""Search and the action register on a generated book of 1,000 meetings (~20,000 actions).

``python -m bench.bench_lifecycle`` prints the rows; ``bench.run`` collects them. The
book is made once by ``bench.make_book`` (seeded, so always the same) and kept under
``bench/.cache``. Figures are the median and 95th percentile of repeated calls in one
process on an open book: search over a fixed list of queries (single words, two words,
a reference, a prefix as typed, words that find nothing), the register of one series
and of the whole book, and the lifecycle writes on a copy.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench.make_book import make_book
from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.carry import RegisterFilter
from scrutiny_desktop.export.csv_export import register_csv

ROOT = Path(__file__).resolve().parent
MEETINGS = int(os.environ.get("BENCH_MEETINGS", "1000"))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
QUERIES = (
    "drugs",
    "domestic abuse",
    "partnership funding",
    "inspection",
    "recommendation improvement",
    "07/15",
    "rec",
    "knife crime report",
    "Łódź",
    "no such zzyzx",
)


def book_path() -> Path:
    """The cached generated book, made on first use."""
    path = ROOT / ".cache" / f"book-{MEETINGS}.sqlite"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        for stale in path.parent.glob(tmp.name + "*"):
            stale.unlink()
        make_book(MEETINGS, tmp)
        tmp.rename(path)
    return path


def _times(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _row(name: str, times: list[float], **extra: object) -> dict[str, object]:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {
        "benchmark": name,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(p95, 2),
        "runs": len(times),
        **extra,
    }


def run() -> list[dict[str, object]]:
    path = book_path()
    rows: list[dict[str, object]] = []
    with Book.open(path, read_only=True) as book:
        series = book.series_names()[0]
        n_actions = book._q("SELECT count(*) AS n FROM actions")[0]["n"]
        size = f"{MEETINGS} meetings, {n_actions} actions"
        book.search("warm up")
        times = [t for q in QUERIES for t in _times(lambda q=q: book.search(q), RUNS)]
        hits = sum(len(book.search(q)) for q in QUERIES)
        rows.append(_row("search (50 hits max, 10 queries)", times, book=size, hits=hits))
        rows.append(
            _row(
                "register: one series",
                _times(lambda: book.register(series), RUNS),
                book=size,
                rows=len(book.register(series)),
            )
        )
        every = book.register()
        rows.append(
            _row("register: whole book", _times(book.register, RUNS), book=size, rows=len(every))
        )
        overdue = RegisterFilter(open_only=True, overdue_on=date(2020, 1, 1))
        rows.append(
            _row(
                "register: one series, open and overdue",
                _times(lambda: book.register(series, filters=overdue), RUNS),
                book=size,
            )
        )
        rows.append(
            _row(
                "register CSV: whole book",
                _times(lambda: register_csv(every, today=date(2020, 1, 1)), RUNS),
                book=size,
            )
        )
    rows += _writes(path, size)
    return rows


def _writes(path: Path, size: str) -> list[dict[str, object]]:
    """New meeting, sign-off and verify on a copy (they change the book)."""
    with tempfile.TemporaryDirectory() as d:
        copy = Path(d) / "copy.sqlite"
        with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)  # not a file copy: that can miss commits still in the WAL
        with Book.open(copy) as book:
            latest = book.resolve_meeting("latest")
            made: list[int] = []
            new = _times(lambda: made.append(book.new_meeting_after(latest)), RUNS)
            drafts = [m.id for m in book.meetings() if not m.is_signed_off][RUNS : 2 * RUNS]
            it = iter(drafts)
            sign = _times(lambda: book.sign_off(next(it), "LW", date(2030, 1, 1)), RUNS)  # type: ignore[arg-type]
            it = iter(drafts)
            verify = _times(lambda: book.verify(next(it)), RUNS)  # type: ignore[arg-type]
    return [
        _row("new meeting after the latest (matters arising)", new, book=size),
        _row("sign off a meeting", sign, book=size),
        _row("verify a signed-off meeting", verify, book=size),
    ]


def main() -> None:
    for r in run():
        extra = {k: v for k, v in r.items() if k not in ("benchmark", "median_ms", "p95_ms")}
        print(
            f"{r['benchmark']:<50} median {r['median_ms']:>8} ms  p95 {r['p95_ms']:>8} ms  {extra}"
        )


if __name__ == "__main__":
    main()
