"""Faults while a book is open, through the window: nothing typed is dropped, ever.

Disk full is made with the book's seam (``fail_next_write``, re-armed before every
commit while "the disk is full"); moved and deleted are real: the file is renamed or
unlinked under the open window.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book, backup
from scrutiny_desktop.book.errors import DamagedBook
from scrutiny_desktop.book.lock import lock_path
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.launch import example_path
from scrutiny_desktop.ui.lock_dialog import LockDialog
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.models.actions import TEXT

TYPED = "Typed while the book could not be saved"
Make = Callable[..., MainWindow]


@pytest.fixture
def window_on(qtbot: QtBot, tmp_path: Path) -> Iterator[Make]:
    """A window on a book with fast saving and retrying (backups off unless asked)."""
    made: list[MainWindow] = []

    def make(book: Path, *, backups: bool = False, ok: bool = True) -> MainWindow:
        window = MainWindow(
            None, tmp_path / "data", example_path(), save_delay_ms=50, retry_ms=50, backups=backups
        )
        qtbot.addWidget(window)
        assert window.open_book(book) is ok
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.books.discard_kept = True  # a test that left the book failing
        window.close()


class DiskFull:
    """The book's seam, re-armed before every commit while ``full``."""

    def __init__(self, book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = True
        before = book._before_commit

        def failing() -> None:
            if self.full:
                book.fail_next_write(sqlite3.OperationalError("database or disk is full"))
            before()

        monkeypatch.setattr(book, "_before_commit", failing)


def _body(path: Path, number: int = 1) -> str:
    with Book.open(path, read_only=True) as book:
        meeting = book.meetings()[0]
        assert meeting.id is not None
        item = book.items(meeting.id)[number - 1]
        assert item.id is not None
        return "\n".join(p.text for p in book.body(item.id))


def _type_in_body(window: MainWindow, qtbot: QtBot, text: str) -> None:
    """Key presses at the end of the current item's body, then the save (as on focus out)."""
    assert window.ws is not None
    editor = window.ws.agenda_pane.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " " + text)
    window.ws.bodies.flush()


