"""The writing aids' edits: this book's words, words ignored in a meeting, the glossary and
each series' standard phrases. Each step, done or undone, is one book call (one transaction).

``changed`` is called after every step, done or undone, so that whoever shows these lists
(the spelling check's known words, an open glossary dialog, the phrases) reads them again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from scrutiny_desktop.ui.commands.base import BookCommand
from scrutiny_desktop.writing.glossary import GlossaryEntry
from scrutiny_desktop.writing.phrases import Phrase

if TYPE_CHECKING:
    from scrutiny_desktop.ui.session import BookSession

Changed = Callable[[], None]


class AddBookWord(BookCommand):
    """ "Add to this book's words": the word is right in every meeting of the book."""

    def __init__(self, session: BookSession, word: str, changed: Changed) -> None:
        super().__init__(f"Add “{word}” to this book's words")
        self._session, self._word, self._changed = session, word, changed

    def do(self) -> None:
        self._session.write(self._session.book.add_book_word, self._word)
        self._changed()

    def undo_it(self) -> None:
        self._session.write(self._session.book.add_book_word, self._word, add=False)
        self._changed()


class IgnoreWord(BookCommand):
    """ "Ignore in this meeting": the word is not marked in one meeting's minutes."""

    def __init__(self, session: BookSession, meeting_id: int, word: str, changed: Changed) -> None:
        super().__init__(f"Ignore “{word}” in this meeting")
        self._session, self._meeting_id, self._word = session, meeting_id, word
        self._changed = changed

    def do(self) -> None:
        self._session.write(self._session.book.ignore_word, self._meeting_id, self._word)
        self._changed()

    def undo_it(self) -> None:
        book = self._session.book
        self._session.write(book.ignore_word, self._meeting_id, self._word, ignore=False)
        self._changed()


class PutGlossaryEntry(BookCommand):
    """Add a glossary entry, or change what an abbreviation stands for."""

    def __init__(self, session: BookSession, entry: GlossaryEntry, changed: Changed) -> None:
        super().__init__(f"Glossary: {entry}")
        self._session, self._entry, self._changed = session, entry, changed
        self._before: GlossaryEntry | None = None

    def do(self) -> None:
        self._before = self._session.write(self._session.book.put_glossary_entry, self._entry)
        self._changed()

    def undo_it(self) -> None:
        book = self._session.book
        if self._before is None:
            self._session.write(book.remove_glossary_entry, self._entry.abbreviation)
        else:
            self._session.write(book.put_glossary_entry, self._before)
        self._changed()


class RemoveGlossaryEntry(BookCommand):
    """Take an abbreviation out of the glossary; undo puts the entry back."""

    def __init__(self, session: BookSession, abbreviation: str, changed: Changed) -> None:
        super().__init__(f"Remove {abbreviation} from the glossary")
        self._session, self._abbreviation, self._changed = session, abbreviation, changed
        self._removed: GlossaryEntry | None = None

    def do(self) -> None:
        book = self._session.book
        self._removed = self._session.write(book.remove_glossary_entry, self._abbreviation)
        self._changed()

    def undo_it(self) -> None:
        if self._removed is not None:
            self._session.write(self._session.book.put_glossary_entry, self._removed)
        self._changed()


class SetPhrases(BookCommand):
    """Replace a series' standard phrases (the phrase editor's result)."""

    def __init__(
        self, session: BookSession, series: str | None, phrases: list[Phrase], changed: Changed
    ) -> None:
        super().__init__("Edit standard phrases")
        self._session, self._series, self._phrases = session, series, list(phrases)
        self._changed = changed
        self._before: list[Phrase] | None = None

    def do(self) -> None:
        book = self._session.book
        self._before = self._session.write(book.set_phrases, self._series, self._phrases)
        self._changed()

    def undo_it(self) -> None:
        assert self._before is not None
        self._session.write(self._session.book.set_phrases, self._series, self._before)
        self._changed()
