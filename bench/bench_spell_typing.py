"""Typing with spell-check on, beside a bare QPlainTextEdit and the window without it, in one run;
the start-up of the window with the writing aids attached, beside the window without them.

``python -m bench.bench_spell_typing`` prints the rows; ``run()`` returns them.

*Typing* is ``bench_typing``'s: 2,000 characters typed with QTest key clicks into an item
body of a 200-item meeting, the event loop run after every key. Each round types into a
bare ``QPlainTextEdit``, then into the window's minutes without the writing aids (the
item's highlighter taken off), then with them (the highlighter on, the dictionary loaded,
the book's known words set), interleaved so drift in the machine hits all alike. The
check itself runs when typing pauses for 40 ms, which key clicks in a loop never do: a
fourth row follows every keystroke with that check, the work per key at a person's speed
(done between keys, not on the keystroke); a last row types into paragraphs that each
start with a misspelling. The figure is the median time per keystroke; the ratio is
against the bare editor of the same run.

*Start-up* is spawn to the window shown, painted and idle (``READY``, as ``bench_startup``
measures it, the package's bytecode compiled first), alternating a child that builds the
window alone and one that also builds the ``WritingController`` and calls its ``start()``
after ``show()``. The second child reports whether the ``hunspell`` binding was imported
or the dictionary loaded by then (it must not be), and how long after READY it was ready.
*Memory* is the resident memory ``start_now()`` adds in the window (the dictionary, mostly).
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from bench.bench_typing import ITEMS, _type, big_meeting, text_to_type

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
STARTS = int(os.environ.get("BENCH_RUNS", "9"))
ROOT = Path(__file__).resolve().parent.parent
MISSPELT = "The report was recieved. "

_CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from scrutiny_desktop.ui.launch import application, example_path
from scrutiny_desktop.ui.main_window import MainWindow
book, aids = Path(sys.argv[1]), sys.argv[2] == "aids"
app = application()
window = MainWindow(None, book.parent, example_path(), backups=False)
window.open_book(book)
controller = None
if aids:
    from scrutiny_desktop.ui.context import Context
    from scrutiny_desktop.ui.controllers.writing import WritingController
    ctx = Context(window, window.stack, lambda m, ms: None, None, book.parent)
    ctx.workspace = window.ws
    controller = WritingController(ctx)
    ctx.workspace_changed.emit()
    window.statusBar().addPermanentWidget(controller.offer_bar)
window.show()
if controller is not None:
    controller.start()
report = {}
def ready():
    app.processEvents()
    report["ready"] = time.time()
    report["hunspell_at_ready"] = "hunspell" in sys.modules
    report["loaded_at_ready"] = bool(controller and controller.spelling.loaded)
    if controller is None:
        done()
    else:
        controller.spelling.changed.connect(done)
def done():
    report["loaded_after_ms"] = (time.time() - report["ready"]) * 1000
    print(json.dumps(report), flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _type_checked(app: QApplication, editor: QPlainTextEdit, text: str) -> list[float]:
    """As ``_type``, each keystroke followed by the check a pause in the typing brings."""
    from scrutiny_desktop.ui.spelling.highlighter import SpellingHighlighter

    highlighter = editor.document().findChild(SpellingHighlighter)
    assert isinstance(highlighter, SpellingHighlighter)
    times = []
    for ch in text:
        start = time.perf_counter()
        if ch == "\n":
            QTest.keyClick(editor, Qt.Key.Key_Return)
        else:
            QTest.keyClick(editor, ch)
        app.processEvents()
        highlighter.check_now()
        times.append(time.perf_counter() - start)
    return times


def _typing_rows(app: QApplication, tmp: Path) -> list[dict[str, object]]:
    from scrutiny_desktop.ui.context import Context
    from scrutiny_desktop.ui.controllers.writing import WritingController
    from scrutiny_desktop.ui.launch import example_path
    from scrutiny_desktop.ui.main_window import MainWindow
    from scrutiny_desktop.ui.spelling.highlighter import SpellingHighlighter, marked_spans

    book = tmp / "big.sqlite"
    big_meeting(book)
    window = MainWindow(None, tmp, example_path(), backups=False)
    window.open_book(book)
    window.resize(1280, 800)
    window.show()
    ws = window.ws
    assert ws is not None
    ctx = Context(window, window.stack, lambda m, ms: None, QSettings(), tmp)
    ctx.workspace = ws
    controller = WritingController(ctx)
    ctx.workspace_changed.emit()
    before = _rss()
    controller.start_now()  # attaches, then loads the dictionary
    memory = (_rss() - before) / 2**20
    editor = ws.agenda_pane.editor
    bare = QPlainTextEdit()
    bare.resize(editor.size())
    bare.show()
    app.processEvents()
    items = [i.id for i in ws.items.items()]
    text = text_to_type()
    # Every paragraph typed in the last row starts with a misspelling.
    misspelt_text = text.replace("\n", "\n" + MISSPELT)[: len(text)]
    rounds: dict[str, list[float]] = {
        "bare": [],
        "plain": [],
        "spell": [],
        "checked": [],
        "misspelt": [],
    }
    n = 0
    for _ in range(ROUNDS):
        for kind in ("bare", "plain", "spell", "checked", "misspelt"):
            n += 1
            item_id = items[ITEMS // 4 + n]
            assert item_id is not None
            ws.agenda_pane.select_item(item_id)
            editor.setFocus()
            editor.moveCursor(QTextCursor.MoveOperation.End)
            highlighter = editor.document().findChild(SpellingHighlighter)
            assert isinstance(highlighter, SpellingHighlighter)
            if kind == "plain":
                highlighter.detach()  # the window as it is without the aids
            if kind == "misspelt":
                editor.insertPlainText("\n" + MISSPELT)
            if kind == "bare":
                bare.setPlainText(editor.toPlainText())
                bare.moveCursor(QTextCursor.MoveOperation.End)
                target: QPlainTextEdit = bare
            else:
                target = editor
            app.processEvents()
            if kind == "checked":
                times = _type_checked(app, editor, text)
            else:
                times = _type(app, target, misspelt_text if kind == "misspelt" else text)
            rounds[kind].append(statistics.median(times) * 1000)
    found = editor.document().findChild(SpellingHighlighter)
    assert isinstance(found, SpellingHighlighter)
    found.check_now()
    doc = editor.document()
    marked = [
        doc.findBlockByNumber(i).text()[a:b]
        for i in range(doc.blockCount())
        for a, b in marked_spans(doc.findBlockByNumber(i))
    ]
    if "recieved" not in marked:  # the check really ran in the last round
        raise RuntimeError("the misspellings typed were not marked")
    ws.bodies.flush()
    window.close()
    bare.close()
    base = statistics.median(rounds["bare"])
    labels = {
        "bare": "typing per keystroke, bare QPlainTextEdit",
        "plain": f"typing per keystroke, item body of a {ITEMS}-item meeting, no writing aids",
        "spell": "typing per keystroke, the same with spell-check and phrases on",
        "checked": "the same, each keystroke followed by its check (typing slower than 1 key/40 ms)",
        "misspelt": "spell-check on, a misspelling left in every paragraph being typed",
    }
    rows: list[dict[str, object]] = []
    for kind, label in labels.items():
        ms = statistics.median(rounds[kind])
        rows.append(
            {
                "benchmark": label,
                "median_ms": round(ms, 4),
                "spread_ms": round(max(rounds[kind]) - min(rounds[kind]), 4),
                "ratio": round(ms / base, 3),
            }
        )
    rows.append(
        {
            "benchmark": "memory the en-GB dictionary adds (MiB, in the window)",
            "median_ms": "",
            "ratio": round(memory, 1),
        }
    )
    return rows


def _start(book: Path, aids: bool) -> tuple[float, dict[str, object]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-config-")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # read the bytecode compiled first, as installed
    start = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(book), "aids" if aids else "plain"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    return float(report["ready"]) - start, report


def _startup_rows(tmp: Path) -> list[dict[str, object]]:
    from scrutiny_desktop.book import Book
    from scrutiny_desktop.export import interchange
    from scrutiny_desktop.ui.launch import example_path

    book = tmp / "reference.sqlite"
    with Book.create(book) as b:
        b.import_minutes(interchange.load(example_path()))
    plain: list[float] = []
    aids: list[float] = []
    reports: list[dict[str, object]] = []
    compileall.compile_dir(ROOT / "scrutiny_desktop", quiet=1)  # as an installed copy has it
    _start(book, True)  # warm the file cache
    for _ in range(STARTS):
        plain.append(_start(book, False)[0] * 1000)
        seconds, report = _start(book, True)
        aids.append(seconds * 1000)
        reports.append(report)
    early = sum(bool(r["hunspell_at_ready"]) or bool(r["loaded_at_ready"]) for r in reports)
    later = statistics.median(float(str(r["loaded_after_ms"])) for r in reports)
    p, a = statistics.median(plain), statistics.median(aids)
    return [
        {
            "benchmark": "start-up to painted and idle, reference meeting, no writing aids",
            "median_ms": round(p, 1),
            "spread_ms": round(max(plain) - min(plain), 1),
            "ratio": 1.0,
        },
        {
            "benchmark": "the same with the writing aids attached and their dictionary started",
            "median_ms": round(a, 1),
            "spread_ms": round(max(aids) - min(aids), 1),
            "ratio": round(a / p, 3),
        },
        {
            "benchmark": f"runs with hunspell imported or the dictionary loaded at READY (of {STARTS})",
            "median_ms": "",
            "ratio": early,
        },
        {
            "benchmark": "dictionary ready after READY (ms)",
            "median_ms": round(later, 1),
            "ratio": "",
        },
    ]


def run() -> list[dict[str, object]]:
    from scrutiny_desktop.ui.launch import application

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        rows = _typing_rows(app, Path(tmp))
        rows += _startup_rows(Path(tmp))
    return rows


if __name__ == "__main__":
    rows = run()
    for row in rows:
        print(row)
    spell = next(
        r for r in rows if str(r["benchmark"]).startswith("typing per keystroke, the same")
    )
    sys.exit(0 if float(str(spell["ratio"])) <= 1.5 else 1)
