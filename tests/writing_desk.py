"""The writing aids on a desk of their own: the reference meeting open in a ``Workspace``, a
``Context`` on a plain ``QWidget`` holding the agenda and actions panes, the
``WritingController`` attached, and its commands bound to their shortcuts as the window
will bind them. One en-GB speller is loaded for the whole session.

A test module makes its ``desk`` fixture with ``yield from open_desk(qtbot, tmp_path, seed_path)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QUndoStack
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.body import BodyEditor
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.controllers.writing import WRITING_COMMANDS, WritingController
from scrutiny_desktop.ui.spelling.highlighter import SpellingHighlighter, marked_spans
from scrutiny_desktop.ui.spelling.service import SpellingService
from scrutiny_desktop.ui.workspace import Workspace
from scrutiny_desktop.writing.speller import Speller


class Desk:
    """What a test of the writing aids drives and reads."""

    def __init__(self, qtbot: QtBot, book: Book, meeting_id: int, speller: Speller, tmp: Path):
        self.qtbot = qtbot
        self.book, self.meeting_id = book, meeting_id
        self.stack = QUndoStack()
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.told: list[str] = []
        self.ctx = Context(self.window, self.stack, lambda m, ms: self.told.append(m), None, tmp)
        self.ws = Workspace(book, self.stack, self.ctx.push, save_delay_ms=50)
        self.ctx.workspace = self.ws
        self.controller = WritingController(self.ctx, SpellingService(lambda: speller))
        panes = QHBoxLayout()
        panes.addWidget(self.ws.agenda_pane, 2)
        panes.addWidget(self.ws.actions_pane, 1)
        layout = QVBoxLayout(self.window)
        layout.addLayout(panes, 1)
        layout.addWidget(self.controller.offer_bar)  # where the window's status bar has it
        self.ws.open_meeting(meeting_id)
        self.ctx.workspace_changed.emit()
        self.actions: dict[str, QAction] = {}
        slots = self.controller.slots()
        for c in WRITING_COMMANDS:
            action = QAction(c.text, self.window)
            action.setShortcut(QKeySequence(c.keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slots[c.name])
            self.window.addAction(action)
            self.actions[c.name] = action
        self.window.resize(1100, 700)

    @property
    def editor(self) -> BodyEditor:
        return self.ws.agenda_pane.editor

    def show(self) -> None:
        """Show the desk, active, with the keyboard in the minutes of the current item."""
        self.window.show()
        self.window.activateWindow()
        self.qtbot.waitActive(self.window)
        self.editor.setFocus()
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is self.editor)

    def go_to_item(self, number: int) -> int:
        item_id = self.ws.items.items()[number - 1].id
        assert item_id is not None
        self.ws.agenda_pane.select_item(item_id)
        return item_id

    def highlighter(self) -> SpellingHighlighter:
        found = self.editor.document().findChild(SpellingHighlighter)
        assert isinstance(found, SpellingHighlighter)
        return found

    def new_paragraph(self) -> None:
        """The cursor at the end of the minutes, in a new paragraph."""
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.qtbot.keyClick(self.editor, Qt.Key.Key_Return)

    def type(self, text: str) -> None:
        """Type ``text`` where the cursor is, then let the pause's check run."""
        self.qtbot.keyClicks(self.editor, text)
        self.highlighter().check_now()

    def paragraph(self) -> str:
        return self.editor.textCursor().block().text()

    def marked(self) -> list[str]:
        """The words marked misspelt in the paragraph at the cursor, in order."""
        block = self.editor.textCursor().block()
        return [block.text()[a:b] for a, b in marked_spans(block)]

    def marked_anywhere(self) -> list[str]:
        """The words marked misspelt anywhere in the minutes shown, in order."""
        words: list[str] = []
        block = self.editor.document().begin()
        while block.isValid():
            words += [block.text()[a:b] for a, b in marked_spans(block)]
            block = block.next()
        return words


@cache
def shared_speller() -> Speller:
    """One loaded en-GB speller for every test (loading takes about 0.1 s)."""
    loaded = Speller()
    loaded.load()
    return loaded


def open_desk(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Desk]:
    """The reference meeting with the writing aids attached and their dictionary loaded
    (for a test module's ``desk`` fixture: ``yield from open_desk(...)``)."""
    book = Book.create(tmp_path / "book.sqlite")
    meeting_id = book.import_minutes(interchange.load(seed_path))
    made = Desk(qtbot, book, meeting_id, shared_speller(), tmp_path)
    made.controller.start_now()
    yield made
    made.ws.close()
