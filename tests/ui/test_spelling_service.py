"""The window's spelling service: the dictionary waits for ``start`` (after the first paint),
and its per-run memory gives exactly ``Speller``'s answers, the word being typed aside."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from scrutiny_desktop.ui.spelling.service import SpellingService
from scrutiny_desktop.writing.known import KnownWords
from scrutiny_desktop.writing.speller import Speller
from tests.writing_desk import shared_speller

KNOWN = KnownWords(["Tina Bateman", "TB", "OPCC", "Bramblewick"])
PIECES = [
    "the",
    "report",
    "was",
    "recieved",
    "seperate",
    "Tina",
    "Bateman's",
    "OPCC's",
    "OPCCs",
    "TB",
    "DAAT",
    "etc.",
    "etc",
    "e.g.",
    "07/15",
    "12.03.15",
    "£1,000",
    "multi-agency",
    "multi-agnecy",
    "Smith-Jones",
    "don't",
    "don’t",
    "www.example.org/recieved",
    "clerk@example.org",
    "(DAAT)",
    "“quoted”",
    "Bramblewick",
    "bramblewick",
    "RESOLVED:",
    "Q3",
    "1st",
    "naïve",
    "cafe\u0301",
    "😀",
    "-",
    "—",
    ";agreed",
    "Cllr",
    "x",
]
SPACES = [" ", " ", " ", "  ", "\t", "\u2028", ", ", ". "]


def _service(loaded: Speller) -> SpellingService:
    service = SpellingService(lambda: loaded)
    service.set_known(KNOWN)
    service.load()
    return service


def _typing_run(text: str, at: int) -> tuple[int, int]:
    start, end = at, at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


paragraphs = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES)), min_size=1, max_size=14
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=300, deadline=None)
@given(text=paragraphs, cut=st.integers(min_value=0, max_value=200))
def test_the_service_answers_as_the_speller_does(text: str, cut: int) -> None:
    speller = shared_speller()
    service = _service(speller)
    expected = speller.misspellings(text, KNOWN)
    assert service.misspellings(text) == expected
    assert service.misspellings(text) == expected  # from what it remembers now
    at = min(cut, len(text))
    start, end = _typing_run(text, at)
    typing = [s for s in expected if not (start < end and start <= s[0] < end)]
    assert service.misspellings(text, at) == typing


def test_typing_a_paragraph_key_by_key_gives_the_same_answers() -> None:
    speller = shared_speller()
    service = _service(speller)
    paragraph = (
        "The OPCC's report was recieved, e.g. on 12.03.15 (see www.x.org); it was seperate. "
    )
    for i in range(1, len(paragraph) + 1):
        text = paragraph[:i]
        start, end = _typing_run(text, i)
        expected = [
            s for s in speller.misspellings(text, KNOWN) if not (start < end and start <= s[0])
        ]
        assert service.misspellings(text, i) == expected, text


def test_nothing_is_read_until_loaded_then_every_view_is_told(qtbot: QtBot) -> None:
    made: list[Speller] = []

    def make() -> Speller:
        made.append(Speller())
        return made[-1]

    service = SpellingService(make)
    assert not service.loaded and made == []
    assert service.misspellings("recieved ") == []
    with qtbot.waitSignal(service.changed):
        service.start(delay_ms=0)
    assert service.loaded and len(made) == 1
    assert service.misspellings("recieved ") == [(0, 8)]
    service.load()  # once only
    assert len(made) == 1


def test_known_words_changing_tells_the_views_once(qtbot: QtBot) -> None:
    speller = shared_speller()
    service = _service(speller)
    assert service.misspellings("Zorblat ") == [(0, 7)]
    with qtbot.waitSignal(service.changed):
        assert service.set_known(KnownWords(["Zorblat"]))
    assert service.misspellings("Zorblat ") == []
    with qtbot.assertNotEmitted(service.changed):
        assert not service.set_known(KnownWords(["Zorblat"]))
    service.set_known(KnownWords())  # no longer known: marked again, not remembered as right
    assert service.misspellings("Zorblat ") == [(0, 7)]
