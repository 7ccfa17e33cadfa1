"""Standard phrases: the shipped defaults, expansion before the cursor, the popup's completions."""

from __future__ import annotations

import pytest

from scrutiny_desktop.writing.phrases import (
    DEFAULT_PHRASES,
    PLACEHOLDER,
    Expansion,
    Phrase,
    abbreviation_problem,
    completions,
    expand,
    expansion,
    fragment_before,
)


def apply(paragraph: str, e: Expansion) -> str:
    return paragraph[: e.start] + e.text + paragraph[e.end :]


def test_the_defaults_are_the_formulas_a_clerk_types() -> None:
    texts = {p.abbreviation: p.text for p in DEFAULT_PHRASES}
    assert (
        texts[";agreed"] == "The minutes of the previous meeting were agreed as a correct record."
    )
    assert "The report was noted." in texts.values()
    assert "There were no declarations of interest." in texts.values()
    assert "Apologies were received from …" in texts.values()
    assert len(texts) == len(DEFAULT_PHRASES)  # abbreviations are unique
    assert all(abbreviation_problem(p.abbreviation) is None for p in DEFAULT_PHRASES)


def test_an_abbreviation_before_the_cursor_expands_in_place() -> None:
    paragraph = "Minutes. ;agreed"
    e = expansion(paragraph, len(paragraph), DEFAULT_PHRASES)
    assert e is not None
    assert apply(paragraph, e) == (
        "Minutes. The minutes of the previous meeting were agreed as a correct record."
    )
    assert e.cursor == len(apply(paragraph, e)) and e.selection is None


def test_expansion_mid_paragraph_keeps_the_text_after_the_cursor() -> None:
    paragraph = ";noted Then the chair spoke."
    e = expansion(paragraph, len(";noted"), DEFAULT_PHRASES)
    assert e is not None
    assert apply(paragraph, e) == "The report was noted. Then the chair spoke."
    assert e.cursor == len("The report was noted.")


def test_the_placeholder_is_selected_after_expanding() -> None:
    e = expansion(";apol", 5, DEFAULT_PHRASES)
    assert e is not None and e.selection is not None
    after = apply(";apol", e)
    assert after[e.selection[0] : e.selection[1]] == PLACEHOLDER
    assert after == "Apologies were received from …"


@pytest.mark.parametrize(
    ("paragraph", "cursor"),
    [
        ("a;agreed", 8),  # glued to a word: not an abbreviation
        (";agree", 6),  # not a phrase (yet)
        (";agreed", 5),  # the cursor is inside it
        ("agreed", 6),  # no trigger
        ("; agreed", 8),
    ],
)
def test_nothing_expands_unless_a_whole_abbreviation_ends_at_the_cursor(
    paragraph: str, cursor: int
) -> None:
    assert expansion(paragraph, cursor, DEFAULT_PHRASES) is None


def test_case_does_not_matter_and_brackets_may_open_before_it() -> None:
    e = expansion("(;Noted", 7, DEFAULT_PHRASES)
    assert e is not None and apply("(;Noted", e) == "(The report was noted."


def test_the_fragment_being_typed_and_its_completions() -> None:
    assert fragment_before("Item 3 ;ag", 10) == (7, ";ag")
    assert fragment_before("Item 3 ag", 9) is None
    assert [p.abbreviation for p in completions(";ag", DEFAULT_PHRASES)] == [";agreed"]
    assert [p.abbreviation for p in completions(";a", DEFAULT_PHRASES)][:2] == [
        ";actions",
        ";agreed",
    ]
    # Two letters or more also find abbreviations containing them, then the phrases' words.
    found = [p.abbreviation for p in completions(";declar", DEFAULT_PHRASES)]
    assert found == [";doi"]


def test_a_phrase_chosen_from_the_popup_replaces_the_fragment() -> None:
    phrase = Phrase(";x", "Replaced.")
    e = expand(phrase, 7, 10)
    assert apply("Item 3 ;ag and", e) == "Item 3 Replaced. and"


@pytest.mark.parametrize(
    ("abbreviation", "problem"),
    [
        ("agreed", "starts with ;"),
        (";", "at least one letter"),
        (";two words", "no spaces"),
        (";a;b", "no spaces"),
        (";" + "x" * 30, "20 characters"),
        (";NOTED", "already used"),
    ],
)
def test_the_phrase_editor_refuses_bad_abbreviations(abbreviation: str, problem: str) -> None:
    message = abbreviation_problem(abbreviation, DEFAULT_PHRASES)
    assert message is not None and problem in message


def test_the_last_phrase_with_an_abbreviation_wins_nothing_first_one_does() -> None:
    phrases = [Phrase(";x", "First."), Phrase(";X", "Second.")]
    e = expansion(";x", 2, phrases)
    assert e is not None and e.text == "First."
