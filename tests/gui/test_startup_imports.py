"""Opening the window imports only what the first screen needs (issues 7 and 17, start-up),
and no Python event filter sees its first events.

The window is started in a subprocess exactly as the start-up benchmark starts it
(``open BOOK --quit-when-ready``), with ``-X importtime`` listing every module the
process imported, up to and after the first paint.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.launch import example_path

# Loaded on first use only: PDF, Word and web page export, JSON validation, sqlite-utils (its first write
# or a migration) with what it brings, the command line's own handlers, the migrations, spelling.
LAZY = (
    "reportlab",
    "jsonschema",
    "sqlite_utils",
    "click",
    "dateutil",
    "pluggy",
    "scrutiny_desktop.cli",
    "scrutiny_desktop.book.schema",
    "scrutiny_desktop.export.pdf",
    "docx",
    "jinja2",
    "scrutiny_desktop.export.docx_export",
    "scrutiny_desktop.export.html_export",
    # Spelling (issue 16): the binding and the dictionary load after the first paint.
    "hunspell",
    "scrutiny_desktop.writing.speller",
    "scrutiny_desktop.writing.engine",
    "scrutiny_desktop.writing.dictionary",
    "scrutiny_desktop.writing.ranking",
    # Issue 17: what the first screen shows needs none of these. The undo commands load at
    # the first edit, the export table when a command or Export as ▸ first needs it, the
    # signed record and its fingerprint at the first sign-off or check, the registers'
    # and the presentation's types when first read, the backup after the first paint.
    "scrutiny_desktop.ui.commands",
    "scrutiny_desktop.export.formats",
    "scrutiny_desktop.domain.fingerprint",
    "scrutiny_desktop.domain.record",
    "scrutiny_desktop.domain.record_v1",
    "scrutiny_desktop.domain.registers",
    "scrutiny_desktop.domain.presentation",
    "scrutiny_desktop.book.backup",
    "scrutiny_desktop.files.atomic",
)


def _child_env(tmp_path: Path) -> dict[str, str]:
    """A child's environment: offscreen Qt, its own settings and data folders."""
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )


def imported_by_window(book: Path, tmp_path: Path) -> set[str]:
    env = _child_env(tmp_path)
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "scrutiny_desktop",
            "open",
            str(book),
            "--quit-when-ready",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("READY "), proc.stdout
    return {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


@pytest.fixture
def reference_book(tmp_path: Path) -> Path:
    path = tmp_path / "reference.sqlite"
    with Book.create(path) as book:
        book.import_minutes(interchange.load(example_path()))
    return path


def test_window_start_leaves_heavy_modules_for_first_use(
    reference_book: Path, tmp_path: Path
) -> None:
    modules = imported_by_window(reference_book, tmp_path)
    assert "scrutiny_desktop.ui.main_window" in modules  # the listing works
    loaded = sorted(m for m in modules if any(m == n or m.startswith(f"{n}.") for n in LAZY))
    assert loaded == []


# The window's start as ``ui.launch.launch`` makes it, then: which of PySide6's event types
# exist (PySide6 makes a Python type when it first needs one).
_EVENT_TYPES = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from scrutiny_desktop.paths import data_dir
from scrutiny_desktop.ui.launch import application, example_path
from scrutiny_desktop.ui.main_window import MainWindow
app = application()
window = MainWindow(QSettings(), data_dir(), example_path())
assert window.open_book(Path(sys.argv[1]))
window.show()
app.processEvents()
import PySide6.QtWidgets as W
print(" ".join(n for n in vars(W) if n.startswith("QGraphicsScene")), flush=True)
window.close()  # the book saved and unlocked, as on quitting
import os
os._exit(0)  # not Python's teardown of live Qt objects, which crashed one run in two
"""


def test_no_python_event_filter_sees_the_first_screen_made(
    reference_book: Path, tmp_path: Path
) -> None:
    """The first event through a Python event filter makes every QEvent subclass's type
    (about 6 ms): the key filters wait until their widget has the focus (issue 17)."""
    env = _child_env(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-c", _EVENT_TYPES, str(reference_book)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == ""
