"""Atomic writes: new files readable by others, replaced ones keep their mode, failures leave no trace."""

import sqlite3
import stat

import pytest

from scrutiny_desktop.book.backup import BackupFailed, copy
from scrutiny_desktop.book.errors import DamagedBook
from scrutiny_desktop.files.atomic import write_bytes_atomically


def test_a_new_file_is_readable_by_the_people_it_is_circulated_to(tmp_path):
    out = tmp_path / "minutes.json"
    write_bytes_atomically(out, b"{}")
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    out = tmp_path / "minutes.csv"
    out.write_bytes(b"old")
    out.chmod(0o640)
    write_bytes_atomically(out, b"new")
    assert out.read_bytes() == b"new" and stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"older")

    def broken(tmp):
        tmp.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    from scrutiny_desktop.files.atomic import write_atomically

    with pytest.raises(OSError):
        write_atomically(out, broken)
    assert out.read_bytes() == b"older"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


class _FullDisk:
    """A source whose copy fails as SQLite fails when the target disk fills."""

    def backup(self, dest: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    def execute(self, sql: str):
        return sqlite3.connect(":memory:").execute("PRAGMA database_list")


def test_a_full_disk_during_a_copy_is_not_reported_as_a_damaged_book(tmp_path):
    with pytest.raises(BackupFailed, match="could not be written") as caught:
        copy(_FullDisk(), tmp_path / "copy.sqlite")  # type: ignore[arg-type]
    assert not isinstance(caught.value, DamagedBook)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_device_or_pipe_is_never_replaced_whoever_writes(tmp_path):
    """By construction: every writer goes through here, so none can replace such a node."""
    import os

    from scrutiny_desktop.files.outputs import OutputRefused

    folder, pipe = tmp_path / "a folder", tmp_path / "a pipe"
    folder.mkdir()
    os.mkfifo(pipe)
    for target in (folder, pipe):
        with pytest.raises(OutputRefused, match="not a file; nothing was written"):
            write_bytes_atomically(target, b"x")
    assert folder.is_dir() and stat.S_ISFIFO(pipe.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a folder", "a pipe"]


def test_a_database_in_use_is_never_replaced_whoever_writes(tmp_path):
    """The open book has its -wal beside it: even a writer that forgot check_output stops."""
    from scrutiny_desktop.book import Book
    from scrutiny_desktop.files.outputs import OutputRefused

    path = tmp_path / "book.sqlite"
    with Book.create(path, lock=True):
        before = path.read_bytes()
        with pytest.raises(OutputRefused, match=r"is a database in use \(its -wal is beside it\)"):
            write_bytes_atomically(path, b"a register CSV")
        assert path.read_bytes() == before
