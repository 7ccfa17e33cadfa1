"""The window driven by key presses: undo across panes, saving, dates, owners, reopening."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import Meeting
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.commands.header import EditHeader
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.models.actions import DUE
from scrutiny_desktop.ui.models.meetings import MeetingListModel
from scrutiny_desktop.ui.panes.welcome import WelcomePane
from tests.gui.conftest import Keys, WindowFactory

K = Qt.Key


def _go_to_item(window: MainWindow, number: int) -> int:
    assert window.ws is not None
    item = window.ws.items.items()[number - 1]
    assert item.id is not None
    window.ws.agenda_pane.select_item(item.id)
    return item.id


def _new_action(keys: Keys, text: str, owners: str = "", due: str = "") -> None:
    keys.ctrl(K.Key_Return)
    keys.type(text)
    keys.tab()
    keys.type(owners)
    keys.tab()
    keys.type(due)
    keys.enter()


def test_ctrl_z_walks_back_through_typing_and_actions_in_order(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    six = _go_to_item(window, 6)
    keys.ctrl(K.Key_3)
    keys.ctrl(K.Key_End)
    keys.enter()
    keys.type("Any other matter.")
    _new_action(keys, "Report back", "SH")
    assert window.ws is not None
    book = window.ws.book
    assert book.actions(six)[-1].owners == ("SH",)
    keys.ctrl(K.Key_Z)  # owners
    keys.ctrl(K.Key_Z)  # text
    keys.ctrl(K.Key_Z)  # the new action
    assert book.actions(six) == []
    for _ in ("Any ", "other ", "matter."):
        keys.ctrl(K.Key_Z)  # the typing, a word at a time
    keys.ctrl(K.Key_Z)  # the new paragraph
    window.ws.bodies.flush()
    assert [p.text for p in book.body(six)] == [book.body(six)[0].text]
    assert window.ws.agenda_pane.editor.toPlainText().endswith("publication.")
    redo = window.act["redo"].shortcut()[0]  # Ctrl+Y or Ctrl+Shift+Z, as the platform has it
    for _ in range(7):
        keys.press(redo.key(), redo.keyboardModifiers())
    window.ws.bodies.flush()
    assert book.body(six)[-1].text == "Any other matter."
    assert book.actions(six)[-1].owners == ("SH",)


def test_typing_reaches_the_book_within_a_second(
    make_window: WindowFactory, example_book: Path, keys: Keys, qtbot: QtBot
) -> None:
    window = make_window(example_book)
    six = _go_to_item(window, 6)
    keys.ctrl(K.Key_3)
    keys.ctrl(K.Key_End)
    keys.type(" More.")
    assert window.ws is not None
    qtbot.waitUntil(lambda: window.ws.book.body(six)[0].text.endswith("More."), timeout=1000)  # type: ignore[union-attr]
    assert window.books.saved_label.text().startswith("Saved ")


def test_subheadings_and_restricted_paragraphs_by_shortcut(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    six = _go_to_item(window, 6)
    keys.ctrl(K.Key_3)
    keys.ctrl(K.Key_End)
    keys.enter()
    keys.type("Restricted part")
    keys.ctrl_shift(K.Key_H)
    keys.enter()
    keys.type("Not for publication.")
    keys.ctrl_shift(K.Key_R)
    keys.ctrl_alt(K.Key_R)  # the whole item
    window.close()
    with Book.open(example_book, read_only=True) as book:
        body = book.body(six)
        assert [(p.text, p.heading, p.restricted) for p in body[1:]] == [
            ("Restricted part", True, False),
            ("Not for publication.", False, True),
        ]
        assert book.item(six).restricted


def test_unparseable_due_date_is_kept_as_typed_and_marked(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    five = _go_to_item(window, 5)
    keys.ctrl(K.Key_3)
    _new_action(keys, "Check figures", "PL", "after Easter")
    _new_action(keys, "Bring the plan", "PL", "next meeting")
    assert window.ws is not None
    first, second = window.ws.book.actions(five)[-2:]
    assert (first.due, first.due_text) == (None, "after Easter")
    assert str(second.due) == "2015-03-26" and second.due_text is None
    index = window.ws.actions.index(4, DUE)
    assert index.data() == "after Easter"
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == theme.error_text()
    assert "not a date" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert window.ws.actions.index(5, DUE).data() == "26.03.15"


def test_unknown_owner_is_offered_as_a_new_person_without_a_dialog(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    _go_to_item(window, 5)
    keys.ctrl(K.Key_3)
    _new_action(keys, "Write to the panel", "SH/ZZ")
    assert QApplication.activeModalWidget() is None
    assert window.editing.person_button.isVisible()
    assert "ZZ" in window.editing.person_button.text()
    keys.ctrl_shift(K.Key_D)
    assert window.ws is not None
    pane = window.ws.attendees_pane
    assert QApplication.focusWidget() is pane.person_line
    assert pane.initials_edit.text() == "ZZ"
    keys.type("Zoe Zephaniah, Panel Clerk, PCP")
    keys.enter()
    person = window.ws.book.person("ZZ")
    assert person is not None and (person.name, person.organisation) == ("Zoe Zephaniah", "PCP")
    row = window.ws.attendees.row_for("ZZ")
    assert row is not None and row.attendance is None  # named, not marked present
    assert not window.editing.person_button.isVisible()


def test_attendees_line_proposes_editable_initials_and_marks_the_chair(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    pane = window.ws.attendees_pane
    keys.ctrl_shift(K.Key_P)
    keys.type("Tom Smith, Analyst, EP")
    assert pane.initials_edit.text() == "TSM"  # TS is Tom Simons
    keys.tab()
    keys.replace("TSM")
    keys.enter()
    row = window.ws.attendees.row_for("TSM")
    assert row is not None and row.attendance is not None
    keys.ctrl(K.Key_1)  # the attendees table, at the person just added
    assert window.ws.attendees.initials_at(pane.table.currentIndex().row()) == "TSM"
    keys.press(K.Key_Home, Qt.KeyboardModifier.ControlModifier)  # the first row: LW
    keys.ctrl_shift(K.Key_C)
    assert window.ws.attendees.chair() == "LW"
    keys.ctrl(K.Key_Z)
    assert window.ws.attendees.chair() is None
    keys.ctrl(K.Key_Z)
    assert window.ws.attendees.row_for("TSM") is None


def test_items_added_moved_and_deleted_by_keyboard_with_undo(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    _go_to_item(window, 6)
    keys.ctrl_alt(K.Key_I)  # inserted after item 6 (Ctrl+Shift+I would add it at the end)
    keys.type("Urgent matter")
    keys.enter()
    titles = lambda: [i.title for i in window.ws.items.items()]  # type: ignore[union-attr]  # noqa: E731
    assert titles()[6] == "Urgent matter"
    keys.ctrl(K.Key_2)
    keys.ctrl_shift(K.Key_Up)
    assert titles()[5] == "Urgent matter"
    keys.press(K.Key_Delete)
    assert "Urgent matter" not in titles()
    keys.ctrl(K.Key_Z)
    assert titles()[5] == "Urgent matter"
    keys.ctrl(K.Key_Z)
    keys.ctrl(K.Key_Z)  # rename
    keys.ctrl(K.Key_Z)  # add
    assert len(titles()) == 7 and "Urgent matter" not in titles()


def test_closing_and_reopening_loses_nothing(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    six = _go_to_item(window, 6)
    keys.ctrl(K.Key_3)
    keys.ctrl(K.Key_End)
    keys.type(" Typed just before closing.")
    window.docks["actions"].hide()
    window.close()  # before the save timer fires; closing never asks
    again = make_window(example_book)
    assert again.ws is not None
    assert again.ws.book.body(six)[0].text.endswith("Typed just before closing.")
    assert again.docks["actions"].isHidden()
    assert again.settings is not None
    assert again.settings.value("book/last") == str(example_book)
    assert again.ws.agenda_pane.item_id == six  # where the minute-taker was


def test_signed_off_meeting_is_read_only(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    with Book.open(example_book) as book:
        book.sign_off(book.resolve_meeting("latest"), "LW", date(2015, 3, 26))
    window = make_window(example_book)
    assert window.ws is not None
    assert window.ws.agenda_pane.editor.isReadOnly()
    assert not window.act["new_action"].isEnabled()
    assert "signed off" in window.meetings.header_label.text()


def test_a_meeting_locked_while_open_is_refused_with_a_message(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    _go_to_item(window, 5)
    with Book.open(example_book) as book:  # signed off elsewhere while the window is open
        book.sign_off(book.resolve_meeting("latest"), "LW", date(2015, 3, 26))
    before = window.stack.count()
    keys.ctrl(K.Key_3)
    keys.ctrl(K.Key_Return)
    assert window.stack.count() == before  # the refused command is not on the stack
    assert "signed off" in window.statusBar().currentMessage()


def test_read_only_book(make_window: WindowFactory, example_book: Path) -> None:
    window = make_window(example_book, read_only=True)
    assert "(read-only)" in window.windowTitle()
    assert window.ws is not None and window.ws.agenda_pane.editor.isReadOnly()


def test_welcome_opens_a_copy_of_the_example(make_window: WindowFactory, tmp_path: Path) -> None:
    window = make_window(None)
    welcome = window.centralWidget()
    assert isinstance(welcome, WelcomePane)
    welcome.example_button.click()
    assert window.ws is not None and window.ws.items.rowCount() == 7
    assert (tmp_path / "data" / "example-meeting.sqlite").exists()
    assert str(tmp_path / "data" / "example-meeting.sqlite") in window.windowTitle()


def test_every_command_has_a_shortcut_listed_in_help(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    for menu in window.menus.values():
        for action in menu.actions():
            if not action.isSeparator() and action.menu() is None:  # a submenu: its letter
                assert not action.shortcut().isEmpty(), action.text()
    keys.press(K.Key_F1)
    dialog = QApplication.activeModalWidget()
    table = dialog.table  # type: ignore[union-attr]
    rows = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert rows["New action"] == "Ctrl+Return"
    assert rows["Undo"] == "Ctrl+Z"
    dialog.close()  # type: ignore[union-attr]


def test_every_control_has_an_accessible_name_and_tab_follows_reading_order(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    assert window.ws is not None
    kinds = (QLineEdit, QPlainTextEdit, QAbstractItemView, QComboBox, QAbstractButton)
    for pane in (window.ws.attendees_pane, window.ws.agenda_pane, window.ws.actions_pane):
        widgets = [w for kind in kinds for w in pane.findChildren(kind)]
        for widget in widgets:
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(pane):
                if isinstance(widget.parent(), QAbstractItemView):
                    continue  # cell editors are named by their delegates
                assert widget.accessibleName(), widget
    agenda = window.ws.agenda_pane
    keys.ctrl(K.Key_2)
    order = [keys.focus()]
    for _ in range(2):
        keys.tab()
        order.append(keys.focus())
    assert order == [agenda.items_view, agenda.title_edit, agenda.editor]


def test_help_about_names_the_version_and_the_book(tmp_path):
    from scrutiny_desktop import __version__
    from scrutiny_desktop.ui.panes.about import about_html

    text = about_html(tmp_path / "R&D <book>.sqlite")
    assert f"Scrutiny Desktop {__version__}" in text
    assert "R&amp;D &lt;book&gt;.sqlite" in text and "R&amp;D &lt;book&gt;.sqlite backups" in text
    assert "Earlier backups" not in text
    (tmp_path / "R&D <book> backups").mkdir()  # made by a release before issue 13
    assert "<b>Earlier backups:</b> " in about_html(tmp_path / "R&D <book>.sqlite")
    assert "no book open" in about_html(None)


@pytest.fixture
def long_book(empty_book: Path) -> Path:
    """250 monthly meetings (about twenty years), more than the picker reads at first."""
    with Book.open(empty_book) as book:
        for n in range(250):
            m = book.add_meeting(Meeting(None, f"Panel {n}", date(2000, 1, 1) + timedelta(30 * n)))
        assert m.id is not None
        book.add_item(m.id, "Matters arising")  # the minutes have the keyboard, not the picker
    return empty_book


def _listed(window: MainWindow) -> list[str]:
    return [window.meetings.picker.itemText(row) for row in range(window.meetings.picker.count())]


def test_a_long_book_lists_its_meetings_as_the_picker_needs_them(
    make_window: WindowFactory, long_book: Path, keys: Keys
) -> None:
    window = make_window(long_book)
    assert window.meetings.picker.currentText() == "14.06.2020  Panel 249"  # the newest is open
    assert window.meetings.picker.count() == MeetingListModel.PAGE  # not all 250 read to show one

    window.open_meeting(window.ws.book.resolve_meeting("2000-01-01") if window.ws else None)
    assert (
        window.meetings.picker.currentText() == "01.01.2000  Panel 0"
    )  # read back as far as needed
    assert window.ws is not None and window.ws.session.meeting is not None
    assert window.ws.session.meeting.title == "Panel 0"

    keys.ctrl(K.Key_G)  # Go to meeting: its list holds every meeting
    assert window.meetings.picker.count() == 250
    window.meetings.picker.hidePopup()


def test_the_keyboard_reaches_every_meeting_in_the_picker(
    make_window: WindowFactory, long_book: Path, qtbot: QtBot
) -> None:
    window = make_window(long_book)
    # A key reaching the picker while it lists a page (as when it kept the keyboard
    # while another book was opened) goes as far as the whole list.
    qtbot.keyClick(window.meetings.picker, K.Key_End)
    assert window.meetings.picker.currentText() == "01.01.2000  Panel 0"


def test_a_meeting_given_another_date_moves_in_the_picker(
    make_window: WindowFactory, long_book: Path
) -> None:
    window = make_window(long_book)
    assert window.ws is not None and window.ws.session.meeting is not None
    newest = window.ws.session.meeting
    window.ctx.push(EditHeader(window.ws.session, newest, replace(newest, date=date(1990, 1, 1))))
    assert window.meetings.picker.currentText() == "01.01.1990  Panel 249"
    window.meetings.meeting_list.fetch_all()
    listed = _listed(window)
    assert len(listed) == len(set(listed)) == 250  # none twice, none left out
    assert listed[0] == "15.05.2020  Panel 248" and listed[-1] == "01.01.1990  Panel 249"


def test_leaving_a_book_empties_the_picker(
    make_window: WindowFactory, long_book: Path, qtbot: QtBot
) -> None:
    window = make_window(long_book)
    window.show_welcome()
    assert window.meetings.picker.count() == 0
    window.meetings.meeting_list.fetch_all()  # reads nothing from the closed book
    assert window.meetings.picker.count() == 0


def test_a_new_book_is_offered_in_the_data_folder_made_for_it(
    make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found live: on a first start the dialog opened in the program's own folder, since
    the data folder it was asked to show did not exist yet."""
    window = make_window(None)
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (offered.append(a[2]), ("", ""))[1]
    )
    window.act["new_book"].trigger()
    assert offered == [str(tmp_path / "data" / "meetings.sqlite")]
    assert (tmp_path / "data").is_dir()
