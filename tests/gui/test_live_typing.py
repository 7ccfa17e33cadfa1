"""Issue 12: every keystroke lands where the minute-taker is looking.

Each test drives the real window by keys only, as a clerk off the reference path did,
and checks what the book holds afterwards.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTableView

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import Attendance, AttendanceStatus, Person, Status
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.models import attendees
from tests.gui.conftest import Keys, WindowFactory, item_by_keys

K = Qt.Key


def _body(window: MainWindow, item_id: int) -> list[str]:
    assert window.ws is not None
    window.ws.flush()
    return [p.text for p in window.ws.book.body(item_id)]


def _attendance(window: MainWindow) -> dict[str, Attendance]:
    assert window.ws is not None and window.ws.session.meeting_id is not None
    return {a.initials: a for a in window.ws.book.attendance(window.ws.session.meeting_id)}


# ---------------------------------------------------------------- 1. after an action


def test_typing_after_an_action_finished_with_enter_goes_into_the_minutes(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    drugs = item_by_keys(keys, window, 5)
    last = _body(window, drugs)[-1]
    keys.ctrl(K.Key_End)
    keys.ctrl(K.Key_Return)
    keys.type("Send the Panel the drugs strategy")
    keys.tab()
    keys.type("PL")
    keys.tab()
    keys.type("12.03.15")
    keys.enter()
    keys.type(" The Panel noted the offer with thanks.")
    assert window.ws is not None
    assert QApplication.focusWidget() is window.ws.agenda_pane.editor
    action = window.ws.book.actions(drugs)[-1]
    assert (action.text, action.owners, action.due, action.due_text) == (
        "Send the Panel the drugs strategy",
        ("PL",),
        date(2015, 3, 12),
        None,
    )
    assert _body(window, drugs)[-1] == last + " The Panel noted the offer with thanks."


def test_escape_in_a_new_action_also_goes_back_to_the_minutes(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    drugs = item_by_keys(keys, window, 5)
    last = _body(window, drugs)[-1]
    keys.ctrl(K.Key_End)
    keys.ctrl(K.Key_Return)
    keys.type("Circulate the report")
    keys.tab()  # the text is kept
    keys.press(K.Key_Escape)  # no owners after all
    keys.type(" Noted.")
    assert window.ws is not None
    action = window.ws.book.actions(drugs)[-1]
    assert (action.text, action.owners, action.due_text) == ("Circulate the report", (), None)
    assert _body(window, drugs)[-1] == last + " Noted."


def test_a_table_does_not_start_editing_from_a_letter_unless_entered_on_purpose(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    before = window.ws.book.minutes(window.ws.session.meeting_id or 0)
    keys.ctrl(K.Key_R)  # the register: Enter opens the action 13/15 in its table
    keys.type("13/15")
    keys.qtbot.waitUntil(lambda: window.finding.register_pane is not None)
    keys.press(K.Key_Down)
    keys.enter()
    table = window.ws.actions_pane.table
    assert QApplication.focusWidget() is table
    keys.type("The Panel noted")
    assert table.state() != QTableView.State.EditingState
    assert window.ws.book.minutes(window.ws.session.meeting_id or 0) == before
    assert "F2" in window.statusBar().currentMessage()
    # Ctrl+4 enters the actions table on purpose: a letter types over the current cell.
    keys.ctrl(K.Key_4)
    keys.type("R")
    assert table.state() == QTableView.State.EditingState
    keys.press(K.Key_Escape)


# ---------------------------------------------------------------- 2. attendance in the table


def _attendees_cell(keys: Keys, window: MainWindow, initials: str, column: int) -> QTableView:
    """Ctrl+1, Down to ``initials``' row, Right to ``column``."""
    assert window.ws is not None
    keys.ctrl(K.Key_1)
    table = window.ws.attendees_pane.table
    keys.press(K.Key_Home, Qt.KeyboardModifier.ControlModifier)  # the first row
    for _ in range(table.model().rowCount()):
        if table.currentIndex().data(attendees.ID_ROLE) == initials:
            break
        keys.press(K.Key_Down)
    assert table.currentIndex().data(attendees.ID_ROLE) == initials
    for _ in range(attendees.CHAIR + 1):
        if table.currentIndex().column() == column:
            break
        keys.press(K.Key_Right if table.currentIndex().column() < column else K.Key_Left)
    assert table.currentIndex().column() == column
    return table


