"""The command line: import, list, export; exit codes and one-line messages."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny_desktop import cli
from tests.conftest import ROOT
from tests.unit.interchange_helpers import with_defaults


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run([str(a) for a in argv], out, err)
    return code, out.getvalue(), err.getvalue()


def test_import_then_export_gives_back_the_document(tmp_path: Path, seed_path: Path):
    book, out = tmp_path / "book.sqlite", tmp_path / "out.json"
    assert run("import", book, seed_path) == (0, "1\n", "")
    assert run("export", book, "1", "--format", "json", "-o", out)[0] == 0
    assert json.loads(out.read_text()) == with_defaults(json.loads(seed_path.read_text()))


def test_meetings_are_named_by_id_date_or_latest(tmp_path: Path, seed_path: Path):
    book = tmp_path / "book.sqlite"
    run("import", book, seed_path)
    outputs = []
    for spec in ("1", "2015-02-26", "latest"):
        target = tmp_path / f"{spec}.json"
        assert run("export", book, spec, "-o", target)[0] == 0
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    code, out, _ = run("export", book, "latest", "-o", "-")
    assert code == 0 and json.loads(out)["meeting"]["date"] == "2015-02-26"


def test_list_shows_one_line_per_meeting(tmp_path: Path, seed_path: Path):
    book = tmp_path / "book.sqlite"
    run("import", book, seed_path)
    run("import", book, seed_path)
    code, out, _ = run("list", book)
    assert code == 0
    assert out.splitlines() == [
        "2\t2015-02-26\tForce Performance Scrutiny Meeting\tdraft",
        "1\t2015-02-26\tForce Performance Scrutiny Meeting\tdraft",
    ]


def test_invalid_json_is_refused_and_the_book_is_unchanged(tmp_path: Path, seed_path: Path):
    book = tmp_path / "book.sqlite"
    run("import", book, seed_path)
    before = _snapshot(book)
    doc = json.loads(seed_path.read_text())
    doc["items"][1]["actions"][0]["due"] = "12.03.15"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    code, out, err = run("import", book, bad)
    assert code == 2 and out == ""
    assert (
        err == "scrutiny-desktop: items[1].actions[0].due: '12.03.15' is not a date (YYYY-MM-DD)\n"
    )
    assert _snapshot(book) == before


def test_import_of_an_invalid_file_does_not_create_a_book(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    code, _, err = run("import", tmp_path / "new.sqlite", bad)
    assert code == 2 and "not valid JSON" in err
    assert not (tmp_path / "new.sqlite").exists()


@pytest.mark.parametrize("content", [b"", b"hello\n", b"%PDF-1.4\n"])
def test_a_file_that_is_not_a_book_is_refused_untouched(
    tmp_path: Path, seed_path: Path, content: bytes
):
    book = tmp_path / "book.sqlite"
    book.write_bytes(content)
    for argv in (
        ("import", book, seed_path),
        ("list", book),
        ("export", book, "latest", "-o", tmp_path / "o.json"),
    ):
        code, _, err = run(*argv)
        assert code == 2
        assert err.startswith("scrutiny-desktop: ") and err.count("\n") == 1
        assert "Traceback" not in err
    assert book.read_bytes() == content
    assert not (tmp_path / "o.json").exists()


def test_missing_files_and_meetings_are_bad_input(tmp_path: Path, seed_path: Path):
    book = tmp_path / "book.sqlite"
    assert run("list", book)[2] == f"scrutiny-desktop: {book} does not exist\n"
    assert run("import", book, tmp_path / "nope.json")[0] == 2
    run("import", book, seed_path)
    code, _, err = run("export", book, "99", "-o", tmp_path / "x.json")
    assert code == 2 and "no meeting with id 99" in err


def test_export_leaves_an_older_file_alone_when_it_fails(tmp_path: Path, seed_path: Path):
    book, out = tmp_path / "book.sqlite", tmp_path / "out.json"
    run("import", book, seed_path)
    out.write_text("older export")
    assert run("export", book, "42", "-o", out)[0] == 2
    assert out.read_text() == "older export"
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".out.json*"))


def test_the_installed_command_and_main_py_run(tmp_path: Path, seed_path: Path):
    book = tmp_path / "book.sqlite"
    for launcher in (
        [sys.executable, str(ROOT / "main.py")],
        [str(Path(sys.executable).parent / "scrutiny-desktop")],
    ):
        done = subprocess.run(
            [*launcher, "import", str(book), str(seed_path)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "list", str(book)], capture_output=True, text=True
    )
    assert len(done.stdout.splitlines()) == 2


def test_usage_errors_exit_2(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export"], capture_output=True, text=True
    )
    assert done.returncode == 2 and "usage:" in done.stderr


def _snapshot(book: Path) -> list:
    import sqlite3

    conn = sqlite3.connect(book)
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
    ]
    data = [(t, conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()) for t in tables]
    conn.close()
    return data
