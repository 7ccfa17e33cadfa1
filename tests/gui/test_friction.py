"""Issue 12, the friction list: what a clerk expects of the window, by keys."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from scrutiny_desktop.ui.main_window import TITLE_BAR, MainWindow
from scrutiny_desktop.ui.models import updates
from scrutiny_desktop.ui.panes.header import HeaderDialog
from scrutiny_desktop.ui.panes.history import HistoryDialog
from tests.gui.conftest import Keys, WindowFactory

K = Qt.Key


def _attending(window: MainWindow) -> set[str]:
    assert window.ws is not None and window.ws.session.meeting_id is not None
    return {a.initials for a in window.ws.book.attendance(window.ws.session.meeting_id)}


# ---------------------------------------------------------------- undo from an entry line


def test_ctrl_z_in_the_emptied_attendees_line_undoes_adding_the_person(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    keys.ctrl_shift(K.Key_P)
    keys.type("Jane Doe, Independent Member, Hertfordshire PCP")
    keys.enter()
    assert "JD" in _attending(window)
    assert QApplication.focusWidget() is window.ws.attendees_pane.person_line
    keys.ctrl(K.Key_Z)
    assert "JD" not in _attending(window)
    assert window.ws.attendees_pane.person_line.text() == ""
    index = window.stack.index()
    keys.type("Xy")
    keys.ctrl(K.Key_Z)  # typing in the line is the line's own to undo
    assert window.ws.attendees_pane.person_line.text() != "Xy"
    assert window.stack.index() == index


# ---------------------------------------------------------------- matters arising


def test_matters_arising_shows_what_each_action_was_and_so_does_its_history(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    keys.ctrl_shift(K.Key_T)  # the next meeting: open actions carried into Matters arising
    ws = window.ws
    table = ws.actions_pane.updates_table
    assert QApplication.focusWidget() is table
    shown = lambda row, col: ws.updates.index(row, col).data()  # noqa: E731
    for _ in range(ws.updates.rowCount()):
        if shown(table.currentIndex().row(), updates.REF) == "07/15":
            break
        keys.press(K.Key_Down)
    row = table.currentIndex().row()
    assert shown(row, updates.REF) == "07/15"
    assert shown(row, updates.ACTION).startswith("LW and CF to be briefed")
    assert (shown(row, updates.OWNERS), shown(row, updates.RAISED)) == ("GM", "26.02.15")
    tip = ws.updates.index(row, updates.RAISED).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Raised at Force Performance Scrutiny Meeting, Thursday 26 February 2015"
    before_book = next(r for r in range(ws.updates.rowCount()) if shown(r, updates.REF) == "81/14")
    assert shown(before_book, updates.ACTION) == "—"  # raised before this book began
    assert shown(before_book, updates.RAISED) == "—"

    keys.ctrl(K.Key_H)
    keys.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), HistoryDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, HistoryDialog)
    about = dialog.about.text()
    assert about.startswith("LW and CF to be briefed") and "owner GM" in about
    assert about.endswith("raised at Force Performance Scrutiny Meeting, Thursday 26 February 2015")
    dialog.reject()
    # Matters arising without actions of its own lists only its updates; Ctrl+4 goes there.
    assert ws.actions_pane.table.isHidden()
    keys.ctrl(K.Key_3)
    keys.ctrl(K.Key_4)
    assert QApplication.focusWidget() is table
    unnumbered = next(
        r for r in range(ws.updates.rowCount()) if ws.updates.update_at(r).ref is None
    )
    assert (shown(unnumbered, updates.REF), shown(unnumbered, updates.ACTION)) == (
        "—",
        "Publication on PCC website",
    )


# ---------------------------------------------------------------- the window on a small screen


def test_the_first_start_fits_the_screen(
    make_window: WindowFactory, example_book: Path, qtbot: QtBot
) -> None:
    window = make_window(example_book)
    free = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: free.contains(window.frameGeometry()))
    assert window.width() >= free.width() - 2 * TITLE_BAR  # fitted, not shrunk to nothing
    # Placed with room for the title bar a window manager adds above it later: under
    # openbox on a 1366×768 screen the status bar was 20 pixels below the screen's foot.
    assert window.pos().y() + TITLE_BAR + window.height() <= free.bottom() + 1


def test_geometry_docks_and_the_agenda_split_are_remembered(
    make_window: WindowFactory, example_book: Path, qtbot: QtBot
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    window.resize(700, 640)
    window.ws.agenda_pane.splitter.setSizes([100, 500])  # as a drag of the handle does
    sizes = window.ws.agenda_pane.splitter.sizes()
    window.close()
    again = make_window(example_book)
    assert again.ws is not None
    assert again.size() == QSize(700, 640)
    assert again.ws.agenda_pane.splitter.sizes() == sizes


def _agenda_height(window: MainWindow, qtbot: QtBot) -> int:
    qtbot.wait(50)  # the docks are laid out by the event loop
    return window.docks["agenda"].height()


def test_the_minutes_get_their_height_back_after_the_register_even_after_a_restart(
    make_window: WindowFactory, example_book: Path, keys: Keys, qtbot: QtBot
) -> None:
    window = make_window(example_book)
    before = _agenda_height(window, qtbot)
    keys.ctrl(K.Key_R)
    assert _agenda_height(window, qtbot) < before * 2 // 3  # the register takes room
    keys.ctrl(K.Key_3)  # back to the minutes
    assert _agenda_height(window, qtbot) >= before - before // 20  # not squeezed any more
    keys.ctrl(K.Key_R)
    assert _agenda_height(window, qtbot) < before * 2 // 3
    window.close()  # with the register open
    again = make_window(example_book)
    assert _agenda_height(again, qtbot) >= before - before // 20


def test_search_opens_below_the_attendees_not_over_them(
    make_window: WindowFactory, example_book: Path, keys: Keys, qtbot: QtBot
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    keys.ctrl(K.Key_F)
    qtbot.wait(50)
    assert window.finding.search_pane is not None and window.finding.search_pane.isVisible()
    assert window.tabifiedDockWidgets(window.docks["attendees"]) == []
    assert window.ws.attendees_pane.table.isVisible()
    assert not window.ws.attendees_pane.table.visibleRegion().isEmpty()


# ---------------------------------------------------------------- the header's times


def _header_dialog(keys: Keys) -> HeaderDialog:
    keys.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), HeaderDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, HeaderDialog)
    keys.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edits["title"])
    return dialog


def test_a_whole_venue_is_in_sight_while_it_is_typed(
    make_window: WindowFactory, empty_book: Path, keys: Keys
) -> None:
    """Found live: the header's boxes were 125 pixels wide, a third of a venue."""
    make_window(empty_book)
    keys.ctrl(K.Key_N)
    dialog = _header_dialog(keys)
    venue = dialog.edits["venue"]
    text = "Council Chamber, County Hall, Pegs Lane, Hertford"
    venue.setText(text)
    assert venue.fontMetrics().horizontalAdvance(text) < venue.width()
    dialog.reject()


