"""``scrutiny-desktop open BOOK --screenshot PNG`` in a child process, as the docs make it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

MAIN = "from scrutiny_desktop.app import main; raise SystemExit(main())"


@pytest.mark.slow
def test_screenshot_mode_renders_1280x800_and_exits_0(example_book: Path, tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-c", MAIN, "open", str(example_book), "--screenshot", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert not Path(f"{example_book}.lock").exists()


@pytest.mark.slow
def test_screenshot_of_something_that_is_not_a_book_fails_cleanly(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a book")
    result = subprocess.run(
        [sys.executable, "-c", MAIN, "open", str(text), "--screenshot", str(tmp_path / "x.png")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "not a meeting book" in result.stderr
