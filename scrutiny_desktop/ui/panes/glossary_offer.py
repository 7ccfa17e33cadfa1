"""A quiet offer in the status bar: "DAAT: add to the glossary as [Drugs and Alcohol Team]?"

Unknown all-capital words typed in the minutes are offered here one at a time, the meaning
filled in when the minutes spelt it out. The bar never takes the focus by itself and never
asks anything modal: the minute-taker may ignore it, take it with the mouse, or reach it by
its command (Ctrl+Shift+F7), type or correct the meaning, and press Enter.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from scrutiny_desktop.writing.glossary import GlossaryEntry, Offer


class _MeaningEdit(QLineEdit):
    """The meaning field: Escape puts the offer aside and hands the keyboard back."""

    escaped = Signal()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(e)


class GlossaryOfferBar(QWidget):
    """Offers abbreviations for the glossary, one at a time; hidden when there is none.

    ``accepted`` carries the entry to add, ``word_chosen`` a word to add to this book's
    words instead ("Just a word"); ``finished`` says the keyboard may go back to the minutes.
    """

    accepted = Signal(object)  # GlossaryEntry
    word_chosen = Signal(str)
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossary_offer")
        self.setAccessibleName("Glossary offer")
        self._queue: list[Offer] = []
        self._set_aside: set[str] = set()
        self.label = QLabel()
        self.meaning = _MeaningEdit()
        self.meaning.setAccessibleName("What the abbreviation stands for")
        self.meaning.setPlaceholderText("what it stands for")
        self.meaning.setMinimumWidth(220)
        self.add_button = QToolButton()
        self.add_button.setText("Add")
        self.add_button.setToolTip("Add to the glossary (Enter)")
        self.word_button = QToolButton()
        self.word_button.setText("Just a word")
        self.word_button.setToolTip("Not an abbreviation: add it to this book's words")
        self.later_button = QToolButton()
        self.later_button.setText("Not now")
        self.later_button.setToolTip("Do not offer it again in this session (Escape)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.meaning, self.add_button, self.word_button):
            layout.addWidget(widget)
        layout.addWidget(self.later_button)
        self.meaning.returnPressed.connect(self.take)
        self.meaning.escaped.connect(self.set_aside)
        self.add_button.clicked.connect(self.take)
        self.word_button.clicked.connect(self._just_a_word)
        self.later_button.clicked.connect(self.set_aside)
        self.hide()

    @property
    def current(self) -> Offer | None:
        return self._queue[0] if self._queue else None

    def offer(self, offers: Iterable[Offer]) -> None:
        """Queue ``offers`` (not those already queued or set aside) and show the first."""
        queued = {o.abbreviation for o in self._queue}
        for o in offers:
            if o.abbreviation not in queued and o.abbreviation not in self._set_aside:
                self._queue.append(o)
                queued.add(o.abbreviation)
        self._show_first()

    def forget(self, known: Iterable[str]) -> None:
        """Drop offers of words the book now knows (added to the glossary or its words)."""
        gone = set(known)
        before = self.current
        self._queue = [o for o in self._queue if o.abbreviation not in gone]
        if self.current != before:
            self._show_first()

    def _show_first(self) -> None:
        first = self.current
        if first is None:
            self.hide()
            return
        more = f" (and {len(self._queue) - 1} more)" if len(self._queue) > 1 else ""
        self.label.setText(f"{first.abbreviation}: add to the glossary as{more}")
        if self.meaning.property("offer") != first.abbreviation:
            self.meaning.setText(first.meaning or "")
            self.meaning.setProperty("offer", first.abbreviation)
        self.show()

    def focus(self) -> bool:
        """Put the keyboard in the meaning field (the command); False when nothing is offered."""
        if self.current is None:
            return False
        self.meaning.setFocus()
        self.meaning.selectAll()
        return True

    def take(self) -> None:
        """Add the offer with the meaning as typed (nothing happens while it is empty)."""
        first = self.current
        meaning = self.meaning.text().strip()
        if first is None or not meaning:
            return
        self._done(first)
        self.accepted.emit(GlossaryEntry(first.abbreviation, meaning))

    def _just_a_word(self) -> None:
        first = self.current
        if first is not None:
            self._done(first)
            self.word_chosen.emit(first.abbreviation)

    def set_aside(self) -> None:
        """Not now: the word is not offered again while the window is open."""
        first = self.current
        if first is not None:
            self._set_aside.add(first.abbreviation)
            self._done(first)

    def _done(self, offer: Offer) -> None:
        had_focus = self.meaning.hasFocus()
        self._queue = [o for o in self._queue if o.abbreviation != offer.abbreviation]
        self._show_first()
        if had_focus:
            self.finished.emit()
