"""Spell-check as the minutes are typed, driven by keys (issue 16, Must show 2): a misspelt
word is marked (read from the layout's formats, not pixels), F7 shows suggestions and one
replaces the word as one undo step, "Add to this book's words" stops it being marked in
every meeting of the book, "Ignore in this meeting" in this one only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from scrutiny_desktop.ui.spelling.highlighter import misspelt_colour
from tests.writing_desk import Desk, open_desk

K = Qt.Key


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Desk]:
    yield from open_desk(qtbot, tmp_path, seed_path)


def _popup(desk: Desk) -> QMenu:
    popup = desk.controller.popup
    assert popup is not None and popup.isVisible()
    return popup


def _action(menu: QMenu, name: str) -> QAction:
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


def test_typing_a_misspelt_word_in_the_minutes_marks_it_with_a_red_wave(desk: Desk) -> None:
    desk.show()
    desk.go_to_item(6)
    desk.new_paragraph()
    desk.type("The report was recieved and noted.")
    assert desk.marked() == ["recieved"]
    block = desk.editor.textCursor().block()
    (mark,) = block.layout().formats()
    assert block.text()[mark.start : mark.start + mark.length] == "recieved"
    assert mark.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert mark.format.underlineColor() == misspelt_colour()


def test_the_word_being_typed_is_marked_only_once_the_typing_moves_past_it(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("We recieved")
    assert desk.marked() == []  # still being typed: perhaps "recieved" is on its way somewhere
    desk.type(" it")
    assert desk.marked() == ["recieved"]


def test_paragraphs_pasted_at_once_are_all_checked(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.editor.insertPlainText("One was recieved.\nTwo were seperate.\nThree ")
    desk.highlighter().check_now()
    assert desk.marked_anywhere()[-2:] == ["recieved", "seperate"]


def test_names_initials_and_the_books_organisations_are_not_marked(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    # Tina Bateman (TB) of the OPCC is in the reference meeting; 07/15 is a reference.
    desk.type("Tina Bateman (TB) said the OPCC's figures for action 07/15 were due 12.03.15. ")
    assert desk.marked() == []


def test_a_suggestion_chosen_from_the_keyboard_replaces_the_word_in_one_undo_step(
    desk: Desk,
) -> None:
    desk.show()
    desk.go_to_item(6)
    desk.new_paragraph()
    desk.type("The report was recieved and noted.")
    desk.ws.bodies.flush()
    steps = desk.stack.count()
    for _ in range(" and noted.".__len__()):
        desk.qtbot.keyClick(desk.editor, K.Key_Left)  # the cursor just after the word
    desk.qtbot.keyClick(desk.editor, K.Key_F7)
    popup = _popup(desk)
    first = popup.activeAction()
    assert first is not None and first.text() == "received"
    desk.qtbot.keyClick(popup, K.Key_Return)
    assert desk.paragraph() == "The report was received and noted."
    assert desk.stack.count() == steps + 1
    desk.highlighter().check_now()
    assert desk.marked() == []

    desk.stack.undo()
    assert desk.paragraph() == "The report was recieved and noted."
    desk.highlighter().check_now()
    assert desk.marked() == ["recieved"]  # undone, not typed: marked at once
    desk.stack.redo()
    assert desk.paragraph() == "The report was received and noted."
    desk.highlighter().check_now()
    assert desk.marked() == []
    # What is typed next is undone on its own, a word at a time (the space typed first
    # is a step of its own, as a space after a word is in any word processor), and
    # undoing it never undoes the correction.
    desk.editor.moveCursor(desk.editor.textCursor().MoveOperation.End)
    desk.type(" Agreed.")
    desk.stack.undo()
    assert desk.paragraph() == "The report was received and noted. "
    desk.stack.undo()
    assert desk.paragraph() == "The report was received and noted."


def test_suggestions_are_for_the_word_just_before_the_cursor_too(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("It was seperate ")
    desk.qtbot.keyClick(desk.editor, K.Key_F7)
    desk.qtbot.keyClick(_popup(desk), K.Key_Return)
    assert desk.paragraph() == "It was separate "


def test_f7_with_no_misspelt_word_says_so_and_opens_nothing(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("All is well. ")
    desk.qtbot.keyClick(desk.editor, K.Key_F7)
    assert desk.controller.popup is None
    assert desk.told[-1] == "No misspelt word at the cursor."


def test_add_to_this_books_words_stops_it_being_marked_in_every_meeting(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("The Bramblewick scheme was discussed.")
    assert desk.marked() == ["Bramblewick"]
    desk.ws.bodies.flush()
    before = desk.book.transactions
    desk.qtbot.keyClick(desk.editor, K.Key_F7)  # the misspelt word before the cursor
    _action(_popup(desk), "spelling_add_word").trigger()
    assert desk.book.transactions == before + 1  # one command, one book call
    assert desk.book.book_words() == ["Bramblewick"]
    assert desk.marked() == []

    # Another meeting of the book: the word is known there too.
    later = desk.book.new_meeting_after(desk.meeting_id)
    desk.ws.open_meeting(later)
    desk.go_to_item(1)
    desk.new_paragraph()
    desk.type("Bramblewick again. And recieved. ")
    assert desk.marked() == ["recieved"]


def test_adding_a_word_is_undone_in_one_step_and_it_is_marked_again(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("Bramblewick ")
    desk.controller.add_book_word("Bramblewick")
    assert desk.marked() == []
    before = desk.book.transactions
    desk.stack.undo()
    assert desk.book.transactions == before + 1
    assert desk.book.book_words() == []
    assert desk.marked() == ["Bramblewick"]
    desk.stack.redo()
    assert desk.book.transactions == before + 2
    assert desk.marked() == []


def test_ignore_in_this_meeting_leaves_other_meetings_checked(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("Bramblewick ")
    desk.ws.bodies.flush()
    before = desk.book.transactions
    desk.qtbot.keyClick(desk.editor, K.Key_F7)
    _action(_popup(desk), "spelling_ignore_word").trigger()
    assert desk.book.transactions == before + 1
    assert desk.book.ignored_words(desk.meeting_id) == ["Bramblewick"]
    assert desk.marked() == []

    later = desk.book.new_meeting_after(desk.meeting_id)
    desk.ws.open_meeting(later)
    desk.go_to_item(1)
    desk.new_paragraph()
    desk.type("Bramblewick ")
    assert desk.marked() == ["Bramblewick"]


def test_the_context_menu_offers_the_same_choices(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("It was recieved. ")
    cursor = desk.editor.textCursor()
    cursor.setPosition(cursor.block().position() + 9)  # inside "recieved"
    where = desk.editor.cursorRect(cursor).center()
    menu = QMenu()
    actions = desk.controller.menu_actions(desk.editor, where, menu)
    texts = [a.text() for a in actions if not a.isSeparator()]
    assert texts[0] == "received"
    assert texts[-2:] == [
        "Add “recieved” to this book's words",
        "Ignore “recieved” in this meeting",
    ]
    # A correct word has no spelling actions: the lead's menu is then the standard one.
    cursor.setPosition(cursor.block().position() + 1)
    assert (
        desk.controller.menu_actions(desk.editor, desk.editor.cursorRect(cursor).center(), menu)
        == []
    )


def test_the_title_field_is_underlined_and_corrected_from_the_keyboard(desk: Desk) -> None:
    from scrutiny_desktop.ui.spelling.line import underline_spans, x_of

    desk.show()
    title = desk.ws.agenda_pane.title_edit
    title.setFocus()
    desk.qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    title.selectAll()
    desk.qtbot.keyClicks(title, "Goverment update ")
    service = desk.controller.spelling
    assert underline_spans(title, service) == [(0, 9)]
    # The underline starts where Qt draws the word's first letter.
    x = x_of(title, 0)
    assert title.cursorPositionAt(title.rect().center().__class__(int(x) + 1, 5)) in (0, 1)
    title.grab()  # paints through the underline without a warning
    desk.qtbot.keyClick(title, K.Key_F7)
    desk.qtbot.keyClick(_popup(desk), K.Key_Return)
    assert title.text() == "Government update "


def test_an_action_text_cell_is_spell_checked_while_it_is_edited(desk: Desk) -> None:
    from scrutiny_desktop.ui.models.actions import TEXT
    from scrutiny_desktop.ui.spelling.line import underline_spans

    desk.show()
    desk.go_to_item(4)  # it has four actions
    table = desk.ws.actions_pane.table
    index = desk.ws.actions.index(0, TEXT)
    table.setCurrentIndex(index)
    table.setFocus()
    table.edit(index)
    editor = table.indexWidget(index)
    desk.qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    assert editor is not None and editor.property("spelling_watched")
    editor.selectAll()  # type: ignore[attr-defined]
    desk.qtbot.keyClicks(editor, "Definately by Friday ")
    assert underline_spans(editor, desk.controller.spelling) == [(0, 10)]  # type: ignore[arg-type]
