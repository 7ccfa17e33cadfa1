"""Write the panel screenshots to docs/screenshots/panel-*.png (issue 14, Must show 5): the
window taking a police and crime panel, with its item details (declarations, resolutions,
a recorded vote, the room and the quorum) and the attendance with arrivals and
departures; an exempt item with its Schedule 12A paragraphs and public summary; the
recorded vote and series settings dialogs; the decisions register.

The panel meeting of ``tests/data/panel-meeting.v2.json`` imported into a new book and
opened in the window at 1440x900, offscreen, the commands run through the window's own
actions (as their keys run them). Run with ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m
bench.make_panel_screenshots``.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.launch import application, example_path
from scrutiny_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PANEL = ROOT / "tests" / "data" / "panel-meeting.v2.json"
DURING = datetime(2026, 3, 12, 11, 15)  # the meeting's day, at item 44/26
SIZE = (1440, 900)  # a little more than the other shots: the item details need height


def _settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def _save(app: QApplication, widget: QWidget, name: str) -> None:
    _settle(app)
    widget.grab().save(str(OUT / name), "PNG")
    print(f"docs/screenshots/{name}")


def _into_view(widget: QWidget) -> None:
    """Scroll the item details so that ``widget`` is seen whole."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 0)


def _go_to(window: MainWindow, number: str) -> None:
    ws = window.ws
    assert ws is not None
    item = next(i for i in ws.items.items() if i.number == number)
    assert item.id is not None
    ws.agenda_pane.select_item(item.id)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "panel.sqlite"
        with Book.create(path) as book:
            book.import_minutes(interchange.load(PANEL))
            settings = book.series_settings("Police and Crime Panel")  # from 41/26, imported
            book.set_series_settings(  # as its clerk sets it up (Shift+F4)
                replace(settings, quorum=5, numbering="yearly", print_item_times=True)
            )
        window = MainWindow(None, Path(folder), example_path(), backups=False)
        shown: list[QDialog] = []

        def grab_dialog(dialog: QDialog) -> bool:
            """A formal dialog: shown, grabbed, and closed unchanged."""
            dialog.show()
            shown.append(dialog)
            _save(app, dialog, f"panel-{dialog.objectName()}.png")
            dialog.reject()
            return False

        window.formal.clock = lambda: DURING
        window.formal.run_dialog = grab_dialog
        window.open_book(path)
        window.resize(*SIZE)
        window.show()
        window.formal.make()
        act = window.act
        act["go_item_details"].trigger()
        _settle(app)
        docks = window.docks
        window.resizeDocks([docks["attendees"]], [520], Qt.Orientation.Horizontal)
        window.resizeDocks([docks["agenda"], docks["details"]], [230, 640], Qt.Orientation.Vertical)

        # The precept: a recorded vote, the room at the item, assurance; the attendance
        # with Cllr Spoor's arrival during this item and Cllr Patel's departure later.
        _go_to(window, "44/26")
        details = window.formal.details
        assert details is not None
        act["resolution"].trigger()  # the resolutions and the vote in view
        details.pane.resolutions_table.selectRow(0)
        _settle(app)
        _into_view(details.pane.vote_warning)
        _save(app, window, "panel-window.png")

        # Declarations of interest: the kinds, one member leaving the room.
        _go_to(window, "42/26")
        act["declaration"].trigger()
        details.pane.declaration_line.setText("KB non-registrable chairs the Colchester CSP")
        _save(app, window, "panel-declarations.png")
        details.pane.declaration_line.clear()

        # The exempt item: restricted, Schedule 12A paragraphs, the public summary.
        _go_to(window, "46/26")
        act["exempt"].trigger()
        _settle(app)
        _into_view(details.pane.exempt)
        _save(app, window, "panel-exempt.png")

        # The dialogs: the recorded vote on the precept, the series' settings.
        _go_to(window, "44/26")
        act["go_item_details"].trigger()
        details.pane.resolutions_table.selectRow(0)
        for name, command in (("vote", "recorded_vote"), ("series", "series_settings")):
            before = len(shown)
            window.formal.run_dialog = _named(grab_dialog, f"{name}-dialog")
            act[command].trigger()
            assert len(shown) == before + 1, f"{command} showed no dialog"

        # The decisions register of the series.
        act["decisions_register"].trigger()
        _save(app, window, "panel-decisions-register.png")
        window.close()
        _settle(app)
    return 0


def _named(run: object, name: str) -> object:
    """``run`` with the dialog named first, for the file it is saved to."""

    def named(dialog: QDialog) -> bool:
        dialog.setObjectName(name)
        return run(dialog)  # type: ignore[operator,no-any-return]

    return named


if __name__ == "__main__":
    raise SystemExit(main())