def test_attendance_changed_in_the_table_by_keyboard_is_one_undo_step(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    table = _attendees_cell(keys, window, "WK", attendees.ATTENDANCE)
    keys.press(K.Key_F2)
    assert table.state() == QTableView.State.EditingState
    keys.press(K.Key_Down)  # present -> apologies
    keys.enter()
    assert _attendance(window)["WK"].status is AttendanceStatus.APOLOGIES
    keys.ctrl(K.Key_Z)
    assert _attendance(window)["WK"].status is AttendanceStatus.PRESENT


def test_attendance_chosen_with_the_mouse_is_saved(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    table = window.ws.attendees_pane.table
    row = next(
        r for r in range(table.model().rowCount()) if window.ws.attendees.initials_at(r) == "TS"
    )
    index = table.model().index(row, attendees.ATTENDANCE)
    centre = table.visualRect(index).center()
    keys.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    keys.qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    combo = table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    combo.showPopup()
    view = combo.view()
    choice = combo.findText("absent", Qt.MatchFlag.MatchContains)
    rect = view.visualRect(view.model().index(choice, 0))
    keys.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    assert _attendance(window)["TS"].status is AttendanceStatus.ABSENT
    assert table.state() != QTableView.State.EditingState


# ---------------------------------------------------------------- 3. the chair


def test_f2_and_enter_on_the_chair_cell_do_not_move_the_chair(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    with Book.open(example_book) as book:
        mid = book.resolve_meeting("latest")
        book.set_attendance(mid, Attendance("LW", chair=True))
        book.set_attendance(mid, Attendance("TS", AttendanceStatus.ABSENT))
    window = make_window(example_book)
    _attendees_cell(keys, window, "TS", attendees.CHAIR)
    keys.press(K.Key_F2)
    keys.enter()
    keys.type("x")
    keys.enter()
    chairs = [i for i, a in _attendance(window).items() if a.chair]
    assert chairs == ["LW"]
    assert window.ws is not None and window.stack.count() == 0


def test_only_someone_present_can_be_made_chair_and_there_is_one(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    with Book.open(example_book) as book:
        mid = book.resolve_meeting("latest")
        book.set_attendance(mid, Attendance("TS", AttendanceStatus.ABSENT))
    window = make_window(example_book)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    _attendees_cell(keys, window, "TS", attendees.NAME)
    keys.ctrl_shift(K.Key_C)
    assert not any(a.chair for a in _attendance(window).values())
    assert any("TS" in m and "absent" in m for m in messages), messages
    _attendees_cell(keys, window, "SH", attendees.NAME)
    keys.ctrl_shift(K.Key_C)
    _attendees_cell(keys, window, "LW", attendees.NAME)
    keys.ctrl_shift(K.Key_C)
    assert [i for i, a in _attendance(window).items() if a.chair] == ["LW"]


# ---------------------------------------------------------------- 4. completion and initials


@pytest.fixture
def directory_book(example_book: Path) -> Path:
    """The example book whose directory knows people not at this meeting."""
    with Book.open(example_book) as book:
        for p in (
            Person("MA", "Mark Ashby", "Independent Member", "Hertfordshire PCP"),
            Person("DT", "Mayor Dorothy Thornhill", "Mayor of Watford", "Watford BC"),
            Person("IL", "Ian Lewis", "Co-opted Member", "Hertfordshire PCP"),
        ):
            book.save_person(p)
    return example_book


def test_initials_typed_alone_mark_that_person_whatever_completion_offers(
    make_window: WindowFactory, directory_book: Path, keys: Keys
) -> None:
    window = make_window(directory_book)
    assert window.ws is not None
    pane = window.ws.attendees_pane
    people_before = {p.initials for p in window.ws.book.people()}
    keys.ctrl_shift(K.Key_P)
    keys.type("MA")
    assert pane.person_line.text() == "MA"  # no completion to "MAyor Dorothy Thornhill"
    assert pane.initials_edit.text() == "MA"
    keys.enter()
    assert not pane.error_label.isVisibleTo(pane)
    assert _attendance(window)["MA"].status is AttendanceStatus.PRESENT
    assert "DT" not in _attendance(window)
    assert {p.initials for p in window.ws.book.people()} == people_before
    assert pane.person_line.text() == ""


def test_a_completion_accepted_marks_the_known_person_not_a_new_one(
    make_window: WindowFactory, directory_book: Path, keys: Keys
) -> None:
    window = make_window(directory_book)
    assert window.ws is not None
    pane = window.ws.attendees_pane
    people_before = {p.initials for p in window.ws.book.people()}
    keys.ctrl_shift(K.Key_P)
    keys.type("Ian L")
    assert pane.person_line.text().startswith("Ian Lewis")  # completed inline
    assert pane.initials_edit.text() == "IL"  # the proposal follows the completion
    keys.enter()
    assert _attendance(window)["IL"].status is AttendanceStatus.PRESENT
    assert {p.initials for p in window.ws.book.people()} == people_before
    person = window.ws.book.person("IL")
    assert person == Person("IL", "Ian Lewis", "Co-opted Member", "Hertfordshire PCP")


# ---------------------------------------------------------------- 5. apologies


def test_a_in_the_as_box_means_apologies_every_time_and_each_status_shows_its_key(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    pane = window.ws.attendees_pane
    keys.ctrl_shift(K.Key_P)
    for line in (
        "Jane Doe, Independent Member, Hertfordshire PCP",
        "Cllr Ann Wells, Member, Dacorum BC",  # apologies again: "a" once more
    ):
        keys.type(line)
        keys.tab()  # initials
        keys.tab()  # as
        assert QApplication.focusWidget() is pane.as_combo
        # A person pauses longer than a list's type-ahead: a letter starts a new search,
        # which began after the current choice (Apologies, then "a" found Absent).
        keys.qtbot.wait(QApplication.keyboardInputInterval() + 100)
        keys.type("a")
        assert pane.as_combo.currentText().startswith("Apologies")
        keys.ctrl_shift(K.Key_P)
        keys.enter()
    assert _attendance(window)["JD"].status is AttendanceStatus.APOLOGIES
    assert _attendance(window)["AW"].status is AttendanceStatus.APOLOGIES
    labels = [pane.as_combo.itemText(i) for i in range(pane.as_combo.count())]
    assert all("(" in label and ")" in label for label in labels), labels
    keys_shown = [label.rsplit("(", 1)[1].rstrip(")") for label in labels]
    assert len(set(keys_shown)) == len(keys_shown)


def test_the_same_keys_choose_attendance_in_the_table(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    _attendees_cell(keys, window, "TB", attendees.ATTENDANCE)
    keys.press(K.Key_F2)
    keys.type("a")
    keys.enter()
    assert _attendance(window)["TB"].status is AttendanceStatus.APOLOGIES
    keys.press(K.Key_F2)
    keys.type("x")
    keys.enter()
    assert _attendance(window)["TB"].status is AttendanceStatus.ABSENT


# ---------------------------------------------------------------- 6. where the cursor goes


def test_entering_an_items_minutes_puts_the_cursor_at_the_end(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    second = item_by_keys(keys, window, 2)
    before = _body(window, second)
    keys.enter()
    keys.type("A new paragraph.")
    assert _body(window, second) == [*before, "A new paragraph."]


def test_entering_an_items_minutes_again_returns_to_where_the_cursor_was(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    second = item_by_keys(keys, window, 2)
    keys.ctrl(K.Key_Home)
    keys.press(K.Key_Right)
    keys.press(K.Key_Right)
    keys.press(K.Key_Right)
    item_by_keys(keys, window, 3)
    item_by_keys(keys, window, 2)
    keys.type("ZZ")
    assert _body(window, second)[0].startswith("TheZZ")


# ---------------------------------------------------------------- 7. matters arising


def test_a_typed_update_on_a_listed_reference_changes_that_row(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    arising = item_by_keys(keys, window, 1)
    assert window.ws is not None
    before = window.ws.book.updates(arising)
    keys.ctrl_shift(K.Key_M)
    keys.type("94/14 completed")
    keys.enter()
    after = window.ws.book.updates(arising)
    assert len(after) == len(before)
    changed = next(u for u in after if str(u.ref) == "94/14")
    assert changed.status is Status.COMPLETED and changed.note == "SH to action"
    assert [u for u in after if str(u.ref) != "94/14"] == [
        u for u in before if str(u.ref) != "94/14"
    ]
    keys.ctrl(K.Key_Z)
    assert window.ws.book.updates(arising) == before


# ---------------------------------------------------------------- 8. initials for titles


@pytest.mark.parametrize(
    ("line", "initials"),
    [
        ("Cty Cllr P Ruffles, Member, Hertfordshire CC", "PR"),
        ("Mayor Dorothy Thornhill, Mayor of Watford, Watford BC", "DT"),
        ("ACC Bill Jephson, Assistant Chief Constable, Herts Police", "BJ"),
        ("Cllr R G Hannam, Member, Three Rivers DC", "RGH"),
    ],
)
def test_titles_and_ranks_do_not_count_in_proposed_initials(
    make_window: WindowFactory, example_book: Path, keys: Keys, line: str, initials: str
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    pane = window.ws.attendees_pane
    keys.ctrl_shift(K.Key_P)
    keys.type(line)
    assert pane.initials_edit.text() == initials
    keys.enter()
    assert initials in _attendance(window)


def test_taken_initials_propose_a_visible_choice_not_a_number(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    pane = window.ws.attendees_pane
    keys.ctrl_shift(K.Key_P)
    keys.type("Tom Smith, Analyst, EP")  # TS is Tom Simons
    proposed = pane.initials_edit.text()
    assert proposed and proposed != "TS" and not proposed[-1].isdigit()
    assert pane.initials_note.isVisibleTo(pane)
    assert "TS" in pane.initials_note.text() and proposed in pane.initials_note.text()
    keys.enter()
    person = window.ws.book.person(proposed)
    assert person is not None and person.name == "Tom Smith"


# ---------------------------------------------------------------- 9. initials edited afterwards (8)


def test_initials_edited_in_the_table_carry_the_persons_actions_with_them(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    drugs = item_by_keys(keys, window, 5)
    owned = [a.id for a in window.ws.book.actions(drugs) if "PL" in a.owners]
    _attendees_cell(keys, window, "PL", attendees.INITIALS)
    keys.press(K.Key_F2)
    keys.replace("PLO")
    keys.enter()
    book = window.ws.book
    assert book.person("PL") is None
    lopez = book.person("PLO")
    assert lopez is not None and lopez.name == "Detective Sergeant Paul Lopez"
    assert [a.id for a in book.actions(drugs) if "PLO" in a.owners] == owned
    assert "PLO" in _attendance(window)
    keys.ctrl(K.Key_Z)
    assert book.person("PLO") is None and book.person("PL") is not None
    assert [a.id for a in book.actions(drugs) if "PL" in a.owners] == owned


def test_a_letter_in_the_initials_column_finds_a_person_and_renames_nobody(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    people = window.ws.book.people()
    table = _attendees_cell(keys, window, "LW", attendees.INITIALS)
    keys.type("T")
    assert table.state() != QTableView.State.EditingState
    assert str(table.currentIndex().data(attendees.ID_ROLE)).startswith("T")
    keys.enter()
    assert window.ws.book.people() == people
