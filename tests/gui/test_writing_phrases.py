"""Standard phrases and the glossary, driven by keys (issue 16, Must show 4): ``;agreed`` then
Tab, the completion popup, the phrase editor per series, glossary entries and the quiet
offer of an unknown abbreviation in the status bar. Every book edit is one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidgetItem
from pytestqt.qtbot import QtBot

from scrutiny_desktop.writing.glossary import GlossaryEntry
from scrutiny_desktop.writing.phrases import DEFAULT_PHRASES, Phrase
from tests.writing_desk import Desk, open_desk

K = Qt.Key


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Desk]:
    yield from open_desk(qtbot, tmp_path, seed_path)


AGREED = "The minutes of the previous meeting were agreed as a correct record."


def test_tab_after_an_abbreviation_expands_it_in_one_undo_step(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.ws.bodies.flush()
    desk.type(";agreed")
    desk.ws.bodies.flush()
    steps = desk.stack.count()
    desk.qtbot.keyClick(desk.editor, K.Key_Tab)
    assert desk.paragraph() == AGREED
    assert QApplication.focusWidget() is desk.editor  # Tab expanded; it did not move on
    assert desk.stack.count() == steps + 1
    desk.stack.undo()
    assert desk.paragraph() == ";agreed"


def test_tab_anywhere_else_still_moves_the_focus_on(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("Nothing to expand")
    desk.qtbot.keyClick(desk.editor, K.Key_Tab)
    assert desk.paragraph() == "Nothing to expand"
    assert QApplication.focusWidget() is not desk.editor


def test_a_phrase_with_a_gap_leaves_the_gap_selected_to_type_over(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type(";apol")
    desk.qtbot.keyClick(desk.editor, K.Key_Tab)
    assert desk.editor.textCursor().selectedText() == "…"
    desk.type("Cllr Smith.")
    assert desk.paragraph() == "Apologies were received from Cllr Smith."


def test_the_popup_lists_matching_phrases_as_the_abbreviation_is_typed(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type(";no")
    popup = desk.controller.typing.popup if desk.controller.typing else None
    assert popup is not None and popup.isVisible()
    listed = [popup.item(i).text().split()[0] for i in range(popup.count())]
    assert listed[:2] == [";noapol", ";noted"]  # then those whose phrase says "no"
    desk.qtbot.keyClicks(desk.editor, "t")  # ";not": the list follows the typing
    assert popup.item(0).text().split()[0] == ";noted"
    assert popup.count() < len(listed)
    desk.qtbot.keyClick(desk.editor, K.Key_Backspace)
    desk.qtbot.keyClick(desk.editor, K.Key_Down)
    chosen = popup.chosen()
    assert chosen is not None and chosen.abbreviation == ";noted"
    steps = desk.stack.count()
    desk.qtbot.keyClick(desk.editor, K.Key_Return)
    assert desk.paragraph() == "The report was noted."
    assert not popup.isVisible()
    assert desk.stack.count() == steps + 1


def test_escape_closes_the_popup_and_the_typing_goes_on(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type(";a")
    popup = desk.controller.typing.popup if desk.controller.typing else None
    assert popup is not None and popup.isVisible()
    desk.qtbot.keyClick(desk.editor, K.Key_Escape)
    assert not popup.isVisible()
    desk.type("b ")
    assert desk.paragraph() == ";ab "
    assert not popup.isVisible()


def test_insert_standard_phrase_lists_them_all_at_the_cursor(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("Minuted: ")
    desk.qtbot.keyClick(desk.editor, K.Key_F8)
    popup = desk.controller.typing.popup if desk.controller.typing else None
    assert popup is not None and popup.isVisible() and popup.count() == len(DEFAULT_PHRASES)
    desk.qtbot.keyClick(desk.editor, K.Key_Return)
    assert desk.paragraph() == f"Minuted: {DEFAULT_PHRASES[0].text}"


def test_the_phrase_editor_saves_the_series_phrases_in_one_undoable_step(desk: Desk) -> None:
    desk.show()
    series = "Force Performance Scrutiny"
    desk.controller.edit_phrases()
    dialog = desk.controller.phrases_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.add_row()
    row = dialog.table.rowCount() - 1
    dialog.table.setItem(row, 0, QTableWidgetItem(";thanks"))
    dialog.table.setItem(row, 1, QTableWidgetItem("The Chair thanked officers for the report."))
    before = desk.book.transactions
    dialog.accept()
    saved_at = desk.stack.index()
    assert desk.book.transactions == before + 1
    assert desk.book.phrases(series)[-1] == Phrase(
        ";thanks", "The Chair thanked officers for the report."
    )
    assert desk.book.phrases("Another series") == list(DEFAULT_PHRASES)  # per series

    desk.new_paragraph()
    desk.type(";thanks")
    desk.qtbot.keyClick(desk.editor, K.Key_Tab)
    assert desk.paragraph() == "The Chair thanked officers for the report."

    desk.stack.setIndex(saved_at - 1)  # undo the expansion, the typing and the phrases
    assert desk.book.transactions == before + 2  # saved, then put back: one each
    assert desk.book.phrases(series) == list(DEFAULT_PHRASES)


def test_the_phrase_editor_refuses_a_bad_abbreviation(desk: Desk) -> None:
    desk.show()
    desk.controller.edit_phrases()
    dialog = desk.controller.phrases_dialog
    assert dialog is not None
    dialog.table.setItem(0, 0, QTableWidgetItem("agreed"))  # no ;
    before = desk.book.transactions
    dialog.accept()
    assert dialog.isVisible() and "starts with ;" in dialog.problem.text()
    assert desk.book.transactions == before


def test_a_glossary_entry_added_in_the_dialog_is_one_undoable_step(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("The DAAT reported. ")
    assert desk.marked() == ["DAAT"]
    desk.ws.bodies.flush()
    desk.qtbot.keyClick(desk.editor, K.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    dialog = desk.controller.glossary_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.abbreviation.setText("DAAT")
    dialog.meaning.setText("Drugs and Alcohol Team")
    before = desk.book.transactions
    dialog.add_button.click()
    assert desk.book.transactions == before + 1
    assert desk.book.glossary() == [GlossaryEntry("DAAT", "Drugs and Alcohol Team")]
    assert dialog.table.rowCount() == 1
    assert desk.marked() == []  # a glossary abbreviation is known

    dialog.table.selectRow(0)
    assert dialog.meaning.text() == "Drugs and Alcohol Team"
    dialog.meaning.setText("Drug and Alcohol Action Team")
    dialog.add_button.click()
    assert desk.book.glossary() == [GlossaryEntry("DAAT", "Drug and Alcohol Action Team")]
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert desk.book.glossary() == [] and dialog.table.rowCount() == 0
    assert desk.book.transactions == before + 3

    desk.stack.undo()  # the removal
    assert desk.book.glossary() == [GlossaryEntry("DAAT", "Drug and Alcohol Action Team")]
    assert dialog.table.rowCount() == 1
    desk.stack.undo()  # the change of meaning
    desk.stack.undo()  # the entry
    assert desk.book.glossary() == []
    assert desk.book.transactions == before + 6
    desk.highlighter().respell()
    assert desk.marked() == ["DAAT"]


def test_an_abbreviation_spelt_out_in_the_minutes_is_offered_without_interrupting(
    desk: Desk,
) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("The Drugs and Alcohol Team (DAAT) reported. ")
    desk.controller.make_offers()  # what the pause in the typing brings
    bar = desk.controller.offer_bar
    assert bar.isVisible()
    assert bar.label.text() == "DAAT: add to the glossary as"
    assert bar.meaning.text() == "Drugs and Alcohol Team"
    assert QApplication.focusWidget() is desk.editor  # the typing goes on where it was
    assert QApplication.activeModalWidget() is None
    desk.ws.bodies.flush()
    before = desk.book.transactions
    desk.qtbot.keyClick(
        desk.editor,
        K.Key_F7,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QApplication.focusWidget() is bar.meaning
    desk.qtbot.keyClick(bar.meaning, K.Key_Return)
    assert desk.book.glossary() == [GlossaryEntry("DAAT", "Drugs and Alcohol Team")]
    assert desk.book.transactions == before + 1
    assert not bar.isVisible()
    assert QApplication.focusWidget() is desk.editor  # back to the minutes
    assert desk.marked() == []


def test_an_offer_may_be_just_a_word_or_put_aside(desk: Desk) -> None:
    desk.show()
    desk.new_paragraph()
    desk.type("The ZQXW and the QQRT met. ")
    desk.controller.make_offers()
    bar = desk.controller.offer_bar
    assert bar.current is not None and bar.current.abbreviation == "ZQXW"
    assert bar.meaning.text() == ""
    bar.word_button.click()
    assert desk.book.book_words() == ["ZQXW"]
    assert bar.current is not None and bar.current.abbreviation == "QQRT"
    bar.later_button.click()
    assert not bar.isVisible()
    desk.type("QQRT again. ")
    desk.controller.make_offers()
    assert not bar.isVisible()  # put aside for this session
