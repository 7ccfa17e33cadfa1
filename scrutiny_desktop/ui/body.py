"""An item's body as a text document: one block per paragraph, flags in the block format.

Sub-headings are bold, restricted paragraphs are tinted. The document is converted to
``Paragraph`` objects only when it is saved, never per keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QWidget

from scrutiny_desktop.domain.limits import PARAGRAPH
from scrutiny_desktop.domain.model import Paragraph
from scrutiny_desktop.ui import theme

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

HEADING = int(QTextFormat.Property.UserProperty) + 1
RESTRICTED = int(QTextFormat.Property.UserProperty) + 2


def block_format(heading: bool, restricted: bool) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(HEADING, heading)
    fmt.setProperty(RESTRICTED, restricted)
    if restricted:
        fmt.setBackground(theme.restricted_tint())
    return fmt


def char_format(heading: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if heading else QFont.Weight.Normal)
    return fmt


def build_document(paragraphs: Iterable[Paragraph], parent: QObject | None = None) -> QTextDocument:
    """A plain-text document holding ``paragraphs``, with an empty undo history."""
    doc = QTextDocument(parent)
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    doc.setUndoRedoEnabled(False)
    cursor = QTextCursor(doc)
    for i, p in enumerate(paragraphs):
        if i:
            cursor.insertBlock()
        cursor.setBlockFormat(block_format(p.heading, p.restricted))
        cursor.setBlockCharFormat(char_format(p.heading))
        cursor.insertText(p.text, char_format(p.heading))
    doc.setUndoRedoEnabled(True)
    doc.setModified(False)
    return doc


def to_paragraphs(doc: QTextDocument) -> tuple[Paragraph, ...]:
    """The document's non-blank blocks as paragraphs (text exactly as typed)."""
    out: list[Paragraph] = []
    block = doc.begin()
    while block.isValid():
        text = block.text().replace("\u2028", "\n")
        if text.strip():
            fmt = block.blockFormat()
            out.append(
                Paragraph(
                    text=text,
                    heading=bool(fmt.property(HEADING)),
                    restricted=bool(fmt.property(RESTRICTED)),
                )
            )
        block = block.next()
    return tuple(out)


def block_flag(cursor: QTextCursor, prop: int) -> bool:
    return bool(cursor.block().blockFormat().property(prop))


def toggle_flag(cursor: QTextCursor, prop: int) -> None:
    """Turn HEADING or RESTRICTED on (or off, if the first block has it) for the selected blocks.

    One edit block, so one undo step.
    """
    doc = cursor.document()
    first = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    on = not bool(first.blockFormat().property(prop))
    edit = QTextCursor(cursor)
    edit.beginEditBlock()
    block = first
    while block.isValid():
        c = QTextCursor(block)
        fmt = block.blockFormat()
        fmt.setProperty(prop, on)
        if prop == RESTRICTED:
            if on:
                fmt.setBackground(theme.restricted_tint())
            else:
                fmt.clearBackground()
        c.setBlockFormat(fmt)
        if prop == HEADING:
            c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            c.mergeCharFormat(char_format(on))
            c.mergeBlockCharFormat(char_format(on))
        if block == last:
            break
        block = block.next()
    edit.endEditBlock()


class BodyEditor(QPlainTextEdit):
    """The item body editor. Undo and redo belong to the window's undo stack, not to the editor.

    A paragraph longer than the book keeps (``domain.limits.PARAGRAPH``) is refused as it
    is typed or pasted, with ``refused`` saying why: text the book would not take is never
    left in the editor to be lost.
    """

    undo_requested = Signal()
    redo_requested = Signal()
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setAccessibleName("Item body")
        self.setPlaceholderText(
            "Type the minutes of this item. Enter starts a paragraph; "
            "Ctrl+Shift+H makes it a sub-heading, Ctrl+Shift+R marks it restricted."
        )
        #: Actions for the top of the context menu at a position (spelling suggestions),
        #: made as children of the menu given; set by whoever offers them.
        self.menu_first: Callable[[QWidget, QPoint, QMenu], list[QAction]] | None = None

    def keyPressEvent(self, e: QKeyEvent) -> None:
        # The only Python on a keystroke's path (an event() override would run for every
        # event and cost more than the typing itself), so the common case returns at once.
        if self.textCursor().block().length() > PARAGRAPH and e.text() and e.text().isprintable():
            self.refused.emit(_too_long(self.textCursor().block().length()))
            return
        key = e.key()
        text = e.text()
        if len(text) == 1 and text.isprintable() and not text.isspace():
            cursor = self.textCursor()
            pos = cursor.position()
            if not cursor.hasSelection() and (
                pos == 0 or self.document().characterAt(pos - 1).isspace()
            ):
                # A new word (after a space or a paragraph's start): a new undo step, so
                # Ctrl+Z goes back a word at a time, never a fragment ("el noted th").
                self.document().setModified(False)
        if key in _SPECIAL_KEYS:
            if _is_undo(e):
                # The editor took Ctrl+Z / Ctrl+Y for itself; hand it to the window's undo
                # stack, which covers typing and every other edit in one order.
                (self.undo_requested if e.matches(_UNDO) else self.redo_requested).emit()
                return
            if (
                e.modifiers() == Qt.KeyboardModifier.NoModifier
                and block_flag(self.textCursor(), HEADING)
                and key in _RETURN_KEYS
            ):
                # A paragraph after a sub-heading is ordinary text again.
                cursor = self.textCursor()
                fmt = cursor.blockFormat()
                fmt.setProperty(HEADING, False)
                cursor.insertBlock(fmt, char_format(False))
                self.setTextCursor(cursor)
                return
        super().keyPressEvent(e)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste, unless a paragraph would grow past what the book keeps."""
        text = source.text()
        cursor = self.textCursor()
        block = cursor.block()
        kept = block.length() - 1 - (cursor.selectionEnd() - cursor.selectionStart())
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        longest = max(len(lines[0]) + kept, *(len(line) for line in lines[1:]), 0)
        if longest > PARAGRAPH:
            self.refused.emit(_too_long(longest))
            return
        super().insertFromMimeData(source)

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(e.pos())
        for action in menu.actions():
            if action.objectName() in ("edit-undo", "edit-redo"):
                menu.removeAction(action)
        if self.menu_first is not None:
            from scrutiny_desktop.ui.spelling.menu import put_first  # when a menu opens

            put_first(menu, self.menu_first(self, e.pos(), menu))
        menu.exec(e.globalPos())
        menu.deleteLater()


_UNDO = QKeySequence.StandardKey.Undo
_RETURN_KEYS = (int(Qt.Key.Key_Return), int(Qt.Key.Key_Enter))
# Keys that might be undo/redo (any platform binding) or start a paragraph.
_SPECIAL_KEYS = frozenset(
    {int(Qt.Key.Key_Z), int(Qt.Key.Key_Y), int(Qt.Key.Key_Backspace), *_RETURN_KEYS}
)


def _too_long(chars: int) -> str:
    return (
        f"Not added: the paragraph would be {chars:,} characters long; the most a book keeps "
        f"in one paragraph is {PARAGRAPH:,}. Start a new paragraph (Enter)."
    )


def _is_undo(e: QKeyEvent) -> bool:
    return e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo)
