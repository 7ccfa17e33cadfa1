"""Search across every meeting: one box, results with the matched words in bold."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.book.search import MARK_END, MARK_START, SearchHit
from scrutiny_desktop.ui import theme

Index = QModelIndex | QPersistentModelIndex
HTML_ROLE = int(Qt.ItemDataRole.UserRole) + 21
HIT_ROLE = int(Qt.ItemDataRole.UserRole) + 22


def muted() -> str:
    """The place line's colour (the selection's own text colour replaces it when selected)."""
    return theme.muted_text().name()


def hit_place(hit: SearchHit) -> str:
    """``26.02.2015 · 3. Monthly Force Performance Reports`` (or the meeting's title)."""
    where = (
        f"{hit.item_number}. {hit.item_title or '(untitled)'}"
        if hit.item_id is not None
        else hit.meeting_title
    )
    return f"{hit.meeting_date:%d.%m.%Y} · {where}"


def hit_html(hit: SearchHit) -> str:
    """The place, then the snippet with the matched words bold; user text escaped."""
    snippet = html.escape(hit.snippet).replace(MARK_START, "<b>").replace(MARK_END, "</b>")
    return f'<span style="color:{muted()}">{html.escape(hit_place(hit))} · {hit.kind}</span><br>{snippet}'


def matched_words(hit: SearchHit) -> list[str]:
    """The words the snippet marks as matched, for finding them in the item."""
    out, rest = [], hit.snippet
    while MARK_START in rest:
        rest = rest.split(MARK_START, 1)[1]
        word, _, rest = rest.partition(MARK_END)
        if word and word not in out:
            out.append(word)
    return out


class RichTextDelegate(QStyledItemDelegate):
    """Paints an item's ``HTML_ROLE`` as rich text (bold matches), wrapped to the view."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QAbstractScrollArea) else 400
        doc.setTextWidth(max(100, width - 8))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            doc.setHtml(
                str(index.data(HTML_ROLE) or "").replace(
                    muted(), opt.palette.color(QPalette.ColorRole.HighlightedText).name()
                )
            )
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if selected:
            context.palette.setColor(
                QPalette.ColorRole.Text,
                opt.palette.color(QPalette.ColorRole.HighlightedText),
            )
        rect = opt.rect
        painter.save()
        painter.translate(rect.left() + 4, rect.top() + 2)
        painter.setClipRect(0, 0, rect.width() - 4, rect.height() - 2)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)


class SearchPane(QWidget):
    """Search as you type (after a short pause); Enter or double-click opens the place."""

    hit_chosen = Signal(object)  # SearchHit

    def __init__(
        self, book: Callable[[], Book | None], flush: Callable[[], None], delay_ms: int = 250
    ) -> None:
        super().__init__()
        self._book, self._flush = book, flush
        self.box = QLineEdit()
        self.box.setAccessibleName("Search every meeting")
        self.box.setPlaceholderText("Search every meeting — titles, minutes, actions, updates")
        self.box.setClearButtonEnabled(True)
        self.summary = QLabel("Type words to find; Enter opens the first result, ↓ moves to them")
        self.summary.setAccessibleName("Search summary")
        self.summary.setWordWrap(True)
        self.results = QListWidget()
        self.results.setAccessibleName("Search results")
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.run)
        self.box.textChanged.connect(self._timer.start)
        self.box.returnPressed.connect(self._enter)
        self.box.installEventFilter(self)
        self.results.itemActivated.connect(self._activated)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.results.count()
        ):
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        return False

    def start(self) -> None:
        """Focus the box with its text selected, ready for new words."""
        self.box.setFocus()
        self.box.selectAll()

    def run(self) -> list[SearchHit]:
        """Search now (saving whatever was just typed first, so it can be found)."""
        self._timer.stop()
        self.results.clear()
        text, book = self.box.text(), self._book()
        if book is None or not text.strip():
            self.summary.setText("Type words to find; Enter opens the first result")
            return []
        self._flush()
        try:
            hits = book.search(text)
        except BookError as e:
            self.summary.setText(f"Cannot search: {e}")
            return []
        for hit in hits:
            item = QListWidgetItem(f"{hit_place(hit)}: {hit.plain_snippet}")
            item.setData(HTML_ROLE, hit_html(hit))
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        more = " (the first 50)" if len(hits) >= 50 else ""
        self.summary.setText(
            f"{len(hits)} place{'s' if len(hits) != 1 else ''} found{more} — Enter opens"
            if hits
            else f"Nothing found for {text.strip()!r}"
        )
        return hits

    def _enter(self) -> None:
        if self._timer.isActive() or not self.results.count():
            self.run()
        if self.results.count():
            row = max(0, self.results.currentRow())
            self._activated(self.results.item(row))

    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.hit_chosen.emit(hit)
