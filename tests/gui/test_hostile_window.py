"""Hostile text typed or pasted into the window: stored, shown, exported; nothing crashes.

Pasted through the clipboard (``QClipboard`` with ``QMimeData``) into the body editor and
into an action's text cell, then the meeting goes out as JSON and as PDF. A lone
surrogate cannot reach Qt from a Python ``str`` (the bindings drop it), so it arrives as
a clipboard would hand it over: raw bytes that are not valid text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from scrutiny_desktop.domain.limits import PARAGRAPH
from scrutiny_desktop.domain.text import REPLACEMENT, storable
from scrutiny_desktop.export import interchange, pdf
from scrutiny_desktop.ui.launch import example_path
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.models.actions import TEXT

CASES = {
    "long_word": "Llanfair" + "pwllgwyngyll" * 79,  # 956 characters, no space
    "emoji": "Agreed 👍🏽 — family 👨‍👩‍👧 🇬🇧",
    "right_to_left": "تمت الموافقة على المحضر · הפרוטוקול אושר",
    "override": "invoice \u202egpj.exe stays as typed",
    "combining": "Zalgo z\u0301\u0308\u0323a\u0310l\u0337 and Welsh ŵ ŷ, Polish ąęśż",
    "nul": "before\x00after",
}
# UTF-8 bytes of a lone high surrogate (U+D83D) between two letters: not valid text.
LONE_SURROGATE = b"left \xed\xa0\xbd right"
FIVE_MB = "Lorem ipsum dolor sit amet, " * (5_000_000 // 28)
LONGEST = "Lorem ipsum dolor sit amet, " * (PARAGRAPH // 28 - 1)


@pytest.fixture
def window(qtbot: QtBot, example_book: Path, tmp_path: Path) -> Iterator[MainWindow]:
    w = MainWindow(None, tmp_path / "data", example_path(), save_delay_ms=50, backups=False)
    qtbot.addWidget(w)
    assert w.open_book(example_book)
    w.show()
    yield w
    w.close()
    # A QMimeData still held by the clipboard when the interpreter exits crashes it.
    QApplication.clipboard().clear()


def _clipboard(text: str | None = None, raw: bytes | None = None) -> None:
    data = QMimeData()
    if text is not None:
        data.setText(text)
    if raw is not None:
        data.setData("text/plain", QByteArray(raw))
    QApplication.clipboard().setMimeData(data)


def _paste_paragraph(window: MainWindow, **clip: object) -> str:
    """Paste as a new paragraph at the end of the current body; the paragraph as shown."""
    assert window.ws is not None
    editor = window.ws.agenda_pane.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.textCursor().insertBlock()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    _clipboard(**clip)  # type: ignore[arg-type]
    editor.paste()
    window.ws.bodies.flush()
    return editor.document().lastBlock().text()


def _stored_body(window: MainWindow) -> list[str]:
    assert window.ws is not None and window.ws.agenda_pane.item_id is not None
    return [p.text for p in window.ws.book.body(window.ws.agenda_pane.item_id)]


def _exports(window: MainWindow, tmp_path: Path, *, with_pdf: bool = True) -> None:
    assert window.ws is not None and window.ws.session.meeting_id is not None
    minutes = window.ws.book.minutes(window.ws.session.meeting_id)
    doc = interchange.dumps(minutes)
    assert interchange.dumps(interchange.loads(doc)) == doc  # nothing lost on the way out
    (tmp_path / "minutes.json").write_text(doc, encoding="utf-8")
    if with_pdf:
        out = tmp_path / "minutes.pdf"
        assert pdf.export_pdf(minutes, out) >= 1
        assert out.read_bytes().startswith(b"%PDF")


def test_each_case_pasted_into_the_body_and_an_action(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ws = window.ws
    assert ws is not None
    ws.agenda_pane.select_item(ws.items.items()[2].id or 0)  # an item with actions
    for name, text in CASES.items():
        shown = _paste_paragraph(window, text=text)
        assert shown == text, name  # shown exactly as pasted
        assert _stored_body(window)[-1] == storable(text), name
    shown = _paste_paragraph(window, raw=LONE_SURROGATE)
    assert shown.startswith("left ") and shown.endswith(" right")
    assert _stored_body(window)[-1] == storable(shown)
    # An action's text cell: the editor opens, the case is pasted, Enter commits it.
    assert ws.actions.rowCount() > 0
    action_id = ws.actions.action_at(0).id
    assert action_id is not None
    for name, text in [*CASES.items(), ("lone_surrogate", None)]:
        ws.actions_pane.edit_action_text(action_id)
        editors = [
            e for e in ws.actions_pane.table.viewport().findChildren(QLineEdit) if e.isVisible()
        ]
        assert len(editors) == 1, name
        editor = editors[0]
        editor.selectAll()
        _clipboard(text=text, raw=LONE_SURROGATE if text is None else None)
        editor.paste()
        typed = editor.text()
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()  # the delegate commits and closes through the event loop
        stored = ws.book.actions(ws.agenda_pane.item_id or 0)[0].text
        assert stored == storable(typed), name
        assert ws.actions.data(ws.actions.index(0, TEXT)) == typed, name
    assert REPLACEMENT in "".join(_stored_body(window))  # the NUL, visibly
    _exports(window, tmp_path)


def test_a_five_megabyte_paste_is_refused_with_a_message_and_nothing_changes(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.ws is not None
    before = _stored_body(window)
    with qtbot.waitSignal(window.ws.agenda_pane.editor.refused) as said:
        shown = _paste_paragraph(window, text=FIVE_MB)
    assert shown == ""  # the new, empty paragraph: nothing was pasted into it
    assert "4,999,988 characters" in said.args[0] and "100,000" in said.args[0]
    assert "100,000" in window.statusBar().currentMessage()
    assert _stored_body(window) == before


def test_typing_past_the_longest_paragraph_is_refused(window: MainWindow, qtbot: QtBot) -> None:
    assert window.ws is not None
    _paste_paragraph(window, text="x" * PARAGRAPH)
    editor = window.ws.agenda_pane.editor
    with qtbot.waitSignal(editor.refused):
        qtbot.keyClicks(editor, "yz")
    assert editor.document().lastBlock().text() == "x" * PARAGRAPH
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "A new paragraph.")
    window.ws.bodies.flush()
    assert _stored_body(window)[-2:] == ["x" * PARAGRAPH, "A new paragraph."]


def test_the_longest_paragraph_pasted_stored_shown_and_json(
    window: MainWindow, tmp_path: Path
) -> None:
    shown = _paste_paragraph(window, text=LONGEST)
    assert shown == LONGEST
    assert _stored_body(window)[-1] == LONGEST
    _exports(window, tmp_path)
