"""Help ▸ About: what this is, which version, and where the book and its backups live."""

from __future__ import annotations

import html
import platform
import sqlite3
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QMessageBox, QWidget

from scrutiny_desktop import __version__
from scrutiny_desktop.book import backup
from scrutiny_desktop.paths import default_book_path


def about_html(book: Path | None) -> str:
    """The About text; user paths escaped."""
    where = html.escape(str(book)) if book else "no book open"
    backups = html.escape(str(backup.backups_folder(book))) if book else "—"
    earlier = backup.earlier_backups_folder(book) if book else None
    if earlier is not None:
        backups += f"<br><b>Earlier backups:</b> {html.escape(str(earlier))} (kept as they are)"
    return (
        f"<h3>Scrutiny Desktop {__version__}</h3>"
        "<p>Minutes of formal scrutiny meetings, taken live and offline, published as PDF in "
        "the No. | Matter Raised | Action | Owner | Date for Completion layout.</p>"
        f"<p><b>Book:</b> {where}<br><b>Backups:</b> {backups}<br>"
        f"<b>Default book:</b> {html.escape(str(default_book_path()))}</p>"
        f"<p>Python {platform.python_version()}, Qt for Python {pyside_version}, "
        f"SQLite {sqlite3.sqlite_version}. MIT licence. PDF fonts: DejaVu Sans.</p>"
    )


def show_about(parent: QWidget, book: Path | None) -> None:
    QMessageBox.about(parent, "About Scrutiny Desktop", about_html(book))
