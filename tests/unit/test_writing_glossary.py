"""The glossary: entries, which abbreviations minutes use (in order), and offers of new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrutiny_desktop.writing.glossary import (
    FirstUse,
    GlossaryEntry,
    Offer,
    abbreviations_used,
    first_uses,
    offers,
    parse_entry,
)
from scrutiny_desktop.writing.known import KnownWords
from scrutiny_desktop.writing.speller import Speller

SEED = Path(__file__).resolve().parents[1] / "data" / "seed-meeting.json"


def strings(value: object) -> list[str]:
    """Every string in a JSON document, in document order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


DAAT = GlossaryEntry("DAAT", "Drugs and Alcohol Team")
DA = GlossaryEntry("DA", "Domestic abuse")
OPCC = GlossaryEntry("OPCC", "Office of the Police and Crime Commissioner")
PCC = GlossaryEntry("PCC", "Police and Crime Commissioner")
AE = GlossaryEntry("A&E", "Accident and Emergency")
UNUSED = GlossaryEntry("HMICFRS", "His Majesty's Inspectorate of Constabulary")


@pytest.mark.parametrize(
    "line",
    [
        "DAAT — Drugs and Alcohol Team",
        "DAAT – Drugs and Alcohol Team",
        "DAAT - Drugs and Alcohol Team",
        "DAAT: Drugs and Alcohol Team",
        "DAAT = Drugs and Alcohol Team",
        "DAAT\tDrugs and Alcohol Team",
        "  DAAT—Drugs and Alcohol Team  ",
    ],
)
def test_an_entry_is_one_line(line: str) -> None:
    assert parse_entry(line) == DAAT
    assert str(parse_entry(line)) == "DAAT — Drugs and Alcohol Team"


def test_a_hyphenated_meaning_is_not_split() -> None:
    assert parse_entry("MASH — Multi-Agency Safeguarding Hub").meaning == (
        "Multi-Agency Safeguarding Hub"
    )


@pytest.mark.parametrize("line", ["DAAT", "DAAT —", "— Drugs", "Two words — meaning", ""])
def test_a_line_that_is_not_an_entry_is_refused(line: str) -> None:
    with pytest.raises(ValueError):
        parse_entry(line)


def test_abbreviations_used_in_order_of_first_use_and_only_those() -> None:
    texts = [
        "Matters arising",
        "The DAAT met the OPCC's officers; DA cases rose.",
        "The PCC and the DAAT agreed. PCSOs attended A&E.",
    ]
    assert abbreviations_used(texts, [UNUSED, PCC, AE, DA, OPCC, DAAT]) == [DAAT, OPCC, DA, PCC, AE]


def test_a_use_is_a_whole_word_in_the_same_case() -> None:
    entries = [DA, PCC]
    assert abbreviations_used(["DAAT daily Da da"], entries) == []
    assert abbreviations_used(["PCCs"], entries) == [PCC]
    assert abbreviations_used(["OPCC"], entries) == []


def test_first_uses_say_where_for_the_web_pages_abbr() -> None:
    texts = ["Nothing here.", "The DAAT and DAAT again."]
    assert first_uses(texts, [DAAT]) == [FirstUse(DAAT, 1, 4, 8)]


def test_offers_unknown_capitals_in_order_and_once() -> None:
    texts = ["The DAAT and IOM met.", "IOM again, then ASB."]
    assert offers(texts, KnownWords()) == [Offer("DAAT"), Offer("IOM"), Offer("ASB")]


def test_offers_leave_out_known_words_initials_roman_numerals_and_codes() -> None:
    known = KnownWords(["LW", "OPCC", "Tina Bateman", "DAAT"])
    texts = ["LW and OPCC's DAAT; Part II, item IV, XII; M25, Q3, 07/15; PCSOs and I."]
    assert offers(texts, known) == [Offer("PCSO")]


def test_offers_leave_out_ordinary_words_in_capitals_when_a_speller_is_given() -> None:
    speller = Speller()
    texts = ["RESOLVED: That the report be NOTED. The BWV roll-out."]
    assert offers(texts, KnownWords(), speller.check) == [Offer("BWV")]
    assert Offer("RESOLVED") in offers(texts, KnownWords())


def test_an_abbreviation_spelt_out_in_the_text_is_offered_with_its_meaning() -> None:
    texts = [
        "The Thurrock Multi-Agency Safeguarding Hub (MASH) shares information.",
        "DVDS (Domestic Violence Disclosure Scheme) use rose.",
        "The Police and Crime Commissioner (PCC) spoke.",
        "HMIC (a body) reported.",
    ]
    speller = Speller()
    assert offers(texts, KnownWords(), speller.check) == [
        Offer("MASH", "Multi-Agency Safeguarding Hub"),
        Offer("DVDS", "Domestic Violence Disclosure Scheme"),
        Offer("PCC", "Police and Crime Commissioner"),
        Offer("HMIC"),
    ]


def test_a_meaning_found_later_completes_an_earlier_offer() -> None:
    texts = ["IOM is growing.", "Integrated Offender Management (IOM) works."]
    assert offers(texts, KnownWords()) == [Offer("IOM", "Integrated Offender Management")]


def test_the_reference_minutes_offer_their_abbreviations() -> None:
    texts = strings(json.loads(SEED.read_text()))
    people = KnownWords(["LW", "TS", "WK", "SH", "PL", "EP", "TB", "CF", "GM", "JK", "OPCC"])
    found = {o.abbreviation: o.meaning for o in offers(texts, people, Speller().check)}
    assert found["MASH"] == "Multi-Agency Safeguarding Hub"
    assert {"PCC", "DAAT", "IOM", "ASB", "PCSO", "HMIC"} <= set(found)
    assert not {"LW", "OPCC", "RESOLVED"} & set(found)
