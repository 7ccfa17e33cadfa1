"""Bad input is a clear exit 2, never "unexpected error" (issue 13, finding 15).

Root ignores permission bits, so "a folder the user cannot write" is tested two ways:
in-process, through the bits the application honours even for root (as it does for a
read-only book, ``book/opening.unwritable_reason``); and for real, in a child running
as root without the capabilities that let root ignore them (``setpriv``), where the
kernel itself says "Permission denied". Where neither root nor setpriv is at hand the
real case is skipped, saying why.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny_desktop import cli
from tests.conftest import ROOT

MAIN = [sys.executable, str(ROOT / "main.py")]


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run([str(a) for a in argv], out, err)
    return code, out.getvalue(), err.getvalue()


def without_root_override() -> list[str]:
    """A prefix that runs a command without root's licence to ignore permission bits."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: the kernel cannot be made to refuse root")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


@pytest.fixture
def book(tmp_path: Path, seed_path: Path) -> Path:
    path = tmp_path / "book.sqlite"
    assert run("import", path, seed_path)[0] == 0
    return path


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def test_deeply_nested_json_is_refused_plainly(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    code, _, err = run("import", tmp_path / "book.sqlite", deep)
    assert code == 2
    assert err == f"scrutiny-desktop: {deep}: not valid JSON: nested too deeply to read\n"
    assert not (tmp_path / "book.sqlite").exists()


def test_deep_json_inside_a_valid_document_is_refused_plainly(
    tmp_path: Path, seed_path: Path
) -> None:
    doc = json.loads(seed_path.read_text())
    doc["meeting"]["title"] = json.loads("[" * 900 + "]" * 900)
    deep = tmp_path / "deep.json"
    deep.write_text(json.dumps(doc))
    code, _, err = run("import", tmp_path / "book.sqlite", deep)
    assert code == 2 and "unexpected" not in err and err.count("\n") == 1


@pytest.mark.parametrize("limit", ["99999999999999999999999", "0", "-1", "many"])
def test_a_search_limit_out_of_range_is_a_usage_error(book: Path, limit: str) -> None:
    done = subprocess.run(
        [*MAIN, "search", str(book), "drugs", "--limit", limit], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr.endswith(
        f"error: argument --limit: {limit!r} is not a number of results from 1 to 100000\n"
    )


def test_a_new_book_in_a_folder_marked_read_only_is_refused(
    read_only_folder: Path, seed_path: Path
) -> None:
    path = read_only_folder / "book.sqlite"
    code, _, err = run("import", path, seed_path)
    assert code == 2
    assert err == f"scrutiny-desktop: {path} cannot be created: its folder is read-only\n"
    assert list(read_only_folder.iterdir()) == []


def test_a_new_book_in_a_folder_that_is_not_there_is_refused(
    tmp_path: Path, seed_path: Path
) -> None:
    path = tmp_path / "no such folder" / "book.sqlite"
    code, _, err = run("import", path, seed_path)
    assert code == 2
    assert err == (
        f"scrutiny-desktop: {path} cannot be created: its folder {path.parent} does not exist\n"
    )


def test_a_new_book_where_the_kernel_refuses_is_exit_2(
    read_only_folder: Path, seed_path: Path
) -> None:
    path = read_only_folder / "book.sqlite"
    done = subprocess.run(
        [*without_root_override(), *MAIN, "import", str(path), str(seed_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"scrutiny-desktop: {path} cannot be created: its folder is read-only\n"
    assert list(read_only_folder.iterdir()) == []


def test_an_export_the_kernel_refuses_names_the_file_asked_for(
    book: Path, read_only_folder: Path
) -> None:
    out = read_only_folder / "minutes.json"
    done = subprocess.run(
        [*without_root_override(), *MAIN, "export", str(book), "1", "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr == f"scrutiny-desktop: {out} cannot be written: Permission denied\n"
    assert list(read_only_folder.iterdir()) == []


@pytest.mark.parametrize("fmt", ["json", "pdf"])
def test_an_export_into_a_missing_folder_names_the_file_asked_for(
    book: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "no such folder" / f"minutes.{fmt}"
    code, _, err = run("export", book, "1", "--format", fmt, "-o", out)
    assert code == 2
    assert err == f"scrutiny-desktop: {out} cannot be written: No such file or directory\n"


def _closed_stdout(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run a command with its standard output closed (``>&-`` in a shell)."""
    return subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *argv],
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize(
    "argv",
    [("export", "{book}", "1", "-o", "-"), ("list", "{book}"), ("import", "{book}", "{seed}")],
    ids=["export-to-stdout", "list", "import"],
)
def test_a_closed_standard_output_is_exit_2_and_nothing_is_done(
    book: Path, seed_path: Path, argv: tuple[str, ...]
) -> None:
    before = book.read_bytes()
    done = _closed_stdout(*MAIN, *(a.format(book=book, seed=seed_path) for a in argv))
    assert done.returncode == 2
    assert done.stderr == (
        "scrutiny-desktop: standard output is closed, so nothing could be shown; nothing was done\n"
    )
    assert book.read_bytes() == before


def test_a_full_standard_output_is_exit_2(book: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*MAIN, "export", str(book), "1", "-o", "-"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 2
    assert done.stderr == (
        "scrutiny-desktop: standard output cannot be written: No space left on device\n"
    )
