"""The glossary of abbreviations: which ones minutes use, and which new ones to offer.

An entry is ``DAAT — Drugs and Alcohol Team``. ``first_uses`` finds where each entry is first
used in a meeting's texts (in the order given), which makes both the "Abbreviations used in
these minutes" list and the web page's first ``<abbr title>``. ``offers`` finds all-capital
words the book does not know yet, to offer for the glossary without interrupting; when the
minutes spell one out ("Multi-Agency Safeguarding Hub (MASH)") the offer carries the meaning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from scrutiny_desktop.writing.known import KnownWords

_SEPARATOR = re.compile(r"\s+[—–-]\s+|\s*[—–:=\t]\s*")
_PLURAL = r"(?:s|'s|’s)?"
_EDGE_BEFORE = r"(?<![\w&'’])"
_EDGE_AFTER = r"(?![\w&])"
# Two or more capitals (an ampersand may join them: A&E), optionally plural or possessive.
_CAPITALS = re.compile(_EDGE_BEFORE + r"([A-Z][A-Z&]*[A-Z])" + _PLURAL + _EDGE_AFTER)
_ROMAN = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "to", "at", "by", "&"})


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """An abbreviation and what it stands for."""

    abbreviation: str
    meaning: str

    def __str__(self) -> str:
        return f"{self.abbreviation} — {self.meaning}"


def parse_entry(line: str) -> GlossaryEntry:
    """Read ``DAAT — Drugs and Alcohol Team`` (or with -, –, :, = or a tab); ValueError otherwise."""
    parts = _SEPARATOR.split(line.strip(), maxsplit=1)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        raise ValueError(f"{line!r} is not an entry like 'DAAT — Drugs and Alcohol Team'")
    abbreviation, meaning = parts[0].strip(), parts[1].strip()
    if any(c.isspace() for c in abbreviation):
        raise ValueError(f"{abbreviation!r}: an abbreviation is one word")
    return GlossaryEntry(abbreviation, meaning)


@dataclass(frozen=True, slots=True)
class FirstUse:
    """Where ``entry`` is first used: ``texts[text][start:end]`` is its abbreviation."""

    entry: GlossaryEntry
    text: int
    start: int
    end: int


def first_uses(texts: Sequence[str], entries: Iterable[GlossaryEntry]) -> list[FirstUse]:
    """Each entry used in ``texts``, in order of first use, with where that use is.

    A use is the abbreviation as a whole word, in the same case, also plural or
    possessive (``PCSOs``, ``OPCC's``); ``DA`` is not used by ``DAAT``.
    """
    by_abbreviation = {e.abbreviation: e for e in entries if e.abbreviation}
    if not by_abbreviation:
        return []
    # Longest first, so that an alternation finds DAAT before DA.
    names = sorted(by_abbreviation, key=len, reverse=True)
    pattern = re.compile(
        _EDGE_BEFORE + "(" + "|".join(map(re.escape, names)) + ")" + _PLURAL + _EDGE_AFTER
    )
    found: dict[str, FirstUse] = {}
    for index, text in enumerate(texts):
        for m in pattern.finditer(text):
            name = m.group(1)
            if name not in found:
                found[name] = FirstUse(by_abbreviation[name], index, m.start(1), m.end(1))
        if len(found) == len(by_abbreviation):
            break
    return list(found.values())


def abbreviations_used(
    texts: Sequence[str], entries: Iterable[GlossaryEntry]
) -> list[GlossaryEntry]:
    """The entries ``texts`` use, in order of first use (the printed list)."""
    return [use.entry for use in first_uses(texts, entries)]


@dataclass(frozen=True, slots=True)
class Offer:
    """An all-capital word to offer for the glossary, with its meaning when the text gives it."""

    abbreviation: str
    meaning: str | None = None


def _initials(word: str) -> str:
    return "".join(part[:1] for part in re.split(r"[-‐‑]", word) if part)


def _spelt_by(abbreviation: str, words: Sequence[str]) -> int | None:
    """How many of the last ``words`` spell ``abbreviation`` by their initials, or None.

    Small words (and, of, the...) may be skipped: "Police and Crime Commissioner" is PCC.
    """
    remaining = abbreviation.replace("&", "")
    used = 0
    for word in reversed(words):
        if not remaining:
            break
        initials = _initials(word).upper()
        if initials and remaining.endswith(initials):
            remaining = remaining[: -len(initials)]
        elif word.casefold() not in _SMALL_WORDS:
            return None
        used += 1
    return used if not remaining else None


def _meaning(abbreviation: str, text: str, start: int, end: int) -> str | None:
    """The words that spell out ``abbreviation`` beside ``text[start:end]``, if given."""
    before, after = text[:start], text[end:]
    if before.endswith("(") and after.startswith(")"):
        words = re.findall(r"[\w&'’-]+", before[:-1])[-(len(abbreviation) * 2) :]
        count = _spelt_by(abbreviation, words)
        if count:
            return " ".join(words[-count:])
    inside = re.match(r"\s*\(([^()]+)\)", after)
    if inside:
        words = re.findall(r"[\w&'’-]+", inside.group(1))
        if _spelt_by(abbreviation, words) == len(words):
            return " ".join(words)
    return None


def offers(
    texts: Iterable[str],
    known: KnownWords,
    is_word: Callable[[str], bool] | None = None,
) -> list[Offer]:
    """All-capital words of ``texts`` to offer for the glossary, in order of first appearance.

    Left out: words ``known`` to the book (glossary, people's initials, organisations, this
    book's words), roman numerals, words with digits (references, codes), and, when
    ``is_word`` is given (the speller's ``check``), ordinary words in capitals such as
    RESOLVED, unless the text spells them out as an abbreviation. A plural or possessive
    is offered as its singular (``PCSOs`` as PCSO).
    """
    found: dict[str, Offer] = {}
    for text in texts:
        for m in _CAPITALS.finditer(text):
            abbreviation = m.group(1)
            if abbreviation in known or _ROMAN.fullmatch(abbreviation):
                continue
            meaning = _meaning(abbreviation, text, m.start(1), m.end())
            if abbreviation in found:
                if meaning and found[abbreviation].meaning is None:
                    found[abbreviation] = Offer(abbreviation, meaning)
                continue
            if meaning is None and is_word is not None and is_word(abbreviation):
                continue
            found[abbreviation] = Offer(abbreviation, meaning)
    return list(found.values())