def test_disk_full_banner_keeps_typing_and_action_edits_then_recovers(
    window_on: Make, example_book: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(example_book)
    ws = window.ws
    assert ws is not None
    disk = DiskFull(ws.book, monkeypatch)
    _type_in_body(window, qtbot, TYPED)
    # The banner says what happened and that the typing is safe; it stays.
    assert window.books.banner.isVisible()
    text = window.books.banner.label.text()
    assert "can no longer be saved: the disk is full" in text
    assert "Your typing is kept in the window" in text
    assert "Not saved" in window.books.saved_label.text()
    assert TYPED in ws.agenda_pane.editor.toPlainText()
    assert TYPED not in _body(example_book)
    # An action edited while the disk is full is shown, kept, and not in the book yet.
    ws.agenda_pane.select_item(ws.items.items()[2].id or 0)
    assert ws.actions.rowCount() > 0
    index = ws.actions.index(0, TEXT)
    assert ws.actions.setData(index, "Action text typed during the fault")
    assert ws.actions.data(index) == "Action text typed during the fault"
    assert ws.session.pending == 2
    qtbot.wait(200)  # retries keep failing; nothing is dropped
    assert window.books.banner.failing and ws.session.pending == 2
    # Space is freed: the retry replays the kept edits, in order, and says so.
    disk.full = False
    qtbot.waitUntil(lambda: not window.books.banner.failing, timeout=3000)
    assert "Saving works again" in window.books.banner.label.text()
    assert ws.session.pending == 0
    assert TYPED in _body(example_book)
    with Book.open(example_book, read_only=True) as book:
        texts = [
            a.text for i in book.items(book.meetings()[0].id or 0, full=True) for a in i.actions
        ]
    assert "Action text typed during the fault" in texts


def test_moved_book_keeps_typing_until_it_is_put_back(
    window_on: Make, example_book: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = window_on(example_book)
    elsewhere = tmp_path / "moved away.sqlite"
    os.rename(example_book, elsewhere)
    _type_in_body(window, qtbot, TYPED)
    assert "was moved or renamed" in window.books.banner.label.text()
    qtbot.wait(150)
    assert window.books.banner.failing
    os.rename(elsewhere, example_book)
    qtbot.waitUntil(lambda: not window.books.banner.failing, timeout=3000)
    assert TYPED in _body(example_book)


def test_deleted_book_save_a_copy_and_continue_in_it(
    window_on: Make, example_book: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = window_on(example_book)
    example_book.unlink()
    _type_in_body(window, qtbot, TYPED)
    assert "was deleted" in window.books.banner.label.text()
    copy = tmp_path / "rescued.sqlite"
    assert window.save_copy_to(copy, switch=True)
    assert not window.books.banner.failing
    assert str(copy) in window.windowTitle()
    assert TYPED in _body(copy)
    _type_in_body(window, qtbot, "and carried on in the copy")
    assert "and carried on in the copy" in _body(copy)


def test_save_a_copy_menu_with_edits_pending(
    window_on: Make, example_book: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = window_on(example_book)
    assert window.ws is not None
    editor = window.ws.agenda_pane.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "still in the editor")  # not yet saved: the timer is running
    assert window.ws.bodies.pending
    window.act["save_copy"].trigger()
    dialog = window.findChild(QFileDialog, "copy_file_dialog")
    assert dialog is not None and dialog.isVisible()
    copy = tmp_path / "copy.sqlite"
    dialog.selectFile(str(copy))
    dialog.accept()
    qtbot.waitUntil(copy.exists, timeout=2000)
    assert "still in the editor" in _body(copy)
    assert "Saved a complete copy" in window.statusBar().currentMessage()
    assert str(example_book) in window.windowTitle()  # not in a fault: stays on the book


def test_copy_during_a_fault_holds_the_kept_edits(
    window_on: Make,
    example_book: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = window_on(example_book)
    assert window.ws is not None
    DiskFull(window.ws.book, monkeypatch)
    _type_in_body(window, qtbot, TYPED)
    # While failing, the menu asks first whether to carry on in the copy.
    window.act["save_copy"].trigger()
    box = window.findChild(QMessageBox, "copy_question")
    assert box is not None and "Continue working in the copy" in box.text()
    box.reject()
    copy = tmp_path / "just a copy.sqlite"
    assert window.save_copy_to(copy, switch=False)
    assert TYPED in _body(copy)
    assert TYPED not in _body(example_book)
    assert window.books.banner.failing  # still on the failing book, still retrying


def test_closing_while_edits_are_kept_asks(
    window_on: Make, example_book: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(example_book)
    assert window.ws is not None
    DiskFull(window.ws.book, monkeypatch)
    _type_in_body(window, qtbot, TYPED)
    assert not window.close()
    box = window.findChild(QMessageBox, "close_question")
    assert box is not None and "only in this window" in box.text()
    assert window.ws is not None and TYPED in window.ws.agenda_pane.editor.toPlainText()
    box.reject()


def test_read_only_book_says_why_and_disables_editing(window_on: Make, example_book: Path) -> None:
    window = MainWindow(None, example_book.parent / "data", example_path(), backups=False)
    assert window.open_book(example_book, read_only=True)
    assert "(read-only)" in window.windowTitle()
    assert window.books.read_only_label.text() == "Read-only: opened read-only as asked"
    for name in ("new_item", "new_action", "add_person", "new_meeting", "header"):
        assert not window.act[name].isEnabled(), name
    assert window.act["save_copy"].isEnabled()
    window.close()


def test_second_instance_is_refused_and_offered_read_only(
    window_on: Make, example_book: Path, qtbot: QtBot
) -> None:
    holder = Book.open(example_book, lock=True)  # the other running instance
    try:
        window = MainWindow(None, example_book.parent / "data", example_path(), backups=False)
        qtbot.addWidget(window)
        window.show()
        assert not window.open_book(example_book)
        dialog = window.findChild(LockDialog)
        assert dialog is not None and dialog.isVisible()
        assert "already open for writing in another Scrutiny Desktop window" in dialog.text()
        assert f"pid {os.getpid()}" in dialog.informativeText()
        dialog.read_only_button.click()
        qtbot.waitUntil(lambda: window.ws is not None, timeout=2000)
        assert window.ws is not None and window.ws.book.read_only
        assert "(read-only)" in window.windowTitle()
        window.close()
        # Cancel leaves the window without the book.
        other = MainWindow(None, example_book.parent / "data", example_path(), backups=False)
        qtbot.addWidget(other)
        assert not other.open_book(example_book)
        box = other.findChild(LockDialog)
        assert box is not None
        box.cancel_button.click()
        qtbot.wait(20)
        assert other.ws is None
        other.close()
    finally:
        holder.close()


def test_stale_lock_is_taken_over_silently(window_on: Make, example_book: Path) -> None:
    lock_path(example_book).write_text(
        json.dumps({"pid": 999_999, "host": os.uname().nodename, "since": "2020-01-01T00:00:00"})
    )
    window = window_on(example_book)
    assert window.ws is not None and not window.ws.book.read_only
    assert window.findChild(LockDialog) is None


def test_backup_on_open_keeps_the_last_ten(
    window_on: Make, example_book: Path, qtbot: QtBot
) -> None:
    start = datetime(2020, 1, 1, 9, 0, 0)
    for n in range(10):
        backup.snapshot(example_book, now=start + timedelta(minutes=n))
    oldest = backup.backups(example_book)[0]
    window = window_on(example_book, backups=True)
    qtbot.waitUntil(
        lambda: "Backup made on opening" in window.statusBar().currentMessage(), timeout=5000
    )
    kept = backup.backups(example_book)
    assert len(kept) == 10 and oldest not in kept
    assert kept[-1].stat().st_size > 0


def test_a_damaged_book_found_by_the_backup_is_serious(
    window_on: Make, example_book: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(*_: object, **__: object) -> Path:
        raise DamagedBook(f"{example_book} is damaged (page 3 is never used)")

    monkeypatch.setattr(backup, "snapshot", damaged)
    window = window_on(example_book, backups=True)
    qtbot.waitUntil(lambda: window.books.banner.isVisible(), timeout=5000)
    assert "This book is damaged" in window.books.banner.label.text()


def _asked(window: MainWindow) -> QMessageBox | None:
    """The question shown before the book is left (an answered one is deleted later)."""
    shown = [b for b in window.findChildren(QMessageBox, "close_question") if b.isVisible()]
    assert len(shown) <= 1
    return shown[0] if shown else None


def _answer(window: MainWindow, button_text: str) -> None:
    """Click a button of the question asked before the book is left."""
    box = _asked(window)
    assert box is not None and "only in this window" in box.text()
    button = next(b for b in box.buttons() if b.text() == button_text)
    button.click()


def _leave_by(
    how: str, window: MainWindow, other: Path, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Leave the book through File ▸ ``how`` (the file dialogs answered ``other``)."""
    asked: list[str] = []

    def open_name(*_: object) -> tuple[str, str]:
        asked.append("open")
        return str(other), ""

    def save_name(*_: object) -> tuple[str, str]:
        asked.append("save")
        return str(other), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    if how == "welcome":
        window.show_welcome()
    else:
        window.act[how].trigger()
    return asked


LEAVING = ["open_book", "new_book", "open_example", "welcome"]


@pytest.mark.parametrize("how", LEAVING)
def test_leaving_the_book_while_edits_are_kept_asks_and_keeping_the_window_keeps_them(
    window_on: Make,
    example_book: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    how: str,
) -> None:
    window = window_on(example_book)
    ws = window.ws
    assert ws is not None
    disk = DiskFull(ws.book, monkeypatch)
    _type_in_body(window, qtbot, TYPED)
    assert ws.session.pending
    other = tmp_path / "other.sqlite"
    if how == "open_book":
        Book.create(other).close()
    asked = _leave_by(how, window, other, monkeypatch)
    assert asked == []  # asked first, before any file is chosen or made
    _answer(window, "&Keep the window open")
    # Nothing was left: the same book, the kept edits, the retry going on.
    assert window.ws is ws and ws.session.pending and window.books.banner.failing
    assert TYPED in ws.agenda_pane.editor.toPlainText()
    assert str(example_book) in window.windowTitle()
    assert not list((tmp_path / "data").glob("example-meeting*.sqlite"))
    # Space is freed: the kept edits reach the book after all.
    disk.full = False
    qtbot.waitUntil(lambda: not window.books.banner.failing, timeout=3000)
    assert ws.session.pending == 0
    assert TYPED in _body(example_book)


def test_opening_another_book_and_losing_the_kept_edits_asks_again_in_the_next_book(
    window_on: Make,
    example_book: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = window_on(example_book)
    assert window.ws is not None
    DiskFull(window.ws.book, monkeypatch)
    _type_in_body(window, qtbot, TYPED)
    other = tmp_path / "other.sqlite"
    with Book.create(other) as book:
        book.import_minutes(interchange.load(example_path()))
    asked = _leave_by("open_book", window, other, monkeypatch)
    _answer(window, "&Close and lose them")
    assert asked == ["open"]
    assert window.ws is not None and window.ws.book.path == other
    assert TYPED not in _body(example_book)  # as the person chose
    # The choice was for that book only: kept edits in this one are asked about again.
    DiskFull(window.ws.book, monkeypatch)
    _type_in_body(window, qtbot, "kept in the second book")
    assert not window.close()
    _answer(window, "&Keep the window open")
    assert window.ws is not None and window.ws.book.path == other


def test_leaving_a_book_whose_saving_recovers_on_the_retry_does_not_ask(
    window_on: Make,
    example_book: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = window_on(example_book)
    assert window.ws is not None
    disk = DiskFull(window.ws.book, monkeypatch)
    _type_in_body(window, qtbot, TYPED)
    disk.full = False  # freed just before: the retry on leaving saves everything
    window.show_welcome()
    assert _asked(window) is None
    assert window.ws is None
    assert TYPED in _body(example_book)
