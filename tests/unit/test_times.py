"""Meeting times as a minute-taker types them (the header's start and end)."""

from datetime import time

import pytest

from scrutiny_desktop.domain.dates import parse_time


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2pm", time(14, 0)),
        ("2 pm", time(14, 0)),
        ("2.30pm", time(14, 30)),
        ("2:30 p.m.", time(14, 30)),
        ("2.30 PM", time(14, 30)),
        ("14:00", time(14, 0)),
        ("14.00", time(14, 0)),
        ("1400", time(14, 0)),
        ("930", time(9, 30)),
        ("9", time(9, 0)),
        ("09:00", time(9, 0)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("noon", time(12, 0)),
        ("", None),
    ],
)
def test_times_typed_every_usual_way(typed: str, meant: time | None) -> None:
    assert parse_time(typed) == meant


@pytest.mark.parametrize("typed", ["25:00", "2400", "13pm", "0am", "2.75pm", "two"])
def test_what_is_not_a_time_is_refused_saying_so(typed: str) -> None:
    with pytest.raises(ValueError, match="not a time"):
        parse_time(typed)
