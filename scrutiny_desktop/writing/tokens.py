"""Words in a paragraph of minutes, as a spelling checker should see them.

A *word* is a run of letters (and digits) joined by apostrophes or hyphens: ``OPCC's``,
``multi-agency``, ``don’t``. Quotation marks around a word are not part of it, and neither
is a full stop. What the checker leaves alone is decided here too: anything containing a
digit (numbers, action references ``07/15``, dates ``12.03.15`` and ``2015-03-12``, ordinals,
``Q3``), web addresses and e-mail addresses.

Offsets are Python string indices; Qt counts UTF-16 code units, so ``utf16_spans`` converts
for a paragraph that holds characters beyond the Basic Multilingual Plane (emoji).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# A letter or digit (``[^\W_]``) or a combining mark, so decomposed accents stay in the word.
_CHAR = r"(?:[^\W_]|[\u0300-\u036f])"
# Apostrophes: ' and ’ (and ‘ typed by mistake); hyphens: - and the Unicode hyphens.
APOSTROPHES = "'’‘"
HYPHENS = "-‐‑"
_JOINERS = re.escape(APOSTROPHES + HYPHENS)
_WORD = re.compile(rf"{_CHAR}+(?:[{_JOINERS}]{_CHAR}+)*")
_SKIPPED = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_SPLIT_HYPHENS = re.compile(f"[{re.escape(HYPHENS)}]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a paragraph: ``text == paragraph[start:end]``."""

    start: int
    end: int
    text: str

    @property
    def has_digit(self) -> bool:
        """True for numbers, references, dates and codes, which are never spell-checked."""
        return any(c.isdigit() for c in self.text)

    def parts(self) -> Iterator[Token]:
        """The hyphen-separated parts of a hyphenated word (the word itself when it has none)."""
        position = self.start
        for piece in _SPLIT_HYPHENS.split(self.text):
            yield Token(position, position + len(piece), piece)
            position += len(piece) + 1


def normalise(word: str) -> str:
    """``word`` with typographic apostrophes made plain, the form caches and lists use."""
    if word.isascii():
        return word
    return word.replace("’", "'").replace("‘", "'")


def tokens(text: str) -> Iterator[Token]:
    """Every word of ``text`` in order, web and e-mail addresses left out."""
    skipped: list[tuple[int, int]] = []
    if "@" in text or "://" in text or "www." in text.lower():
        skipped = [m.span() for m in _SKIPPED.finditer(text)]
    for m in _WORD.finditer(text):
        start, end = m.span()
        if skipped and any(a <= start < b for a, b in skipped):
            continue
        yield Token(start, end, m.group())


def words(text: str) -> Iterator[str]:
    """The words of ``text`` (normalised), for building lists of known words."""
    for token in tokens(text):
        yield normalise(token.text)


def possessive_base(word: str) -> str | None:
    """``OPCC`` for ``OPCC's`` (either apostrophe); None when ``word`` is not a possessive."""
    if len(word) > 2 and word[-1] in "sS" and word[-2] in APOSTROPHES:
        return word[:-2]
    return None


def utf16_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` of ``text`` as UTF-16 offsets (what ``QSyntaxHighlighter.setFormat`` takes)."""
    if not spans or _ASTRAL.search(text) is None:
        return list(spans)
    # Each astral character before an offset adds one UTF-16 unit.
    astral = [m.start() for m in _ASTRAL.finditer(text)]

    def shift(i: int) -> int:
        return i + sum(1 for a in astral if a < i)

    return [(shift(a), shift(b)) for a, b in spans]
