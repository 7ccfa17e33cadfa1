"""The writing aids' lists: the glossary, this book's words, words ignored in a meeting,
and each series' standard phrases; and the words the spelling check takes as known."""

from __future__ import annotations

from scrutiny_desktop.book.base import BookBase
from scrutiny_desktop.book.errors import BookError
from scrutiny_desktop.domain import limits
from scrutiny_desktop.writing.glossary import GlossaryEntry
from scrutiny_desktop.writing.known import KnownWords
from scrutiny_desktop.writing.phrases import DEFAULT_PHRASES, Phrase, abbreviation_problem


class WritingStore(BookBase):
    """Glossary, words and phrases."""

    # ------------------------------------------------------------ glossary

    def glossary(self) -> list[GlossaryEntry]:
        """The book's abbreviations and what they stand for, alphabetically."""
        return [
            GlossaryEntry(r["abbreviation"], r["meaning"])
            for r in self._q("SELECT * FROM glossary ORDER BY abbreviation COLLATE NOCASE")
        ]

    def glossary_entry(self, abbreviation: str) -> GlossaryEntry | None:
        found = self._q("SELECT * FROM glossary WHERE abbreviation = ?", [abbreviation])
        return GlossaryEntry(found[0]["abbreviation"], found[0]["meaning"]) if found else None

    def put_glossary_entry(self, entry: GlossaryEntry) -> GlossaryEntry | None:
        """Add or change an entry; the entry it replaced (None: new), for undo."""
        if not entry.abbreviation.strip() or not entry.meaning.strip():
            raise BookError("a glossary entry needs an abbreviation and what it stands for")
        with self._limits():
            limits.check(entry.abbreviation, limits.NAME, "the abbreviation")
            limits.check(entry.meaning, limits.TITLE, "what the abbreviation stands for")
        old = self.glossary_entry(entry.abbreviation)
        with self._writing():
            self._db.execute(
                "INSERT INTO glossary (abbreviation, meaning) VALUES (?, ?) "
                "ON CONFLICT (abbreviation) DO UPDATE SET meaning = excluded.meaning",
                [entry.abbreviation, entry.meaning],
            )
        return old

    def remove_glossary_entry(self, abbreviation: str) -> GlossaryEntry | None:
        """Remove an entry; the entry removed (None: there was none), for undo."""
        old = self.glossary_entry(abbreviation)
        with self._writing():
            self._db.execute("DELETE FROM glossary WHERE abbreviation = ?", [abbreviation])
        return old

    # ------------------------------------------------------------ words

    def book_words(self) -> list[str]:
        """Words added to this book's spelling list ("Add to this book's words")."""
        return [r["word"] for r in self._q("SELECT word FROM book_words ORDER BY word")]

    def add_book_word(self, word: str, *, add: bool = True) -> None:
        """Add a word to the book's list (or, with ``add=False``, take it off: undo)."""
        with self._writing():
            if add:
                self._db.execute("INSERT OR IGNORE INTO book_words (word) VALUES (?)", [word])
            else:
                self._db.execute("DELETE FROM book_words WHERE word = ?", [word])

    def ignored_words(self, meeting_id: int) -> list[str]:
        return [
            r["word"]
            for r in self._q(
                "SELECT word FROM ignored_words WHERE meeting_id = ? ORDER BY word", [meeting_id]
            )
        ]

    def ignore_word(self, meeting_id: int, word: str, *, ignore: bool = True) -> None:
        """Ignore a word in one meeting ("Ignore in this meeting"), or stop ignoring it."""
        with self._writing():
            if ignore:
                self._db.execute(
                    "INSERT OR IGNORE INTO ignored_words (meeting_id, word) VALUES (?, ?)",
                    [meeting_id, word],
                )
            else:
                self._db.execute(
                    "DELETE FROM ignored_words WHERE meeting_id = ? AND word = ?",
                    [meeting_id, word],
                )

    def known_words(self, meeting_id: int | None = None) -> KnownWords:
        """What the spelling check takes as known without asking: every name, initials,
        organisation and role in the book, series and venues, the glossary's abbreviations,
        this book's words, and the words ignored in ``meeting_id``."""
        entries: list[str] = []
        for r in self._conn.execute("SELECT initials, name, role, organisation FROM people"):
            entries.extend(v for v in r if v)
        entries.extend(r[0] for r in self._conn.execute("SELECT name FROM series"))
        entries.extend(
            r[0] for r in self._conn.execute("SELECT DISTINCT venue FROM meetings") if r[0]
        )
        entries.extend(r[0] for r in self._conn.execute("SELECT abbreviation FROM glossary"))
        entries.extend(self.book_words())
        if meeting_id is not None:
            entries.extend(self.ignored_words(meeting_id))
        return KnownWords(entries)

    # ------------------------------------------------------------ phrases

    def phrases(self, series: str | None) -> list[Phrase]:
        """A series' standard phrases: its own once edited, else the shipped defaults."""
        key = self._phrase_key(series)
        if key is None or not self._q("SELECT 1 FROM phrases_edited WHERE series_key = ?", [key]):
            return list(DEFAULT_PHRASES)
        return [
            Phrase(r["abbreviation"], r["text"])
            for r in self._q("SELECT * FROM phrases WHERE series_key = ? ORDER BY position", [key])
        ]

    def set_phrases(self, series: str | None, phrases: list[Phrase]) -> list[Phrase]:
        """Replace a series' phrases (the editor's result); the list before, for undo."""
        for n, p in enumerate(phrases):
            problem = abbreviation_problem(p.abbreviation, phrases[:n])
            if problem:
                raise BookError(problem)
            with self._limits():
                limits.check(p.text, limits.TEXT, f"the phrase {p.abbreviation}")
        before = self.phrases(series)
        with self._writing():
            key = self._phrase_key(series, create=True)
            assert key is not None
            self._db.execute("DELETE FROM phrases WHERE series_key = ?", [key])
            self._db.conn.executemany(
                "INSERT INTO phrases (series_key, position, abbreviation, text) VALUES (?, ?, ?, ?)",
                [(key, n, p.abbreviation, p.text) for n, p in enumerate(phrases)],
            )
            self._db.execute("INSERT OR IGNORE INTO phrases_edited (series_key) VALUES (?)", [key])
        return before

    def _phrase_key(self, series: str | None, *, create: bool = False) -> int | None:
        if series is None:
            return 0
        found = self._q("SELECT id FROM series WHERE name = ?", [series])
        if found:
            return int(found[0]["id"])
        if not create:
            return None
        return self._insert_row("series", {"name": series})
