"""Standard phrases typed in the minutes: ``;agreed`` then Tab becomes the clerk's formula,
and a popup lists the phrases matching the abbreviation as it is typed.

The editor keeps Tab for moving the focus (``setTabChangesFocus``), and Qt moves the focus
before any shortcut sees a Tab, so the keys are watched by an event filter; but not always,
since a filter on the editor runs Python for every event it gets (several per keystroke).
The spelling highlighter's check, which runs once typing pauses for ``CHECK_MS`` (40 ms,
so between any two keys a person types), calls ``trigger_typed`` when the paragraph at the
cursor holds ``;``: from then until the abbreviation is finished (or the cursor leaves it)
the filter takes Tab (expanding what was typed), and while the popup shows, Up, Down, Enter
and Escape. Any other Tab still moves the focus on.

An expansion (or a choice from the popup) replaces the abbreviation in one edit block, so it
is one undo step; the ``…`` of a phrase is then selected, ready to be typed over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit

from scrutiny_desktop.domain.limits import PARAGRAPH
from scrutiny_desktop.ui.spelling.highlighter import python_offset
from scrutiny_desktop.writing.phrases import (
    Expansion,
    Phrase,
    completions,
    expand,
    expansion,
    fragment_before,
)
from scrutiny_desktop.writing.tokens import utf16_spans

PHRASE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
VISIBLE_ROWS = 8


class PhrasePopup(QListWidget):
    """The matching phrases under the cursor; it never takes the keyboard focus."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.setObjectName("phrase_popup")
        self.setAccessibleName("Standard phrases")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hide()

    def fill(self, phrases: Sequence[Phrase], current: int = 0) -> None:
        self.clear()
        for phrase in phrases:
            item = QListWidgetItem(f"{phrase.abbreviation}   {phrase.text}")
            item.setData(PHRASE_ROLE, phrase)
            item.setToolTip(phrase.text)
            self.addItem(item)
        self.setCurrentRow(current)

    def chosen(self) -> Phrase | None:
        item = self.currentItem()
        value = item.data(PHRASE_ROLE) if item is not None else None
        return value if isinstance(value, Phrase) else None

    def step(self, by: int) -> None:
        if self.count():
            self.setCurrentRow((self.currentRow() + by) % self.count())

    def place(self, editor: QPlainTextEdit, at: QPoint) -> None:
        """Show below ``at`` (the editor's coordinates), or above it when there is no room."""
        rows = min(self.count(), VISIBLE_ROWS)
        height = self.sizeHintForRow(0) * rows + 2 * self.frameWidth() if rows else 0
        width = min(max(320, self.sizeHintForColumn(0) + 24), editor.width() - 8)
        line = editor.fontMetrics().height()
        x = max(0, min(at.x(), editor.width() - width))
        y = at.y() + line + 2
        if y + height > editor.height() and at.y() - height > 0:
            y = at.y() - height - 2
        self.setGeometry(x, y, width, height)
        self.show()
        self.raise_()


