"""Due dates as typed during a meeting: day first, as in the UK; refusals say why."""

from datetime import date

import pytest

from scrutiny_desktop.domain.dates import format_due, parse_due

MEETING = date(2015, 2, 26)


@pytest.mark.parametrize(
    "typed",
    [
        "12.03.15",
        "12/3",
        "12 Mar",
        "2015-03-12",
        "12 March",
        "12th March",
        "12/03/2015",
        "12-3-15",
        " 12 mar 2015 ",
        "12 Mar.",
    ],
)
def test_accepts_the_ways_a_minute_taker_types_a_date(typed):
    result = parse_due(typed, today=MEETING)
    assert result.ok, result.error
    assert result.value == date(2015, 3, 12)


def test_day_comes_first():
    assert parse_due("03/04/15", today=MEETING).value == date(2015, 4, 3)


def test_a_date_without_a_year_is_the_next_one_after_the_meeting():
    assert parse_due("5/1", today=date(2015, 11, 20)).value == date(2016, 1, 5)
    # A few weeks back is read as this year (a late action), not as next year.
    assert parse_due("20/2", today=MEETING).value == date(2015, 2, 20)


def test_next_meeting_takes_the_header_date():
    result = parse_due("next meeting", today=MEETING, next_meeting=date(2015, 3, 26))
    assert result.value == date(2015, 3, 26) and result.next_meeting


def test_next_meeting_without_one_set_is_refused_clearly():
    result = parse_due("Next Meeting", today=MEETING)
    assert not result.ok and "no next meeting" in (result.error or "")


def test_empty_means_no_due_date():
    result = parse_due("  ", today=MEETING)
    assert result.ok and result.value is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31.02.15", "there is no day 31.02.2015"),
        ("2015-02-30", "there is no day"),
        ("12 Smarch", "'smarch' is not a month"),
        ("soon", "not a date"),
        ("12.13.15", "there is no day"),
        ("30/2", "there is no day 30.02"),
    ],
)
def test_refusals_say_what_is_wrong_and_keep_the_text(typed, reason):
    result = parse_due(typed, today=MEETING)
    assert not result.ok
    assert reason in (result.error or "")
    assert result.text == typed and result.value is None


def test_dates_print_as_the_minutes_print_them():
    assert format_due(date(2015, 3, 12)) == "12.03.15"
