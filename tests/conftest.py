"""Shared fixtures. Qt runs headless: the platform is set before any QApplication exists."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A PDF export keeps what reportlab reads from the fonts in the user's cache folder
# (export.font_cache): the suite, and the processes it starts, use a cache of their own.
_CACHE = tempfile.mkdtemp(prefix="scrutiny-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "interchange"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seed_path() -> Path:
    """The reference meeting in the interchange format (a copy is kept under tests/data)."""
    return DATA / "seed-meeting.json"


@pytest.fixture
def schema_path() -> Path:
    return DATA / "meeting.schema.json"


@pytest.fixture
def seed_v2_path() -> Path:
    """The reference meeting in interchange version 2 (a copy of ../shared's)."""
    return DATA / "seed-meeting.v2.json"


@pytest.fixture
def schema_v2_path() -> Path:
    return DATA / "meeting.v2.schema.json"


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    """Where a test's book goes (not created)."""
    return tmp_path / "book.sqlite"


@pytest.fixture
def seeded_book(tmp_path: Path, seed_path: Path):  # type: ignore[no-untyped-def]
    """A book holding the reference meeting; yields (book, meeting id)."""
    from scrutiny_desktop.book import Book
    from scrutiny_desktop.export import interchange

    book = Book.create(tmp_path / "seeded.sqlite")
    meeting_id = book.import_minutes(interchange.load(seed_path))
    yield book, meeting_id
    book.close()


def shared_copy_is_current() -> bool:
    return not SHARED.exists() or all(
        (SHARED / n).read_bytes() == (DATA / n).read_bytes()
        for n in (
            "seed-meeting.json",
            "meeting.schema.json",
            "seed-meeting.v2.json",
            "meeting.v2.schema.json",
        )
    )
