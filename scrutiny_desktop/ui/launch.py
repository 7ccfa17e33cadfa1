"""Starting the window: the application object, settings, the book, screenshot mode."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from scrutiny_desktop.book import Book, BookError
from scrutiny_desktop.files.outputs import OutputRefused, check_output
from scrutiny_desktop.paths import data_dir, default_book_path
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.session_end import SessionEnd

ORGANISATION = "Scrutiny Desktop"
APPLICATION = "scrutiny-desktop"
SCREENSHOT_SIZE = (1280, 800)


RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def example_path() -> Path:
    """The reference meeting shipped with the application."""
    return RESOURCES / "example-meeting.json"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Scrutiny Desktop")
    app.setDesktopFileName(APPLICATION)  # ties the window to packaging's .desktop entry
    icon = RESOURCES / "icons" / "scrutiny-desktop.svg"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    theme.apply_colour_scheme(app, os.environ.get("SCRUTINY_COLOR_SCHEME"))
    return app


def launch(args: argparse.Namespace, on_shown: Callable[[MainWindow], object] | None = None) -> int:
    """Run the window for ``scrutiny-desktop open [BOOK] [--screenshot PNG] [--read-only]``.

    ``on_shown`` is called with the window once it is shown (the crash test drives it).
    """
    app = application()
    if args.screenshot is not None:
        return screenshot(args.book, args.screenshot)
    settings = QSettings()
    window = MainWindow(settings, data_dir(), example_path())
    book: Path | None = args.book
    if book is None:
        last = settings.value("book/last")
        if isinstance(last, str) and Path(last).exists():
            book = Path(last)
        elif default_book_path().exists():
            book = default_book_path()
    if book is None or not window.open_book(book, read_only=args.read_only):
        window.show_welcome()
    window.show()
    # Kept referenced for as long as the event loop runs (bench/crash_child.py's typist).
    attached = on_shown(window) if on_shown is not None else None  # noqa: F841
    if getattr(args, "quit_when_ready", False):
        QTimer.singleShot(0, lambda: _report_ready(app))
    # SIGTERM, SIGHUP, logout: what was typed in the last half second is saved first.
    ending = SessionEnd(app, window)
    try:
        return app.exec()
    finally:
        ending.uninstall()


def _report_ready(app: QApplication) -> None:
    """Print when the shown window has painted and no events are pending, then quit."""
    app.processEvents()
    print(f"READY {time.time():.6f}", flush=True)
    app.quit()


def screenshot(book: Path | None, out: Path) -> int:
    """Render the window on the book's latest meeting at 1280x800 to ``out``; exit code."""
    if book is None:
        print("scrutiny-desktop: --screenshot needs a book", file=sys.stderr)
        return 2
    try:
        check_output(out, book)  # Qt would write over the book itself, or into a device
        Book.open(book, read_only=True).close()
    except (BookError, OutputRefused) as e:
        print(f"scrutiny-desktop: {e}", file=sys.stderr)
        return 2
    app = application()
    window = MainWindow(None, data_dir(), example_path())
    if not window.open_book(book, read_only=True):
        return 2
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    window.show_busiest_item()
    for _ in range(5):
        app.processEvents()
    image = window.grab()
    ok = image.save(str(out), "PNG")
    window.close()
    app.processEvents()
    if not ok:
        print(f"scrutiny-desktop: cannot write {out}", file=sys.stderr)
        return 2
    return 0
