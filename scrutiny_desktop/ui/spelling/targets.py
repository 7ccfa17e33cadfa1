"""The misspelt word at (or just before) the cursor, in the minutes or in a one-line field,
and how to put a suggestion in its place as one undo step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from scrutiny_desktop.ui.spelling.highlighter import python_offset
from scrutiny_desktop.ui.spelling.service import SpellingService
from scrutiny_desktop.writing.tokens import utf16_spans

Span = tuple[int, int]


@dataclass(frozen=True)
class MisspeltWord:
    """A misspelt word in a widget: ``replace`` puts another in its place (one undo step);
    ``anchor`` is where, on the screen, a popup about it goes (just below the word)."""

    word: str
    replace: Callable[[str], None]
    anchor: QPoint


def cursor_rect(edit: QLineEdit) -> QRect:
    """``edit.cursorRect()`` through the public input-method query (the method is protected)."""
    rect = edit.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    return rect if isinstance(rect, QRect) else edit.rect()


def span_near(spans: Sequence[Span], at: int, *, before: bool = True) -> Span | None:
    """The span holding ``at`` (or touching it), else (``before``) the last one ending before it."""
    last: Span | None = None
    for a, b in spans:
        if a <= at <= b:
            return (a, b)
        if b < at and before:
            last = (a, b)
    return last


def body_word(
    editor: QPlainTextEdit,
    service: SpellingService,
    after_edit: Callable[[], None],
    cursor: QTextCursor | None = None,
) -> MisspeltWord | None:
    """The misspelt word at ``cursor`` or, given no cursor, at or just before the editor's
    own in its paragraph; None when there is none. ``after_edit`` runs after a replacement
    (the window seals the undo step there, so the next typing is a step of its own)."""
    near = cursor is None
    cursor = cursor or editor.textCursor()
    block = cursor.block()
    text = block.text()
    at = python_offset(text, cursor.positionInBlock())
    span = span_near(service.misspellings(text), at, before=near)
    if span is None:
        return None
    [(a, b)] = utf16_spans(text, [span])
    start, end = block.position() + a, block.position() + b

    def replace(word: str) -> None:
        edit = QTextCursor(editor.document())
        edit.setPosition(start)
        edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        edit.beginEditBlock()  # one edit block: one step of the document's history
        edit.insertText(word)
        edit.endEditBlock()
        editor.setTextCursor(edit)
        after_edit()

    place = QTextCursor(editor.document())
    place.setPosition(start)
    rect = editor.cursorRect(place)
    return MisspeltWord(
        text[span[0] : span[1]], replace, editor.viewport().mapToGlobal(rect.bottomLeft())
    )


def line_word(
    edit: QLineEdit, service: SpellingService, at: int | None = None
) -> MisspeltWord | None:
    """The misspelt word at ``at``, or at or just before the cursor, in a one-line field."""
    text = edit.text()
    position = edit.cursorPosition() if at is None else at
    span = span_near(service.misspellings(text), python_offset(text, position), before=at is None)
    if span is None:
        return None
    [(a, b)] = utf16_spans(text, [span])

    def replace(word: str) -> None:
        # The field's own undo keeps it; its usual saving (textEdited) writes it.
        edit.setSelection(a, b - a)
        edit.insert(word)

    return MisspeltWord(
        text[span[0] : span[1]], replace, edit.mapToGlobal(cursor_rect(edit).bottomLeft())
    )


def word_in(
    widget: QWidget | None,
    service: SpellingService,
    after_edit: Callable[[], None],
    pos: QPoint | None = None,
) -> MisspeltWord | None:
    """The misspelt word where ``pos`` is (as a context menu event gives it: the viewport's
    coordinates for the minutes, the field's for a line), or at or before the cursor."""
    if isinstance(widget, QPlainTextEdit):
        cursor = None if pos is None else widget.cursorForPosition(pos)
        return body_word(widget, service, after_edit, cursor)
    if isinstance(widget, QLineEdit):
        at = None if pos is None else widget.cursorPositionAt(pos)
        return line_word(widget, service, at)
    return None
