"""A status typed in words, and a matters-arising line, read by one rule everywhere."""

from scrutiny_desktop.domain.model import Status
from scrutiny_desktop.domain.progress import parse_update_line, status_from_text, status_named


def test_a_status_is_named_in_words_or_by_its_value() -> None:
    assert status_named("to follow") is Status.TO_FOLLOW
    assert status_named(" To_Follow ") is Status.TO_FOLLOW
    assert status_named("to") is None


def test_a_status_may_be_begun_when_only_one_begins_so() -> None:
    assert status_from_text("comp") is Status.COMPLETED
    assert status_from_text("in prog") is Status.IN_PROGRESS
    assert status_from_text("") is None
    assert status_from_text("xyz") is None


def test_an_update_line_takes_the_longest_status_then_the_note() -> None:
    u = parse_update_line("94/14 to follow SH to action")
    assert (str(u.ref), u.status, u.note) == ("94/14", Status.TO_FOLLOW, "SH to action")
    u = parse_update_line("5/15 awaiting the report")
    assert (str(u.ref), u.status, u.note) == ("05/15", Status.OPEN, "awaiting the report")
