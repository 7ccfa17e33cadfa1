"""The table of export formats: what it holds, and that `export --format` and every entry work from it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from scrutiny_desktop import cli
from scrutiny_desktop.export.formats import FORMATS, default_filename, find, names
from tests.unit.publication_helpers import readable, reference


def _id(f: object) -> str:
    return f"{f.name}-{'public' if f.public else 'full'}"  # type: ignore[attr-defined]


def test_each_format_and_version_appears_once_with_a_suffix_and_a_label():
    keys = [(f.name, f.public) for f in FORMATS]
    assert len(keys) == len(set(keys))
    assert {f.name for f in FORMATS} == {"pdf", "docx", "html", "json", "csv"}
    assert all(f.suffix.startswith(".") and f.label and f.media_type for f in FORMATS)
    # Every format has a full version; only the full record (JSON) has no public one.
    assert {f.name for f in FORMATS if not f.public} == set(names())
    assert {f.name for f in FORMATS if f.public} == set(names()) - {"json"}


def test_find_says_what_is_wrong():
    assert find("docx", public=True).label == "Public Word"
    with pytest.raises(ValueError, match="only as the full version"):
        find("json", public=True)
    with pytest.raises(ValueError, match="unknown format 'odt'"):
        find("odt", public=False)


def test_export_format_choices_are_the_table():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    export = sub.choices["export"]  # type: ignore[index]
    fmt = next(a for a in export._actions if a.dest == "format")
    assert list(fmt.choices) == names()


@pytest.mark.parametrize("fmt", FORMATS, ids=_id)
def test_default_file_name_comes_from_the_table(fmt):
    name = fmt.filename(reference())
    assert name == default_filename(reference(), fmt.public, fmt.suffix)
    assert name.startswith("2015-02-26 Force Performance Scrutiny Meeting")
    assert name.endswith((" (public)" if fmt.public else "Meeting") + fmt.suffix)


@pytest.mark.parametrize("fmt", FORMATS, ids=_id)
def test_every_format_writes_the_reference_meeting(fmt, tmp_path: Path):
    out = tmp_path / fmt.filename(reference())
    fmt.write(reference(), out)
    text = readable(out)
    for needle in ("07/15", "LW and CF to be briefed post board meetings", "Force Performance"):
        assert needle in " ".join(text.split()), needle
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # nothing left beside it


@pytest.mark.parametrize("fmt", FORMATS, ids=_id)
def test_export_command_writes_every_format(fmt, seeded_book, tmp_path: Path):
    book, mid = seeded_book
    out = tmp_path / f"out{fmt.suffix}"
    argv = ["export", str(book.path), str(mid), "--format", fmt.name, "-o", str(out)]
    err = io.StringIO()
    code = cli.run([*argv, "--public"] if fmt.public else argv, io.StringIO(), err)
    assert (code, err.getvalue()) == (0, "")
    assert "07/15" in readable(out)


def test_public_json_is_refused_and_nothing_written(seeded_book, tmp_path: Path):
    book, mid = seeded_book
    err = io.StringIO()
    out = tmp_path / "x.json"
    argv = ["export", str(book.path), str(mid), "--format", "json", "--public", "-o", str(out)]
    assert cli.run(argv, io.StringIO(), err) == cli.EXIT_BAD_INPUT
    assert "always the full record" in err.getvalue()
    assert not out.exists()


def test_a_document_cannot_go_to_stdout(seeded_book):
    book, mid = seeded_book
    err = io.StringIO()
    argv = ["export", str(book.path), str(mid), "--format", "docx", "-o", "-"]
    assert cli.run(argv, io.StringIO(), err) == cli.EXIT_BAD_INPUT
    assert "docx cannot be written to stdout" in err.getvalue()
