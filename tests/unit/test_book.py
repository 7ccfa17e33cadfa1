"""The meeting book: migrations, reopening, foreign keys, atomic writes, numbering."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book, BookError, NotFound, ReadOnlyBook
from scrutiny_desktop.book.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Attendance,
    AttendanceStatus,
    Meeting,
    Paragraph,
)
from scrutiny_desktop.domain.refs import ActionRef

FEB = date(2015, 2, 26)


def _meeting(
    book: Book, when: date = FEB, series: str | None = "Force Performance Scrutiny"
) -> int:
    m = book.add_meeting(
        Meeting(id=None, title="Force Performance Scrutiny Meeting", date=when, series=series)
    )
    assert m.id is not None
    return m.id


def test_a_new_book_is_migrated_and_marked_as_ours(book_path: Path):
    Book.create(book_path).close()
    conn = sqlite3.connect(book_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == [m.name for m in MIGRATIONS._migrations]
    conn.close()


def test_schema_version_counts_the_migrations():
    assert len(MIGRATIONS._migrations) == SCHEMA_VERSION


def test_what_is_written_is_there_after_reopening(book_path: Path):
    with Book.create(book_path) as book:
        mid = _meeting(book)
        item = book.add_item(mid, "Drugs Report")
        book.set_body(
            item.id, [Paragraph("Domestic abuse", heading=True), Paragraph("R&D <draft>")]
        )
    with Book.open(book_path) as book:
        again = book.item(item.id)
    assert again.title == "Drugs Report" and again.number == "1"
    assert again.body == (Paragraph("Domestic abuse", heading=True), Paragraph("R&D <draft>"))


def test_connections_enforce_foreign_keys(book_path: Path):
    with Book.create(book_path) as book:
        assert book._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert book._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            book._db.execute(
                "INSERT INTO items (meeting_id, position, number, title) VALUES (999, 0, '1', 'x')"
            )


def test_deleting_a_meeting_takes_its_rows_with_it(book_path: Path):
    with Book.create(book_path) as book:
        mid = _meeting(book)
        item = book.add_item(mid, "x")
        book.add_action(item.id, Action(id=None, ref=None, text="do", owners=("SH",)))
        book.delete_meeting(mid)
        counts = [
            book._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("items", "actions", "action_owners", "paragraphs")
        ]
    assert counts == [0, 0, 0, 0]


def test_a_failing_multi_step_write_leaves_nothing_behind(book_path: Path, monkeypatch):
    with Book.create(book_path) as book:
        item = book.add_item(_meeting(book), "x")
        book.set_body(item.id, [Paragraph("kept")])

        def half_put(item_id, body):
            # The body is replaced by a delete, then inserts: fail between them.
            book._db.execute("DELETE FROM paragraphs WHERE item_id = ?", [item_id])
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(book, "_put_body", half_put)
        with pytest.raises(RuntimeError):
            book.set_body(item.id, [Paragraph("new")])
        assert book.body(item.id) == [Paragraph("kept")]


def test_import_is_all_or_nothing(seed_path: Path, book_path: Path, monkeypatch):
    from scrutiny_desktop.export import interchange

    with Book.create(book_path) as book:

        def fail(*args):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(book, "_insert_update", fail)  # the first item's updates
        with pytest.raises(RuntimeError):
            book.import_minutes(interchange.load(seed_path))
        counts = [
            book._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("meetings", "people", "attendance", "items", "series")
        ]
    assert counts == [0, 0, 0, 0, 0]


def test_actions_are_numbered_per_series_and_never_reused(book_path: Path):
    with Book.create(book_path) as book:
        mid = _meeting(book)
        item = book.add_item(mid, "x")
        a1 = book.add_action(item.id, Action(id=None, ref=None, text="one"))
        a2 = book.add_action(item.id, Action(id=None, ref=None, text="two"))
        assert [str(a1.ref), str(a2.ref)] == ["01/15", "02/15"]
        book.delete_action(a2.id)
        a3 = book.add_action(item.id, Action(id=None, ref=None, text="three"))
        assert str(a3.ref) == "03/15"
        unnumbered = book.add_action(item.id, Action(id=None, ref=None, text="x"), numbered=False)
        assert unnumbered.ref is None
        other = book.add_item(_meeting(book, series="Resources Scrutiny"), "y")
        assert str(book.add_action(other.id, Action(id=None, ref=None, text="r")).ref) == "01/15"


def test_numbering_follows_the_series_financial_year(book_path: Path):
    with Book.create(book_path) as book:
        book.set_series_year_start("Audit", 4)
        march = book.add_item(_meeting(book, date(2016, 3, 20), series="Audit"), "x")
        april = book.add_item(_meeting(book, date(2016, 4, 20), series="Audit"), "x")
        assert str(book.add_action(march.id, Action(id=None, ref=None, text="a")).ref) == "01/15"
        assert str(book.add_action(april.id, Action(id=None, ref=None, text="b")).ref) == "01/16"


def test_imported_references_move_the_counter_on(seed_path: Path, book_path: Path):
    from scrutiny_desktop.export import interchange

    with Book.create(book_path) as book:
        mid = book.import_minutes(interchange.load(seed_path))
        item = book.items(mid)[5]
        assert str(book.add_action(item.id, Action(id=None, ref=None, text="new")).ref) == "17/15"


def test_deleted_items_come_back_whole_with_undo(seeded_book):
    book, mid = seeded_book
    before = book.minutes(mid)
    deleted = book.delete_item(book.items(mid)[3].id)
    assert [i.number for i in book.items(mid)] == ["1", "2", "3", "4", "5", "6"]
    book.restore_item(mid, deleted)
    assert book.minutes(mid) == before


def test_moving_items_renumbers_them(seeded_book):
    book, mid = seeded_book
    last = book.items(mid)[-1]
    book.move_item(last.id, 0)
    items = book.items(mid)
    assert (items[0].title, items[0].number, items[1].title) == (
        "Date of Next Meeting",
        "1",
        "Matters arising",
    )


def test_attendance_keeps_one_chair_and_its_order(book_path: Path):
    with Book.create(book_path) as book:
        mid = _meeting(book)
        book.set_attendance(mid, Attendance("LW", chair=True))
        book.set_attendance(mid, Attendance("SH"))
        book.set_attendance(mid, Attendance("SH", chair=True, status=AttendanceStatus.PRESENT))
        book.set_attendance(mid, Attendance("JK", status=AttendanceStatus.APOLOGIES), position=0)
        got = book.attendance(mid)
        assert [(a.initials, a.chair) for a in got] == [("JK", False), ("LW", False), ("SH", True)]
        assert book.remove_attendance(mid, "LW") == 1
        assert [a.initials for a in book.attendance(mid)] == ["JK", "SH"]


def test_unknown_owners_become_people_named_by_the_minutes(book_path: Path):
    with Book.create(book_path) as book:
        mid = _meeting(book)
        item = book.add_item(mid, "x")
        action = book.add_action(item.id, Action(id=None, ref=None, text="t", owners=("ZZ", "SH")))
        assert action.owners == ("ZZ", "SH")
        assert book.person("ZZ").name is None
        assert [p.initials for p in book.minutes(mid).people] == ["ZZ", "SH"]


def test_updates_for_matters_arising(book_path: Path):
    with Book.create(book_path) as book:
        item = book.add_item(_meeting(book), "Matters arising")
        u = book.add_update(
            item.id, ActionUpdate(id=None, ref=ActionRef.parse("94/14"), note="SH to action")
        )
        book.change_update(ActionUpdate(id=u.id, ref=u.ref, status=u.status, note="done"))
        assert book.updates(item.id)[0].note == "done"
        item_id, pos, old = book.delete_update(u.id)
        book.add_update(item_id, old, pos)
        assert book.updates(item.id) == [ActionUpdate(id=u.id, ref=u.ref, note="done")]


def test_meetings_are_found_by_id_date_or_latest(book_path: Path):
    with Book.create(book_path) as book:
        first = _meeting(book, date(2015, 1, 29))
        second = _meeting(book, FEB)
        assert book.resolve_meeting("latest") == second
        assert book.resolve_meeting("2015-01-29") == first
        assert book.resolve_meeting(str(first)) == first
        with pytest.raises(NotFound, match="no meeting on 2015-03-01"):
            book.resolve_meeting("2015-03-01")
        with pytest.raises(NotFound, match="give an id, a date"):
            book.resolve_meeting("last week")
        assert [m.id for m in book.meetings()] == [second, first]


def test_a_read_only_book_refuses_writes_clearly(book_path: Path):
    Book.create(book_path).close()
    with (
        Book.open(book_path, read_only=True) as book,
        pytest.raises(ReadOnlyBook, match="read-only"),
    ):
        _meeting(book)


def test_creating_over_an_existing_file_is_refused(book_path: Path):
    book_path.write_text("my notes")
    with pytest.raises(BookError, match="already exists"):
        Book.create(book_path)
    assert book_path.read_text() == "my notes"


def test_the_meeting_list_reads_newest_first_a_page_at_a_time(book_path: Path):
    with Book.create(book_path) as book:
        for day in (3, 1, 2, 2):  # two meetings on one day: the later one first
            _meeting(book, date(2015, 2, day))
        everything = book.meeting_list()
        assert [(m.date.day, m.id) for m in everything] == [(3, 1), (2, 4), (2, 3), (1, 2)]
        pages = [book.meeting_list(limit=3), book.meeting_list(limit=3, offset=3)]
        assert pages[0] + pages[1] == everything
        assert book.meeting_list(limit=3, offset=4) == []


def test_a_deleted_item_comes_back_with_the_arrivals_and_departures_during_it(tmp_path):
    # A clerk deleted item 3/26 by mistake and undid it: the member who had arrived
    # during it was then printed as joining during the next item.
    from scrutiny_desktop.export import interchange

    panel = Path(__file__).resolve().parents[1] / "data" / "panel-meeting.v2.json"
    with Book.create(tmp_path / "panel.sqlite") as book:
        mid = book.import_minutes(interchange.load(panel))
        before = book.minutes(mid)
        moved = {a.initials: (a.arrived, a.left) for a in before.attendance}
        assert moved["AS"][0] is not None and moved["AS"][0].item == "44/26"
        assert moved["RP"][1] is not None and moved["RP"][1].item == "46/26"
        for number in ("44/26", "46/26"):
            item = next(i for i in book.items(mid) if i.number == number)
            assert item.id is not None
            book.restore_item(mid, book.delete_item(item.id))
        assert book.minutes(mid) == before
