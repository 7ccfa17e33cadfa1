"""The tokeniser, known words and the ranking of suggestions: pure rules, no dictionary."""

from __future__ import annotations

import pytest

from scrutiny_desktop.writing.known import KnownWords
from scrutiny_desktop.writing.ranking import distance, rank
from scrutiny_desktop.writing.tokens import possessive_base, tokens, utf16_spans


def texts(paragraph: str) -> list[str]:
    return [t.text for t in tokens(paragraph)]


def test_words_keep_inner_apostrophes_and_hyphens_but_not_quotes_or_full_stops() -> None:
    assert texts("‘Multi-agency’ work, the OPCC’s and members' views etc.") == [
        "Multi-agency",
        "work",
        "the",
        "OPCC’s",
        "and",
        "members",
        "views",
        "etc",
    ]


def test_references_and_dates_come_out_as_digit_tokens() -> None:
    found = list(tokens("07/15 12.03.15 2015-03-12 1st Q3"))
    assert all(t.has_digit for t in found)


def test_addresses_are_skipped() -> None:
    assert texts("see www.exmaple.org/a-b or x.y@exmaple.org now") == ["see", "or", "now"]


def test_token_offsets_and_hyphenated_parts() -> None:
    text = "a cross-party view"
    word = next(t for t in tokens(text) if "-" in t.text)
    assert text[word.start : word.end] == "cross-party"
    assert [(p.text, text[p.start : p.end]) for p in word.parts()] == [
        ("cross", "cross"),
        ("party", "party"),
    ]


def test_possessive_base() -> None:
    assert possessive_base("OPCC's") == "OPCC"
    assert possessive_base("OPCC’s") == "OPCC"
    assert possessive_base("its") is None


def test_utf16_spans_count_emoji_as_two_units() -> None:
    assert utf16_spans("abc def", [(4, 7)]) == [(4, 7)]
    assert utf16_spans("👍 recieved 👍 x", [(2, 10), (13, 14)]) == [(3, 11), (15, 16)]


def test_known_words_follow_hunspells_case_rule_and_split_entries() -> None:
    known = KnownWords(["Tina Bateman", "OPCC", "agile working", "Smith-Jones"])
    assert {"Tina", "BATEMAN", "OPCC", "agile", "Agile", "AGILE", "Smith-Jones", "Jones"} <= {
        w
        for w in ["Tina", "BATEMAN", "OPCC", "agile", "Agile", "AGILE", "Smith-Jones", "Jones"]
        if w in known
    }
    assert "bateman" not in known and "Opcc" not in known and "opcc" not in known


def test_known_words_combine() -> None:
    both = KnownWords(["OPCC"]) | KnownWords(["DAAT"])
    assert "OPCC" in both and "DAAT" in both and both == KnownWords(["DAAT", "OPCC"])


@pytest.mark.parametrize(
    ("typed", "likelier", "less_likely"),
    [
        ("occured", "occurred", "procured"),  # a doubled consonant left single
        ("refered", "referred", "refereed"),  # consonants double more often than vowels
        ("untill", "until", "until l"),  # a letter doubled by mistake; splitting is dear
        ("recieved", "received", "relieved"),  # two letters swapped
        ("seperate", "separate", "desperate"),  # one vowel for another
        ("liase", "liaise", "lase"),  # a vowel left out of a run, not one added
        ("thw", "the", "thaw"),  # the key beside the one meant
    ],
)
def test_common_misspelling_patterns_cost_less(typed: str, likelier: str, less_likely: str) -> None:
    assert distance(typed, likelier) < distance(typed, less_likely)


def test_rank_puts_the_cheapest_first_then_the_commoner_then_the_engines_order() -> None:
    assert rank("commited", ["commuted", "committed"]) == ["committed", "commuted"]
    ranks = {"which": 1, "witch": 2}
    assert rank("wich", ["winch", "witch", "which"], commonness=ranks) == [
        "which",
        "witch",
        "winch",
    ]
    assert rank("wich", ["winch", "witch"]) == ["winch", "witch"]


def test_rank_uses_the_dictionarys_replacement_table() -> None:
    assert rank("fotograph", ["autograph", "photograph"])[0] == "autograph"
    assert rank("fotograph", ["autograph", "photograph"], [("f", "ph")])[0] == "photograph"


def test_rank_drops_duplicates_and_the_word_itself() -> None:
    assert rank("teh", ["the", "teh", "the"]) == ["the"]
