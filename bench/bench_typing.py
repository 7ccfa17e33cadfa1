"""Typing into an item body of a 200-item meeting, beside a bare QPlainTextEdit in the same run.

``python -m bench.bench_typing`` prints the rows; ``run()`` returns them. Each round
types 2,000 characters (sentences with spaces, full stops and a paragraph break now
and then) with QTest key clicks, letting the event loop run after every keystroke as
it would between real key presses, so painting and the save timer are included. The
figure is the median time per keystroke over the rounds; the spread is max - min of
the rounds' medians. The window's ratio is against the bare editor in the same run.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import (
    Action,
    Attendance,
    Item,
    Meeting,
    Minutes,
    Paragraph,
    Person,
)
from scrutiny_desktop.domain.refs import ActionRef

CHARS = 2000
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
ITEMS = 200
SENTENCE = "The panel noted the figures for the quarter and asked for a report. "


def text_to_type(n: int = CHARS) -> str:
    out = []
    while sum(map(len, out)) < n:
        out.append(SENTENCE)
        if len(out) % 4 == 0:
            out.append("\n")
    return "".join(out)[:n]


def big_meeting(path: Path) -> None:
    """A 200-item meeting: five paragraphs and two actions per item."""
    items = []
    n = 0
    for i in range(ITEMS):
        actions = []
        for _ in range(2):
            n += 1
            actions.append(
                Action(None, ActionRef(15, n), f"Action {n} text to be followed up", ("AB",))
            )
        items.append(
            Item(
                None,
                str(i + 1),
                f"Item {i + 1}",
                body=tuple(Paragraph(SENTENCE * 4) for _ in range(5)),
                actions=tuple(actions),
            )
        )
    minutes = Minutes(
        meeting=Meeting(None, "Big meeting", date(2015, 2, 26), series="Bench"),
        people=(Person("AB", "Ann Brown"),),
        attendance=(Attendance("AB"),),
        items=tuple(items),
    )
    with Book.create(path) as book:
        book.import_minutes(minutes)


def _type(app: QApplication, widget: QWidget, text: str) -> list[float]:
    times = []
    for ch in text:
        start = time.perf_counter()
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        else:
            QTest.keyClick(widget, ch)
        app.processEvents()
        times.append(time.perf_counter() - start)
    return times


def run() -> list[dict[str, object]]:
    from scrutiny_desktop.ui.launch import application, example_path
    from scrutiny_desktop.ui.main_window import MainWindow

    app = application()
    text = text_to_type()
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "big.sqlite"
        big_meeting(book)
        window = MainWindow(None, Path(tmp), example_path())
        window.open_book(book)
        window.resize(1280, 800)
        window.show()
        assert window.ws is not None
        items = window.ws.items.items()
        editor = window.ws.agenda_pane.editor
        bare = QPlainTextEdit()
        bare.resize(editor.size())
        bare.show()
        app.processEvents()
        bare_rounds, window_rounds = [], []
        typed_into = []
        for n in range(ROUNDS):  # interleaved, so drift in the machine hits both alike
            # Both start from the same body: five paragraphs, the cursor at the end.
            item_id = items[ITEMS // 2 + n].id
            assert item_id is not None
            typed_into.append(item_id)
            window.ws.agenda_pane.select_item(item_id)
            editor.setFocus()
            editor.moveCursor(QTextCursor.MoveOperation.End)
            bare.setPlainText(editor.toPlainText())
            bare.moveCursor(QTextCursor.MoveOperation.End)
            app.processEvents()
            bare_rounds.append(statistics.median(_type(app, bare, text)) * 1000)
            window_rounds.append(statistics.median(_type(app, editor, text)) * 1000)
        window.ws.bodies.flush()
        saved = (
            min(len("".join(p.text for p in window.ws.book.body(i))) for i in typed_into)
            - len(SENTENCE) * 20
        )
        window.close()
        bare.close()
    if saved < CHARS - 100:
        raise RuntimeError(f"the typed text did not reach the book ({saved} characters)")
    bare_ms = statistics.median(bare_rounds)
    window_ms = statistics.median(window_rounds)
    return [
        {
            "benchmark": "typing per keystroke, bare QPlainTextEdit",
            "median_ms": round(bare_ms, 4),
            "spread_ms": round(max(bare_rounds) - min(bare_rounds), 4),
            "ratio": 1.0,
        },
        {
            "benchmark": f"typing per keystroke, item body of a {ITEMS}-item meeting",
            "median_ms": round(window_ms, 4),
            "spread_ms": round(max(window_rounds) - min(window_rounds), 4),
            "ratio": round(window_ms / bare_ms, 3),
        },
    ]


if __name__ == "__main__":
    rows = run()
    for row in rows:
        print(row)
    sys.exit(0 if float(rows[-1]["ratio"]) <= 1.5 else 1)  # type: ignore[arg-type]
