"""Write docs/screenshots/register.png, search.png and signed-off.png from the window.

The reference meeting, a next meeting made from it (its previous minutes agreed, some
progress reported), then the register, a search and the signed-off meeting, each grabbed
offscreen at 1280x800. Run with ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m
bench.make_screenshots``.
"""

from __future__ import annotations

import os
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


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
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
        window._do_register()
        assert window.register_pane is not None
        _grab(app, window, "register.png")
        window.register_dock.close()

        window._do_search()
        assert window.search_pane is not None
        window.search_pane.box.setText("domestic abuse")
        window.search_pane.run()
        window.search_pane.results.setCurrentRow(0)
        _grab(app, window, "search.png")
        window.search_dock.close()

        window.open_meeting(first)
        window.show_busiest_item()
        _grab(app, window, "signed-off.png")
        window.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
