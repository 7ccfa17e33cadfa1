"""The window's one speller: loaded after the first paint, told which words the book knows.

``SpellingService`` is cheap to make: neither the ``hunspell`` binding nor the dictionary is
imported or read until ``load`` runs, which the window starts from a timer once it has
painted (``start``). Until then ``misspellings`` reports nothing, so highlighters can be
attached at once; when loading is done, and whenever the known words change, ``changed``
tells every highlighter and underlined field to check again.

Loading takes about 0.1 s and holds Python's GIL throughout (docs/spelling.md), so a worker
thread would not keep the window responsive meanwhile: it runs on the GUI thread, once,
after the first paint, before the minute-taker has started typing.

Per keystroke the highlighter asks about one paragraph, and Python's work on it must stay
small beside what Qt does for the key. The paragraph is taken as runs of non-blank
characters (``report.``, ``(DAAT)``, ``07/15``): what ``Speller`` finds wrong in a run does
not depend on what is around it (words, their full stops and addresses never reach across a
space), so each run's verdict is remembered. A paragraph whose runs are all known to be
right, the usual case, costs one ``str.split`` and one set comparison; otherwise each run
costs a dictionary lookup, and only a run never seen before goes to ``Speller``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from scrutiny_desktop.writing.known import NO_WORDS, KnownWords

if TYPE_CHECKING:
    from scrutiny_desktop.writing.speller import Speller

Span = tuple[int, int]

# After ``show()``: well after the first paint and the start-up's first idle moment, well
# before anyone has typed a sentence (until then nothing is marked; then everything is).
LOAD_DELAY_MS = 200
# Past this many runs remembered, the memory starts again.
_RUNS_LIMIT = 200_000


def _whole(text: str, run: str) -> Iterator[int]:
    """Where ``run`` stands in ``text`` as a whole run (blank or the edge on either side)."""
    n, size = len(text), len(run)
    at = text.find(run)
    while at >= 0:
        after = at + size
        if (at == 0 or text[at - 1].isspace()) and (after == n or text[after].isspace()):
            yield at
        at = text.find(run, at + 1)


def _default_speller() -> Speller:
    # Imported here: the binding and the dictionary code stay off the start-up path.
    from scrutiny_desktop.writing.speller import Speller

    return Speller()


class SpellingService(QObject):
    """One speller and the book's known words, shared by every highlighter and field."""

    changed = Signal()
    """The dictionary finished loading, or the known words changed: check everything again."""
    capitals_typed = Signal(str)
    """A paragraph being typed holds an unknown all-capital word (a glossary candidate)."""

    def __init__(
        self,
        make_speller: Callable[[], Speller] = _default_speller,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_speller = make_speller
        self._speller: Speller | None = None
        self._known = NO_WORDS
        # The start of the paragraph last typed in, up to a blank, whose runs are all right.
        self._clean = ""
        # Runs of non-blank characters seen, with their misspellings; the right ones again.
        self._runs: dict[str, tuple[Span, ...]] = {}
        self._fine: set[str] = set()

    # ------------------------------------------------------------ loading

    def start(self, delay_ms: int = LOAD_DELAY_MS) -> None:
        """Load the dictionary ``delay_ms`` from now: called just after the window's ``show()``."""
        QTimer.singleShot(delay_ms, self, self.load)

    def load(self) -> None:
        """Read the dictionary now (about 0.1 s), once; then every view checks again."""
        if self.loaded:
            return
        speller = self._speller or self._make_speller()
        speller.load()
        self._speller = speller
        self.changed.emit()

    @property
    def loaded(self) -> bool:
        return self._speller is not None and self._speller.loaded

    def _ready(self) -> Speller:
        """The speller, loaded now if it was not yet (the minute-taker asked for something)."""
        if not self.loaded:
            self.load()
        assert self._speller is not None
        return self._speller

    # ------------------------------------------------------------ known words

    @property
    def known(self) -> KnownWords:
        return self._known

    def set_known(self, known: KnownWords) -> bool:
        """The book's known words for the meeting shown; True (and ``changed``) if they differ."""
        if known == self._known:
            return False
        self._known = known
        self._runs.clear()  # a word ignored until now may be wrong again
        self._fine.clear()
        self._clean = ""
        if self.loaded:
            self.changed.emit()
        return True

    # ------------------------------------------------------------ checking

    def misspellings(self, text: str, typing_at: int | None = None) -> list[Span]:
        """Misspelt words of one paragraph (Python offsets, in order); [] until loaded.

        ``typing_at``: the cursor. The run of non-blank characters it touches is the word
        being typed, punctuation joined to it included; it is not reported yet.
        """
        speller = self._speller
        if speller is None or not speller.loaded:
            return []
        start = end = 0
        if typing_at is None:
            runs = text.split()
        else:
            start, end, n = typing_at, typing_at, len(text)
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            while end < n and not text[end].isspace():
                end += 1
            # Typing goes on in one paragraph, mostly at its end: what comes before the word
            # being typed was found right at the last keystroke, and need not be split again.
            clean = self._clean
            head = len(clean) if 0 < len(clean) <= start and text.startswith(clean) else 0
            runs = text[head:start].split()
            runs += text[end:].split()
        fine = self._fine
        if fine.issuperset(runs):
            if typing_at is not None:
                self._clean = text[:start]
            return []
        spans: list[Span] = []
        for run in set(runs).difference(fine):
            found = self._runs.get(run)
            if found is None:
                found = self._check_run(run, speller)
            if found:
                for at in _whole(text, run):
                    if at != start or start == end:
                        spans.extend((at + a, at + b) for a, b in found)
        spans.sort()
        return spans

    def _check_run(self, run: str, speller: Speller) -> tuple[Span, ...]:
        if len(self._runs) > _RUNS_LIMIT:
            self._runs.clear()
            self._fine.clear()
            self._clean = ""
        found = tuple(speller.misspellings(run, self._known))
        self._runs[run] = found
        if not found:
            self._fine.add(run)
        return found

    def check(self, word: str) -> bool:
        """True when ``word`` is right or known; loads the dictionary if need be."""
        return self._ready().check(word, self._known)

    def suggest(self, word: str) -> list[str]:
        """Corrections for ``word``, likeliest first (0.1-0.3 s the first time for a word)."""
        return self._ready().suggest(word)
