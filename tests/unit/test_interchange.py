"""JSON interchange: the reference meeting round-trips; invalid documents name path and problem."""

import json
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.export.interchange import InterchangeError
from tests.conftest import shared_copy_is_current
from tests.unit.interchange_helpers import with_defaults


def test_the_test_copies_match_the_shared_interchange_files():
    assert shared_copy_is_current(), "tests/data is out of date with ../shared/interchange"


def test_shipped_schemas_are_the_shared_ones(schema_path: Path, schema_v2_path: Path):
    assert interchange.schema("scrutiny-minutes/1") == json.loads(schema_path.read_text())
    assert interchange.schema("scrutiny-minutes/2") == json.loads(schema_v2_path.read_text())


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_reference_meeting_exports_as_the_shared_v2_document(
    version: str, seed_path: Path, seed_v2_path: Path, book_path: Path
):
    """Imported from either version, the reference meeting exports as seed-meeting.v2.json
    with every default filled in."""
    source = seed_path if version == "v1" else seed_v2_path
    with Book.create(book_path) as book:
        meeting_id = book.import_minutes(interchange.load(source))
    with Book.open(book_path) as book:
        exported = json.loads(interchange.dumps(book.minutes(meeting_id)))
    assert exported == with_defaults(json.loads(seed_v2_path.read_text()))
    interchange.validate(exported)  # what we write, we would read


def test_export_is_valid_against_the_schema_even_when_empty():
    from datetime import date

    from scrutiny_desktop.domain.model import Meeting, Minutes

    doc = interchange.to_document(
        Minutes(meeting=Meeting(id=None, title="T", date=date(2020, 1, 2)))
    )
    interchange.validate(doc)  # raises when it is not
    assert (doc["meeting"]["title"], doc["items"], doc["people"]) == ("T", [], [])


def _seed(seed_path: Path) -> dict:
    return json.loads(seed_path.read_text())


def _set(doc: dict, path: list, value) -> dict:
    target = doc
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


_DELETE = object()

VIOLATIONS = [
    # (what to change, value, expected message)
    (
        ["items", 1, "actions", 0, "due"],
        "12.03.15",
        "items[1].actions[0].due: '12.03.15' is not a date (YYYY-MM-DD)",
    ),
    (["meeting", "date"], "2015-02-30", "meeting.date: '2015-02-30' is not a date (YYYY-MM-DD)"),
    (["meeting", "start"], "9am", "meeting.start: '9am' is not a time (HH:MM, 24-hour)"),
    (["meeting", "title"], _DELETE, "meeting: 'title' is a required property"),
    (["meeting", "colour"], "red", "meeting: unknown key 'colour'"),
    (
        ["format"],
        "scrutiny-minutes/3",
        "format: 'scrutiny-minutes/3' is not a version this release reads",
    ),
    (["people", 0, "initials"], "1X", "people[0].initials: '1X' is not initials"),
    (["attendance", 0, "status"], "here", "attendance[0].status: 'here' is not one of"),
    (
        ["items", 2, "actions", 0, "ref"],
        "7-15",
        "items[2].actions[0].ref: '7-15' is not an action reference (NN/YY)",
    ),
    (
        ["items", 2, "actions", 0, "status"],
        "done",
        "items[2].actions[0].status: 'done' is not one of",
    ),
    (["items", 2, "body", 0], {"txt": "x"}, "items[2].body[0]: unknown key 'txt'"),
    (["items", 2, "restricted"], "yes", "items[2].restricted: 'yes' is not of type 'boolean'"),
    (
        ["items", 0, "action_updates", 0, "ref"],
        "76",
        "items[0].action_updates[0].ref: '76' is not an action reference",
    ),
    (["items"], {}, "items: {} is not of type 'array'"),
    # What the schema cannot say, the importer still checks.
    (["attendance", 0, "initials"], "ZZ", "attendance[0].initials: 'ZZ' is not in people"),
    (
        ["items", 3, "actions", 0, "owners", 1],
        "QQ",
        "items[3].actions[0].owners[1]: 'QQ' is not in people",
    ),
    (["people", 1, "initials"], "LW", "people[1].initials: 'LW' appears twice"),
    (["items", 2, "actions", 1, "ref"], "07/15", "items[2].actions[1].ref: '07/15' appears twice"),
]


@pytest.mark.parametrize(
    ("path", "value", "message"), VIOLATIONS, ids=[m for _, _, m in VIOLATIONS]
)
def test_each_kind_of_violation_names_the_path_and_the_problem(seed_path, path, value, message):
    doc = _set(_seed(seed_path), path, value)
    with pytest.raises(InterchangeError) as caught:
        interchange.from_document(doc)
    assert message in str(caught.value)


def test_invalid_json_says_where(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "scrutiny-minutes/1",\n  "meeting": }')
    with pytest.raises(InterchangeError, match=r"not valid JSON: .* line 2, column 14"):
        interchange.load(bad)


def test_text_that_is_not_utf8_is_refused(tmp_path: Path):
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"x": "café"}'.encode("latin-1"))
    with pytest.raises(InterchangeError, match="not UTF-8"):
        interchange.load(bad)


def test_a_document_is_not_a_list(seed_path):
    with pytest.raises(InterchangeError, match=r"format: None is not a version this release"):
        interchange.from_document([])


def test_unknown_update_references_are_kept(seed_path, book_path):
    # A book may start mid-year: 76/14 was raised before this book existed.
    with Book.create(book_path) as book:
        meeting_id = book.import_minutes(interchange.load(seed_path))
        updates = book.minutes(meeting_id).items[0].updates
    assert [str(u.ref) for u in updates][:2] == ["76/14", "81/14"]


def test_importing_people_merges_by_initials_and_keeps_known_details(seed_path, book_path):
    doc = _seed(seed_path)
    with Book.create(book_path) as book:
        book.import_minutes(interchange.from_document(doc))
        doc["people"][0]["role"] = None  # an absent detail keeps the directory's
        doc["people"][1]["role"] = "Chief Executive and Monitoring Officer"
        book.import_minutes(interchange.from_document(doc))
        assert book.person("LW").role == "Deputy Police and Crime Commissioner (DPCC)"
        assert book.person("SH").role == "Chief Executive and Monitoring Officer"
        assert len(book.people()) == 10


@pytest.mark.parametrize("name", ["panel-meeting.v2.json", "panel-typed-by-keys.v2.json"])
def test_a_panel_meeting_using_every_v2_key_round_trips(name: str, book_path: Path):
    """Issue 14, must-show 1: declarations, resolutions and votes (named too), exempt items
    with their paragraphs and summary, arrivals, departures, substitutes, the quorum, item
    times, assurance, bullets and restricted sub-headings come back as they went in."""
    source = Path(__file__).resolve().parents[1] / "data" / name
    document = json.loads(source.read_text(encoding="utf-8"))
    with Book.create(book_path) as book:
        meeting_id = book.import_minutes(interchange.load(source))
        exported = json.loads(interchange.dumps(book.minutes(meeting_id)))
    assert exported == with_defaults(document)
