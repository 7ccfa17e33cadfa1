"""A named pipe, device or socket given as the book is refused at once, never opened (issue 13, 10).

Opening a FIFO for reading waits for a writer for ever: ``list`` and ``import`` hung. The
commands run in a child here, so that a hang fails the test instead of stopping the run.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book, NotABook
from tests.conftest import ROOT


def _fifo(folder: Path) -> tuple[Path, str]:
    path = folder / "book.sqlite"
    os.mkfifo(path)
    return path, "is a named pipe (FIFO), not a meeting book"


def _socket(folder: Path) -> tuple[Path, str]:
    path = folder / "book.sqlite"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path, "is a socket, not a meeting book"


def _device(_folder: Path) -> tuple[Path, str]:
    return Path("/dev/zero"), "is a device, not a meeting book"


def _link_to_fifo(folder: Path) -> tuple[Path, str]:
    fifo, why = _fifo(folder)
    link = folder / "link.sqlite"
    link.symlink_to(fifo)
    return link, why


KINDS = [_fifo, _socket, _device, _link_to_fifo]
COMMANDS = [
    ("list", "{book}"),
    ("import", "{book}", "{seed}"),
    ("export", "{book}", "latest", "-o", "{out}"),
    ("search", "{book}", "drugs"),
    ("new-meeting", "{book}", "--after", "latest"),
    ("sign-off", "{book}", "latest", "--by", "LW"),
    ("verify", "{book}", "latest"),
    ("actions", "{book}"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize("make", KINDS, ids=[k.__name__[1:] for k in KINDS])
def test_the_command_line_refuses_a_book_that_is_not_a_file_without_waiting(
    tmp_path: Path,
    seed_path: Path,
    make: Callable[[Path], tuple[Path, str]],
    command: tuple[str, ...],
) -> None:
    book, why = make(tmp_path)
    argv = [a.format(book=book, seed=seed_path, out=tmp_path / "o.json") for a in command]
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv],
        capture_output=True,
        text=True,
        timeout=60,  # a hang is the failure this guards against
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"scrutiny-desktop: {book} {why}\n"
    assert not (tmp_path / "o.json").exists()


def _hung(*_: object) -> None:
    raise TimeoutError("Book.open waited on the file")


@pytest.fixture
def no_hang() -> Iterator[None]:
    """A hang becomes a TimeoutError after a minute, instead of a run that never ends."""
    old = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("make", KINDS, ids=[k.__name__[1:] for k in KINDS])
def test_book_open_refuses_before_opening(
    tmp_path: Path, make: Callable[[Path], tuple[Path, str]], no_hang: None
) -> None:
    book, why = make(tmp_path)
    for kwargs in ({}, {"read_only": True}, {"lock": True}, {"create": True}):
        with pytest.raises(NotABook, match=why.replace("(", r"\(").replace(")", r"\)")):
            Book.open(book, **kwargs)  # type: ignore[arg-type]
