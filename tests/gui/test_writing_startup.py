"""The dictionary is not on the start-up path: a window with the writing aids' controller has
painted and gone idle before the ``hunspell`` binding is imported, the dictionary read or the
highlighter attached; then ``start()`` does both and the minutes shown are checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.launch import example_path

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from scrutiny_desktop.ui.launch import application, example_path
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.controllers.writing import WritingController

book = Path(sys.argv[1])
app = application()
window = MainWindow(None, book.parent, example_path(), backups=False)
window.open_book(book)
ctx = Context(window, window.stack, lambda m, ms: None, None, book.parent)
ctx.workspace = window.ws
controller = WritingController(ctx)
ctx.workspace_changed.emit()
report = {}
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in report:
            report["paint"] = {"hunspell": "hunspell" in sys.modules,
                               "loaded": controller.spelling.loaded}
        return False
painted = FirstPaint()
window.ws.agenda_pane.editor.viewport().installEventFilter(painted)
window.show_busiest_item()
window.show()
controller.start()
def ready():
    app.processEvents()
    report["ready"] = {
        "hunspell": "hunspell" in sys.modules,
        "loaded": controller.spelling.loaded,
        "highlighter": "scrutiny_desktop.ui.spelling.highlighter" in sys.modules,
    }
def loaded():
    from scrutiny_desktop.ui.spelling.highlighter import marked_spans

    doc = window.ws.agenda_pane.editor.document()
    words = []
    block = doc.begin()
    while block.isValid():
        words += [block.text()[a:b] for a, b in marked_spans(block)]
        block = block.next()
    report["loaded"] = {"hunspell": "hunspell" in sys.modules, "marked": words}
    print(json.dumps(report), flush=True)
    app.quit()
# After the highlighters (attached by start()) have heard the same signal.
controller.spelling.changed.connect(lambda: QTimer.singleShot(0, loaded))
QTimer.singleShot(0, ready)
QTimer.singleShot(20000, app.quit)
app.exec()
"""


@pytest.mark.slow
def test_the_dictionary_loads_after_the_first_paint(tmp_path: Path) -> None:
    book = tmp_path / "reference.sqlite"
    with Book.create(book) as b:
        b.import_minutes(interchange.load(example_path()))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(book)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["paint"] == {"hunspell": False, "loaded": False}
    # Nor are the highlighter and the other checking parts attached before the first paint.
    assert report["ready"] == {"hunspell": False, "loaded": False, "highlighter": False}
    assert report["loaded"]["hunspell"] is True
    # The unknown abbreviations of the item shown are marked once it has loaded.
    assert "DAAT" in report["loaded"]["marked"]
