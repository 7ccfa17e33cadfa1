"""An item's body as a text document: one block per paragraph, flags in the block format.

Sub-headings are bold, restricted paragraphs are tinted, bulleted paragraphs (list items)
have a bullet in the margin. The document is converted to ``Paragraph`` objects only
when it is saved, never per keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
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
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

HEADING = int(QTextFormat.Property.UserProperty) + 1
RESTRICTED = int(QTextFormat.Property.UserProperty) + 2
BULLET = int(QTextFormat.Property.UserProperty) + 3
"""A list item; never a sub-heading as well (turning either on turns the other off)."""
_ONE_OF = {HEADING: BULLET, BULLET: HEADING}


def block_format(heading: bool, restricted: bool, bullet: bool = False) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(HEADING, heading)
    fmt.setProperty(RESTRICTED, restricted)
    fmt.setProperty(BULLET, bullet and not heading)
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
        cursor.setBlockFormat(block_format(p.heading, p.restricted, p.bullet))
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
            heading = bool(fmt.property(HEADING))
            out.append(
                Paragraph(
                    text=text,
                    heading=heading,
                    restricted=bool(fmt.property(RESTRICTED)),
                    bullet=bool(fmt.property(BULLET)) and not heading,
                )
            )
        block = block.next()
    return tuple(out)


def block_flag(cursor: QTextCursor, prop: int) -> bool:
    return bool(cursor.block().blockFormat().property(prop))


def toggle_flag(cursor: QTextCursor, prop: int) -> None:
    """Turn HEADING, RESTRICTED or BULLET on (or off, if the first block has it) for the
    selected blocks; a sub-heading made a list item is no longer one, and the other way.

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
        was_heading = bool(fmt.property(HEADING))
        fmt.setProperty(prop, on)
        if on and prop in _ONE_OF:
            fmt.setProperty(_ONE_OF[prop], False)
        if prop == RESTRICTED:
            if on:
                fmt.setBackground(theme.restricted_tint())
            else:
                fmt.clearBackground()
        c.setBlockFormat(fmt)
        heading = bool(fmt.property(HEADING))
        if heading != was_heading:
            c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            c.mergeCharFormat(char_format(heading))
            c.mergeBlockCharFormat(char_format(heading))
        if block == last:
            break
        block = block.next()
    edit.endEditBlock()


class BulletMargin(QWidget):
    """The strip left of the minutes where each list item's bullet is drawn (the plain
    text layout draws no indents or list markers of its own)."""

    def __init__(self, editor: BodyEditor) -> None:
        super().__init__(editor)
        self._editor = editor
        self.setAccessibleName("Bullets")
        # Painted whole here: otherwise each repaint as a key is typed paints the editor's
        # frame beneath it too (twice the time per keystroke).
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, e: QPaintEvent) -> None:
        editor, area = self._editor, e.rect()
        # From the paragraph at the top of what is repainted (one line as a key is typed).
        block = editor.cursorForPosition(QPoint(0, area.top())).block()
        top = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).top()
        painter = QPainter(self)
        # As fillRect: PySide6 resolving fillRect's overloads made QGradient's types and
        # its 180 presets, 2-3 ms of the window's first paint.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(editor.palette().base())
        painter.drawRect(area)
        painter.setPen(editor.palette().text().color())
        line = editor.fontMetrics().lineSpacing()
        while block.isValid() and top <= area.bottom():
            height = editor.blockBoundingRect(block).height()
            if top + height >= area.top() and block.blockFormat().property(BULLET):
                painter.drawText(
                    QRect(0, round(top), self.width(), line), Qt.AlignmentFlag.AlignRight, "•"
                )
            top += height
            block = block.next()
        painter.end()


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
            "Ctrl+Shift+H makes it a sub-heading, Ctrl+Shift+8 a bulleted one, "
            "Ctrl+Shift+R marks it restricted."
        )
        #: Actions for the top of the context menu at a position (spelling suggestions),
        #: made as children of the menu given; set by whoever offers them.
        self.menu_first: Callable[[QWidget, QPoint, QMenu], list[QAction]] | None = None
        self.bullets = BulletMargin(self)
        # Whether the minutes shown have a list item: until they do, the margin is not
        # repainted as keys are typed (a repaint per keystroke costs a third more time).
        # Looked for again when paragraphs come or go and when formats change (the same
        # number of characters out as in: a toggle, or its undo).
        self._listed = False
        self.setViewportMargins(self.fontMetrics().horizontalAdvance("•") * 3, 0, 0, 0)
        self.updateRequest.connect(self._update_bullets)
        self.blockCountChanged.connect(self._find_bullets)
        self._watch(self.document())

    def setDocument(self, document: QTextDocument) -> None:
        super().setDocument(document)
        self._watch(document)

    def _watch(self, document: QTextDocument) -> None:
        if not document.property(_WATCHED):  # each item's minutes, watched once
            document.setProperty(_WATCHED, True)
            document.contentsChange.connect(self._contents_changed)
        self._find_bullets()

    def _contents_changed(self, _position: int, removed: int, added: int) -> None:
        if removed == added:
            self._find_bullets()

    def _find_bullets(self) -> None:
        block, listed = self.document().begin(), False
        while block.isValid() and not listed:
            listed = bool(block.blockFormat().property(BULLET))
            block = block.next()
        if listed or self._listed:
            self.bullets.update()
        self._listed = listed

    def _update_bullets(self, rect: QRect, dy: int) -> None:
        if dy:
            self.bullets.scroll(0, dy)
        elif self._listed:
            self.bullets.update(0, rect.y(), self.bullets.width(), rect.height())

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        inside = self.contentsRect()
        width = self.viewportMargins().left()
        self.bullets.setGeometry(inside.left(), inside.top(), width, inside.height())

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
            if e.modifiers() == Qt.KeyboardModifier.NoModifier and key in _RETURN_KEYS:
                cursor = self.textCursor()
                if block_flag(cursor, HEADING):
                    # A paragraph after a sub-heading is ordinary text again.
                    fmt = cursor.blockFormat()
                    fmt.setProperty(HEADING, False)
                    cursor.insertBlock(fmt, char_format(False))
                    self.setTextCursor(cursor)
                    return
                if block_flag(cursor, BULLET) and not cursor.block().text().strip():
                    # Enter on an empty list item ends the list (the next one goes on it).
                    toggle_flag(cursor, BULLET)
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
_WATCHED = "bullets_watched"
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
