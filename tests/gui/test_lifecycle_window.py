"""The meeting lifecycle in the window, by key presses: next meeting, progress keys, agreeing,
signing off, the read-only record, the register, search and exports."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import Action, Paragraph, Status
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.commands.attendees import SetAttendance
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.models.register import STATUS as REGISTER_STATUS
from tests.gui.conftest import Keys, WindowFactory

K = Qt.Key
SIGNED = date(2015, 3, 26)


def _dialog(keys: Keys) -> QDialog:
    keys.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    keys.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the next save dialogs with ``path``; returns the names they suggested."""
    suggested: list[str] = []

    def answer(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        suggested.append(Path(start).name)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested


def _item(window: MainWindow, title_start: str) -> int:
    assert window.ws is not None
    item = next(i for i in window.ws.items.items() if i.title.startswith(title_start))
    assert item.id is not None
    window.ws.agenda_pane.select_item(item.id)
    return item.id


def _told(window: MainWindow) -> list[str]:
    """Every status message from now on (a backup finishing may replace the last one)."""
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    return messages


def _refs(window: MainWindow) -> list[str]:
    assert window.ws is not None
    model = window.ws.updates
    return [model.update_at(r).subject for r in range(model.rowCount())]


def test_signed_off_meeting_refuses_every_write_and_says_why(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    with Book.open(example_book) as book:
        mid = book.resolve_meeting("latest")
        book.sign_off(mid, "LW", SIGNED)
        before = interchange.dumps(book.minutes(mid))
    window = make_window(example_book)
    assert window.meetings.read_only_banner.isVisible()
    assert window.meetings.read_only_banner.text().startswith(
        "Signed off by LW on 26.03.15 — read-only"
    )
    for c in ("new_action", "new_item", "add_person", "chair", "header", "restricted_item"):
        assert not window.act[c].isEnabled(), c
    for c in ("sign_off", "agree_previous", "heading", "add_update", "delete_update"):
        assert not window.act[c].isEnabled(), c
    assert window.act["reopen"].isEnabled() and window.act["verify"].isEnabled()
    assert window.ws is not None
    ws = window.ws
    told = _told(window)
    attempts = [
        ("body", lambda: keys.ctrl(K.Key_3)),
        ("title", lambda: ws.agenda_pane.title_edit.setFocus()),
        ("actions", lambda: keys.ctrl(K.Key_4)),
        ("attendees", lambda: keys.ctrl(K.Key_1)),
        ("add person", lambda: ws.attendees_pane.person_line.setFocus()),
    ]
    _item(window, "Minutes of")
    for name, go in attempts:
        window.statusBar().clearMessage()  # the same message again must be seen again
        told.clear()
        go()
        keys.type("Xy")
        keys.enter()
        assert any("Signed off by LW" in m for m in told), name
    _item(window, "Matters arising")
    ws.actions_pane.updates_table.setFocus()
    ws.actions_pane.updates_table.setCurrentIndex(ws.updates.index(0, 1))
    window.statusBar().clearMessage()
    told.clear()
    keys.type("c")
    keys.ctrl(K.Key_Return)  # a new action
    keys.ctrl_shift(K.Key_I)  # a new item
    assert any("read-only" in m for m in told)
    window.close()
    with Book.open(example_book) as book:
        assert interchange.dumps(book.minutes(mid)) == before
    assert window.stack.count() == 0


def test_progress_keys_set_status_and_note_with_undo_and_redo(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    arising = _item(window, "Matters arising")
    assert window.ws is not None
    book, table = window.ws.book, window.ws.actions_pane.updates_table
    table.setFocus()
    table.setCurrentIndex(window.ws.updates.index(1, 1))  # 81/14 to follow
    keys.type("c")
    keys.type("x")
    updates = {str(u.ref): u for u in book.updates(arising)}
    assert updates["81/14"].status is Status.COMPLETED
    assert updates["91/14"].status is Status.CLOSED
    assert table.currentIndex().row() == 3  # moved down after each key
    keys.ctrl(K.Key_Z)
    keys.ctrl(K.Key_Z)
    assert [u.status for u in book.updates(arising)[1:3]] == [Status.TO_FOLLOW] * 2
    redo = window.act["redo"].shortcut()[0]
    keys.press(redo.key(), redo.keyboardModifiers())
    assert book.updates(arising)[1].status is Status.COMPLETED
    table.setCurrentIndex(window.ws.updates.index(1, 0))
    keys.enter()  # edits the note
    keys.type("SH to action")
    keys.enter()
    assert book.updates(arising)[1].note == "SH to action"
    assert book.updates(arising)[1].status is Status.COMPLETED


def test_new_meeting_after_carries_the_open_actions_and_agrees_the_previous(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    first = window.ws.session.meeting_id
    keys.ctrl_shift(K.Key_T)
    ws = window.ws
    m = ws.session.meeting
    assert m is not None and m.date == date(2015, 3, 26) and m.venue == "OPCC Conference room"
    refs = _refs(window)
    assert refs[:6] == ["81/14", "91/14", "93/14", "94/14", "97/14", "05/15"]
    assert {f"{n:02d}/15" for n in range(7, 17)} <= set(refs)
    assert "Publication on PCC website" in refs
    assert not {"76/14", "92/14", "01/15", "06/15"} & set(refs)
    assert QApplication.focusWidget() is ws.actions_pane.updates_table
    expected = ws.attendees.index(0, 4)
    assert expected.data() == "—"
    assert expected.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed

    keys.ctrl(K.Key_H)  # the history of 81/14: raised before this book, then two updates
    history = _dialog(keys)
    assert history.table.rowCount() == 2  # type: ignore[attr-defined]
    keys.press(K.Key_Escape)

    told = _told(window)
    keys.ctrl_shift(K.Key_G)
    dialog = _dialog(keys)
    assert "cannot be undone" in dialog.message.text()  # type: ignore[attr-defined]
    keys.replace("LW")
    keys.enter()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert first is not None
    signed = ws.book.meeting(first)
    assert signed.is_signed_off and signed.signed_off is not None
    assert signed.signed_off.by == "LW" and signed.signed_off.on == date(2015, 3, 26)
    minutes_item = ws.agenda_pane.current_item()
    assert minutes_item is not None and minutes_item.title.startswith("Minutes of")
    assert "The minutes of the meeting were agreed." in ws.agenda_pane.editor.toPlainText()
    assert any("signed off" in m for m in told)

    keys.ctrl_shift(K.Key_T)  # no next-meeting date on this one: a date is asked for
    _dialog(keys)
    keys.type("23.04.15")
    keys.enter()
    third = ws.session.meeting
    assert third is not None and third.date == date(2015, 4, 23)


def test_sign_off_verify_and_reopen_from_the_window(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    ws = window.ws
    keys.ctrl_shift(K.Key_O)
    dialog = _dialog(keys)
    keys.replace("LW")
    keys.tab()
    keys.replace("26.03.15")
    keys.enter()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ws.session.meeting is not None and ws.session.meeting.is_signed_off
    assert ws.agenda_pane.editor.isReadOnly()
    assert "Signed off by LW on 26.03.15" in window.meetings.read_only_banner.text()
    told = _told(window)
    keys.press(K.Key_F9)
    assert any(m.startswith("Verified:") for m in told)
    keys.ctrl_shift(K.Key_K)
    dialog = _dialog(keys)
    keys.enter()  # no reason: refused
    assert dialog.isVisible() and "reason" in dialog.error.text()  # type: ignore[attr-defined]
    keys.type("Typo in item 3")
    keys.enter()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not ws.session.meeting.is_signed_off
    assert not window.meetings.read_only_banner.isVisible()
    assert ws.book.reopenings(ws.session.meeting.id or 0)[0].reason == "Typo in item 3"


def test_signing_off_as_offered_signs_in_the_chairs_initials(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    # Found live: the box offered "Cllr Margaret Okafor" and then refused it for not
    # being initials.
    window = make_window(example_book)
    assert window.ws is not None
    ws = window.ws
    ws.stack.push(SetAttendance(ws.attendees, "LW", ws.attendees.chair_toggled("LW")))
    keys.ctrl_shift(K.Key_O)
    dialog = _dialog(keys)
    keys.enter()  # as offered
    assert dialog.result() == QDialog.DialogCode.Accepted
    meeting = ws.session.meeting
    assert meeting is not None and meeting.signed_off is not None
    assert meeting.signed_off.by == "LW"


def test_register_filters_and_enter_opens_the_meeting_and_action(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    window.today = lambda: date(2015, 3, 20)
    keys.ctrl(K.Key_R)
    pane = window.finding.register_pane
    assert pane is not None and pane.isVisible()
    model = pane.model
    all_open = model.rowCount()
    assert all_open > 10
    pane.overdue.setChecked(True)
    overdue = [model.tracked(r) for r in range(model.rowCount())]
    assert overdue and all(t.is_overdue(date(2015, 3, 20)) for t in overdue)
    assert model.index(0, REGISTER_STATUS).data().startswith("OVERDUE")
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    pane.overdue.setChecked(False)
    pane.owner.setText("SH")
    pane.refresh()
    assert 0 < model.rowCount() < all_open
    assert all("SH" in model.tracked(r).owners for r in range(model.rowCount()))
    pane.owner.clear()
    pane.text.setText("Domestic")
    pane.refresh()
    target = model.tracked(0)
    assert target.raised is not None
    # Elsewhere first, so that Enter has somewhere to go.
    _item(window, "Matters arising")
    pane.table.setFocus()
    pane.table.setCurrentIndex(model.index(0, 1))
    keys.enter()
    assert window.ws is not None
    assert window.ws.agenda_pane.item_id == target.raised.item_id
    action = window.ws.actions.action_at(window.ws.actions_pane.table.currentIndex().row())
    assert action.id == target.raised.action.id


def test_register_csv_from_the_window_keeps_non_ascii(
    make_window: WindowFactory,
    example_book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    welsh = "Gwirio’r ffigurau â Gŵyr a Dafydd — ŷ ą ę ś ż"
    with Book.open(example_book) as book:
        mid = book.resolve_meeting("latest")
        item = book.items(mid)[2]
        assert item.id is not None
        book.add_action(item.id, Action(id=None, ref=None, text=welsh, owners=("SH",)))
    window = make_window(example_book)
    window.finding.show_register()
    assert window.finding.register_pane is not None
    out = tmp_path / "register.csv"
    suggested = _save_as(monkeypatch, out)
    told = _told(window)
    window.finding.register_pane.export_button.click()
    assert suggested[0].endswith(".csv")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["Series", "Ref", "Action"]
    assert welsh in [r[2] for r in rows[1:]]
    assert len(rows) - 1 == window.finding.register_pane.model.rowCount()
    assert any(str(out) in m for m in told)


def test_search_finds_a_word_typed_a_moment_ago_and_opens_the_place(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    six = _item(window, "Any other")
    keys.ctrl(K.Key_3)
    keys.ctrl(K.Key_End)
    keys.type(" Zebracrossing outside headquarters.")
    _item(window, "Matters arising")
    keys.ctrl(K.Key_F)
    pane = window.finding.search_pane
    assert pane is not None and QApplication.focusWidget() is pane.box
    keys.type("zebracross")
    keys.enter()
    assert pane.results.count() == 1
    assert window.ws is not None
    assert window.ws.agenda_pane.item_id == six
    editor = window.ws.agenda_pane.editor
    assert editor.textCursor().selectedText() == "Zebracrossing"
    assert QApplication.focusWidget() is editor


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_pdf_export_full_and_public_from_the_window(
    make_window: WindowFactory,
    example_book: Path,
    tmp_path: Path,
    keys: Keys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Book.open(example_book) as book:
        mid = book.resolve_meeting("latest")
        item = book.items(mid)[5]
        assert item.id is not None
        body = book.body(item.id)
        book.set_body(item.id, [*body, Paragraph("Canaryrestricted matter.", restricted=True)])
    window = make_window(example_book)
    _item(window, "Any other")
    keys.ctrl(K.Key_3)
    keys.ctrl(K.Key_End)
    keys.type(" Typedjustnow.")
    full = tmp_path / "full.pdf"
    suggested = _save_as(monkeypatch, full)
    told = _told(window)
    keys.ctrl(K.Key_P)
    assert suggested == ["2015-02-26 Force Performance Scrutiny Meeting.pdf"]
    text = _pdftotext(full)
    assert "Force Performance Scrutiny Meeting" in text
    assert "Canaryrestricted" in text and "Typedjustnow." in text
    assert any(str(full) in m and " pages" in m for m in told)

    public = tmp_path / "public.pdf"
    suggested = _save_as(monkeypatch, public)
    keys.ctrl_shift(K.Key_B)
    assert suggested == ["2015-02-26 Force Performance Scrutiny Meeting (public).pdf"]
    text = _pdftotext(public)
    assert "Force Performance Scrutiny Meeting" in text and "Canaryrestricted" not in text

    _save_as(monkeypatch, tmp_path / "no such folder" / "x.pdf")
    keys.ctrl(K.Key_P)
    box = _dialog(keys)
    assert any("Could not write" in m for m in told)
    box.close()


def test_json_export_from_the_window(
    make_window: WindowFactory,
    example_book: Path,
    tmp_path: Path,
    keys: Keys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_window(example_book)
    out = tmp_path / "m.json"
    _save_as(monkeypatch, out)
    keys.ctrl(K.Key_J)
    back = interchange.load(out)
    assert back.meeting.title == "Force Performance Scrutiny Meeting"


def test_opening_a_book_loads_neither_register_search_nor_reportlab(example_book: Path) -> None:
    code = (
        "import sys, pathlib\n"
        "from scrutiny_desktop.ui.launch import application, example_path\n"
        "from scrutiny_desktop.ui.main_window import MainWindow\n"
        "app = application()\n"
        f"w = MainWindow(None, pathlib.Path({str(example_book.parent)!r}), example_path())\n"
        f"assert w.open_book(pathlib.Path({str(example_book)!r}))\n"
        "w.show(); app.processEvents()\n"
        "lazy = ('reportlab', 'scrutiny_desktop.ui.panes.register',"
        " 'scrutiny_desktop.ui.panes.search', 'scrutiny_desktop.export.csv_export')\n"
        "print(sorted(m for m in lazy if m in sys.modules))\n"
        "w.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.strip() == "[]"
