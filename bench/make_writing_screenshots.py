"""Write the writing aids' screenshots to docs/screenshots/ (issue 16): misspelt words marked
in the minutes and in the item title, light and dark; the F7 suggestions popup; the phrase
completion popup; the glossary dialog; the glossary offer in the status bar.

The window on the reference meeting, with the ``WritingController`` attached as the window
will attach it, grabbed offscreen. The dark palette is fixed when Qt starts, so each palette
runs in its own process. Run with ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m
bench.make_writing_screenshots``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter, QPixmap, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.controllers.writing import WritingController
from scrutiny_desktop.ui.launch import application, example_path
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.writing.glossary import GlossaryEntry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
TYPED = (
    "The Chair said the report had been recieved late. Members asked for a seperate "
    "note on the Drugs and Alcohol Team (DAAT) and on the IOM cohort. ;ap"
)


def _save(pixmap: QPixmap, name: str) -> None:
    pixmap.save(str(OUT / name), "PNG")
    print(f"docs/screenshots/{name}")


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _with_popup(widget: QWidget, popup: QWidget) -> QPixmap:
    """``widget`` grabbed, with a popup window drawn where it shows over it."""
    shot = widget.grab()
    at = widget.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0)))
    painter = QPainter(shot)
    painter.drawPixmap(at, popup.grab())
    painter.end()
    return shot


def shots(dark: bool) -> None:

    app = application()
    suffix = "-dark" if dark else ""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "example.sqlite"
        with Book.create(path) as book:
            book.import_minutes(interchange.load(example_path()))
            for entry in (
                GlossaryEntry("ASB", "Anti-Social Behaviour"),
                GlossaryEntry("BWV", "Body Worn Video"),
                GlossaryEntry("OPCC", "Office of the Police and Crime Commissioner"),
                GlossaryEntry("PCSO", "Police Community Support Officer"),
            ):
                book.put_glossary_entry(entry)
        window = MainWindow(None, Path(folder), example_path(), backups=False)
        window.open_book(path)
        window.resize(1280, 800)
        ctx = Context(window, window.stack, window.statusBar().showMessage, None, Path(folder))
        ctx.workspace = window.ws
        controller = WritingController(ctx)
        window.statusBar().addPermanentWidget(controller.offer_bar)
        ctx.workspace_changed.emit()
        window.show()
        controller.start_now()
        ws = window.ws
        assert ws is not None
        ws.agenda_pane.select_item(ws.items.items()[4].id or 0)
        ws.agenda_pane.title_edit.setText("Drugs Reprot")
        editor = ws.agenda_pane.editor
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, TYPED)
        highlighter = controller.body.highlighter(editor.document()) if controller.body else None
        assert highlighter is not None
        highlighter.check_now()
        controller.make_offers()
        _settle(app)
        _save(window.grab(), f"spelling-window{suffix}.png")
        _save(ws.agenda_pane.grab(), f"spelling{suffix}.png")
        if not dark:
            _more(app, controller, window)
        window.close()
        _settle(app)


def _more(app: QApplication, controller: WritingController, window: MainWindow) -> None:
    """The popups, the dialog and the offer, in the light palette."""
    ws = window.ws
    assert ws is not None
    editor = ws.agenda_pane.editor
    _save(window.statusBar().grab(), "glossary-offer.png")

    # The phrase popup, as ";ap" is typed.
    assert controller.typing is not None and controller.typing.popup.isVisible()
    _save(editor.grab(), "phrases-popup.png")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)

    # F7 just after "recieved".
    cursor = editor.textCursor()
    block = cursor.block()
    cursor.setPosition(block.position() + block.text().index("recieved") + len("recieved"))
    editor.setTextCursor(cursor)
    controller.show_suggestions()
    assert controller.popup is not None
    _settle(app)
    _save(_with_popup(ws.agenda_pane, controller.popup), "spelling-popup.png")
    controller.popup.close()

    controller.edit_glossary()
    dialog = controller.glossary_dialog
    assert dialog is not None
    dialog.fill("DAAT", "Drugs and Alcohol Team")
    _settle(app)
    _save(dialog.grab(), "glossary.png")
    dialog.close()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:] == ["--one"]:
        shots(dark=os.environ.get("SCRUTINY_COLOR_SCHEME") == "dark")
        return 0
    for scheme in ("light", "dark"):
        subprocess.run(
            [sys.executable, "-m", "bench.make_writing_screenshots", "--one"],
            check=True,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "SCRUTINY_COLOR_SCHEME": scheme},
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
