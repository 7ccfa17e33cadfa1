"""The session ending saves the last typing (issue 13, finding 9).

What is typed reaches the book within the save delay (half a second). A logout or
shutdown sends SIGTERM (a lost terminal, SIGHUP) and used to end the process at once,
losing that last half second. The real application runs in a child here, typing as in
the crash test (``bench/crash_child.py``, ``bench/typist.py``); the signal is sent right
after a keystroke, and every key the journal says was typed before it must be in the book.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bench import crash_test
from tests.conftest import ROOT
from tests.gui.conftest import Keys, WindowFactory


def _entries(journal: Path) -> list[str]:
    """What each whole journal line records ("ready", "key", "commit", ...), in order."""
    if not journal.exists():
        return []
    return [line[2] for line in crash_test.read_journal(journal) if len(line) > 2]


def _keys(journal: Path) -> int:
    return _entries(journal).count("key")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_to_end_the_session_saves_the_last_typing(
    tmp_path: Path, signum: signal.Signals
) -> None:
    book, journal, script = tmp_path / "book.sqlite", tmp_path / "j", tmp_path / "s.json"
    crash_test.make_book(book)
    script.write_text(
        json.dumps(crash_test.make_script(random.Random(13), journal, 30)), encoding="utf-8"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SCRUTINY_CRASH_SCRIPT=str(script),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    with subprocess.Popen(  # leaving the block closes its pipe and waits for it
        [sys.executable, "-m", "bench.crash_child", str(book)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as child:
        try:
            # Typing for a while, into several fields; then the signal, straight after a key.
            while _keys(journal) < 60 and child.poll() is None:
                time.sleep(0.01)
            while child.poll() is None and _entries(journal)[-1] != "key":
                time.sleep(0.001)
            child.send_signal(signum)
            sent = time.monotonic()
            _, err = child.communicate(timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
    assert child.returncode == 0, err.decode()[-2000:]  # it quit, rather than being killed
    trial = crash_test.Trial()
    crash_test.check(book, journal, sent, trial)
    assert trial.problems == [] and trial.lost == 0
    assert trial.checked > 50


def test_the_session_manager_asking_to_save_saves_the_typing(
    make_window: WindowFactory, example_book: Path, keys: Keys, qtbot: QtBot
) -> None:
    """``commitDataRequest`` (logout): saved now, and the window stays open (logout may be cancelled)."""
    from scrutiny_desktop.ui.session_end import SessionEnd

    window = make_window(example_book)
    app = QApplication.instance()
    assert isinstance(app, QApplication) and window.ws is not None
    ending = SessionEnd(app, window, signals=())
    try:
        keys.ctrl(Qt.Key.Key_3)
        keys.type(" Typed just before logging out")
        item_id = window.ws.agenda_pane.item_id
        assert item_id is not None
        ending.commit_data()  # what commitDataRequest runs
        body = " ".join(p.text for p in window.ws.book.body(item_id))
        assert "Typed just before logging out" in body
        assert window.ws is not None and window.isVisible()
    finally:
        ending.uninstall()


def test_quitting_saves_the_typing_and_closes_the_book(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    from scrutiny_desktop.book import Book
    from scrutiny_desktop.ui.session_end import SessionEnd

    window = make_window(example_book)
    app = QApplication.instance()
    assert isinstance(app, QApplication) and window.ws is not None
    ending = SessionEnd(app, window, signals=())
    try:
        keys.ctrl(Qt.Key.Key_3)
        keys.type(" Typed just before quitting")
        item_id = window.ws.agenda_pane.item_id
        app.aboutToQuit.emit()
        assert window.ws is None  # closed, the lock released
        with Book.open(example_book, lock=True) as book:
            assert item_id is not None
            body = " ".join(p.text for p in book.body(item_id))
            assert "Typed just before quitting" in body
    finally:
        ending.uninstall()