def test_header_times_are_taken_as_typed_in_twelve_or_twenty_four_hours(
    make_window: WindowFactory, empty_book: Path, keys: Keys
) -> None:
    window = make_window(empty_book)
    keys.ctrl(K.Key_N)
    dialog = _header_dialog(keys)
    for value in ("Police and Crime Panel", "Hertfordshire PCP", "17.09.26", "2pm", "4.30 pm"):
        keys.replace(value)
        keys.tab()
    for _ in range(2):  # venue, classification
        keys.tab()
    for value in ("15.10.26", "1400", "2.30pm"):
        keys.replace(value)
        keys.tab()
    keys.enter()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    assert window.ws is not None and (m := window.ws.session.meeting) is not None
    assert (m.start, m.end) == (time(14, 0), time(16, 30))
    assert m.next_meeting is not None
    assert (m.next_meeting.start, m.next_meeting.end) == (time(14, 0), time(14, 30))


def test_a_header_field_that_does_not_read_is_named_and_gets_the_cursor(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    make_window(example_book)
    keys.press(K.Key_F4)
    dialog = _header_dialog(keys)
    for _ in range(4):  # title, series, date, start -> end time
        keys.tab()
    keys.replace("25pm")
    keys.enter()
    assert dialog.isVisible()
    assert dialog.error.text().startswith("End time:") and "25pm" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.edits["end"]
    keys.type("11am")  # over the selected text
    keys.enter()
    assert dialog.result() == QDialog.DialogCode.Accepted


# ---------------------------------------------------------------- the attendees line


def test_enter_on_the_as_box_adds_the_person(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    keys.ctrl_shift(K.Key_P)
    keys.type("Jane Doe, Independent Member, Hertfordshire PCP")
    keys.tab()
    keys.tab()
    keys.type("a")
    keys.enter()
    assert "JD" in _attending(window)


def test_ctrl_shift_c_in_the_line_makes_the_person_typed_the_chair_in_one_step(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    keys.ctrl_shift(K.Key_P)
    keys.ctrl_shift(K.Key_C)  # nothing typed yet: says how
    assert any("type the chair in this line" in m for m in messages), messages
    keys.type("Cllr Ann Wells, Chairman, Dacorum BC")
    keys.ctrl_shift(K.Key_C)
    assert window.ws.attendees.chair() == "AW"
    assert window.ws.attendees_pane.person_line.text() == ""
    keys.ctrl(K.Key_Z)
    assert window.ws.attendees.chair() is None and "AW" not in _attending(window)
    keys.type("Bob Hale, Member, Herts CC")
    keys.tab()
    keys.tab()
    keys.type("a")  # apologies
    keys.ctrl_shift(K.Key_C)
    pane = window.ws.attendees_pane
    assert pane.error_label.isVisibleTo(pane) and "present" in pane.error_label.text()
    assert window.ws.attendees.chair() is None


# ---------------------------------------------------------------- new items


def test_a_new_item_goes_at_the_end_and_insert_puts_one_after_the_current(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    titles = lambda: [i.title for i in window.ws.items.items()]  # type: ignore[union-attr]  # noqa: E731
    keys.ctrl(K.Key_2)
    keys.press(K.Key_Down)  # item 2
    keys.ctrl_shift(K.Key_I)
    keys.type("Police and Crime Plan")
    keys.enter()
    assert titles()[-1] == "Police and Crime Plan" and len(titles()) == 8
    keys.ctrl(K.Key_2)
    keys.press(K.Key_Home)
    keys.press(K.Key_Down)  # item 2 again
    keys.ctrl_alt(K.Key_I)
    keys.type("Public questions")
    keys.enter()
    assert titles()[2] == "Public questions"
    assert window.ws.agenda_pane.current_item().title == "Public questions"  # type: ignore[union-attr]


# ---------------------------------------------------------------- undo and redo


def _last_paragraph(window: MainWindow, item_id: int) -> str:
    assert window.ws is not None
    window.ws.flush()
    return window.ws.book.body(item_id)[-1].text


def test_redo_has_ctrl_y_and_ctrl_shift_z_whatever_the_platform(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    redo = window.act["redo"].shortcuts()
    assert QKeySequence("Ctrl+Y") in redo and QKeySequence("Ctrl+Shift+Z") in redo
    keys.ctrl_shift(K.Key_P)
    keys.type("Jane Doe, Independent Member, Hertfordshire PCP")
    keys.enter()
    keys.ctrl(K.Key_Z)
    assert "JD" not in _attending(window)
    keys.ctrl(K.Key_Y)  # from the attendees line
    assert "JD" in _attending(window)
    keys.ctrl(K.Key_Z)
    keys.ctrl(K.Key_3)
    keys.ctrl(K.Key_Y)  # from the minutes
    assert "JD" in _attending(window)


def test_typing_is_undone_a_word_at_a_time_even_when_saved_mid_word(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    keys.ctrl(K.Key_2)
    keys.press(K.Key_End)  # the last item, "Date of Next Meeting"
    keys.press(K.Key_Up)  # "Any other business"
    keys.ctrl(K.Key_3)
    item = window.ws.agenda_pane.item_id
    assert item is not None
    keys.enter()
    keys.type("The Pan")
    window.ws.bodies.flush()  # what the save timer does half a second into the typing
    keys.type("el noted the offer.")
    assert _last_paragraph(window, item) == "The Panel noted the offer."
    undone = []
    for _ in range(4):
        keys.ctrl(K.Key_Z)
        undone.append(_last_paragraph(window, item))
    assert undone == ["The Panel noted the ", "The Panel noted ", "The Panel ", "The "]
    keys.ctrl(K.Key_Y)
    keys.ctrl(K.Key_Y)
    assert _last_paragraph(window, item) == "The Panel noted "


# ---------------------------------------------------------------- a new book's name


def test_a_new_book_named_without_an_extension_gets_sqlite(
    make_window: WindowFactory,
    example_book: Path,
    keys: Keys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(example_book)
    typed = tmp_path / "herts-pcp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(typed), ""))
    keys.ctrl_shift(K.Key_N)
    assert not typed.exists()
    assert (tmp_path / "herts-pcp.sqlite").exists()
    assert window.ws is not None and window.ws.book.path == tmp_path / "herts-pcp.sqlite"


# ---------------------------------------------------------------- hints that no longer apply


def test_the_no_meetings_hint_goes_once_a_meeting_is_made(
    make_window: WindowFactory, empty_book: Path, keys: Keys
) -> None:
    window = make_window(empty_book)
    assert "no meetings yet" in window.statusBar().currentMessage()
    keys.ctrl(K.Key_N)
    keys.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog))
    keys.replace("Police and Crime Panel")
    keys.enter()
    assert window.ws is not None and window.ws.session.meeting is not None
    assert "no meetings yet" not in window.statusBar().currentMessage()


# ---------------------------------------------------------------- undo leaves nothing behind


def _book_state(window: MainWindow) -> tuple[object, ...]:
    assert window.ws is not None and window.ws.session.meeting_id is not None
    window.ws.flush()
    book = window.ws.book
    return book.minutes(window.ws.session.meeting_id), tuple(book.people())


def test_undoing_a_new_person_takes_them_out_of_the_directory_too(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    before = _book_state(window)
    keys.ctrl_shift(K.Key_P)
    keys.type("Iwan Penker, Inspector, Herts Police")
    keys.enter()
    keys.ctrl(K.Key_Z)
    assert _book_state(window) == before
    keys.type("Iwan")  # nothing left to complete to
    assert window.ws is not None and window.ws.attendees_pane.person_line.text() == "Iwan"


def test_undoing_an_owner_the_book_did_not_know_takes_them_out_again(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    keys.ctrl(K.Key_3)
    before = _book_state(window)
    start = window.stack.index()
    keys.ctrl(K.Key_Return)
    keys.type("Write to the panel")
    keys.tab()
    keys.type("SH/QV")  # QV: nobody yet
    keys.enter()
    assert window.ws is not None and window.ws.book.person("QV") is not None
    while window.stack.index() > start:
        keys.ctrl(K.Key_Z)
    assert _book_state(window) == before
