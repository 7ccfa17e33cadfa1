"""A restricted item's Schedule 12A paragraphs (1–7) and its public summary."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.domain.schedule12a import PARAGRAPHS


class ExemptBox(QGroupBox):
    """Tick the paragraphs the item was taken in private under; type what the public
    version says of it. Changes go out as signals; nothing is written here."""

    paragraphs_changed = Signal(tuple)
    """The paragraphs ticked now, in order (a tuple of ints)."""
    summary_entered = Signal(int, str)
    """The item's id and its public summary as typed (sent shortly after typing starts,
    and on leaving it or going to another item)."""
    exclusion_asked = Signal()

    def __init__(self, save_delay_ms: int = 800) -> None:
        super().__init__("Taken in private (Schedule 12A, Part 1)")
        self.boxes: dict[int, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, p in enumerate(PARAGRAPHS):
            box = QCheckBox(f"&{p.number} {p.short}")
            box.setToolTip(f"Paragraph {p.number}: {p.text}")
            box.setAccessibleName(f"Paragraph {p.number}: {p.short}")
            box.clicked.connect(self._ticked)
            box.installEventFilter(self)  # Tab leaves the paragraphs (Qt's arrows go along)
            grid.addWidget(box, i // 2, i % 2)
            self.boxes[p.number] = box
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName("Public summary")
        self.summary.setPlaceholderText(
            "What the public minutes say of this item, e.g. The Panel considered a complaint "
            "and resolved that no further action be taken."
        )
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.summary.fontMetrics().lineSpacing() * 3 + 14)
        self.exclusion = QPushButton("Draft the e&xclusion resolution before this item")
        self.exclusion.setToolTip(
            "Adds “That under Section 100A(4) … the public be excluded …” with these "
            "paragraphs to the item before (Ctrl+Shift+Q)"
        )
        self.exclusion.clicked.connect(self.exclusion_asked)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(QLabel("Public summary:"))
        layout.addWidget(self.summary)
        layout.addWidget(self.exclusion)
        self._shown = ""
        self._item_id: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(save_delay_ms)
        self._timer.timeout.connect(self.commit_summary)
        # Started by the first change, not restarted: steady typing is saved as it goes.
        self.summary.textChanged.connect(self._summary_typed)
        self.summary.installEventFilter(self)

    def paragraphs(self) -> tuple[int, ...]:
        return tuple(n for n, box in self.boxes.items() if box.isChecked())

    def show_values(self, item_id: int, paragraphs: tuple[int, ...], summary: str | None) -> None:
        """Show an item's paragraphs and summary. While the summary has the keyboard, what
        is typed there is the truth: the same item's summary shown again (stale, or as
        saved a moment ago) is left alone. Another item's is shown once what was typed
        for this one is sent."""
        for n, box in self.boxes.items():
            box.setChecked(n in paragraphs)
        if item_id == self._item_id and self.summary.hasFocus():
            return
        self.commit_summary()
        self._item_id = item_id
        text = summary or ""
        self._shown = text
        if self.summary.toPlainText() != text:
            self.summary.blockSignals(True)
            self.summary.setPlainText(text)
            self.summary.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on after it
            self.summary.blockSignals(False)

    def forget_typing(self) -> None:
        """Undo or redo changed the item: what the box holds gives way to the book's."""
        self._timer.stop()
        self._item_id = None

    def set_editable(self, editable: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(editable)
        self.summary.setReadOnly(not editable)
        self.exclusion.setEnabled(editable)

    def focus_first(self) -> None:
        self.boxes[PARAGRAPHS[0].number].setFocus()

    def _ticked(self) -> None:
        self.paragraphs_changed.emit(self.paragraphs())

    def _summary_typed(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def commit_summary(self) -> None:
        """Send the summary as typed now, if it changed."""
        self._timer.stop()
        text = self.summary.toPlainText()
        if text != self._shown and self._item_id is not None:
            self._shown = text
            self.summary_entered.emit(self._item_id, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Leaving the summary sends it. Tab from any paragraph goes on to the summary and
        Shift+Tab back before the paragraphs, as from one group: a clerk's Tab from
        paragraph 2 went to paragraph 3, and the summary she typed ticked and unticked it
        with every space."""
        if watched is self.summary and event.type() == QEvent.Type.FocusOut:
            self.commit_summary()
        elif (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and watched in self.boxes.values()
            and event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            == Qt.KeyboardModifier.NoModifier
        ):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if event.key() == Qt.Key.Key_Tab and not shift:
                self.summary.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if event.key() in (Qt.Key.Key_Backtab, Qt.Key.Key_Tab):
                before = self._before_the_paragraphs()
                if before is not None:
                    before.setFocus(Qt.FocusReason.BacktabFocusReason)
                return True
        return False

    def _before_the_paragraphs(self) -> QWidget | None:
        """The widget Shift+Tab reaches before the first paragraph's box."""
        first = self.boxes[PARAGRAPHS[0].number]
        w = first.previousInFocusChain()
        while w is not None and w is not first:
            if (
                w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and w.isVisible()
                and w.isEnabled()
                and w not in self.boxes.values()
            ):
                return w
            w = w.previousInFocusChain()
        return None
