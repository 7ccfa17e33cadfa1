"""British English spelling for the window: load once, check paragraphs, suggest corrections.

``Speller()`` costs nothing; ``load()`` reads the dictionary (about 0.1 s) and may run on a
worker thread after the window's first paint. Until it has finished ``misspellings``
reports nothing, so a highlighter can be attached at start-up and re-run when loading is
done. ``check`` and ``suggest`` load on first use instead (they answer a user's request).

Checking a paragraph is one regular-expression pass and one dictionary lookup per word:
the engine's verdict on each distinct word is cached, so re-checking a paragraph as it is
typed costs Python work only for the words of that paragraph, and engine work only for a
word never seen before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from scrutiny_desktop.writing.dictionary import replacement_table, word_ranks
from scrutiny_desktop.writing.engine import Engine, load_en_gb
from scrutiny_desktop.writing.known import NO_WORDS, KnownWords
from scrutiny_desktop.writing.ranking import rank
from scrutiny_desktop.writing.tokens import Token, normalise, possessive_base, tokens

Span = tuple[int, int]

# Enough for every distinct word of years of minutes; past it the cache starts again
# rather than grow without bound in a session left open for weeks.
_CACHE_LIMIT = 200_000
_SUGGESTION_CACHE_LIMIT = 512
SUGGESTIONS = 7


def _known(word: str, known: KnownWords) -> bool:
    """True for a known word, its possessive (``OPCC's``) and an abbreviation's plural (``PCSOs``)."""
    if word in known:
        return True
    base = possessive_base(word)
    if base is not None:
        return base in known
    stem = word[:-1]
    return len(word) > 2 and word[-1] == "s" and stem.isupper() and stem in known


class Speller:
    """An en-GB dictionary with a per-word cache of its verdicts. Thread-safe."""

    def __init__(self, load_engine: Callable[[], Engine] = load_en_gb) -> None:
        self._load_engine = load_engine
        self._engine: Engine | None = None
        self._load_lock = threading.Lock()
        self._engine_lock = threading.Lock()
        self._verdicts: dict[str, bool] = {}
        self._suggestions: dict[str, list[str]] = {}
        # The ranking's data (4 MiB of word ranks) waits for the first suggestion.
        self._ranking: tuple[tuple[tuple[str, str], ...], dict[str, int]] | None = None

    @property
    def loaded(self) -> bool:
        """True once the dictionary is ready (``load`` has returned on some thread)."""
        return self._engine is not None

    def load(self) -> None:
        """Read the dictionary, once; later and concurrent calls wait for that one and return."""
        if self._engine is not None:
            return
        with self._load_lock:
            if self._engine is not None:
                return
            self._engine = self._load_engine()

    def _ready(self) -> Engine:
        if self._engine is None:
            self.load()
        assert self._engine is not None
        return self._engine

    def _dictionary_accepts(self, word: str, engine: Engine) -> bool:
        """The engine's cached verdict on ``word`` (normalised), possessives of its words included."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            with self._engine_lock:
                verdict = engine.spell(word)
                if not verdict:
                    base = possessive_base(word)
                    verdict = base is not None and engine.spell(base)
            if len(self._verdicts) >= _CACHE_LIMIT:
                self._verdicts.clear()
            self._verdicts[word] = verdict
        return verdict

    def _accepts(self, word: str, known: KnownWords, engine: Engine) -> bool:
        return _known(word, known) or self._dictionary_accepts(word, engine)

    def check(self, word: str, known: KnownWords = NO_WORDS) -> bool:
        """True when ``word`` is spelt right (or known to the book); loads on first use."""
        return self._accepts(normalise(word), known, self._ready())

    def suggest(self, word: str, limit: int = SUGGESTIONS) -> list[str]:
        """Corrections for ``word``, the likeliest first; loads on first use.

        Takes Hunspell about 0.1-0.2 s for a long word, so the window asks when the
        minute-taker does (context menu, shortcut), never while they type.
        """
        engine = self._ready()
        key = normalise(word)
        cached = self._suggestions.get(key)
        if cached is None:
            with self._engine_lock:
                raw = engine.suggest(key)
                if self._ranking is None:
                    self._ranking = (replacement_table(), word_ranks())
            cached = rank(key, raw, *self._ranking)
            if len(self._suggestions) >= _SUGGESTION_CACHE_LIMIT:
                self._suggestions.clear()
            self._suggestions[key] = cached
        if "’" in word:
            return [s.replace("'", "’") for s in cached[:limit]]
        return cached[:limit]

    def misspellings(
        self, text: str, known: KnownWords = NO_WORDS, *, typing_at: int | None = None
    ) -> list[Span]:
        """Where ``text`` (one paragraph) has misspelt words: ``(start, end)`` string offsets.

        Nothing is reported until the dictionary is loaded. Not checked: numbers,
        references, dates and anything else with a digit, web and e-mail addresses, and
        ``known`` words (the book's names, initials, bodies, roles, abbreviations and
        words) with their possessives. A hyphenated word is right when the dictionary or
        the book knows it whole, or knows each part; otherwise the wrong parts are marked.
        ``typing_at`` is the cursor: the word it touches is still being typed, so it is
        not reported yet (as in Word; ``recom`` is on its way to ``recommend``).
        """
        engine = self._engine
        if engine is None:
            return []
        spans: list[Span] = []
        for token in tokens(text):
            if typing_at is not None and token.start <= typing_at <= token.end:
                continue
            word = token.text
            if word.isalpha():
                if (
                    not _known(word, known)
                    and not self._dictionary_accepts(word, engine)
                    and not self._abbreviation(token, text, engine)
                ):
                    spans.append((token.start, token.end))
            elif not token.has_digit:
                spans.extend(self._compound(token, text, known, engine))
        return spans

    def _abbreviation(self, token: Token, text: str, engine: Engine) -> bool:
        """True for a word the dictionary knows with its full stop (``etc.``, ``approx.``)."""
        return text[token.end : token.end + 1] == "." and self._dictionary_accepts(
            token.text + ".", engine
        )

    def _compound(self, token: Token, text: str, known: KnownWords, engine: Engine) -> list[Span]:
        """Spans of a word with apostrophes or hyphens: none when it is right whole."""
        word = normalise(token.text)
        if self._accepts(word, known, engine):
            return []
        parts = list(token.parts())
        if len(parts) == 1:
            return [] if self._abbreviation(token, text, engine) else [(token.start, token.end)]
        return [
            (part.start, part.end)
            for part in parts
            if not self._accepts(normalise(part.text), known, engine)
        ]
