"""Declarations and resolutions typed in one line."""

from __future__ import annotations

import pytest

from scrutiny_desktop.domain.formal_lines import parse_declaration, parse_resolution
from scrutiny_desktop.domain.model import Declaration, DeclarationKind, Person, Vote

PEOPLE = [
    Person("RP", "Cllr Raj Patel"),
    Person("JG", "Jane Gardner"),
    Person("RGH", "Cllr Robert G Hannam"),
]
K = DeclarationKind


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "RP pecuniary spouse works in force finance, left",
            Declaration("RP", "spouse works in force finance", K.DISCLOSABLE_PECUNIARY, True),
        ),
        (
            "rp dpi spouse works in force finance (left the room)",
            Declaration("RP", "spouse works in force finance", K.DISCLOSABLE_PECUNIARY, True),
        ),
        (
            "Jane Gardner other registrable interest: board member of Neighbourhood Watch",
            Declaration("JG", "board member of Neighbourhood Watch", K.OTHER_REGISTRABLE),
        ),
        (
            "Cllr Robert G Hannam non-registrable knows the complainant",
            Declaration("RGH", "knows the complainant", K.NON_REGISTRABLE),
        ),
        ("JG her son is a special constable", Declaration("JG", "her son is a special constable")),
        # The words of older codes of conduct are interests of the "other" kind, not part of
        # the interest: a clerk typing them saw "an interest (non-pecuniary her son…)".
        (
            "JG non-pecuniary her son is a special constable",
            Declaration("JG", "her son is a special constable"),
        ),
        ("JG personal interest: a friend", Declaration("JG", "a friend")),
        (
            "JG personal friend of the complainant",
            Declaration("JG", "personal friend of the complainant"),
        ),
        (
            "JG other her neighbour left the force last year",
            Declaration("JG", "her neighbour left the force last year"),
        ),
    ],
)
def test_a_declaration_in_one_line(line, expected):
    assert parse_declaration(line, PEOPLE) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "type a declaration"),
        ("ZZ pecuniary shares", "'ZZ' is nobody"),
        ("RP pecuniary, left", "say what the interest is"),
    ],
)
def test_a_declaration_that_cannot_be_read_says_why(line, message):
    with pytest.raises(ValueError, match=message):
        parse_declaration(line, PEOPLE)


@pytest.mark.parametrize(
    ("line", "text", "vote"),
    [
        ("That the report be noted.", "That the report be noted.", None),
        ("RESOLVED: That the report be noted.", "That the report be noted.", None),
        ("That the precept be supported. 4-1-1", "That the precept be supported.", Vote(4, 1, 1)),
        ("That the precept be supported (5/0/2)", "That the precept be supported", Vote(5, 0, 2)),
        (
            "That the precept be vetoed. for 3, against 4, abstained 0",
            "That the precept be vetoed.",
            Vote(3, 4, 0),
        ),
        ("That X. Against 2 abstentions 1 for 6", "That X.", Vote(6, 2, 1)),
    ],
)
def test_a_resolution_with_its_vote(line, text, vote):
    r = parse_resolution(line)
    assert (r.text, r.vote) == (text, vote)


def test_a_vote_must_give_all_three_counts():
    with pytest.raises(ValueError, match="type what was resolved"):
        parse_resolution("4-1-1")
    assert parse_resolution("That X. for 4 against 1").vote is None  # not a vote: kept as text
