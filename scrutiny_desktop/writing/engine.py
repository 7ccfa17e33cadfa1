"""The spelling engine: Hunspell (the ``chunspell-next`` binding) over the shipped dictionary.

The engine answers two questions about one word and knows nothing of text, caches or the
book; ``speller.py`` builds on it. Anything with ``spell`` and ``suggest`` will do, which is
how the tests and another engine (spylls, say) would plug in.
"""

from __future__ import annotations

from importlib import resources
from typing import Protocol

from scrutiny_desktop.writing.dictionary import LANGUAGE, dictionary_dir

# Words of public-sector minutes that the en-GB dictionary lacks: titles and ranks written
# before a name. Abbreviations of bodies (OPCC, DAAT) are the book's business, not these.
_EXTRA_WORDS = "extra_words.txt"


class Engine(Protocol):
    """A loaded dictionary: is a word right, and what might have been meant."""

    def spell(self, word: str) -> bool:
        """True when the dictionary accepts ``word`` exactly as written (case included)."""
        ...

    def suggest(self, word: str) -> list[str]:
        """Corrections for ``word``, the engine's best first."""
        ...


class HunspellEngine:
    """Hunspell 1.7 through its compiled binding: C++ speed, a wheel for every platform."""

    def __init__(self) -> None:
        # Imported here, not at module level: loading the extension is part of the cost
        # the window defers until after its first paint.
        from hunspell import Hunspell

        with dictionary_dir() as folder:
            self._hunspell = Hunspell(LANGUAGE, hunspell_data_dir=str(folder))
        extra = resources.files("scrutiny_desktop.writing").joinpath("data", _EXTRA_WORDS)
        for line in extra.read_text(encoding="utf-8").splitlines():
            word = line.strip()
            if word and not word.startswith("#"):
                self._hunspell.add(word)

    def spell(self, word: str) -> bool:
        """True when Hunspell accepts ``word``."""
        return bool(self._hunspell.spell(word))

    def suggest(self, word: str) -> list[str]:
        """Hunspell's suggestions, in its order."""
        return list(self._hunspell.suggest(word))


def load_en_gb() -> Engine:
    """Load the shipped British English dictionary (about 0.1 s; safe on a worker thread)."""
    return HunspellEngine()
