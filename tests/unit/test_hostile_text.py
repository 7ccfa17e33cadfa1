"""Hostile text, typed or pasted, is stored and read back without crashing, and exports.

The rule (``domain/text.py``): everything is kept as typed except a lone surrogate and
NUL, which become U+FFFD (visible, counted); surrogate halves of a pair are joined.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book
from scrutiny_desktop.book.errors import TooLong
from scrutiny_desktop.domain import limits
from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Attendance,
    Meeting,
    Minutes,
    Paragraph,
    Person,
)
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.domain.text import REPLACEMENT, clean, is_storable, storable
from scrutiny_desktop.export import interchange

FIVE_MB = "Lorem ipsum dolor sit amet, " * (5_000_000 // 28)
# The longest paragraph the book keeps (domain.limits), with a hostile ending.
LONGEST = "Lorem ipsum dolor sit amet, " * (limits.PARAGRAPH // 28 - 1)
CASES = {
    # 956 characters, no space: wraps mid-word, and fits a title (domain.limits.TITLE)
    "long_word": "Llanfair" + "pwllgwyngyll" * 79,
    "emoji": "Agreed 👍🏽 — family 👨‍👩‍👧 🇬🇧",
    "right_to_left": "تمت الموافقة على المحضر · הפרוטוקול אושר",
    "override": "invoice \u202egpj.exe stays as typed",
    "combining": "Zalgo z\u0301\u0308\u0323a\u0310l\u0337 and Welsh ŵ ŷ, Polish ąęśż",
    "nul": "before\x00after",
    "lone_surrogate": "pasted \ud83d from a clipboard",
    "split_pair": "halves \ud83d\ude00 joined",
    "controls": "tab\there\x0bvertical\x0cform feed\r\nCRLF",
}
EXPECTED = {
    "nul": f"before{REPLACEMENT}after",
    "lone_surrogate": f"pasted {REPLACEMENT} from a clipboard",
    "split_pair": "halves 😀 joined",
}


def test_the_rule_replaces_only_what_cannot_be_kept():
    for name, text in CASES.items():
        assert storable(text) == EXPECTED.get(name, text), name
    assert clean("a\ud800b\udfffc\x00") == ("a\ufffdb\ufffdc\ufffd", 3)
    assert clean("\udfff\ud800") == ("\ufffd\ufffd", 2)  # wrong order: not a pair
    assert is_storable("ŵ 👍") and not is_storable("\x00")
    assert clean(FIVE_MB)[0] is FIVE_MB  # the common case copies nothing


def _everywhere(book: Book, text: str) -> int:
    """Put ``text`` in every kind of text the book keeps; the meeting id."""
    m = book.add_meeting(
        Meeting(
            id=None,
            title=text,
            date=date(2015, 2, 26),
            series=f"series {text}",
            venue=text,
            classification=text,
        )
    )
    assert m.id is not None
    book.save_person(Person("LW", name=text, role=text, organisation=text))
    book.set_attendance(m.id, Attendance("LW", note=text))
    item = book.add_item(m.id, text)
    assert item.id is not None
    book.set_body(item.id, [Paragraph(text, heading=True), Paragraph(text)])
    book.add_action(item.id, Action(id=None, ref=None, text=text, owners=("LW",), due_text=text))
    book.add_update(item.id, ActionUpdate(id=None, ref=ActionRef(15, 1), note=text))
    return m.id


def _texts(minutes: Minutes) -> list[str | None]:
    m = minutes.meeting
    item = minutes.items[0]
    person = minutes.person("LW")
    assert person is not None
    return [
        m.title,
        m.venue,
        m.classification,
        person.name,
        person.role,
        person.organisation,
        minutes.attendance[0].note,
        item.title,
        *(p.text for p in item.body),
        item.actions[0].text,
        item.actions[0].due_text,
        item.updates[0].note,
    ]


@pytest.mark.parametrize("name", list(CASES))
def test_stored_everywhere_and_read_back(tmp_path, name):
    text = CASES[name]
    path = tmp_path / "book.sqlite"
    with Book.create(path) as book:
        meeting_id = _everywhere(book, text)
        replaced = book.replaced_characters
    with Book.open(path) as book:
        minutes = book.minutes(meeting_id)
    assert _texts(minutes) == [EXPECTED.get(name, text)] * 13
    assert minutes.meeting.series == f"series {EXPECTED.get(name, text)}"
    if name in ("nul", "lone_surrogate"):
        assert replaced >= 13  # counted, for the window to report
    else:
        assert replaced == 0


def test_a_five_megabyte_paragraph_is_refused_and_nothing_is_written(tmp_path):
    with Book.create(tmp_path / "book.sqlite") as book:
        meeting_id = _everywhere(book, "short")
        item_id = book.items(meeting_id)[0].id
        assert item_id is not None
        before = book.body(item_id)
        with pytest.raises(
            TooLong,
            match=r"paragraph 1 .* 4,999,988 characters long; the most a book keeps is 100,000",
        ):
            book.set_body(item_id, [Paragraph(FIVE_MB)])
        assert book.body(item_id) == before


def test_the_longest_paragraph_the_book_keeps_round_trips(tmp_path):
    with Book.create(tmp_path / "book.sqlite") as book:
        meeting_id = _everywhere(book, "short")
        item_id = book.items(meeting_id)[0].id
        assert item_id is not None
        book.set_body(item_id, [Paragraph(LONGEST + CASES["lone_surrogate"])])
        body = book.body(item_id)
        assert body[0].text == LONGEST + EXPECTED["lone_surrogate"]
        minutes = book.minutes(meeting_id)
    doc = interchange.dumps(minutes).encode("utf-8")
    again = interchange.loads(doc.decode("utf-8"))
    assert again.items[0].body[0].text == body[0].text


@pytest.mark.parametrize("name", list(CASES))
def test_json_export_of_what_the_book_holds(tmp_path, name):
    with Book.create(tmp_path / "book.sqlite") as book:
        minutes = book.minutes(_everywhere(book, CASES[name]))
    text = interchange.dumps(minutes)
    data = text.encode("utf-8")  # what is written to disk: must be valid UTF-8
    assert json.loads(data)["meeting"]["title"] == EXPECTED.get(name, CASES[name])
    assert interchange.loads(text).items[0].body[1].text == EXPECTED.get(name, CASES[name])


def test_json_dumps_of_minutes_that_never_met_the_book_does_not_crash():
    """A document made in memory (not read from a book) may still hold a lone surrogate."""
    minutes = Minutes(
        meeting=Meeting(id=None, title=CASES["lone_surrogate"], date=date(2015, 2, 26))
    )
    assert "\ud83d" in interchange.dumps(minutes)  # a str; writing it is the writer's concern


def test_pdf_export_does_not_crash(tmp_path):
    pdf = pytest.importorskip("scrutiny_desktop.export.pdf")
    with Book.create(tmp_path / "book.sqlite") as book:
        meeting_id = _everywhere(book, "Hostile text")
        item_id = book.items(meeting_id)[0].id
        assert item_id is not None
        # Every case but the 5 MB paragraph (reportlab's cost, measured separately).
        book.set_body(item_id, [Paragraph(t) for t in CASES.values()])
        minutes = book.minutes(meeting_id)
    for public in (False, True):
        out = tmp_path / f"minutes-{public}.pdf"
        pages = pdf.export_pdf(minutes, out, public=public)
        assert pages >= 1 and out.read_bytes().startswith(b"%PDF")


def test_reads_bind_through_the_same_rule(tmp_path: Path):
    """Reads bind parameters through the same rule: a search for a lone surrogate works."""
    with Book.create(tmp_path / "book.sqlite") as book:
        rows = book._db.execute("SELECT ? AS t", ["\ud800"]).fetchall()
    assert rows == [(REPLACEMENT,)]
