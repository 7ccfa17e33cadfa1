"""Modes and groups of every file the application writes (issue 13, finding 14; must-show 5).

Each writer runs in a child process under the umask being tested (the real commands,
and the book layer for backups and Save a copy, which have no command), for a book as
created and for a book its owner set to 0600 and gave to another group. Expected:

* the new book follows the umask as SQLite makes books (0o644 & ~umask: not group-
  writable unless its owner says so), and its -wal, -shm and lock file take the book's
  mode and group while it is open;
* new exports (PDF, JSON, CSV, the register table, a screenshot) follow the umask;
* backups, their folder (x where r) and Save a copy take the book's mode and group;
* a re-export keeps the replaced file's mode and group.

Run as root, the book is given a group nobody is in (4242), so a group carried over is
the book's and not an accident; otherwise one of the user's other groups, if any (else
groups are checked as the defaults they then are, and modes as everywhere).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

HOLD = """
import sys
from scrutiny_desktop.book import Book
book = Book.open(sys.argv[1], lock=True)
book.set_series_year_start("Force Performance Scrutiny", 4)  # something in the -wal
print("ready", flush=True)
sys.stdin.read()
book.close()
"""

COPIES = """
import sys
from pathlib import Path
from scrutiny_desktop.book import Book, backup
print(backup.snapshot(Path(sys.argv[1])))
with Book.open(sys.argv[1]) as book:
    book.save_copy(sys.argv[2])
    book.save_copy(sys.argv[3])
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _group(path: Path) -> int:
    return path.stat().st_gid


def _groups() -> tuple[int | None, int | None]:
    """Groups to give the book and an older export: not the user's own default one."""
    if os.geteuid() == 0:
        return 4242, 5151
    others = [g for g in os.getgroups() if g != os.getegid()]
    return (others[0], others[-1]) if others else (None, None)


def _give(path: Path, group: int | None) -> None:
    if group is not None:
        os.chown(path, -1, group)


class Child:
    """Runs the application's writers under one umask."""

    def __init__(self, umask: int, folder: Path) -> None:
        self.umask, self.folder = umask, folder

    def cli(self, *argv: object) -> None:
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *map(str, argv)],
            umask=self.umask,
            capture_output=True,
            text=True,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
        assert done.returncode == 0, done.stderr

    def python(self, script: str, *argv: object) -> str:
        done = subprocess.run(
            [sys.executable, "-c", script, *map(str, argv)],
            umask=self.umask,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def holding(self, book: Path) -> Iterator[None]:
        with subprocess.Popen(  # leaving the block closes its pipes and waits for it
            [sys.executable, "-c", HOLD, str(book)],
            umask=self.umask,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        ) as proc:
            try:
                assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
                yield
            finally:
                proc.kill()


@pytest.mark.parametrize("umask", [0o022, 0o077], ids=["umask-022", "umask-077"])
@pytest.mark.parametrize("private_book", [False, True], ids=["book-as-made", "book-0600"])
def test_every_file_written_has_the_mode_and_group_it_should(
    tmp_path: Path, seed_path: Path, umask: int, private_book: bool
) -> None:
    book_group, old_file_group = _groups()
    folder = tmp_path / "minutes"
    folder.mkdir(mode=0o755)
    assert not folder.stat().st_mode & stat.S_ISGID  # new files get our group, not the folder's
    child = Child(umask, folder)
    new_file, default_group = 0o666 & ~umask, os.getegid()
    book = folder / "minutes.sqlite"

    child.cli("import", book, seed_path)
    assert (_mode(book), _group(book)) == (0o644 & ~umask, default_group)
    if private_book:
        _give(book, book_group)
        book.chmod(0o600)
    book_mode, book_group = _mode(book), _group(book)

    for _ in child.holding(book):
        for companion in (f"{book}-wal", f"{book}-shm", f"{book}.lock"):
            got = (_mode(Path(companion)), _group(Path(companion)))
            assert got == (book_mode, book_group), companion

    exports = {
        "minutes.pdf": ("export", book, "1", "--format", "pdf", "-o"),
        "minutes.json": ("export", book, "1", "--format", "json", "-o"),
        "register.txt": ("actions", book, "-o"),
        "register.csv": ("actions", book, "--format", "csv", "-o"),
        "window.png": ("open", book, "--screenshot"),
    }
    for name, argv in exports.items():
        child.cli(*argv, folder / name)
        assert (_mode(folder / name), _group(folder / name)) == (new_file, default_group), name

    older = folder / "circulated.pdf"
    older.write_bytes(b"%PDF-older")
    _give(older, old_file_group)
    older.chmod(0o640)
    older_group = _group(older)
    child.cli("export", book, "1", "--format", "pdf", "-o", older)
    assert older.read_bytes().startswith(b"%PDF-1.")
    assert (_mode(older), _group(older)) == (0o640, older_group)

    replaced_copy = folder / "older copy.sqlite"
    replaced_copy.write_bytes(b"an older copy")
    replaced_copy.chmod(0o666)
    snap = Path(child.python(COPIES, book, folder / "copy.sqlite", replaced_copy).strip())
    backups = snap.parent
    assert backups == folder / "minutes.sqlite backups"
    for copy in (snap, folder / "copy.sqlite", replaced_copy):
        assert (_mode(copy), _group(copy)) == (book_mode, book_group), copy.name
    folder_mode = book_mode | ((book_mode & 0o444) >> 2)
    assert (_mode(backups), _group(backups)) == (folder_mode, book_group)
    if private_book:
        assert (_mode(snap), _mode(backups)) == (0o600, 0o700)


def test_a_group_that_cannot_be_kept_gives_no_more_than_everyone_else_had(tmp_path: Path):
    from scrutiny_desktop.files.permissions import _group_as_others

    assert _group_as_others(0o640) == 0o600
    assert _group_as_others(0o664) == 0o644
    assert _group_as_others(0o660) == 0o600
    assert _group_as_others(0o644) == 0o644
