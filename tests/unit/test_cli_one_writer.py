"""One writer across window and command line (issue 13, finding 6).

While a window has the book open for writing, a command that writes is refused with exit
2, naming the window, and changes nothing; commands that only read still work. A
command that writes holds the same lock while it writes, so a window is refused then.
"""

from __future__ import annotations

import io
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scrutiny_desktop import cli
from scrutiny_desktop.book import Book
from scrutiny_desktop.book.errors import BookLocked
from scrutiny_desktop.book.lock import BookLock

# What the window does on opening a book (ui/main_window.py, open_book).
WINDOW = """
import sys
from scrutiny_desktop.book import Book
book = Book.open(sys.argv[1], lock=True)
print("ready", flush=True)
sys.stdin.read()
book.close()
"""


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run([str(a) for a in argv], out, err)
    return code, out.getvalue(), err.getvalue()


def _rows(path: Path) -> list[object]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables]
    finally:
        conn.close()


@pytest.fixture
def book(tmp_path: Path, seed_path: Path) -> Path:
    """Meeting 1 a draft, meeting 2 signed off."""
    path = tmp_path / "minutes.sqlite"
    for _ in range(2):
        assert run("import", path, seed_path)[0] == 0
    assert run("sign-off", path, "2", "--by", "LW", "--on", "2015-03-26")[0] == 0
    return path


@pytest.fixture
def window(book: Path) -> Iterator[subprocess.Popen[str]]:
    """A window (another process) with the book open, until the test ends."""
    with subprocess.Popen(  # leaving the block closes its pipes and waits for it
        [sys.executable, "-c", WINDOW, str(book)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield proc
        proc.kill()


WRITES = [
    ("import", "{book}", "{seed}"),
    ("new-meeting", "{book}", "--after", "1"),
    ("sign-off", "{book}", "1", "--by", "LW", "--on", "2015-03-26"),
    ("reopen", "{book}", "2", "--reason", "Wrong officer named in item 4", "--by", "TB"),
]


@pytest.mark.parametrize("command", WRITES, ids=[c[0] for c in WRITES])
def test_a_command_that_writes_is_refused_while_a_window_has_the_book(
    book: Path, seed_path: Path, window: subprocess.Popen[str], command: tuple[str, ...]
) -> None:
    before = _rows(book)
    code, out, err = run(*(a.format(book=book, seed=seed_path) for a in command))
    assert (code, out) == (2, "")
    assert err.startswith(
        f"scrutiny-desktop: {book} is open for writing in another Scrutiny Desktop window "
        f"(pid {window.pid} on host {socket.gethostname()} since "
    )
    assert err.endswith(
        "); close it there first (list, export, verify, actions and search still work)\n"
    )
    assert _rows(book) == before


READS = [
    ("list", "{book}"),
    ("export", "{book}", "1", "-o", "{out}"),
    ("verify", "{book}", "2"),
    ("actions", "{book}", "--open"),
    ("search", "{book}", "Mephedrone"),
]


@pytest.mark.parametrize("command", READS, ids=[c[0] for c in READS])
def test_a_command_that_only_reads_works_while_a_window_has_the_book(
    book: Path, tmp_path: Path, window: subprocess.Popen[str], command: tuple[str, ...]
) -> None:
    code, out, err = run(*(a.format(book=book, out=tmp_path / "out.json") for a in command))
    assert (code, err) == (0, "")
    assert out or (tmp_path / "out.json").exists()


def test_a_window_is_refused_while_a_command_writes(book: Path) -> None:
    with BookLock(book, holder="import"), pytest.raises(BookLocked) as caught:
        Book.open(book, lock=True)
    assert f"is open in the Scrutiny Desktop import command (pid {caught.value.pid} " in str(
        caught.value
    )


def test_commands_that_write_take_the_lock_while_they_write(
    book: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each writing command opens the book the window's way: locked, and saying what it is."""
    opened: list[tuple[str, bool, str]] = []
    real_open = Book.open

    def spy(path: Path | str, **kwargs: object) -> Book:
        opened.append((Path(path).name, bool(kwargs.get("lock")), str(kwargs.get("holder"))))
        return real_open(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Book, "open", spy)
    for command in WRITES:
        run(*(a.format(book=book, seed=seed_path) for a in command))
    assert opened == [(book.name, True, c[0]) for c in WRITES]
