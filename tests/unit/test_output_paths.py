"""Where an output may go: never over the book, its companions, a backup or a device (issue 13, 5).

Each way of naming the book (its path, a relative path, a symbolic link, a hard link) and
each file that lives beside it is refused by ``export`` and ``actions`` with exit 2, one
line naming the path and why, and nothing written anywhere.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from scrutiny_desktop import cli
from scrutiny_desktop.book import Book, BookError, backup
from scrutiny_desktop.files.outputs import OutputRefused, check_output


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run([str(a) for a in argv], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def book(tmp_path: Path, seed_path: Path) -> Path:
    path = tmp_path / "minutes.sqlite"
    assert run("import", path, seed_path)[0] == 0
    return path


def _state(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every entry under ``folder``: its kind and, for regular files, its bytes."""
    found: dict[str, tuple[int, bytes | None]] = {}
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        data = p.read_bytes() if stat.S_ISREG(st.st_mode) else None
        found[str(p.relative_to(folder))] = (stat.S_IFMT(st.st_mode), data)
    return found


def _same(book: Path) -> str:
    return str(book)


def _relative(book: Path) -> str:
    return os.path.relpath(book)  # the tests run from the repository, not the book's folder


def _dotted(book: Path) -> str:
    return str(book.parent / "." / ".." / book.parent.name / book.name)


def _symlink(book: Path) -> str:
    link = book.parent / "link to the book.pdf"
    link.symlink_to(book)
    return str(link)


def _hard_link(book: Path) -> str:
    other = book.parent / "another name.pdf"
    os.link(book, other)
    return str(other)


def _folder_symlink(book: Path) -> str:
    folder = book.parent / "elsewhere"
    folder.symlink_to(book.parent)
    return str(folder / book.name)


def _wal(book: Path) -> str:
    return f"{book}-wal"


def _shm(book: Path) -> str:
    return f"{book}-shm"


def _lock(book: Path) -> str:
    return f"{book}.lock"


def _in_backups(book: Path) -> str:
    return str(backup.snapshot(book))


def _new_in_backups(book: Path) -> str:
    backup.snapshot(book)
    return str(backup.backups_folder(book) / "minutes.pdf")


THE_BOOK: list[tuple[Callable[[Path], str], str]] = [
    (_same, "is the meeting book itself"),
    (_relative, "is the meeting book itself"),
    (_dotted, "is the meeting book itself"),
    (_symlink, "is the meeting book itself"),
    (_hard_link, "is the meeting book itself"),
    (_folder_symlink, "is the meeting book itself"),
    (_wal, "is the meeting book's write-ahead log"),
    (_shm, "is the meeting book's shared-memory file"),
    (_lock, "is the meeting book's lock file"),
    (_in_backups, "is in the meeting book's backups folder"),
    (_new_in_backups, "is in the meeting book's backups folder"),
]

COMMANDS: list[tuple[str, ...]] = [
    ("export", "{book}", "1", "--format", "json", "-o", "{out}"),
    ("export", "{book}", "1", "--format", "pdf", "-o", "{out}"),
    ("actions", "{book}", "-o", "{out}"),
    ("actions", "{book}", "--format", "csv", "-o", "{out}"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:1] + c[3:-2]) or c[0])
@pytest.mark.parametrize(("name", "why"), THE_BOOK, ids=[f.__name__[1:] for f, _ in THE_BOOK])
def test_an_output_that_is_the_book_or_beside_it_is_refused_and_nothing_is_written(
    book: Path, command: tuple[str, ...], name: Callable[[Path], str], why: str
) -> None:
    out = name(book)
    before = _state(book.parent)
    argv = [a.format(book=book, out=out) for a in command]
    code, printed, err = run(*argv)
    assert (code, printed) == (2, "")
    assert err == f"scrutiny-desktop: {out} {why}; nothing was written\n"
    assert _state(book.parent) == before
    with Book.open(book, read_only=True) as again:
        assert len(again.meetings()) == 1


def _fifo(folder: Path) -> tuple[Path, str]:
    path = folder / "pipe.pdf"
    os.mkfifo(path)
    return path, "is a named pipe (FIFO), not a file"


def _device(folder: Path) -> tuple[Path, str]:
    """A character device like /dev/full (made here, so a bug replaces ours, not the system's)."""
    path = folder / "full"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        return Path("/dev/full"), "is a device, not a file"
    return path, "is a device, not a file"


def _directory(folder: Path) -> tuple[Path, str]:
    path = folder / "minutes.pdf"
    path.mkdir()
    return path, "is a folder, not a file"


def _link_to_device(folder: Path) -> tuple[Path, str]:
    target, why = _device(folder)
    link = folder / "minutes.pdf"
    link.symlink_to(target)
    return link, why


NOT_FILES = [_fifo, _device, _directory, _link_to_device]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:1] + c[3:-2]) or c[0])
@pytest.mark.parametrize("make", NOT_FILES, ids=[f.__name__[1:] for f in NOT_FILES])
def test_an_output_that_is_not_a_regular_file_is_refused_and_left_as_it_is(
    book: Path, tmp_path: Path, command: tuple[str, ...], make: Callable[[Path], tuple[Path, str]]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out, why = make(folder)
    kind = stat.S_IFMT(out.lstat().st_mode)
    before = _state(folder)
    argv = [a.format(book=book, out=out) for a in command]
    code, _, err = run(*argv)
    assert code == 2
    assert err == f"scrutiny-desktop: {out} {why}; nothing was written\n"
    assert stat.S_IFMT(out.lstat().st_mode) == kind  # the node itself was not replaced
    assert _state(folder) == before


def test_an_empty_output_name_is_refused_plainly(book: Path) -> None:
    code, _, err = run("export", book, "1", "-o", "")
    assert code == 2
    assert (
        err
        == "scrutiny-desktop: no output file was named (the name is empty); nothing was written\n"
    )


def test_an_ordinary_output_beside_the_book_is_written(book: Path) -> None:
    out = book.parent / "minutes.pdf"
    assert run("export", book, "1", "--format", "pdf", "-o", out)[0] == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert check_output(out, book) == out


def test_check_output_alone_refuses_without_a_book_too(tmp_path: Path) -> None:
    with pytest.raises(OutputRefused, match="is a folder, not a file"):
        check_output(tmp_path)
    assert check_output(tmp_path / "new.pdf") == tmp_path / "new.pdf"


@pytest.mark.parametrize(
    ("name", "why"),
    [(f, w) for f, w in THE_BOOK if f not in (_in_backups, _new_in_backups)],
    ids=[f.__name__[1:] for f, _ in THE_BOOK if f not in (_in_backups, _new_in_backups)],
)
def test_save_a_copy_onto_the_book_is_refused(book: Path, name: Callable[[Path], str], why: str):
    with Book.open(book) as opened:
        target = name(book)
        before = _state(book.parent)
        with pytest.raises(BookError, match=f"{why}; nothing was written"):
            opened.save_copy(target)
        assert _state(book.parent) == before
