"""Restricted actions carried into the next meeting's Matters arising stay out of its public PDF.

A new meeting carries every open action of the series as an update. An update on a
restricted action, or on any action of a restricted item, is restricted too: the public
PDF leaves it out (text, reference and note), the full PDF keeps it, marked.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from sqlite_utils import Database

from scrutiny_desktop.book import Book
from scrutiny_desktop.book.schema import APPLICATION_ID, MIGRATIONS
from scrutiny_desktop.domain.model import Action, ActionUpdate, Meeting, Status
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.export import interchange
from scrutiny_desktop.export.pdf import default_filename, export_pdf
from scrutiny_desktop.export.pdf_layout import NOT_FOR_PUBLICATION
from tests.unit.pdf_helpers import outline_titles, pdftotext, raw_streams, squash

JAN, FEB = date(2024, 1, 10), date(2024, 2, 14)
UNNUMBERED = "CANARYU0001BEEF unnumbered restricted"
IN_ITEM = "CANARYI0002BEEF action in a restricted item"
NUMBERED = "CANARYN0003BEEF numbered restricted"
NUMBERED_NOTE = "CANARYM0004BEEF note on the numbered restricted action"
UNKNOWN_NOTE = "CANARYK0005BEEF note on a restricted update of an unknown reference"
PUBLIC_UNNUMBERED = "Publish the report on the website"
PUBLIC_NOTE = "Chased by the clerk"


def _everything(path: Path) -> str:
    """All the places a reader (or a script) could find text in the file."""
    reader = PdfReader(path)
    return "\n".join(
        [
            " ".join(page.extract_text() for page in reader.pages),
            pdftotext(path, "-raw"),
            pdftotext(path, "-layout"),
            " ".join(f"{k}={v}" for k, v in (reader.metadata or {}).items()),
            " ".join(outline_titles(reader)),
            raw_streams(reader).decode("latin-1"),
            path.read_bytes().decode("latin-1"),
            path.name,
        ]
    )


def _readable(path: Path) -> str:
    """The text as read back (for short strings such as references, which could turn up
    by chance in compressed bytes)."""
    reader = PdfReader(path)
    return squash(
        " ".join(page.extract_text() for page in reader.pages) + " " + pdftotext(path, "-raw")
    )


def _first_meeting(book: Book) -> tuple[int, ActionRef, ActionRef]:
    """January: a public item with public and restricted actions, and a restricted item."""
    jan = book.add_meeting(Meeting(id=None, title="Panel", date=JAN, series="Panel"))
    assert jan.id is not None
    public = book.add_item(jan.id, "Performance report")
    assert public.id is not None
    book.add_action(public.id, Action(id=None, ref=None, text=PUBLIC_UNNUMBERED), numbered=False)
    open_ref = book.add_action(public.id, Action(id=None, ref=None, text="Report back")).ref
    restricted = Action(id=None, ref=None, text=UNNUMBERED, restricted=True)
    book.add_action(public.id, restricted, numbered=False)
    secret_ref = book.add_action(
        public.id, Action(id=None, ref=None, text=NUMBERED, restricted=True)
    ).ref
    private = book.add_item(jan.id, "Complaint from a member of the public")
    assert private.id is not None
    book.update_item(replace(private, restricted=True))
    book.add_action(private.id, Action(id=None, ref=None, text=IN_ITEM), numbered=False)
    assert open_ref is not None and secret_ref is not None
    return jan.id, open_ref, secret_ref


def test_carried_updates_keep_the_restriction_of_the_action_or_its_item(book_path: Path):
    with Book.create(book_path) as book:
        jan, open_ref, secret_ref = _first_meeting(book)
        feb = book.new_meeting_after(jan, FEB)
        updates = {u.subject: u for u in book.items(feb, full=True)[0].updates}
        assert {s: u.restricted for s, u in updates.items()} == {
            PUBLIC_UNNUMBERED: False,
            str(open_ref): False,
            UNNUMBERED: True,
            str(secret_ref): True,
            IN_ITEM: True,
        }
        register = {t.text: t.restricted for t in book.register("Panel")}
        assert register == {
            PUBLIC_UNNUMBERED: False,
            "Report back": False,
            UNNUMBERED: True,
            NUMBERED: True,
            IN_ITEM: True,
        }


def test_public_pdf_of_the_next_meeting_holds_no_carried_restricted_action(
    book_path: Path, tmp_path: Path
):
    with Book.create(book_path) as book:
        jan, open_ref, secret_ref = _first_meeting(book)
        feb = book.new_meeting_after(jan, FEB)
        updates = {u.subject: u for u in book.items(feb, full=True)[0].updates}
        book.set_progress(updates[str(secret_ref)].id, "in_progress", NUMBERED_NOTE)  # type: ignore[arg-type]
        book.set_progress(updates[str(open_ref)].id, "in_progress", PUBLIC_NOTE)  # type: ignore[arg-type]
        minutes = book.minutes(feb)
    public = tmp_path / default_filename(minutes, public=True)
    full = tmp_path / default_filename(minutes, public=False)
    export_pdf(minutes, public, public=True)
    export_pdf(minutes, full)

    everything = _everything(public)
    canaries = [UNNUMBERED, IN_ITEM, NUMBERED_NOTE]
    assert [c for c in canaries if c.split()[0] in everything] == []
    readable = _readable(public)
    assert str(secret_ref) not in readable
    assert NOT_FOR_PUBLICATION not in readable
    # What is public is still there.
    assert PUBLIC_UNNUMBERED in readable
    # The line says what 01/24 was (its text), then where it stands.
    assert f"{open_ref} Report back – in progress, {PUBLIC_NOTE}" in readable

    full_text = _readable(full)
    assert [c for c in canaries if c not in full_text] == []
    assert str(secret_ref) in full_text
    assert squash(pdftotext(full, "-raw")).count(NOT_FOR_PUBLICATION) == 3


def test_a_restricted_update_on_an_unknown_reference_stays_restricted_when_carried(
    book_path: Path, tmp_path: Path
):
    old_ref = ActionRef(year=23, number=9)  # raised before this book began
    with Book.create(book_path) as book:
        jan = book.add_meeting(Meeting(id=None, title="Panel", date=JAN, series="Panel"))
        assert jan.id is not None
        arising = book.add_item(jan.id, "Matters arising")
        assert arising.id is not None
        book.add_update(arising.id, ActionUpdate(id=None, ref=old_ref, restricted=True))
        feb = book.new_meeting_after(jan.id, FEB)
        (carried,) = book.items(feb, full=True)[0].updates
        assert (carried.ref, carried.restricted) == (old_ref, True)
        book.set_progress(carried.id, Status.TO_FOLLOW, UNKNOWN_NOTE)  # type: ignore[arg-type]
        minutes = book.minutes(feb)
    public = tmp_path / "public.pdf"
    export_pdf(minutes, public, public=True)
    assert UNKNOWN_NOTE.split()[0] not in _everything(public)
    assert str(old_ref) not in _readable(public)


def test_json_stays_schema_valid_and_import_derives_the_restriction(
    book_path: Path, tmp_path: Path
):
    with Book.create(book_path) as book:
        jan, open_ref, secret_ref = _first_meeting(book)
        feb = book.new_meeting_after(jan, FEB)
        docs = [interchange.to_document(book.minutes(m)) for m in (jan, feb)]
    for doc in docs:
        interchange.validate(doc)  # the schema has no place for an update's flag
    with Book.create(tmp_path / "other.sqlite") as other:
        for doc in docs:
            imported = other.import_minutes(interchange.from_document(doc))
        updates = {u.subject: u.restricted for u in other.items(imported, full=True)[0].updates}
    assert updates == {
        PUBLIC_UNNUMBERED: False,
        str(open_ref): False,
        UNNUMBERED: True,
        str(secret_ref): True,
        IN_ITEM: True,
    }


def test_migration_marks_a_draft_s_updates_on_restricted_actions(book_path: Path):
    conn = sqlite3.connect(book_path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    MIGRATIONS.apply(Database(conn), stop_before="m003_restricted_updates")
    conn.execute("PRAGMA user_version = 2")
    conn.executescript(
        f"""
        INSERT INTO series (id, name) VALUES (1, 'Panel');
        INSERT INTO meetings (id, series_id, title, date) VALUES (1, 1, 'Panel', '2024-01-10');
        INSERT INTO meetings (id, series_id, title, date) VALUES (2, 1, 'Panel', '2024-02-14');
        INSERT INTO items (id, meeting_id, position, number, title) VALUES (1, 1, 0, '1', 'A');
        INSERT INTO items (id, meeting_id, position, number, title, restricted)
            VALUES (2, 1, 1, '2', 'B', 1);
        INSERT INTO items (id, meeting_id, position, number, title)
            VALUES (3, 2, 0, '1', 'Matters arising');
        INSERT INTO actions (id, item_id, position, ref_year, ref_number, text, restricted)
            VALUES (1, 1, 0, 24, 1, 'Public', 0), (2, 1, 1, 24, 2, '{NUMBERED}', 1);
        INSERT INTO actions (id, item_id, position, text) VALUES (3, 2, 0, '{IN_ITEM}');
        INSERT INTO action_updates (id, item_id, position, ref_year, ref_number, status)
            VALUES (1, 3, 0, 24, 1, 'open'), (2, 3, 1, 24, 2, 'open');
        INSERT INTO action_updates (id, item_id, position, action_id, action_text, status)
            VALUES (3, 3, 2, 3, '{IN_ITEM}', 'open');
        """
    )
    conn.close()
    with Book.open(book_path) as book:
        flags = [(u.subject, u.restricted) for u in book.items(2, full=True)[0].updates]
    assert flags == [("01/24", False), ("02/24", True), (IN_ITEM, True)]
