"""One-line person entry, proposed initials, and owners typed as SH/CF."""

import pytest

from scrutiny_desktop.domain.initials import (
    initials_choices,
    initials_for,
    parse_person_line,
    propose_initials,
    split_owners,
)


def test_one_line_gives_name_role_and_organisation_with_initials():
    p = parse_person_line("Tina Bateman, Performance and Scrutiny Officer, OPCC")
    assert (p.initials, p.name, p.role, p.organisation) == (
        "TB",
        "Tina Bateman",
        "Performance and Scrutiny Officer",
        "OPCC",
    )


def test_role_may_contain_commas_and_ranks_do_not_count_in_initials():
    p = parse_person_line("Detective Chief Inspector Tom Simons, EP")
    assert (p.initials, p.role, p.organisation) == ("TS", None, "EP")
    p = parse_person_line("Lindsay Whitehouse, Deputy PCC, Office, of the PCC, OPCC")
    assert p.role == "Deputy PCC, Office, of the PCC" and p.organisation == "OPCC"


@pytest.mark.parametrize(
    ("line", "role", "organisation"),
    [
        ("Mr Dermot Forbes, Co-opted Independent Member", "Co-opted Independent Member", None),
        ("David Lloyd, Police and Crime Commissioner", "Police and Crime Commissioner", None),
        ("Fran Hallam, Chief Executive", "Chief Executive", None),
        ("Jo Marsh, Head of Public Protection", "Head of Public Protection", None),
        ("Cllr Raj Patel, Vice-Chair", "Vice-Chair", None),  # found live: an organisation
        ("Cllr Margaret Okafor, Chair", "Chair", None),
        ("Fran Hallam, OPCC", None, "OPCC"),
        ("Tom Simons, Essex Police", None, "Essex Police"),
        ("Anne Joynes, Dacorum Borough Council", None, "Dacorum Borough Council"),
    ],
)
def test_a_second_detail_is_a_role_when_it_reads_as_one(
    line: str, role: str | None, organisation: str | None
) -> None:
    """Found typing a panel live: "David Lloyd, Police and Crime Commissioner" went into
    Organisation."""
    p = parse_person_line(line)
    assert (p.role, p.organisation) == (role, organisation)


def test_initials_can_be_given_and_taken_ones_give_way_to_letters_of_the_name():
    assert parse_person_line("Gwanwyn Mason [GM2]").initials == "GM2"
    assert propose_initials("Tom Smith", taken={"TS"}) == "TSM"
    assert propose_initials("Tom Smith", taken={"TS", "TSM"}) == "TSI"
    assert initials_choices("Tom Smith", taken={"TS"})[:3] == ["TSM", "TSI", "TST"]
    assert "TOS" in initials_choices("Tom Smith", taken={"TS"})


def test_a_number_only_when_every_choice_from_the_name_is_taken():
    assert initials_choices("Al Ng", taken={"AN", "ANG", "ALN"}) == ["AN2"]


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Cty Cllr P Ruffles", "PR"),
        ("Mayor Dorothy Thornhill", "DT"),
        ("ACC Bill Jephson", "BJ"),
        ("DCC Jane Doe", "JD"),
        ("Det Supt Jo Jones", "JJ"),
        ("Ch Supt Alan Ash", "AA"),
        ("PCSO Sam Reed", "SR"),
        ("Rt Hon Lord Lansley", "LL"),
        ("Lord Smith of Finsbury", "LS"),
        ("Lady Hale", "LH"),
        ("Cllr R G Hannam", "RGH"),
        ("Cllr R.G. Hannam", "RGH"),
        ("Councillor Mary Anne Lee", "MAL"),
        ("Revd Canon Mary Tovey", "MT"),
        ("Dr Sarah Jones OBE", "SJ"),
        ("Prof Ian Hall", "IH"),
        ("Jean-Paul Martin", "JPM"),
        ("Ludwig van Beethoven", "LB"),
        ("Detective Chief Inspector Tom Simons", "TS"),
        ("Madonna", "MA"),
    ],
)
def test_titles_and_ranks_are_skipped_and_every_given_name_counts(name, initials):
    assert initials_for(name) == initials


def test_names_outside_ascii_still_get_initials():
    assert propose_initials("Ŵyn Ó Briain") == "WB"
    assert propose_initials("Łucja Żak") == "LZ"


def test_a_line_without_a_name_is_refused():
    with pytest.raises(ValueError, match="type a name"):
        parse_person_line(" , ")


@pytest.mark.parametrize("typed", ["SH/CF", "SH, CF", "SH and CF", "SH / CF", "SH CF", "SH/CF/SH"])
def test_owners_split_in_order_without_repeats(typed):
    assert split_owners(typed) == ("SH", "CF")
