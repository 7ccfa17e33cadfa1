"""Write docs/screenshots/window-1366x768.png and matters-arising-1366x768.png: the window
on a 1366×768 laptop screen (issue 12), the second showing Matters arising with what
each carried action was.

Qt's offscreen platform is given a 1366×768 screen by a configuration file, so the
window sizes itself as it would on the laptop; it is then maximised, as a clerk would.
Run with ``.venv/bin/python -m bench.laptop_screenshots`` (it starts itself again in a
child process with that screen).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}


def _shots(folder: Path) -> None:
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from scrutiny_desktop.book import Book
    from scrutiny_desktop.domain.model import Status
    from scrutiny_desktop.export import interchange
    from scrutiny_desktop.ui.launch import application, example_path
    from scrutiny_desktop.ui.main_window import MainWindow

    app = application()
    path = folder / "series.sqlite"
    with Book.create(path) as book:
        first = book.import_minutes(interchange.load(example_path()))
        second = book.new_meeting_after(first)
        arising = book.matters_arising_item(second)
        assert arising is not None and arising.id is not None
        for u in book.updates(arising.id):
            assert u.id is not None
            if str(u.ref) == "07/15":
                book.set_progress(u.id, Status.COMPLETED)
            if str(u.ref) == "09/15":
                book.set_progress(u.id, Status.TO_FOLLOW, "SH to chase the national lead")

    window = MainWindow(None, folder, example_path())
    window.today = lambda: date(2015, 3, 26)
    window.open_book(path)
    window.showMaximized()
    assert window.ws is not None

    def grab(name: str) -> None:
        for _ in range(10):
            app.processEvents()
        window.grab().save(str(OUT / name), "PNG")
        size = window.size()
        print(f"docs/screenshots/{name} ({size.width()}x{size.height()})")

    window.open_meeting(first)
    window.show_busiest_item()
    grab("window-1366x768.png")

    window.open_meeting(second)
    window.ws.agenda_pane.select_item(arising.id)
    table = window.ws.actions_pane.updates_table
    model = window.ws.updates
    raised_here = next(r for r in range(model.rowCount()) if str(model.update_at(r).ref) == "07/15")
    table.setFocus()
    table.setCurrentIndex(model.index(raised_here, 1))
    table.scrollTo(model.index(raised_here - 2, 1), table.ScrollHint.PositionAtTop)
    grab("matters-arising-1366x768.png")
    window.close()
    QApplication.processEvents()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    if os.environ.get("SCRUTINY_LAPTOP_CHILD"):
        with tempfile.TemporaryDirectory() as folder:
            _shots(Path(folder))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "screen.json"
        config.write_text(json.dumps({"screens": [SCREEN]}))
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
            "SCRUTINY_LAPTOP_CHILD": "1",
        }
        return subprocess.run(
            [sys.executable, "-m", "bench.laptop_screenshots"], env=env
        ).returncode


if __name__ == "__main__":
    raise SystemExit(main())
