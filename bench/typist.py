"""Types a scripted meeting into the real window, for the crash test (``bench/crash_test.py``).

Started by ``launch`` when ``SCRUTINY_CRASH_SCRIPT`` names a script (JSON: ``journal``,
``interval_ms``, ``items`` of ``title``, ``body`` paragraphs and ``actions`` texts). One
key event per tick goes, through ``QTest``, to the widget with the keyboard focus, as a
person's would: commands by their shortcuts, text character by character. Every key is
then appended to the journal, one line each, written with ``os.write`` (so a SIGKILL
loses no line already written)::

    <monotonic> <wall> key <field> <json character>
    <monotonic> <wall> commit <field> <characters now in the book> <latency seconds>

A field is ``title:I``, ``body:I`` or ``action:I:A`` (item and action by position).
After every save the fields still being typed are read back from the book; the time
from a keystroke to the save that first holds it is its keystroke-to-commit latency.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from scrutiny_desktop.ui.main_window import MainWindow

ENV = "SCRUTINY_CRASH_SCRIPT"
K, M = Qt.Key, Qt.KeyboardModifier
Step = tuple[str, str, str]  # (what, field, character or command)
COMMANDS = {
    "new_item": (K.Key_I, M.ControlModifier | M.ShiftModifier),
    "new_action": (K.Key_Return, M.ControlModifier),
    "go_body": (K.Key_3, M.ControlModifier),
    "enter": (K.Key_Return, M.NoModifier),
}


def steps(script: dict[str, Any]) -> list[Step]:
    """The key presses that type the script's meeting, in order."""
    out: list[Step] = []
    for i, item in enumerate(script["items"]):
        out.append(("cmd", "", "new_item"))  # the focus goes to the new item's title
        out += [("key", f"title:{i}", c) for c in item["title"]]
        out.append(("cmd", "", "enter"))  # to the body
        for p, paragraph in enumerate(item["body"]):
            out += [("key", f"body:{i}", c) for c in ("\n" if p else "") + paragraph]
        for a, text in enumerate(item["actions"]):
            out.append(("cmd", "", "new_action"))  # the focus goes to its text cell
            out += [("key", f"action:{i}:{a}", c) for c in text]
            out.append(("cmd", "", "enter"))
            out.append(("cmd", "", "go_body"))
    return out


class Typist(QObject):
    """Feeds the steps to the window from a timer and keeps the journal."""

    def __init__(self, window: MainWindow, script: dict[str, Any]) -> None:
        super().__init__(window)
        self._window = window
        self._steps = steps(script)
        self._next = 0
        self._fd = os.open(script["journal"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self._typed: dict[str, str] = {}
        self._times: dict[str, list[float]] = {}
        self._committed: dict[str, int] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(int(script.get("interval_ms", 100)))
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        ws = self._window.ws
        assert ws is not None, "the crash script needs a book open in the window"
        ws.session.saved.connect(lambda _: self._check_commits())
        self._window.activateWindow()
        self._log("ready")
        self._timer.start()

    def _log(self, line: str) -> None:
        os.write(self._fd, f"{time.monotonic():.6f} {time.time():.6f} {line}\n".encode())

    def _target(self) -> QWidget:
        return QApplication.focusWidget() or self._window

    def _tick(self) -> None:
        if self._next >= len(self._steps):
            self._timer.stop()
            self._log("done")
            return
        what, field, arg = self._steps[self._next]
        self._next += 1
        if what == "cmd":
            key, mods = COMMANDS[arg]
            QTest.keyClick(self._target(), key, mods)
            self._log(f"cmd - {arg}")
            return
        if arg == "\n":
            QTest.keyClick(self._target(), K.Key_Return)
        else:
            # With its text, so any character types (keyClicks only knows ASCII).
            key = K(ord(arg.upper())) if arg.isascii() and arg.isalnum() else K.Key_unknown
            if arg == " ":
                key = K.Key_Space
            QTest.sendKeyEvent(QTest.KeyAction.Click, self._target(), key, arg, M.NoModifier)
        self._typed[field] = self._typed.get(field, "") + arg
        self._times.setdefault(field, []).append(time.monotonic())
        self._committed.setdefault(field, 0)
        self._log(f"key {field} {json.dumps(arg)}")

    def _check_commits(self) -> None:
        now = time.monotonic()
        for field, typed in self._typed.items():
            done = self._committed[field]
            if done >= len(typed):
                continue
            stored = stored_text(self._window, field)
            n = common_prefix(stored, typed)
            if n > done:
                latency = now - self._times[field][done]
                self._committed[field] = n
                self._log(f"commit {field} {n} {latency:.6f}")


def stored_text(window: MainWindow, field: str) -> str:
    """What the book holds for a field (``title:0``, ``body:1``, ``action:1:0``)."""
    ws = window.ws
    if ws is None or ws.session.meeting_id is None:
        return ""
    return field_text(ws.book, ws.session.meeting_id, field)


def field_text(book: Any, meeting_id: int, field: str) -> str:
    kind, *where = field.split(":")
    items = book.items(meeting_id)
    i = int(where[0])
    if i >= len(items):
        return ""
    item = items[i]
    if kind == "title":
        return str(item.title)
    if kind == "body":
        return "\n".join(p.text for p in book.body(item.id))
    actions = book.actions(item.id)
    a = int(where[1])
    return str(actions[a].text) if a < len(actions) else ""


def common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def start_from_env(window: MainWindow) -> Typist | None:
    """Start typing if ``SCRUTINY_CRASH_SCRIPT`` names a script; the typist."""
    path = os.environ.get(ENV)
    if not path:
        return None
    typist = Typist(window, json.loads(Path(path).read_text(encoding="utf-8")))
    QTimer.singleShot(0, typist.start)
    return typist
