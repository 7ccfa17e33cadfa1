"""British spelling (issue 16, Must show 1): British forms accepted, misspellings flagged with the
right first suggestion, and the book's own words known."""

from __future__ import annotations

import pytest

from scrutiny_desktop.writing.known import KnownWords
from scrutiny_desktop.writing.speller import Speller

BRITISH = [
    "organisation",
    "recognise",
    "programme",
    "licence",
    "judgement",
    "offence",
    "defence",
    "centre",
    "analyse",
    "travelled",
    "colour",
    "behaviour",
    "cheque",
    "kerb",
    "tyre",
    "ageing",
    "fulfil",
]

MISSPELT = {
    "recieved": "received",
    "seperate": "separate",
    "occured": "occurred",
    "accomodation": "accommodation",
    "goverment": "government",
    "commited": "committed",
    "definately": "definitely",
    "independant": "independent",
    "liase": "liaise",
    "publically": "publicly",
    "untill": "until",
    "tommorrow": "tomorrow",
}

# What the book would pass: people (name, initials, role, organisation), the glossary.
BOOK = KnownWords(
    [
        "Tina Bateman",
        "TB",
        "Performance and Scrutiny Officer",
        "Lindsay Whitehouse",
        "LW",
        "Wendy Okonkwo-Pryce",
        "WK",
        "OPCC",
        "Essex Police",
        "DAAT",
        "Thurrock",
    ]
)


@pytest.fixture(scope="module")
def speller() -> Speller:
    s = Speller()
    s.load()
    return s


@pytest.mark.parametrize("word", BRITISH)
def test_british_spellings_are_accepted(speller: Speller, word: str) -> None:
    assert speller.check(word)
    assert speller.check(word.capitalize())
    assert speller.misspellings(f"The {word} was discussed.") == []


def test_licence_is_the_noun_and_the_american_forms_are_flagged(speller: Speller) -> None:
    text = "The licence and the colour of the centre; the color of the center."
    flagged = [text[a:b] for a, b in speller.misspellings(text)]
    assert flagged == ["color", "center"]


@pytest.mark.parametrize(("typed", "meant"), MISSPELT.items())
def test_misspellings_are_flagged_with_the_right_first_suggestion(
    speller: Speller, typed: str, meant: str
) -> None:
    text = f"It was {typed} by the panel."
    start = text.index(typed)
    assert speller.misspellings(text) == [(start, start + len(typed))]
    assert not speller.check(typed)
    assert speller.suggest(typed)[0] == meant


@pytest.mark.parametrize(("typed", "meant"), MISSPELT.items())
def test_the_suggestion_keeps_the_capital_of_a_sentence_start(
    speller: Speller, typed: str, meant: str
) -> None:
    assert speller.suggest(typed.capitalize())[0] == meant.capitalize()


def test_names_initials_organisations_and_roles_of_the_book_are_known(speller: Speller) -> None:
    text = (
        "Tina Bateman (TB), Performance and Scrutiny Officer, OPCC, and LW met "
        "Wendy Okonkwo-Pryce (WK) of Essex Police in Thurrock."
    )
    assert speller.misspellings(text, BOOK) == []
    unknown = {text[a:b] for a, b in speller.misspellings(text)}
    assert {"OPCC", "WK", "Okonkwo", "Pryce"} <= unknown


def test_glossary_abbreviations_and_their_possessives_are_known(speller: Speller) -> None:
    for text in ("The DAAT report.", "The OPCC's view.", "The OPCC’s view.", "The DAAT's plan."):
        assert speller.misspellings(text, BOOK) == [], text
    assert speller.misspellings("The OPCC's view.") == [(4, 10)]


def test_references_dates_and_numbers_are_never_flagged(speller: Speller) -> None:
    text = (
        "Action 07/15 (and 94/14) is due 12.03.15, or 2015-03-12, or 12/3; "
        "1st, 21st, 2014/15, Q3, 10%, £1,000, 3.5 and 3pm."
    )
    assert speller.misspellings(text) == []


def test_hyphenated_words_are_right_whole_or_in_parts_and_wrong_parts_are_marked(
    speller: Speller,
) -> None:
    text = "A well-being, cross-party, multi-agnecy plan."
    start = text.index("agnecy")
    assert speller.misspellings(text) == [(start, start + len("agnecy"))]


def test_apostrophes_of_both_kinds(speller: Speller) -> None:
    text = "He didn’t say; she didn't; the members' view; ‘quoted’ and 'quoted'."
    assert speller.misspellings(text) == []
    assert speller.suggest("didnt’")[0] == "didn’t"


def test_a_known_name_is_accepted_in_capitals_but_not_in_lower_case(speller: Speller) -> None:
    known = KnownWords(["Quennell"])
    assert speller.misspellings("QUENNELL and Quennell", known) == []
    assert speller.misspellings("quennell", known) == [(0, 8)]
    assert speller.misspellings("Quennell") == [(0, 8)]


def test_abbreviations_with_a_full_stop_and_titles_before_names(speller: Speller) -> None:
    assert speller.misspellings("Papers, reports, etc. and e.g. i.e. for Cllr Smith.") == []
    assert speller.misspellings("Supt Jones and Insp Hale met Sgt Lee.") == []


def test_web_and_email_addresses_are_left_alone(speller: Speller) -> None:
    text = "See www.essxe.police.uk/reprots or mail clerk@thurock.gov.uk today."
    assert speller.misspellings(text) == []


def test_spans_are_string_offsets_after_emoji_too(speller: Speller) -> None:
    text = "👍 recieved"
    assert speller.misspellings(text) == [(2, 10)]


def test_plurals_of_known_abbreviations_are_known(speller: Speller) -> None:
    known = KnownWords(["PCSO", "DHR", "Quennell"])
    assert speller.misspellings("Two PCSOs, three DHRs and the PCSOs' rota.", known) == []
    assert speller.misspellings("Quennells", known) == [(0, 9)]
