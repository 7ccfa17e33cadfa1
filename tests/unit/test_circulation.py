"""Circulation drafts read back with ``email``: one per owner with exactly their actions, the
minutes attached as a valid PDF, restricted actions only in their owners' full drafts, and
nothing at all for signed-off minutes that were altered."""

from __future__ import annotations

import io
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from scrutiny_desktop import cli
from scrutiny_desktop.book import Book
from scrutiny_desktop.circulate import MinutesAltered, circulate
from scrutiny_desktop.domain.model import Action, Minutes, Person, Status
from scrutiny_desktop.domain.public import public_view
from scrutiny_desktop.export import circulation as circ
from scrutiny_desktop.export.formats import default_filename
from scrutiny_desktop.export.pdf import render_pdf
from tests.unit.publication_helpers import (
    EMAILS,
    eml_attachments,
    eml_body,
    everything,
    read_eml,
    reference,
)


def _write(minutes: Minutes, folder: Path, *, public: bool = False, **kw: object) -> list[Path]:
    """The drafts of one meeting with no earlier actions, as the pure module makes them."""
    source = public_view(minutes) if public else minutes
    data, _ = render_pdf(minutes, public=public)
    drafts = circ.Circulation(
        source,
        circ.meeting_actions(source),
        circ.Attachment(default_filename(minutes, public), data),
        people={p.initials: p for p in minutes.people},
        public=public,
        **kw,  # type: ignore[arg-type]
    ).drafts()
    folder.mkdir(exist_ok=True)
    return circ.write_drafts(folder, drafts)


def _owned(minutes: Minutes) -> dict[str, list[str]]:
    """Each owner's action labels, in the order of the minutes."""
    out: dict[str, list[str]] = {}
    for item in minutes.items:
        for a in item.actions:
            for o in a.owners:
                out.setdefault(o, []).append(f"{a.ref} – {a.text}" if a.ref else a.text)
    return out


def _by_kind(paths: list[Path]) -> dict[str, Path]:
    return {p.stem: p for p in paths}


def test_one_draft_per_owner_with_exactly_their_actions(tmp_path: Path):
    minutes = reference(emails=True)
    paths = _write(minutes, tmp_path, sender="tina.bateman@example.org")
    owned = _owned(minutes)
    every_label = {label for labels in owned.values() for label in labels}
    drafts = {p.stem: read_eml(p) for p in paths if p.stem.startswith("Actions for")}
    addressed = {o for o in owned if o in EMAILS}
    assert len(drafts) == len(addressed) == 7
    for initials in addressed:
        person = minutes.person(initials)
        assert person is not None
        (stem,) = [s for s in drafts if s.endswith(f"({initials})") or s.endswith(f" {initials}")]
        msg = drafts[stem]
        assert msg["X-Unsent"] == "1"
        assert msg["From"] == "tina.bateman@example.org"
        assert [a.addr_spec for a in msg["To"].addresses] == [EMAILS[initials]]
        assert msg["To"].addresses[0].display_name == person.display_name
        assert (
            msg["Subject"]
            == "Your actions: Force Performance Scrutiny Meeting, Thursday 26 February 2015"
        )
        body = " ".join(eml_body(msg).split())
        mine = owned[initials]
        listed = [label for label in every_label if " ".join(label.split()) in body]
        assert sorted(listed) == sorted(mine), initials
        positions = [body.index(" ".join(m.split())) for m in mine]
        assert positions == sorted(positions)  # in the order of the minutes


def test_each_draft_attaches_the_minutes_as_a_valid_pdf(tmp_path: Path):
    minutes = reference(emails=True)
    for path in _write(minutes, tmp_path):
        msg = read_eml(path)
        attached = eml_attachments(msg)
        if path.stem.startswith("Not addressed"):
            assert attached == []
            continue
        ((name, data),) = attached
        assert name == "2015-02-26 Force Performance Scrutiny Meeting.pdf"
        assert data.startswith(b"%PDF-")
        out = tmp_path / f"{path.stem}.pdf"
        out.write_bytes(data)
        assert len(PdfReader(out).pages) >= 3


