"""The lifecycle commands: new-meeting, sign-off, reopen, verify, actions, search; exit codes."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from scrutiny_desktop import cli
from scrutiny_desktop.book import Book


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run([str(a) for a in argv], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def book(tmp_path: Path, seed_path: Path) -> Path:
    path = tmp_path / "book.sqlite"
    assert run("import", path, seed_path)[0] == 0
    return path


def test_new_meeting_prints_its_id(book: Path):
    code, out, _ = run("new-meeting", book, "--after", "2015-02-26")
    assert code == 0
    with Book.open(book, read_only=True) as b:
        m = b.meeting(int(out))
        assert (str(m.date), m.venue) == ("2015-03-26", "OPCC Conference room")
        assert len(b.items(m.id, full=True)[0].updates) == 17  # type: ignore[arg-type]
    code, out, _ = run("new-meeting", book, "--after", "latest", "--date", "2015-04-30")
    assert code == 0 and int(out) == 3


def test_sign_off_then_every_change_is_refused_with_exit_3(book: Path, tmp_path: Path):
    code, out, _ = run("sign-off", book, "1", "--by", "LW", "--on", "2015-03-26")
    assert code == 0 and "signed off by LW on 2015-03-26" in out and "sha256:" in out
    code, _, err = run("sign-off", book, "1", "--by", "LW")
    assert code == 3 and "refused" in err
    other = tmp_path / "again.json"
    assert run("export", book, "1", "-o", other)[0] == 0
    code, out, _ = run("verify", book, "1")
    assert code == 0 and "as signed off" in out


def test_sign_off_needs_initials(book: Path):
    code, _, err = run("sign-off", book, "1", "--by", "not initials")
    assert code == 2 and "initials" in err


def test_verify_exits_3_when_content_was_altered_outside_the_app(book: Path):
    run("sign-off", book, "1", "--by", "LW", "--on", "2015-03-26")
    conn = sqlite3.connect(book, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE actions SET text = 'Forged' WHERE ref_number = 7 AND ref_year = 15")
    conn.close()
    code, out, err = run("verify", book, "1")
    assert code == 3 and out == ""
    assert "changed outside the application" in err and "items[2].actions[0].text" in err


def test_verify_of_a_draft_is_bad_input(book: Path):
    code, _, err = run("verify", book, "1")
    assert code == 2 and "draft" in err


def test_reopen_needs_a_reason_and_is_audited(book: Path):
    run("sign-off", book, "1", "--by", "LW", "--on", "2015-03-26")
    code, _, _ = run("reopen", book, "1", "--reason", "  ", "--by", "TB")
    assert code == 2
    code, out, _ = run("reopen", book, "1", "--reason", "Figures misquoted", "--by", "TB")
    assert code == 0 and "draft again" in out
    with Book.open(book, read_only=True) as b:
        (r,) = b.reopenings(1)
        assert (r.by, r.reason, r.old_signed_by) == ("TB", "Figures misquoted", "LW")
    assert run("reopen", book, "1", "--reason", "again")[0] == 2  # not signed off now


def test_actions_table_csv_and_filters(book: Path, tmp_path: Path):
    run("new-meeting", book, "--after", "1")
    code, out, _ = run("actions", book, "--open", "--overdue", "--today", "2015-03-20")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2 and lines[1].startswith("!") and "Publication on PCC website" in out
    code, out, _ = run("actions", book, "--owner", "TB", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert [r[1] for r in rows[1:]] == ["08/15", "14/15", "16/15"]
    target = tmp_path / "register.csv"
    code, _, _ = run(
        "actions", book, "--series", "Force Performance Scrutiny", "--format", "csv", "-o", target
    )
    assert code == 0 and target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == 1 + 24
    assert run("actions", book, "--series", "Nope")[0] == 2


def test_search_prints_meeting_item_and_snippet(book: Path):
    code, out, _ = run("search", book, "domestic", "abuse")
    assert code == 0
    first = out.splitlines()[0].split("\t")
    assert first[:3] == ["2015-02-26", "1", "item 4 Domestic Abuse Quarterly Report"]
    assert "[Domestic]" in first[3]
    assert run("search", book, "nothingmatchesthis") == (0, "", "")
