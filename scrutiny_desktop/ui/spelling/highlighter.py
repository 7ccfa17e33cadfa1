"""Misspelt words in a body document underlined with a red wavy line, paragraph by paragraph.

Like ``QSyntaxHighlighter`` this puts the marks in each paragraph's layout as additional
formats (``block.layout().formats()``), which the document never stores, undoes or saves;
and like it, it looks only at the paragraphs a change touched. It is not one, for speed,
measured (``bench/bench_spell_typing.py``):

* ``QSyntaxHighlighter`` sets a marked paragraph's formats again after every change, and
  Qt then lays the paragraph out afresh: about 0.45 ms a keystroke, four times the cost of
  the keystroke itself, for as long as a misspelling stays in the paragraph being typed.
  Here the formats are set only when the marks change.
* Checking on the keystroke's own path cost about 25 µs of Python a key (signal, cursor,
  paragraph text, the check), and even a slot that only noted where the change was cost
  12 µs (a tenth of a bare editor's keystroke). Here a keystroke runs no Python at all: Qt
  restarts a ``CHECK_MS`` timer (``contentsChanged``), and when it runs, between two
  keystrokes at ordinary speed, the paragraphs changed since the last check are checked.
  Typing changes only the paragraph at the cursor, which is seen from the document's and
  that paragraph's lengths; anything else (a paste, an undo, several paragraphs) is found
  by the paragraphs' revision numbers.

The word at the editor's cursor is left alone while it is being typed (``recom`` is on its
way to ``recommend``); it is checked once typing moves past it, or within ``PAUSE_MS`` of
the cursor leaving it, or when the editor loses the focus. The highlighter also tells,
through hooks, of what the minute-taker types: a paragraph with an unknown all-capital
word (``SpellingService.capitals_typed``, for glossary offers) and a paragraph holding the
standard phrases' trigger ``;`` at the cursor (``on_trigger``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)
from PySide6.QtWidgets import QPlainTextEdit

from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.spelling.service import SpellingService
from scrutiny_desktop.writing.phrases import TRIGGER
from scrutiny_desktop.writing.tokens import utf16_spans

Span = tuple[int, int]
TriggerHook = Callable[[], None]
CHECK_MS = 40  # the changed paragraphs are checked once typing pauses this long
PAUSE_MS = 1500  # how often a word left unchecked at the cursor is looked at again
_WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def misspelt_colour() -> QColor:
    """Word's red, and a lighter red that reads on a dark background."""
    return QColor("#ff6b6b" if theme.is_dark() else "#d0021b")