def test_the_covering_message_goes_to_every_attendee_and_lists_no_action(tmp_path: Path):
    minutes = reference(emails=True)
    msg = read_eml(_by_kind(_write(minutes, tmp_path))["Minutes to attendees"])
    to = [a.addr_spec for a in msg["To"].addresses]
    assert to == [EMAILS[i] for i in ("LW", "SH", "WK", "TS", "PL", "TB")]
    assert (
        msg["Subject"] == "Minutes: Force Performance Scrutiny Meeting, Thursday 26 February 2015"
    )
    assert "07/15" not in eml_body(msg)
    assert "(draft, full version)" in eml_body(msg)


def test_owners_without_an_address_are_listed_for_the_minute_taker(tmp_path: Path):
    minutes = reference(emails=True)
    paths = _write(minutes, tmp_path, sender="tina.bateman@example.org")
    msg = read_eml(_by_kind(paths)["Not addressed (for the minute-taker)"])
    assert [a.addr_spec for a in msg["To"].addresses] == ["tina.bateman@example.org"]
    body = eml_body(msg)
    assert "JK, owner of:" in body and "Publication on PCC website" in body
    assert "CF, owner of:" in body and "09/15 – To consider national information" in body
    assert "GM" not in body  # Gwanwyn Mason has an address
    assert not any(p.stem.endswith(("JK", "(CF)")) for p in paths)


def test_an_unusable_address_is_never_used_and_never_reaches_a_header(tmp_path: Path):
    minutes = reference(emails=True)
    bad = {"GM": "not an address", "TS": "tom@example.org\r\nBcc: spy@example.net"}
    people = tuple(replace(p, email=bad.get(p.initials, p.email)) for p in minutes.people)
    paths = _write(replace(minutes, people=people), tmp_path)
    raw = b"".join(p.read_bytes() for p in paths)
    assert b"spy@example.net" not in raw and b"Bcc" not in raw
    body = eml_body(read_eml(_by_kind(paths)["Not addressed (for the minute-taker)"]))
    assert "Gwanwyn Mason (GM), owner of:" in body
    assert "Detective Chief Inspector Tom Simons (TS)" in body


def _with_restricted() -> Minutes:
    """Item 5 restricted (its actions are PL's and TB's); one restricted action of TB's in item 3."""
    minutes = reference(emails=True)
    items = list(minutes.items)
    items[4] = replace(items[4], restricted=True)
    items[2] = replace(
        items[2],
        actions=(
            *items[2].actions,
            Action(None, None, "CANARY secret action", ("TB",), restricted=True),
        ),
    )
    return replace(minutes, items=tuple(items))


SECRETS = ("CANARY secret action", "Mephedrone", "drug seizures")


def test_restricted_actions_reach_only_their_owners_and_only_in_the_full_version(tmp_path: Path):
    minutes = _with_restricted()
    full = _by_kind(_write(minutes, tmp_path / "full"))
    for stem, path in full.items():
        body = eml_body(read_eml(path))
        owners_draft = stem in (
            "Actions for Tina Bateman (TB)",
            "Actions for Detective Sergeant Paul Lopez (PL)",
        )
        if not owners_draft:
            assert not any(s in body for s in SECRETS), stem
    tb = eml_body(read_eml(full["Actions for Tina Bateman (TB)"]))
    assert "CANARY secret action [Not for publication]" in tb
    assert "16/15 – Meeting to be arranged for LW, PL and SH" in tb
    pl = eml_body(read_eml(full["Actions for Detective Sergeant Paul Lopez (PL)"]))
    assert "Mephedrone. [Not for publication]" in pl and "CANARY" not in pl
    public = _write(minutes, tmp_path / "public", public=True)
    for path in public:
        text = everything(path)  # headers, body and the attached PDF's every text
        assert not any(s in text for s in SECRETS), path.name
    assert not any(p.stem.endswith("(PL)") for p in public)  # PL's only actions are restricted
    attached = eml_attachments(read_eml(_by_kind(public)["Minutes to attendees"]))
    assert attached[0][0] == "2015-02-26 Force Performance Scrutiny Meeting (public).pdf"


