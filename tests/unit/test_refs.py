"""Action references NN/YY: parsing, order, and numbering per series and action year."""

from datetime import date

import pytest

from scrutiny_desktop.domain.refs import ActionRef, action_year, next_ref


def test_reference_reads_and_prints_as_minutes_write_it():
    assert str(ActionRef.parse("07/15")) == "07/15"
    assert str(ActionRef.parse("7/15")) == "07/15"
    assert str(ActionRef(year=14, number=101)) == "101/14"


@pytest.mark.parametrize("text", ["", "07", "07/2015", "ab/15", "0/15", "07-15"])
def test_reference_refuses_what_is_not_nn_yy(text):
    with pytest.raises(ValueError, match=r"not an action reference|must be"):
        ActionRef.parse(text)


def test_references_sort_in_the_order_they_were_raised():
    refs = [ActionRef.parse(r) for r in ["01/15", "97/14", "76/14", "10/15", "02/15"]]
    assert [str(r) for r in sorted(refs)] == ["76/14", "97/14", "01/15", "02/15", "10/15"]


def test_numbering_continues_within_the_year():
    existing = [ActionRef.parse("05/15"), ActionRef.parse("06/15")]
    assert str(next_ref(existing, date(2015, 2, 26))) == "07/15"


def test_numbering_restarts_at_a_calendar_year_boundary():
    existing = [ActionRef.parse("96/14"), ActionRef.parse("97/14")]
    assert str(next_ref(existing, date(2014, 12, 31))) == "98/14"
    assert str(next_ref(existing, date(2015, 1, 1))) == "01/15"


def test_numbering_follows_a_financial_year_starting_in_april():
    existing = [ActionRef.parse("40/14")]
    assert action_year(date(2015, 3, 31), year_start_month=4) == 14
    assert action_year(date(2015, 4, 1), year_start_month=4) == 15
    assert str(next_ref(existing, date(2015, 3, 31), 4)) == "41/14"
    assert str(next_ref(existing, date(2015, 4, 1), 4)) == "01/15"


def test_a_number_once_issued_is_never_issued_again():
    # 07/15 was handed out and its action deleted: only the remembered counter knows.
    existing = [ActionRef.parse("06/15")]
    assert str(next_ref(existing, date(2015, 3, 1), last_issued=7)) == "08/15"


def test_year_start_month_is_checked():
    with pytest.raises(ValueError):
        action_year(date(2015, 1, 1), year_start_month=13)
