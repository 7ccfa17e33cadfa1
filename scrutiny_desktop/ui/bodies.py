"""The body documents of a meeting's items: cached, saved shortly after typing, undoable.

Each item keeps its own ``QTextDocument`` for the whole time its meeting is open, so
the editor's own undo history survives switching items. Every new entry in a
document's history becomes a ``BodyEdit`` on the window's undo stack, which undoes
by asking the document to undo: Ctrl+Z walks back through typing and every other
edit in the order they were made.

No Python runs per keystroke here. The first change after a save turns the
document's "modified" flag on, which starts a ``delay_ms`` timer; the save converts
the document to paragraphs and writes them. Turning the flag off ends the document's
current undo step, so it is turned off only where a step should end: the editor does
it where a new word starts (undo goes back a word at a time), and a save does it once
the typing has paused (the document has not changed since the last save), never in
the middle of a word being typed. Flush saves at once (focus change, item change,
meeting change, close); ``seal`` ends every step.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument, QUndoStack

from scrutiny_desktop.book import BookError
from scrutiny_desktop.domain.model import Paragraph
from scrutiny_desktop.ui.body import build_document, to_paragraphs
from scrutiny_desktop.ui.session import BookSession


class BodyStore(QObject):
    """Item id -> document; writes changed bodies to the book."""

    item_revealed = Signal(int)

    def __init__(self, session: BookSession, stack: QUndoStack, delay_ms: int = 500) -> None:
        super().__init__()
        self._session = session
        self._stack = stack
        self._docs: dict[int, QTextDocument] = {}
        self._saved: dict[int, tuple[Paragraph, ...]] = {}
        self._dirty: set[int] = set()
        self._revisions: dict[int, int] = {}  # each document's revision at its last save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    def document(self, item_id: int) -> QTextDocument:
        doc = self._docs.get(item_id)
        if doc is None:
            paragraphs = tuple(self._session.book.body(item_id))
            doc = build_document(paragraphs, self)
            self._saved[item_id] = paragraphs
            # Not contentsChanged: that would run Python on every keystroke. The document
            # turns "modified" on its first change after each save, which arms the timer.
            doc.modificationChanged.connect(partial(self._modified, item_id))
            doc.undoCommandAdded.connect(partial(self._command_added, item_id))
            self._docs[item_id] = doc
        return doc

    @property
    def pending(self) -> bool:
        return bool(self._dirty)

    def _modified(self, item_id: int, modified: bool) -> None:
        if modified:
            self._changed(item_id)

    def _changed(self, item_id: int) -> None:
        self._dirty.add(item_id)
        if not self._timer.isActive():
            self._timer.start()

    def _command_added(self, item_id: int) -> None:
        from scrutiny_desktop.ui.commands.body import BodyEdit

        self._stack.push(BodyEdit(self, item_id))

    def flush(self) -> None:
        """Write every changed body to the book now.

        A document changed since its last save stays "modified" and is looked at again
        by the timer (its undo step goes on); one unchanged since then has paused, and
        its undo step ends here.
        """
        self._timer.stop()
        typing: set[int] = set()
        for item_id in sorted(self._dirty):
            doc = self._docs[item_id]
            revision = doc.revision()
            if self._revisions.get(item_id) == revision:
                # The next change turns "modified" on again (and starts a new undo step).
                doc.setModified(False)
                continue
            self._revisions[item_id] = revision
            typing.add(item_id)
            paragraphs = to_paragraphs(doc)
            if paragraphs == self._saved.get(item_id):
                continue
            try:
                # Saved now, or kept by the session until the book takes writes again.
                self._session.keep(
                    ("body", item_id), self._session.book.set_body, item_id, paragraphs
                )
            except BookError:
                continue  # refused outright; the session has told the status bar why
            self._saved[item_id] = paragraphs
        self._dirty = typing
        if typing:
            self._timer.start()

    def seal(self) -> None:
        """End the current undo step: the next typing starts a new one."""
        for doc in self._docs.values():
            doc.setModified(False)
        # Saved (flush comes first) and sealed: nothing left for the timer to look at.
        self._dirty = {i for i in self._dirty if self._revisions.get(i) != self._docs[i].revision()}

    def undo_in(self, item_id: int) -> None:
        self.item_revealed.emit(item_id)
        self._docs[item_id].undo()
        self._changed(item_id)  # back at the saved state, "modified" may not turn on

    def redo_in(self, item_id: int) -> None:
        self.item_revealed.emit(item_id)
        self._docs[item_id].redo()
        self._changed(item_id)

    def clear(self) -> None:
        """Save, then forget every document (a different meeting or book is opening)."""
        self.flush()
        self._timer.stop()
        for doc in self._docs.values():
            doc.deleteLater()
        self._docs.clear()
        self._saved.clear()
        self._dirty.clear()
        self._revisions.clear()
