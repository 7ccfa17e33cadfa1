"""The window carries every controller's commands: File ▸ Export as and circulation for each
format, the register's public choice, the formal parts' dock and marks, and the writing
aids in the minutes. Each is driven through the window, on the police and crime panel
meeting, whose restricted item names "Kestrel-Canary" (issues 13-17)."""

from __future__ import annotations

import email
import json
from email.policy import default
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.export.formats import FORMATS
from scrutiny_desktop.ui.main_window import MainWindow
from tests.gui.conftest import Keys, WindowFactory
from tests.unit.pdf_helpers import pdf_everything
from tests.unit.publication_helpers import docx_text

PANEL = Path(__file__).resolve().parents[1] / "data" / "panel-meeting.v2.json"
CANARY = "Kestrel-Canary"  # in the restricted item's minutes
ACTION = "complainant"  # in its action (the CSV lists actions alone)


@pytest.fixture
def panel_book(tmp_path: Path) -> Path:
    path = tmp_path / "panel.sqlite"
    with Book.create(path) as book:
        book.import_minutes(interchange.load(PANEL))
    return path


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        return pdf_everything(path)
    if path.suffix == ".docx":
        return docx_text(path)
    return path.read_text(encoding="utf-8-sig")


def test_export_as_offers_every_format_and_the_public_ones_leave_the_restricted_out(
    make_window: WindowFactory,
    panel_book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(panel_book)
    menu = window.exporting.export_as
    assert menu is not None and menu in [a.menu() for a in window.menus["&File"].actions()]
    menu.aboutToShow.emit()  # its entries are made when it first opens
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert len(entries) == len(FORMATS)
    for fmt, action in zip(FORMATS, entries, strict=True):
        which = "public" if fmt.public else "full"
        out = tmp_path / "out" / f"{fmt.name}-{which}{fmt.suffix}"
        out.parent.mkdir(exist_ok=True)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_, o=out: (str(o), ""))
        action.trigger()
        assert out.exists(), (fmt.label, window.statusBar().currentMessage())
        assert window.statusBar().currentMessage().startswith(f"Exported {fmt.label}")
        assert (ACTION in _text(out)) is not fmt.public, fmt.label


def test_the_pdf_export_says_its_pages_and_uses_the_books_glossary(
    make_window: WindowFactory, panel_book: Path, tmp_path: Path
) -> None:
    from scrutiny_desktop.writing.glossary import GlossaryEntry

    with Book.open(panel_book) as book:
        book.put_glossary_entry(
            GlossaryEntry("HMICFRS", "His Majesty's Inspectorate of Constabulary")
        )
    window = make_window(panel_book)
    pdf = next(f for f in FORMATS if f.name == "pdf" and not f.public)
    assert window.exporting.export_to(pdf, tmp_path / "minutes.pdf")
    assert "page" in window.statusBar().currentMessage()
    assert "His Majesty's Inspectorate of Constabulary" in pdf_everything(tmp_path / "minutes.pdf")


def test_circulation_drafts_from_the_window(
    make_window: WindowFactory, panel_book: Path, tmp_path: Path
) -> None:
    window = make_window(panel_book)
    paths = window.exporting.circulate_to(tmp_path / "drafts", public=True)
    assert paths
    for path in paths:
        message = email.message_from_bytes(path.read_bytes(), policy=default)
        assert message["X-Unsent"] == "1"
        body = message.get_body(("plain",))
        assert body is not None and CANARY not in body.get_content()
    assert f"{len(paths)} drafts (public minutes attached)" in window.statusBar().currentMessage()


def test_the_register_shows_and_exports_the_public_version_unless_asked(
    make_window: WindowFactory,
    panel_book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(panel_book)
    window.act["register"].trigger()
    pane = window.finding.register_pane
    assert pane is not None and pane.public.isChecked()
    pane.open_only.setChecked(False)
    texts = [t.text for t in pane.model.rows()]
    assert "Write to the complainant with the Panel's decision" not in texts
    assert "restricted left out" in pane.summary.text()
    out = tmp_path / "register.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), ""))
    pane.export_button.click()
    assert "complainant" not in out.read_text(encoding="utf-8-sig")
    pane.public.setChecked(False)
    assert "Write to the complainant with the Panel's decision" in [
        t.text for t in pane.model.rows()
    ]


def test_ctrl_5_brings_the_item_details_and_ctrl_4_the_actions_back(
    make_window: WindowFactory, panel_book: Path, keys: Keys, qtbot: QtBot
) -> None:
    window = make_window(panel_book)
    keys.ctrl(Qt.Key.Key_5)
    dock = window.docks["details"]
    assert window.formal.details is not None
    pane = window.formal.details.pane
    qtbot.waitUntil(lambda: pane.isAncestorOf(QApplication.focusWidget()))
    assert not pane.visibleRegion().isEmpty()
    assert window.tabifiedDockWidgets(dock) == [window.docks["actions"]]
    keys.ctrl(Qt.Key.Key_4)
    qtbot.waitUntil(lambda: pane.visibleRegion().isEmpty())  # a tab behind: moved off screen
    assert window.ws is not None and not window.ws.actions_pane.visibleRegion().isEmpty()


def test_the_agenda_marks_items_taken_without_a_quorum(
    make_window: WindowFactory, tmp_path: Path, qtbot: QtBot
) -> None:
    document = json.loads(PANEL.read_text())
    document["meeting"]["quorum"] = 12  # more members than the panel has
    path = tmp_path / "inquorate.sqlite"
    with Book.create(path) as book:
        book.import_minutes(interchange.loads(json.dumps(document)))
    window = make_window(path)
    window.formal.make()
    ws = window.ws
    assert ws is not None
    qtbot.waitUntil(lambda: "[inquorate]" in ws.items.index(1).data())
    marked = [ws.items.index(r).data() for r in range(ws.items.rowCount())]
    assert all("[inquorate]" in text for text in marked if not text.startswith("47/26"))


def test_spelling_suggestions_head_the_minutes_context_menu(
    make_window: WindowFactory, panel_book: Path, keys: Keys, qtbot: QtBot
) -> None:
    window = make_window(panel_book)
    window.writing.start_now()
    qtbot.waitUntil(lambda: window.writing.spelling.loaded, timeout=20000)
    assert window.ws is not None
    editor = window.ws.agenda_pane.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    keys.type(" The report was recieved")
    assert editor.menu_first is not None
    rect = editor.cursorRect()
    menu = QMenu()
    actions = editor.menu_first(editor, QPoint(rect.left() - 4, rect.center().y()), menu)
    assert [a.text() for a in actions][:1] == ["received"]


def test_the_window_is_built_from_controllers_alone(
    make_window: WindowFactory, panel_book: Path
) -> None:
    window: MainWindow = make_window(panel_book)
    assert type(window).__mro__[1].__name__ == "QMainWindow"
    for name, action in window.act.items():
        assert action.receivers("2triggered(bool)") >= 1, name


def test_resolutions_are_spell_checked_as_they_are_typed(
    make_window: WindowFactory, panel_book: Path
) -> None:
    window = make_window(panel_book)
    window.writing.start_now()
    window.formal.make()
    assert window.formal.details is not None
    assert window.formal.details.pane.resolution_line.property("spelling_watched")
