"""Spelling: loading the en-GB dictionary, the memory it adds, and checking paragraphs.

Loading is measured in fresh child processes (importing the binding and reading the
dictionary, as the window does after its first paint), with the resident memory the
process gains (``/proc/self/statm``; Hunspell's memory is C++, invisible to tracemalloc).
Checking uses the paragraphs of the reference meeting with its people and organisations
as known words: *cold* is each paragraph checked by a speller that has seen no word yet,
*cached* the same paragraphs again, and *keystroke* a long paragraph typed one character
at a time with the whole paragraph re-checked after each, as a highlighter does.
*Suggest* is the first (uncached) request for the twelve misspellings of issue 16.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scrutiny_desktop.writing.known import KnownWords
from scrutiny_desktop.writing.speller import Speller

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed-meeting.json"
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
MISSPELT = [
    "recieved",
    "seperate",
    "occured",
    "accomodation",
    "goverment",
    "commited",
    "definately",
    "independant",
    "liase",
    "publically",
    "untill",
    "tommorrow",
]

_CHILD = """
import json, os, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
from scrutiny_desktop.writing.speller import Speller
before = rss()
start = time.perf_counter()
speller = Speller()
speller.load()
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rss": rss() - before}))
"""


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def meeting() -> tuple[list[str], KnownWords]:
    """The reference meeting's paragraphs (and other texts), and its people as known words."""
    document = json.loads(SEED.read_text())
    texts = [t for t in _strings(document) if len(t.split()) >= 3]
    people = [
        str(v)
        for person in document.get("people", [])
        for k, v in person.items()
        if k in ("name", "initials", "role", "organisation") and v
    ]
    return texts, KnownWords(people)


def _load() -> dict[str, object]:
    seconds: list[float] = []
    memory: list[int] = []
    for _ in range(max(3, RUNS // 2)):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        row = json.loads(out)
        seconds.append(row["seconds"])
        memory.append(row["rss"])
    return {
        "median_ms": statistics.median(seconds) * 1000,
        "spread_ms": (max(seconds) - min(seconds)) * 1000,
        "memory_MiB": statistics.median(memory) / 2**20,
        "runs": len(seconds),
    }


def _per_paragraph(texts: list[str], known: KnownWords) -> tuple[dict[str, object], ...]:
    cold: list[float] = []
    cached: list[float] = []
    for _ in range(RUNS):
        speller = Speller()
        speller.load()
        start = time.perf_counter()
        for text in texts:
            speller.misspellings(text, known)
        cold.append((time.perf_counter() - start) / len(texts))
        start = time.perf_counter()
        for text in texts:
            speller.misspellings(text, known)
        cached.append((time.perf_counter() - start) / len(texts))
    words = statistics.mean(len(t.split()) for t in texts)

    def row(times: list[float]) -> dict[str, object]:
        return {
            "median_ms": statistics.median(times) * 1000,
            "spread_ms": (max(times) - min(times)) * 1000,
            "paragraphs": len(texts),
            "words_per_paragraph": round(words, 1),
            "runs": len(times),
        }

    return row(cold), row(cached)


def _keystrokes(texts: list[str], known: KnownWords) -> dict[str, object]:
    paragraph = " ".join(sorted(texts, key=len)[-3:])[:1200]
    speller = Speller()
    speller.load()
    times: list[float] = []
    for i in range(1, len(paragraph) + 1):
        typed = paragraph[:i]
        start = time.perf_counter()
        speller.misspellings(typed, known, typing_at=i)
        times.append(time.perf_counter() - start)
    times.sort()
    return {
        "median_ms": statistics.median(times) * 1000,
        "p95_ms": times[int(len(times) * 0.95)] * 1000,
        "max_ms": times[-1] * 1000,
        "keystrokes": len(times),
        "words_at_end": len(paragraph.split()),
    }


def _suggest() -> dict[str, object]:
    speller = Speller()
    speller.load()
    times: list[float] = []
    for word in MISSPELT:
        start = time.perf_counter()
        speller.suggest(word)
        times.append(time.perf_counter() - start)
    return {
        "median_ms": statistics.median(times) * 1000,
        "spread_ms": (max(times) - min(times)) * 1000,
        "max_ms": max(times) * 1000,
        "words": len(times),
    }


def run() -> list[dict[str, object]]:
    texts, known = meeting()
    cold, cached = _per_paragraph(texts, known)
    return [
        {"benchmark": "spelling: load en-GB dictionary, fresh process", **_load()},
        {"benchmark": "spelling: check one paragraph, cold cache", **cold},
        {"benchmark": "spelling: check one paragraph, cached", **cached},
        {
            "benchmark": "spelling: re-check the paragraph per keystroke",
            **_keystrokes(texts, known),
        },
        {"benchmark": "spelling: suggest, first request", **_suggest()},
    ]


if __name__ == "__main__":
    for result in run():
        print(result)