# ---------------------------------------------------------------- from a book


class _WithAddresses:
    """A book whose people have e-mail addresses (the book does not store them yet)."""

    def __init__(self, book: Book) -> None:
        self._book = book

    def __getattr__(self, name: str) -> object:
        return getattr(self._book, name)

    def minutes(self, meeting_id: int) -> Minutes:
        m = self._book.minutes(meeting_id)
        return replace(m, people=tuple(_addressed(p) for p in m.people))

    def people(self) -> list[Person]:
        return [_addressed(p) for p in self._book.people()]


def _addressed(p: Person) -> Person:
    return replace(p, email=EMAILS.get(p.initials))


@pytest.fixture
def next_meeting(seeded_book):  # type: ignore[no-untyped-def]
    """The reference meeting and the next one, where 07/15 is reported completed."""
    book, first = seeded_book
    second = book.new_meeting_after(first)
    arising = book.matters_arising_item(second)
    assert arising is not None
    done = next(u for u in arising.updates if str(u.ref) == "07/15")
    assert done.id is not None
    book.set_progress(done.id, Status.COMPLETED)
    return book, first, second


def test_earlier_open_actions_go_to_their_owners(next_meeting, tmp_path: Path):
    book, _, second = next_meeting
    paths = circulate(_WithAddresses(book), second, tmp_path / "drafts")
    drafts = _by_kind(paths)
    tb = eml_body(read_eml(drafts["Actions for Tina Bateman (TB)"]))
    assert "Still open from earlier meetings:" in tb
    for ref in ("08/15", "14/15", "16/15"):
        assert f"{ref} – " in tb
    assert "Raised: 26.02.15" in tb and "Item: 3 Monthly Force Performance Reports" in tb
    assert "Actions for Gwanwyn Mason (GM)" not in drafts  # 07/15, GM's only action, is done
    assert read_eml(drafts["Minutes to attendees"]).get_content_type() == "multipart/mixed"


def test_the_command_line_writes_the_drafts(next_meeting, tmp_path: Path):
    book, first, _ = next_meeting
    out, err = io.StringIO(), io.StringIO()
    folder = tmp_path / "drafts"
    argv = ["circulate", str(book.path), str(first), "--out", str(folder), "--public"]
    assert cli.run(argv, out, err) == cli.EXIT_OK, err.getvalue()
    written = [Path(line) for line in out.getvalue().splitlines()]
    assert sorted(p.name for p in written) == sorted(p.name for p in folder.iterdir())
    # The book holds no addresses yet: every owner is listed for the minute-taker.
    assert {p.name for p in written} == {
        "Minutes to attendees.eml",
        "Not addressed (for the minute-taker).eml",
    }


def _tamper(book: Book, meeting_id: int) -> None:
    conn = sqlite3.connect(book.path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(
        "UPDATE actions SET text = 'Changed after sign-off' WHERE item_id IN "
        "(SELECT id FROM items WHERE meeting_id = ?)",
        [meeting_id],
    )
    conn.close()


def test_nothing_is_written_for_altered_signed_off_minutes(seeded_book, tmp_path: Path):
    book, mid = seeded_book
    book.sign_off(mid, "LW", date(2015, 3, 26))
    assert circulate(book, mid, tmp_path / "before")  # as signed: circulated
    _tamper(book, mid)
    folder = tmp_path / "after"
    with pytest.raises(MinutesAltered, match="nothing was circulated"):
        circulate(book, mid, folder)
    assert not folder.exists()
    err = io.StringIO()
    argv = ["circulate", str(book.path), str(mid), "--out", str(folder)]
    assert cli.run(argv, io.StringIO(), err) == cli.EXIT_REFUSED
    assert "changed outside the application" in err.getvalue()
    assert not folder.exists()