class PhraseTyping(QObject):
    """Expansion and completion of standard phrases in one editor.

    ``phrases`` gives the series' phrases when asked; ``after_edit`` runs after each
    expansion (the window seals the undo step there); ``tell`` puts a sentence in the
    status bar. ``trigger_typed`` is the highlighter's hook (``on_trigger``).
    """

    def __init__(
        self,
        editor: QPlainTextEdit,
        phrases: Callable[[], Sequence[Phrase]],
        after_edit: Callable[[], None],
        tell: Callable[[str], None],
    ) -> None:
        super().__init__(editor)
        self._editor, self._phrases = editor, phrases
        self._after_edit, self._tell = after_edit, tell
        self.popup = PhrasePopup(editor)
        self.popup.itemClicked.connect(lambda _: self._choose())
        self._armed = False
        # Where the abbreviation being typed starts (block number, offset): from the
        # fragment before the cursor, or the cursor itself when every phrase is listed.
        self._start: tuple[int, int] | None = None
        self._listing_all = False
        self._dismissed: tuple[int, int] | None = None

    @property
    def armed(self) -> bool:
        """True while an abbreviation is being typed (the keys are watched meanwhile)."""
        return self._armed

    # ------------------------------------------------------------ typing

    def trigger_typed(self) -> None:
        """The paragraph at the cursor holds ``;`` (the highlighter's check, once typing
        pauses): while an abbreviation is being typed there, list it and watch the keys."""
        if not self._armed and not self._editor.isReadOnly():
            self._arm()
            self.refresh()

    def _arm(self) -> None:
        self._armed = True
        self._editor.installEventFilter(self)
        self._editor.cursorPositionChanged.connect(self.refresh)

    def disarm(self) -> None:
        """Stop watching and close the popup."""
        if self._armed:
            self._armed = False
            self._editor.removeEventFilter(self)
            self._editor.cursorPositionChanged.disconnect(self.refresh)
        self._start = None
        self._listing_all = False
        self.popup.hide()

    def refresh(self) -> None:
        """Follow the abbreviation being typed: list its completions, or stop watching."""
        cursor = self._editor.textCursor()
        block = cursor.block()
        text = block.text()
        at = python_offset(text, cursor.positionInBlock())
        if self._listing_all:
            if self._start != (block.blockNumber(), at):
                self.disarm()
            return
        found = None if cursor.hasSelection() else fragment_before(text, at)
        if found is None:
            self.disarm()
            return
        start, fragment = found
        self._start = (block.blockNumber(), start)
        matches = completions(fragment, self._phrases())
        if not matches or self._start == self._dismissed:
            self.popup.hide()
            return
        exact = [
            i for i, p in enumerate(matches) if p.abbreviation.casefold() == fragment.casefold()
        ]
        self.popup.fill(matches, exact[0] if exact else 0)
        self._place(block, text, start)

    def _place(self, block: QTextBlock, text: str, start: int) -> None:
        place = QTextCursor(block)
        place.setPosition(block.position() + utf16_spans(text, [(start, start)])[0][0])
        rect = self._editor.cursorRect(place)
        self.popup.place(self._editor, self._editor.viewport().mapTo(self._editor, rect.topLeft()))

    def show_all(self) -> None:
        """List every phrase at the cursor (the Insert standard phrase command)."""
        phrases = list(self._phrases())
        if not phrases or self._editor.isReadOnly():
            return
        self.disarm()
        cursor = self._editor.textCursor()
        block = cursor.block()
        text = block.text()
        at = python_offset(text, cursor.positionInBlock())
        self._arm()
        self._listing_all = True
        self._start = (block.blockNumber(), at)
        self.popup.fill(phrases)
        self._place(block, text, at)

    # ------------------------------------------------------------ keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            self.disarm()
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        shown = self.popup.isVisible()
        if key == Qt.Key.Key_Tab:
            return self._tab(shown)
        if not shown:
            return False
        if key == Qt.Key.Key_Down:
            self.popup.step(1)
        elif key == Qt.Key.Key_Up:
            self.popup.step(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose()
        elif key == Qt.Key.Key_Escape:
            self._dismissed = self._start
            if self._listing_all:
                self.disarm()
            self.popup.hide()
        else:
            return False
        return True

    def _tab(self, shown: bool) -> bool:
        """Tab: the popup's choice, or the abbreviation just typed; else the focus moves on."""
        if shown and self.popup.chosen() is not None:
            self._choose()
            return True
        cursor = self._editor.textCursor()
        if cursor.hasSelection():
            return False
        text = cursor.block().text()
        found = expansion(text, python_offset(text, cursor.positionInBlock()), self._phrases())
        if found is None:
            return False
        self.apply(found)
        return True

    def _choose(self) -> None:
        """Put the popup's phrase in place of what was typed from the fragment's start."""
        phrase, start = self.popup.chosen(), self._start
        cursor = self._editor.textCursor()
        if phrase is None or start is None or start[0] != cursor.blockNumber():
            self.disarm()
            return
        text = cursor.block().text()
        end = python_offset(text, cursor.positionInBlock())
        self.apply(expand(phrase, min(start[1], end), end))

    def apply(self, found: Expansion) -> None:
        """Put ``found`` in the paragraph at the cursor as one undo step, then select its gap."""
        self.disarm()
        self._dismissed = None
        block = self._editor.textCursor().block()
        text = block.text()
        if len(text) - (found.end - found.start) + len(found.text) > PARAGRAPH:
            self._tell(
                f"Not added: the paragraph would pass the {PARAGRAPH:,} characters a book keeps."
            )
            return
        [(a, b)] = utf16_spans(text, [(found.start, found.end)])
        edit = QTextCursor(block)
        edit.setPosition(block.position() + a)
        edit.setPosition(block.position() + b, QTextCursor.MoveMode.KeepAnchor)
        edit.beginEditBlock()  # one edit block: one step of the document's history
        edit.insertText(found.text)
        edit.endEditBlock()
        after = text[: found.start] + found.text
        base = block.position()
        if found.selection is not None:
            [(s, e)] = utf16_spans(after, [found.selection])
            edit.setPosition(base + s)
            edit.setPosition(base + e, QTextCursor.MoveMode.KeepAnchor)
        else:
            [(c, _)] = utf16_spans(after, [(found.cursor, found.cursor)])
            edit.setPosition(base + c)
        self._editor.setTextCursor(edit)
        self._after_edit()
