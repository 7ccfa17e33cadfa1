"""The process's table of open book files: a descriptor is closed with the last connection."""

from __future__ import annotations

import os
from pathlib import Path

from scrutiny_desktop.book import inodes


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def test_a_descriptor_given_up_while_the_file_is_open_waits_for_the_last_connection(
    tmp_path: Path,
) -> None:
    path = tmp_path / "book.sqlite"
    path.write_bytes(b"")
    link = tmp_path / "another name.sqlite"
    os.link(path, link)
    first, second = inodes.opened(path), inodes.opened(link)  # one file, two names
    assert first == second and inodes.is_open(first)
    fd = os.open(path, os.O_RDONLY)
    inodes.close_when_unused(fd)
    assert _is_open(fd)  # closing it now would drop the connections' SQLite locks
    inodes.closed(first)
    assert _is_open(fd) and inodes.is_open(second)
    inodes.closed(second)
    assert not _is_open(fd) and not inodes.is_open(first)


def test_a_descriptor_of_a_file_nobody_has_open_is_closed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite"
    path.write_bytes(b"")
    fd = os.open(path, os.O_RDONLY)
    inodes.close_when_unused(fd)
    assert not _is_open(fd)
