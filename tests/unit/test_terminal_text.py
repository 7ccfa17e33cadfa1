"""Control characters in a book reach the terminal escaped, never raw (issue 13, finding 16).

An imported title with ESC sequences could clear the screen, rewrite the terminal's
title or hide the lines after it; a CR let later text overwrite what ``list`` printed.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from scrutiny_desktop import cli
from scrutiny_desktop.domain.printable import printable

EVIL = "Budget\x1b[2J\x1b]0;pwned\x07\rOK\u202eevil\x9b"
SHOWN = "Budget\\x1b[2J\\x1b]0;pwned\\x07\\rOK\\u202eevil\\x9b"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run([str(a) for a in argv], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def book(tmp_path: Path, seed_path: Path) -> Path:
    doc = json.loads(seed_path.read_text())
    doc["meeting"]["title"] = f"Scrutiny {EVIL}"
    doc["items"][1]["title"] = f"Drugs {EVIL}"
    doc["items"][1]["body"] = [{"text": f"Mephedrone {EVIL} trends"}]
    doc["items"][1]["actions"][0]["text"] = f"Report {EVIL}"
    source = tmp_path / "evil.json"
    source.write_text(json.dumps(doc))
    path = tmp_path / "book.sqlite"
    assert run("import", path, source)[0] == 0
    return path


def test_list_shows_control_characters_escaped(book: Path) -> None:
    code, out, _ = run("list", book)
    assert code == 0 and RAW.search(out) is None
    assert out == f"1\t2015-02-26\tScrutiny {SHOWN}\tdraft\n"


def test_search_shows_control_characters_escaped(book: Path) -> None:
    code, out, _ = run("search", book, "Mephedrone")
    assert code == 0 and out and RAW.search(out) is None
    assert f"Drugs {SHOWN}" in out and SHOWN in out.splitlines()[0].split("\t")[-1]


def test_the_register_table_shows_control_characters_escaped(book: Path) -> None:
    code, out, _ = run("actions", book)
    assert code == 0 and RAW.search(out) is None
    assert f"Report {SHOWN}" in out


def test_an_error_quoting_a_value_shows_control_characters_escaped(
    tmp_path: Path, seed_path: Path
) -> None:
    doc = json.loads(seed_path.read_text())
    doc["items"][1]["actions"][0]["due"] = EVIL
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    code, _, err = run("import", tmp_path / "new.sqlite", bad)
    assert code == 2 and RAW.search(err) is None and "\\x1b[2J" in err


def test_exports_keep_the_text_exactly(book: Path) -> None:
    code, out, _ = run("export", book, "1", "-o", "-")
    assert code == 0 and json.loads(out)["meeting"]["title"] == f"Scrutiny {EVIL}"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain Welsh ŵ ŷ, Polish ąęśż, emoji 👩‍⚖️", "plain Welsh ŵ ŷ, Polish ąęśż, emoji 👩‍⚖️"),
        ("tab\there", "tab\\there"),
        ("line\nbreak", "line\\nbreak"),
        ("\x00\x7f\u2028", "\\x00\\x7f\\u2028"),
    ],
)
def test_printable_escapes_controls_and_nothing_else(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert printable(text, keep="\n\t") == text.replace("\x00", "\\x00").replace(
        "\x7f", "\\x7f"
    ).replace("\u2028", "\\u2028")
