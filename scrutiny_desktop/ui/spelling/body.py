"""Spell-checking the minutes editor from outside: a highlighter on each document it shows.

The editor shows one item's document at a time (``BodyStore.document``); ``show`` is
called with the document just shown, gives it a highlighter if it has none, and tells that
highlighter to follow the editor's cursor (and the one before to stop). Highlighters are
children of their documents, so they go when the documents do.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from scrutiny_desktop.ui.spelling.highlighter import SpellingHighlighter, TriggerHook
from scrutiny_desktop.ui.spelling.service import SpellingService


class BodySpelling(QObject):
    """Keeps the document shown in ``editor`` spell-checked; ``on_trigger`` is the phrases' hook."""

    def __init__(
        self,
        editor: QPlainTextEdit,
        service: SpellingService,
        on_trigger: TriggerHook | None = None,
    ) -> None:
        super().__init__(editor)
        self._editor, self._service, self._on_trigger = editor, service, on_trigger
        self._current: SpellingHighlighter | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def highlighter(self, document: QTextDocument) -> SpellingHighlighter:
        """``document``'s highlighter, made on first use."""
        found = document.findChild(SpellingHighlighter)
        if isinstance(found, SpellingHighlighter):
            return found
        highlighter = SpellingHighlighter(document, self._service)
        highlighter.on_trigger = self._on_trigger
        return highlighter

    def show(self, document: QTextDocument | None = None) -> SpellingHighlighter:
        """The editor now shows ``document`` (its current one by default): check it as it is typed."""
        highlighter = self.highlighter(document or self._editor.document())
        if self._current is not None and self._current is not highlighter:
            # Its document may have gone already (another meeting was opened).
            with suppress(RuntimeError):
                self._current.follow(None)
        highlighter.follow(self._editor)
        self._current = highlighter
        return highlighter

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving the editor leaves the word being typed: check it now.
        if old is self._editor and self._current is not None:
            try:
                self._current.check_waiting()
            except RuntimeError:
                self._current = None
