"""Write docs/screenshots/: the window on the example meeting (100%, 200%, dark palette),
the register, a search and signed-off minutes.

The first three come from the screenshot mode (``scrutiny-desktop open BOOK --screenshot``),
each in its own process: scale (QT_SCALE_FACTOR) and palette (SCRUTINY_COLOR_SCHEME) are
fixed when Qt starts.

The reference meeting, a next meeting made from it (its previous minutes agreed, some
progress reported), then the register, a search and the signed-off meeting, each grabbed
offscreen at 1280x800. Run with ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m
bench.make_screenshots``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import Attendance, Status
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.launch import SCREENSHOT_SIZE, application, example_path
from scrutiny_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def _book(path: Path) -> tuple[int, int]:
    with Book.create(path) as book:
        first = book.import_minutes(interchange.load(example_path()))
        second = book.new_meeting_after(first)
        book.set_attendance(second, Attendance("LW", chair=True))
        book.set_attendance(second, Attendance("SH"))
        arising = book.matters_arising_item(second)
        assert arising is not None and arising.id is not None
        for u, status in zip(
            book.updates(arising.id), (Status.COMPLETED, Status.TO_FOLLOW), strict=False
        ):
            assert u.id is not None
            book.set_progress(u.id, status, "SH to action" if status is Status.TO_FOLLOW else None)
        book.agree_previous(second)
    return first, second


def _grab(app: QApplication, window: MainWindow, name: str) -> None:
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(OUT / name), "PNG")
    print(f"docs/screenshots/{name}")


WINDOW_SHOTS = {
    "window-example-meeting.png": {},
    "window-200-percent.png": {"QT_SCALE_FACTOR": "2"},
    "window-dark.png": {"SCRUTINY_COLOR_SCHEME": "dark"},
}


def _window_shots(folder: Path) -> None:
    book = folder / "example.sqlite"
    run = [sys.executable, "-m", "scrutiny_desktop"]
    subprocess.run(
        [*run, "import", str(book), str(example_path())], check=True, capture_output=True
    )
    for name, env in WINDOW_SHOTS.items():
        subprocess.run(
            [*run, "open", str(book), "--screenshot", str(OUT / name)],
            check=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        )


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        _window_shots(Path(folder))
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "series.sqlite"
        first, second = _book(path)
        window = MainWindow(None, Path(folder), example_path())
        window.today = lambda: date(2015, 4, 2)
        window.open_book(path)
        window.resize(*SCREENSHOT_SIZE)
        window.show()

        window.open_meeting(second)
        window.finding.show_register()
        assert window.finding.register_pane is not None
        _grab(app, window, "register.png")
        window.finding.register_dock.close()

        window.finding.show_search()
        assert window.finding.search_pane is not None
        window.finding.search_pane.box.setText("domestic abuse")
        window.finding.search_pane.run()
        window.finding.search_pane.results.setCurrentRow(0)
        _grab(app, window, "search.png")
        window.finding.search_dock.close()

        window.open_meeting(first)
        window.show_busiest_item()
        _grab(app, window, "signed-off.png")
        window.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
