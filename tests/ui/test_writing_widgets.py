"""The writing aids' small parts on their own: the glossary and phrase dialogs' checks, the
status bar's offers, the word near the cursor, the underline of a one-line field."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit, QTableWidgetItem
from pytestqt.qtbot import QtBot

from scrutiny_desktop.ui.panes.glossary_dialog import GlossaryDialog
from scrutiny_desktop.ui.panes.glossary_offer import GlossaryOfferBar
from scrutiny_desktop.ui.panes.phrases_dialog import PhrasesDialog
from scrutiny_desktop.ui.spelling.highlighter import python_offset
from scrutiny_desktop.ui.spelling.line import LineSpelling, underline_spans, wave, x_of
from scrutiny_desktop.ui.spelling.service import SpellingService
from scrutiny_desktop.ui.spelling.targets import span_near
from scrutiny_desktop.writing.glossary import GlossaryEntry, Offer
from scrutiny_desktop.writing.phrases import DEFAULT_PHRASES, Phrase
from tests.writing_desk import shared_speller


def test_the_word_near_the_cursor() -> None:
    spans = [(4, 12), (20, 28)]
    assert span_near(spans, 6) == (4, 12)  # inside
    assert span_near(spans, 12) == (4, 12)  # just after, no space
    assert span_near(spans, 15) == (4, 12)  # the last one before
    assert span_near(spans, 15, before=False) is None  # a click must be on the word
    assert span_near(spans, 2) is None
    assert span_near(spans, 40) == (20, 28)


def test_qt_offsets_become_python_ones_past_an_emoji() -> None:
    text = "😀 recieved"
    assert python_offset(text, 3) == 2  # the emoji is two UTF-16 units
    assert python_offset("plain", 3) == 3


def test_the_glossary_dialog_reads_a_pasted_entry_and_says_what_is_missing(
    qtbot: QtBot,
) -> None:
    put: list[GlossaryEntry] = []
    dialog = GlossaryDialog(lambda: [], put.append, lambda _: None)
    qtbot.addWidget(dialog)
    dialog.abbreviation.setText("DAAT — Drugs and Alcohol Team")
    dialog.add()
    assert put == [GlossaryEntry("DAAT", "Drugs and Alcohol Team")]
    dialog.abbreviation.setText("ASB")
    dialog.add()
    assert dialog.problem.text() == "Type what ASB stands for."
    dialog.abbreviation.setText("Two words")
    dialog.meaning.setText("x")
    dialog.add()
    assert dialog.problem.text() == "An abbreviation is one word (DAAT, A&E)."
    assert len(put) == 1


def test_the_phrase_editor_finds_the_first_problem(qtbot: QtBot) -> None:
    dialog = PhrasesDialog("Panel", DEFAULT_PHRASES[:2])
    qtbot.addWidget(dialog)
    assert dialog.problem_at() is None
    dialog.add_row()  # left as ";" with no phrase: dropped, not a problem
    assert dialog.problem_at() is None
    assert dialog.phrases() == list(DEFAULT_PHRASES[:2])
    row = dialog.table.rowCount() - 1
    dialog.table.setItem(row, 0, QTableWidgetItem(";agreed"))
    dialog.table.setItem(row, 1, QTableWidgetItem("Again."))
    assert dialog.problem_at() == (row, 0, ";agreed is already used by another phrase.")
    dialog.table.setItem(row, 0, QTableWidgetItem(";again"))
    dialog.table.setItem(row, 1, QTableWidgetItem(""))
    assert dialog.problem_at() == (row, 1, "Type the phrase ;again stands for.")
    dialog.show_phrases([Phrase(";x", "X.")])
    assert dialog.phrases() == [Phrase(";x", "X.")]


def test_offers_queue_one_at_a_time_and_forget_what_the_book_learnt(qtbot: QtBot) -> None:
    bar = GlossaryOfferBar()
    qtbot.addWidget(bar)
    bar.show()
    taken: list[GlossaryEntry] = []
    bar.accepted.connect(taken.append)
    bar.offer([Offer("DAAT", "Drugs and Alcohol Team"), Offer("IOM")])
    assert bar.label.text() == "DAAT: add to the glossary as (and 1 more)"
    bar.offer([Offer("DAAT")])  # already offered: not twice
    bar.take()
    assert taken == [GlossaryEntry("DAAT", "Drugs and Alcohol Team")]
    assert bar.label.text() == "IOM: add to the glossary as" and bar.meaning.text() == ""
    bar.take()  # no meaning typed: nothing added
    assert len(taken) == 1
    bar.forget(["IOM"])
    assert not bar.isVisible() and bar.current is None


def test_a_line_is_underlined_under_the_word_qt_draws(qtbot: QtBot) -> None:
    speller = shared_speller()
    service = SpellingService(lambda: speller)
    service.load()
    edit = QLineEdit()
    qtbot.addWidget(edit)
    LineSpelling(service, lambda *_: [], edit).watch(edit)
    edit.resize(300, edit.sizeHint().height())
    edit.setText("Update on the goverment grant")
    edit.show()
    assert underline_spans(edit, service) == [(14, 23)]
    for position in (14, 23):
        x = x_of(edit, position)
        assert abs(edit.cursorPositionAt(QPoint(round(x), 5)) - position) <= 1
    path = wave(10.0, 30.0, 20.0)
    assert path.boundingRect().width() == 20.0 and path.boundingRect().height() <= 2.0
    edit.grab()  # the underline is painted over the field without a warning
