"""Words the book knows that a dictionary does not: names, initials, bodies, roles, abbreviations.

The caller gathers them (people's names and initials, organisations, roles, the glossary's
abbreviations, "this book's words", "ignored in this meeting") and passes the strings as
they are; multi-word entries ("Tina Bateman", "Performance and Scrutiny Officer") count
word by word. Case follows Hunspell's rule for its own words: a word known in lower case
is also accepted Capitalised and in CAPITALS; ``Bateman`` accepts ``BATEMAN`` but not
``bateman``; ``OPCC`` only in capitals.
"""

from __future__ import annotations

from collections.abc import Iterable

from scrutiny_desktop.writing.tokens import HYPHENS, normalise, words


def _forms(word: str) -> set[str]:
    forms = {word, word.upper()}
    if word.islower():
        forms.add(word[:1].upper() + word[1:])
    return forms


class KnownWords:
    """An immutable set of accepted word forms, built once per change of the book's lists."""

    __slots__ = ("_forms",)

    def __init__(self, entries: Iterable[str] = ()) -> None:
        forms: set[str] = set()
        for entry in entries:
            for word in words(entry):
                forms |= _forms(word)
                # "Smith-Jones" is known, and so are "Smith" and "Jones".
                if any(h in word for h in HYPHENS):
                    for h in HYPHENS:
                        word = word.replace(h, " ")
                    for part in word.split():
                        forms |= _forms(part)
        self._forms = frozenset(forms)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and normalise(word) in self._forms

    def __len__(self) -> int:
        return len(self._forms)

    def __or__(self, other: KnownWords) -> KnownWords:
        joined = KnownWords()
        joined._forms = self._forms | other._forms
        return joined

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KnownWords) and self._forms == other._forms

    def __hash__(self) -> int:
        return hash(self._forms)

    def __repr__(self) -> str:
        return f"KnownWords({len(self._forms)} forms)"


NO_WORDS = KnownWords()
