"""Which correction to offer first: the engine's candidates re-ordered by how people misspell.

Hunspell finds good candidates but orders them by its own similarity measure, which puts
``commuted`` before ``committed`` and ``public ally`` before ``publicly``. Minute-takers'
misspellings are mostly a handful of patterns, so each candidate is scored by a weighted
edit distance from what was typed, where the common patterns are cheap:

- a letter doubled or undoubled (``occured``, ``untill``, ``tommorrow``): cheapest, and
  cheaper for consonants than for vowels (``refered`` is ``referred`` before ``refereed``);
- two neighbouring letters swapped (``recieved``);
- one vowel for another (``seperate``, ``definately``, ``independant``);
- a vowel left out of, or added to, a run of vowels (``liase``);
- a key next to the intended one on a QWERTY keyboard (fast live typing);
- a replacement from the dictionary's own table of common misspellings (its ``REP`` lines);

and everything else costs a full edit, with splitting a word in two dearer still. Equal
costs go to the commoner word (``data/word_ranks.txt``: ``wich`` is ``which`` before
``winch``), then keep the engine's order. Frequency only breaks ties, so it never
overrides the spelling the patterns found, and never prefers an American form for being
commoner. No word is special-cased: the patterns are the whole rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

VOWELS = frozenset("aeiouy")

DOUBLED_CONSONANT = 0.25
DOUBLED_VOWEL = 0.4
SWAPPED = 0.5
REPLACEMENT_TABLE = 0.5
VOWEL_FOR_VOWEL = 0.6
VOWEL_IN_A_RUN = 0.5
NEIGHBOURING_KEY = 0.7
LEFT_OUT = 0.8
EXTRA = 0.1
OTHER = 1.0
SPLIT = 1.5

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, frozenset[str]]:
    """Keys touching each letter key: beside it, and the two above and below (rows are staggered)."""
    near: dict[str, set[str]] = {c: set() for row in _ROWS for c in row}
    for r, row in enumerate(_ROWS):
        for i, c in enumerate(row):
            if i + 1 < len(row):
                near[c].add(row[i + 1])
                near[row[i + 1]].add(c)
            if r + 1 < len(_ROWS):
                below = _ROWS[r + 1]
                for j in (i - 1, i):
                    if 0 <= j < len(below):
                        near[c].add(below[j])
                        near[below[j]].add(c)
    return {c: frozenset(keys) for c, keys in near.items()}


_NEAR = _neighbours()


def _is_doubling(word: str, i: int) -> bool:
    """True when ``word[i]`` repeats the letter beside it."""
    c = word[i]
    return (i > 0 and word[i - 1] == c) or (i + 1 < len(word) and word[i + 1] == c)


def _next_to_vowel(word: str, i: int) -> bool:
    return (i > 0 and word[i - 1] in VOWELS) or (i + 1 < len(word) and word[i + 1] in VOWELS)


def _left_out(word: str, j: int) -> float:
    """The cost of the typist leaving out ``word[j]`` of the candidate."""
    c = word[j]
    if c in " -":
        return SPLIT
    if _is_doubling(word, j):
        return DOUBLED_VOWEL if c in VOWELS else DOUBLED_CONSONANT
    if c in VOWELS and _next_to_vowel(word, j):
        return VOWEL_IN_A_RUN
    return LEFT_OUT


def _extra(word: str, i: int) -> float:
    """The cost of the typist adding ``word[i]``: dearer than leaving a letter out, which
    is the commoner mistake (``liase`` is ``liaise`` missing a letter before ``lase``
    with one too many)."""
    c = word[i]
    if _is_doubling(word, i):
        return DOUBLED_VOWEL if c in VOWELS else DOUBLED_CONSONANT
    if c in VOWELS and _next_to_vowel(word, i):
        return VOWEL_IN_A_RUN + EXTRA
    return OTHER


def _substitution(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in VOWELS and b in VOWELS:
        return VOWEL_FOR_VOWEL
    if b in _NEAR.get(a, ()):
        return NEIGHBOURING_KEY
    return OTHER


@lru_cache(maxsize=4096)
def distance(typed: str, candidate: str) -> float:
    """Weighted edit distance from ``typed`` to ``candidate`` (case ignored)."""
    a, b = typed.casefold(), candidate.casefold()
    n, m = len(a), len(b)
    extra = [_extra(a, i) for i in range(n)]
    missing = [_left_out(b, j) for j in range(m)]
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + extra[i - 1]
    for j in range(1, m + 1):
        d[0][j] = d[0][j - 1] + missing[j - 1]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = min(
                d[i - 1][j] + extra[i - 1],
                d[i][j - 1] + missing[j - 1],
                d[i - 1][j - 1] + _substitution(a[i - 1], b[j - 1]),
            )
            if (
                i > 1
                and j > 1
                and a[i - 1] == b[j - 2]
                and a[i - 2] == b[j - 1]
                and a[i - 1] != a[i - 2]
            ):
                best = min(best, d[i - 2][j - 2] + SWAPPED)
            d[i][j] = best
    return d[n][m]


def _by_table(typed: str, candidate: str, table: Iterable[tuple[str, str]]) -> bool:
    """True when one replacement from the dictionary's table turns ``typed`` into ``candidate``."""
    t, c = typed.casefold(), candidate.casefold()
    for wrong, right in table:
        start = t.find(wrong)
        while start != -1:
            if t[:start] + right + t[start + len(wrong) :] == c:
                return True
            start = t.find(wrong, start + 1)
    return False


def rank(
    typed: str,
    candidates: Sequence[str],
    table: Iterable[tuple[str, str]] = (),
    commonness: Mapping[str, int] | None = None,
) -> list[str]:
    """``candidates`` (the engine's order) re-ordered, most likely meant first; no duplicates.

    ``table`` is the dictionary's replacement pairs; ``commonness`` maps a lower-case word
    to its frequency rank (1 = commonest), for ties.
    """
    pairs = tuple(table)
    ranks = commonness or {}
    rare = len(ranks) + 1
    seen: set[str] = set()
    scored: list[tuple[float, int, int, str]] = []
    for order, candidate in enumerate(candidates):
        if candidate in seen or candidate == typed:
            continue
        seen.add(candidate)
        cost = distance(typed, candidate)
        if pairs and cost > REPLACEMENT_TABLE and _by_table(typed, candidate, pairs):
            cost = REPLACEMENT_TABLE
        scored.append((round(cost, 3), ranks.get(candidate.lower(), rare), order, candidate))
    scored.sort()
    return [candidate for *_, candidate in scored]