def misspelt_format() -> QTextCharFormat:
    """A red wavy underline, drawn the same in every style (not the style's spell-check line)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(_WAVE)
    fmt.setUnderlineColor(misspelt_colour())
    return fmt


def marked_spans(block: QTextBlock) -> list[Span]:
    """The ``(start, end)`` of every wavy underline on ``block`` (UTF-16 offsets)."""
    return [
        (r.start, r.start + r.length)
        for r in block.layout().formats()
        if r.format.underlineStyle() == _WAVE
    ]


def python_offset(text: str, utf16: int) -> int:
    """A Qt (UTF-16) offset into ``text`` as a Python string index."""
    if text.isascii():
        return utf16
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _all_capitals(word: str) -> bool:
    return len(word) > 1 and word.isupper()


class SpellingHighlighter(QObject):
    """Underlines the misspelt words of one document (a child of it, so gone with it).

    ``follow(editor)`` while the document is the one ``editor`` shows, so that the word
    being typed there is not marked yet; ``follow(None)`` when it is not shown.
    """

    def __init__(self, document: QTextDocument, service: SpellingService) -> None:
        super().__init__(document)
        self._document, self._service = document, service
        self._format = misspelt_format()
        self._editor: QPlainTextEdit | None = None
        self._waiting: QTextBlock | None = None
        # The document as last checked: its revision, paragraph and character counts,
        # redo steps, and the paragraph at the cursor (number, length).
        self._revision = -1
        self._counts = (0, 0, 0)
        self._here = (-1, 0)
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(CHECK_MS)
        self._check.timeout.connect(self.check_now)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.check_waiting)
        #: Called when a check finds ``;`` in the paragraph at the cursor.
        self.on_trigger: TriggerHook | None = None
        # Restarted by Qt itself on every change: no Python on the keystroke's path.
        document.contentsChanged.connect(self._check.start)
        service.changed.connect(self.respell)
        self.respell()

    def follow(self, editor: QPlainTextEdit | None) -> None:
        """Leave the word at ``editor``'s cursor unchecked while it is typed; None: check all."""
        self._editor = editor
        if editor is None:
            self.check_waiting()
        else:
            # The documents outlive the editor (the body store keeps them).
            editor.destroyed.connect(self._editor_gone, Qt.ConnectionType.UniqueConnection)

    def _editor_gone(self) -> None:
        self._editor = None

    def detach(self) -> None:
        """Stop checking this document and take its marks off (spell-check turned off)."""
        self._document.contentsChanged.disconnect(self._check.start)
        self._service.changed.disconnect(self.respell)
        self._check.stop()
        self._pause.stop()
        block = self._document.begin()
        while block.isValid():
            self._mark(block, [])
            block = block.next()
        self.deleteLater()

    def respell(self) -> None:
        """Check every paragraph again (the dictionary loaded, the known words changed)."""
        self._waiting = None
        self._remember(None)
        block = self._document.begin()
        while block.isValid():
            self._mark(block, self._service.misspellings(block.text()))
            block = block.next()

    def rehighlightBlock(self, block: QTextBlock) -> None:
        """Check one paragraph again, every word of it."""
        if block.isValid():
            self._mark(block, self._service.misspellings(block.text()))

    def check_waiting(self) -> None:
        """Check the word left unchecked at the cursor, if the cursor has left it."""
        waiting, self._waiting = self._waiting, None
        if waiting is None or not waiting.isValid():
            return
        editor = self._editor
        if editor is not None and editor.hasFocus():
            cursor = editor.textCursor()
            if cursor.block() == waiting and _touches_word(
                waiting.text(), cursor.positionInBlock()
            ):
                self._waiting = waiting  # still at it; the next pause looks again
                self._pause.start()
                return
        self.rehighlightBlock(waiting)

    def _remember(self, here: QTextBlock | None) -> None:
        document = self._document
        self._revision = document.revision()
        self._counts = (
            document.blockCount(),
            document.characterCount(),
            document.availableRedoSteps(),
        )
        self._here = (here.blockNumber(), here.length()) if here is not None else (-1, 0)

    def _typed_here(self, here: QTextBlock) -> bool:
        """True when only ``here`` can have changed since the last check: the document's
        paragraphs and redo steps are as they were, the cursor is in the same paragraph,
        and the document grew or shrank by what that paragraph did."""
        document = self._document
        blocks, chars, redo = self._counts
        number, length = self._here
        return (
            here.blockNumber() == number
            and document.blockCount() == blocks
            and document.availableRedoSteps() == redo
            and document.characterCount() - chars == here.length() - length
        )

    def check_now(self) -> None:
        """Check the paragraphs changed since the last check (the timer's work)."""
        self._check.stop()
        document = self._document
        if document.revision() == self._revision:
            return
        since = self._revision
        editor = self._editor
        cursor = editor.textCursor() if editor is not None else None
        here = cursor.block() if cursor is not None else None
        if here is not None and cursor is not None and self._typed_here(here):
            self._check_block(here, cursor)
            self._remember(here)
            return
        changed = []
        block = document.begin()
        while block.isValid():
            if block.revision() > since:
                changed.append(block)
            block = block.next()
        if not changed or document.availableRedoSteps() != self._counts[2]:
            # An undo or a redo: it puts paragraphs' old revisions back, so check them
            # all; and nothing was typed, so every word is checked, the cursor's too.
            cursor, changed = None, []
            block = document.begin()
            while block.isValid():
                changed.append(block)
                block = block.next()
        for block in changed:
            self._check_block(block, cursor)
        self._remember(here)

    def _check_block(self, block: QTextBlock, cursor: QTextCursor | None) -> None:
        text = block.text()
        typing_at: int | None = None
        if cursor is not None and cursor.block() == block:
            typing_at = python_offset(text, cursor.positionInBlock())
            self._waiting = block
            if not self._pause.isActive():
                self._pause.start()
            if self.on_trigger is not None and TRIGGER in text:
                self.on_trigger()
        spans = self._service.misspellings(text, typing_at)
        self._mark(block, spans)
        if spans and any(_all_capitals(text[a:b]) for a, b in spans):
            self._service.capitals_typed.emit(text)

    def _mark(self, block: QTextBlock, spans: list[Span]) -> None:
        """Put wavy underlines on ``spans`` of ``block``, touching the layout only if they changed."""
        if not spans and block.userState() <= 0:
            return  # unmarked and staying so: the usual case, and nothing to lay out again
        layout = block.layout()
        if layout.preeditAreaText():
            return  # an input method is composing here; its own formats come first
        text = block.text()
        wanted = utf16_spans(text, spans)
        if wanted == [(r.start, r.start + r.length) for r in layout.formats()]:
            return
        ranges = []
        for a, b in wanted:
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = a, b - a, self._format
            ranges.append(r)
        layout.setFormats(ranges)
        block.setUserState(len(ranges))
        self._document.markContentsDirty(block.position(), block.length())


def _touches_word(text: str, at: int) -> bool:
    """True while offset ``at`` of ``text`` is inside or at the edge of a word."""
    before = text[at - 1] if 0 < at <= len(text) else " "
    after = text[at] if 0 <= at < len(text) else " "
    return not before.isspace() or not after.isspace()
