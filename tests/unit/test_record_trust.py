"""Issue 13: the record and its public view hold by construction (findings 1-4, 11-13).

Each test names the finding it covers; each failed on the code before the full record.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from scrutiny_desktop import cli
from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    AuditKind,
    Item,
    Meeting,
    Paragraph,
    Status,
)
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.export import interchange
from scrutiny_desktop.export.pdf import export_pdf
from tests.unit.pdf_helpers import pdftotext, squash

FEB, MARCH = date(2015, 2, 26), date(2015, 3, 26)
SECRET_ACTION = "Brief the DCC on Operation Kestrel"
SECRET_ITEM_ACTION = "Circulate the misconduct timetable"
SECRET_NOTE = "Kestrel surveillance extended"


def _two_meetings(book: Book) -> tuple[int, int, ActionRef, ActionRef]:
    """February raises a restricted action and an action in a restricted item; March is a
    new meeting made by hand (nothing carried): its updates are typed."""
    feb = book.add_meeting(Meeting(id=None, title="Scrutiny", date=FEB, series="S")).id
    march = book.add_meeting(Meeting(id=None, title="Scrutiny", date=MARCH, series="S")).id
    assert feb is not None and march is not None
    public = book.add_item(feb, "Performance")
    private = book.add_item(feb, "Misconduct")
    book.update_item(replace(private, restricted=True))
    assert public.id is not None and private.id is not None
    secret = book.add_action(
        public.id, Action(id=None, ref=None, text=SECRET_ACTION, restricted=True)
    ).ref
    in_item = book.add_action(private.id, Action(id=None, ref=None, text=SECRET_ITEM_ACTION)).ref
    assert secret is not None and in_item is not None
    return feb, march, secret, in_item


def _public_text(minutes, tmp_path: Path) -> str:
    out = tmp_path / "public.pdf"
    export_pdf(minutes, out, public=True)
    return squash(pdftotext(out, "-raw"))


# ---------------------------------------------------------------- finding 1


def test_finding_1_an_update_typed_by_hand_on_a_restricted_action_is_restricted(
    book_path: Path, tmp_path: Path
):
    with Book.create(book_path) as book:
        _, march, secret, in_item = _two_meetings(book)
        arising = book.add_item(march, "Matters arising")
        assert arising.id is not None
        typed = book.add_update(
            arising.id, ActionUpdate(None, secret, Status.TO_FOLLOW, SECRET_NOTE)
        )
        other = book.add_update(arising.id, ActionUpdate(None, in_item, Status.OPEN, "chased"))
        assert typed.restricted and other.restricted
        # Changed afterwards to name a restricted action: restricted too.
        plain = book.add_update(arising.id, ActionUpdate(None, ActionRef(15, 90), Status.OPEN))
        assert not plain.restricted
        book.change_update(replace(plain, ref=secret))
        assert all(u.restricted for u in book.updates(arising.id))
        text = _public_text(book.minutes(march), tmp_path)
    assert SECRET_NOTE not in text and str(secret) not in text and str(in_item) not in text
    assert SECRET_ACTION not in text


def test_finding_1_an_action_restricted_later_restricts_the_draft_updates_on_it(book_path: Path):
    with Book.create(book_path) as book:
        feb, march, _, _ = _two_meetings(book)
        item = book.items(feb)[0]
        assert item.id is not None
        later = book.add_action(item.id, Action(id=None, ref=None, text="Open now"))
        arising = book.add_item(march, "Matters arising")
        assert arising.id is not None and later.ref is not None
        update = book.add_update(arising.id, ActionUpdate(None, later.ref, Status.OPEN))
        assert not update.restricted and update.text == "Open now"
        book.update_action(replace(later, restricted=True))
        assert book.updates(arising.id)[0].restricted


# ---------------------------------------------------------------- finding 2


def test_finding_2_json_keeps_the_restriction_of_headings_and_numbered_updates(
    book_path: Path, tmp_path: Path
):
    with Book.create(book_path) as book:
        _, march, secret, _ = _two_meetings(book)
        item = book.add_item(march, "Matters arising")
        assert item.id is not None
        book.set_body(
            item.id,
            [Paragraph("Kestrel heading", heading=True, restricted=True), Paragraph("Open.")],
        )
        book.add_update(item.id, ActionUpdate(None, secret, Status.TO_FOLLOW, SECRET_NOTE))
        doc = interchange.dumps(book.minutes(march))
    parsed = json.loads(doc)
    body = parsed["items"][0]["body"]
    assert body[0] == {"heading": "Kestrel heading", "restricted": True}
    assert parsed["items"][0]["action_updates"][0]["restricted"] is True
    # Into another book that never saw February: the public PDF still leaves them out.
    with Book.create(tmp_path / "colleague.sqlite") as other:
        again = other.import_minutes(interchange.loads(doc))
        text = _public_text(other.minutes(again), tmp_path)
    assert "Kestrel" not in text and SECRET_NOTE not in text
    assert "Open." in text


# ---------------------------------------------------------------- finding 3


def _actions_cli(book_path: Path, *extra: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["actions", str(book_path), "--format", "csv", *extra], out, err) == 0, err
    return out.getvalue()


def test_finding_3_the_register_has_a_public_version_and_the_full_one_marks_restricted(
    book_path: Path,
):
    with Book.create(book_path) as book:
        feb, *_ = _two_meetings(book)
        item = book.items(feb)[0]
        assert item.id is not None
        book.add_action(item.id, Action(id=None, ref=None, text="Publish the report"))
    full = list(csv.DictReader(io.StringIO(_actions_cli(book_path))))
    marks = {r["Action"]: r["Restricted"] for r in full}
    assert marks == {SECRET_ACTION: "yes", SECRET_ITEM_ACTION: "yes", "Publish the report": ""}
    public = _actions_cli(book_path, "--public")
    assert "Kestrel" not in public and "misconduct" not in public
    assert "Publish the report" in public


# ---------------------------------------------------------------- finding 11


def test_finding_11_json_and_fingerprint_cover_due_text_flags_and_notes(seeded_book):
    book, mid = seeded_book
    items = book.items(mid, full=True)
    a = items[2].actions[0]
    book.update_action(replace(a, due=None, due_text="before the budget"))
    unnumbered = replace(items[0].updates[0], ref=None, text="Publication", note="posted")
    book.change_update(unnumbered)
    doc = interchange.to_document(book.minutes(mid))
    assert doc["items"][2]["actions"][0]["due_text"] == "before the budget"
    update = doc["items"][0]["action_updates"][0]
    assert (update["ref"], update["action"], update["note"]) == (None, "Publication", "posted")


# ---------------------------------------------------------------- finding 12


def _drop_a_lock(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER lock_paragraphs_update")
    conn.commit()
    conn.close()


def test_finding_12_dropped_locks_are_named_and_restored_on_opening(seeded_book, tmp_path):
    book, mid = seeded_book
    book.sign_off(mid, "LW", MARCH)
    path = book.path
    book.close()
    _drop_a_lock(path)
    with Book.open(path, read_only=True) as ro:
        assert any("lock_paragraphs_update" in n for n in ro.notices)
        assert not ro.verify(mid).ok and "missing: lock_paragraphs_update" in ro.verify(mid).message
    with Book.open(path) as rw:
        assert any("restored" in n for n in rw.notices)
    with Book.open(path) as again:
        assert again.notices == [] and again.verify(mid).ok


def test_finding_12_verify_against_the_circulated_pdf_catches_book_and_fingerprint_forged(
    seeded_book, tmp_path
):
    book, mid = seeded_book
    book.sign_off(mid, "LW", MARCH)
    pdf = tmp_path / "circulated.pdf"
    export_pdf(book.minutes(mid), pdf)
    path = book.path
    book.close()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["verify", str(path), str(mid), "--against", str(pdf)], out, err) == 0
    # Someone edits the minutes, then recomputes the stored fingerprint and snapshot to match.
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='trigger'")]
    for name in names:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE paragraphs SET text = 'Nothing of note.' WHERE position = 0")
    conn.commit()
    conn.close()
    with Book.open(path, read_only=True) as ro:
        from scrutiny_desktop.domain.fingerprint import fingerprint

        forged = fingerprint(ro.minutes(mid))
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meetings SET fingerprint = ? WHERE id = ?", [forged, mid])
    conn.execute("UPDATE audit SET fingerprint = ? WHERE meeting_id = ?", [forged, mid])
    conn.commit()
    conn.close()
    with Book.open(path) as rw:  # the locks come back; the stored print now "matches"
        assert rw.verify(mid).ok
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["verify", str(path), str(mid), "--against", str(pdf)], out, err) == 3
    assert "do not match the fingerprint given" in err.getvalue()
    printed = next(line for line in pdftotext(pdf).splitlines() if "sha256:" in line)
    expect = printed.split("Fingerprint:")[-1].strip()
    assert cli.run(["verify", str(path), str(mid), "--expect", expect], out, err) == 3


def test_finding_12_a_pdf_without_a_fingerprint_is_a_clear_refusal(seeded_book, tmp_path):
    book, mid = seeded_book
    book.sign_off(mid, "LW", MARCH)
    public = tmp_path / "public.pdf"
    export_pdf(book.minutes(mid), public, public=True)
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["verify", str(book.path), str(mid), "--against", str(public)], out, err) == 2
    assert "carries no fingerprint" in err.getvalue()


# ---------------------------------------------------------------- finding 13


def test_finding_13_reopening_keeps_the_signed_snapshot_and_the_json_carries_the_audit(
    seeded_book,
):
    book, mid = seeded_book
    first = book.sign_off(mid, "LW", MARCH).signed_off
    book.reopen(mid, "Wrong officer named", "TB", at=datetime(2015, 4, 2, tzinfo=UTC))
    second = book.sign_off(mid, "LW", date(2015, 4, 23)).signed_off
    assert first is not None and second is not None
    snapshots = book._q("SELECT fingerprint FROM signed_snapshots WHERE meeting_id = ?", [mid])
    assert [s["fingerprint"] for s in snapshots] == [first.fingerprint, second.fingerprint]
    audit = interchange.to_document(book.minutes(mid))["meeting"]["audit"]
    assert [(e["event"], e["by"], e["on"], e["reason"], e["fingerprint"]) for e in audit] == [
        ("signed_off", "LW", "2015-03-26", None, first.fingerprint),
        ("reopened", "TB", "2015-04-02", "Wrong officer named", first.fingerprint),
        ("signed_off", "LW", "2015-04-23", None, second.fingerprint),
    ]
    assert book.verify(mid).ok


def test_finding_13_a_signed_off_meeting_moves_to_another_book_with_its_audit(
    seeded_book, tmp_path
):
    book, mid = seeded_book
    book.sign_off(mid, "LW", MARCH)
    book.reopen(mid, "Typo", "TB", at=datetime(2015, 4, 2, tzinfo=UTC))
    signed = book.sign_off(mid, "LW", date(2015, 4, 23)).signed_off
    doc = interchange.dumps(book.minutes(mid))
    with Book.create(tmp_path / "other.sqlite") as other:
        again = other.import_minutes(interchange.loads(doc))
        moved = other.minutes(again)
        assert other.verify(again).ok
    assert moved.meeting.signed_off is not None and signed is not None
    assert moved.meeting.signed_off.fingerprint == signed.fingerprint  # the same record
    assert [e.event for e in moved.audit] == [
        AuditKind.SIGNED_OFF,
        AuditKind.REOPENED,
        AuditKind.SIGNED_OFF,
    ]
    assert json.loads(interchange.dumps(moved)) == json.loads(doc)


# ---------------------------------------------------------------- old sign-offs


def test_minutes_signed_off_before_version_2_still_verify(tmp_path: Path):
    """A book written by the release before (schema 3, fingerprint scheme 1)."""
    path = tmp_path / "old.sqlite"
    shutil.copy(Path(__file__).resolve().parents[1] / "data" / "signed-before-v2.sqlite", path)
    with Book.open(path, read_only=True) as ro:  # read in memory: the file is not migrated
        assert all(ro.verify(m).ok for m in (1, 2))
    with Book.open(path) as book:
        for meeting_id in (1, 2):
            result = book.verify(meeting_id)
            assert result.ok, result.message
            assert book.meeting(meeting_id).signed_off.scheme == 1  # type: ignore[union-attr]
        march = book.minutes(2)
        assert [(e.event.value, e.by, e.reason) for e in march.audit] == [
            ("signed_off", "LW", None),
            ("reopened", "TB", "Item 4 named the wrong officer"),
            ("signed_off", "LW", None),
        ]
        # Signed off again now, they take the new scheme.
        book.reopen(2, "Checking the migration", "TB")
        book.sign_off(2, "LW", date(2015, 6, 1))
        assert book.meeting(2).signed_off.scheme == 2  # type: ignore[union-attr]
        assert book.verify(2).ok


def test_an_update_carried_into_a_new_meeting_knows_the_action_it_reports_on(seeded_book):
    book, feb = seeded_book
    march = book.new_meeting_after(feb)
    updates = {str(u.ref): u for u in book.items(march, full=True)[0].updates if u.ref}
    assert updates["07/15"].text is not None and updates["07/15"].text.startswith("LW and CF")


def test_a_restricted_item_item_placeholder_keeps_only_its_number_unless_exempt():
    from scrutiny_desktop.domain.public import public_item

    secret = Item(id=1, number="4", title="PC Smith's misconduct", restricted=True)
    assert public_item(secret).title == ""
    exempt = replace(secret, title="Estates disposals", exempt_paragraphs=(3,))
    assert public_item(exempt).title == "Estates disposals"


def test_a_sub_heading_over_nothing_public_is_left_out_of_the_public_view():
    # A clerk restricted the paragraph under "Operation Kestrel" but not the heading: the
    # public minutes named the covert operation over nothing.
    from scrutiny_desktop.domain.public import public_body

    def h(text: str, restricted: bool = False) -> Paragraph:
        return Paragraph(text, heading=True, restricted=restricted)

    def p(text: str, restricted: bool = False) -> Paragraph:
        return Paragraph(text, restricted=restricted)

    body = (
        p("The Committee received the update."),
        h("Operation Kestrel"),
        p("Arrests are planned for May.", restricted=True),
        h("Schools programme"),
        p("Twelve schools have joined."),
        p("Two head teachers raised concerns.", restricted=True),
        h("Next steps"),  # nothing under it in the full version either: kept
    )
    assert public_body(body) == (
        p("The Committee received the update."),
        h("Schools programme"),
        p("Twelve schools have joined."),
        h("Next steps"),
    )
    # Headings in a row over restricted text (review): none of them is left.
    assert public_body((h("Operation Kestrel"), h("Details"), p("secret", restricted=True))) == ()
    assert public_body((h("A"), h("x", restricted=True), p("secret", restricted=True))) == ()
    assert public_body((h("A"), p("secret", restricted=True), h("B"), p("said"))) == (
        h("B"),
        p("said"),
    )
