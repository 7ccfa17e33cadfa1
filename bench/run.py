"""Run every benchmark of the project, print one table, write it to docs/benchmarks.md.

Each benchmark module exposes ``run() -> list[dict]``; a row has a "benchmark" name and
figures (medians with their spread, and ratios measured side by side in the same run).

``python -m bench.run pdf spelling`` runs only the modules whose names contain one of the
words, and rewrites only their sections of docs/benchmarks.md, each saying when and at
which commit it was measured; the other sections keep the figures they had.
"""

from __future__ import annotations

import importlib
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = [
    "bench.bench_startup",
    "bench.bench_startup_profile",
    "bench.bench_switching",
    "bench.bench_memory",
    "bench.bench_typing",
    "bench.bench_pdf",
    "bench.bench_pdf_profile",
    "bench.bench_lifecycle",
    "bench.bench_spelling",
]


def machine() -> str:
    """A one-paragraph description of the machine the figures come from."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    import sqlite3

    try:
        from PySide6 import __version__ as qt
    except ImportError:
        qt = "not installed"
    return (
        f"{platform.platform()}, {os.cpu_count()} cores ({cpu}){mem}; Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, PySide6 {qt}"
    )


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return str(value)


def table(rows: list[dict[str, object]]) -> str:
    keys: list[str] = []
    for r in rows:
        keys += [k for k in r if k not in keys]
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for r in rows:
        lines.append("| " + " | ".join(_cell(r.get(k, "")) for k in keys) + " |")
    return "\n".join(lines)


def main() -> int:
    only = sys.argv[1:]
    sections: dict[str, str] = {}
    failed = 0
    started = time.strftime("%Y-%m-%d %H:%M")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    for name in MODULES:
        if only and not any(o in name for o in only):
            continue
        print(f"== {name}", flush=True)
        heading = _heading(name)
        try:
            module = importlib.import_module(name)
            rows = module.run()
        except ModuleNotFoundError as e:
            if e.name == name:
                print(f"   (not present: {name})")
                continue
            raise
        except Exception:
            failed += 1
            traceback.print_exc()
            sections[heading] = f"{heading}\n\nFAILED: see the console output of `make bench`.\n"
            continue
        text = table(rows)
        print(text, flush=True)
        doc = (module.__doc__ or "").strip()
        when = f"Measured on its own by `python -m bench.run` on {started} at commit {commit}.\n\n"
        sections[heading] = f"{heading}\n\n{doc}\n\n{when if only else ''}{text}\n"
    out = ROOT / "docs" / "benchmarks.md"
    if only:
        if sections:
            out.write_text(_replace_sections(out.read_text(), sections))
            print(f"rewrote {', '.join(sections)} in {out}")
    else:
        out.write_text(
            "# Benchmarks\n\nWritten by `make bench` on "
            f"{started} at commit {commit or 'unknown'}.\n\nMachine: {machine()}\n\n"
            "Figures are medians of several runs with their spread (max − min); ratios compare "
            "runs made side by side in the same session.\n\n" + "\n".join(sections.values())
        )
        print(f"wrote {out}")
    return 1 if failed else 0


def _heading(module: str) -> str:
    return f"## {module.split('.')[-1].removeprefix('bench_')}"


def _replace_sections(document: str, sections: dict[str, str]) -> str:
    """``document`` with each ``## name`` section replaced by the new one; sections in the
    order of ``MODULES``, any the document has beyond them after."""
    head, *parts = document.split("\n## ")
    found: dict[str, str] = {}
    for part in parts:
        found["## " + part.split("\n", 1)[0]] = "## " + part
    found.update(sections)
    order = [h for h in map(_heading, MODULES) if h in found]
    order += [h for h in found if h not in order]
    return "\n".join([head, *(found[h].rstrip("\n") + "\n" for h in order)])


if __name__ == "__main__":
    raise SystemExit(main())
