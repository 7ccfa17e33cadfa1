"""The writing aids' undo commands: each step, done, undone or redone, is one book call (one
write transaction) and tells whoever shows the lists to read them again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.commands.writing import (
    AddBookWord,
    IgnoreWord,
    PutGlossaryEntry,
    RemoveGlossaryEntry,
    SetPhrases,
)
from scrutiny_desktop.ui.session import BookSession
from scrutiny_desktop.writing.glossary import GlossaryEntry
from scrutiny_desktop.writing.phrases import DEFAULT_PHRASES, Phrase

DAAT = GlossaryEntry("DAAT", "Drugs and Alcohol Team")
SERIES = "Force Performance Scrutiny"


@pytest.fixture
def session(tmp_path: Path, seed_path: Path) -> BookSession:
    book = Book.create(tmp_path / "book.sqlite")
    meeting_id = book.import_minutes(interchange.load(seed_path))
    return BookSession(book, meeting_id)


def _steps(
    session: BookSession, command: QUndoCommand, state: Callable[[], object]
) -> list[tuple[int, object]]:
    """Push, undo, redo: the transactions each took and the state after each."""
    stack = QUndoStack()
    book = session.book
    seen = []
    for step in (lambda: stack.push(command), stack.undo, stack.redo):
        before = book.transactions
        step()
        seen.append((book.transactions - before, state()))
    return seen


def test_add_to_this_books_words(session: BookSession) -> None:
    told: list[str] = []
    command = AddBookWord(session, "Bramblewick", lambda: told.append("x"))
    assert command.text() == "Add “Bramblewick” to this book's words"
    assert _steps(session, command, session.book.book_words) == [
        (1, ["Bramblewick"]),
        (1, []),
        (1, ["Bramblewick"]),
    ]
    assert len(told) == 3


def test_ignore_in_this_meeting(session: BookSession) -> None:
    meeting_id = session.meeting_id
    assert meeting_id is not None
    command = IgnoreWord(session, meeting_id, "Bramblewick", lambda: None)
    assert _steps(session, command, lambda: session.book.ignored_words(meeting_id)) == [
        (1, ["Bramblewick"]),
        (1, []),
        (1, ["Bramblewick"]),
    ]


def test_a_new_glossary_entry_and_a_changed_meaning(session: BookSession) -> None:
    book = session.book
    assert _steps(session, PutGlossaryEntry(session, DAAT, lambda: None), book.glossary) == [
        (1, [DAAT]),
        (1, []),
        (1, [DAAT]),
    ]
    changed = GlossaryEntry("DAAT", "Drug and Alcohol Action Team")
    assert _steps(session, PutGlossaryEntry(session, changed, lambda: None), book.glossary) == [
        (1, [changed]),
        (1, [DAAT]),
        (1, [changed]),
    ]


def test_removing_a_glossary_entry(session: BookSession) -> None:
    session.book.put_glossary_entry(DAAT)
    command = RemoveGlossaryEntry(session, "DAAT", lambda: None)
    assert _steps(session, command, session.book.glossary) == [(1, []), (1, [DAAT]), (1, [])]


def test_a_series_phrases(session: BookSession) -> None:
    mine = [Phrase(";thanks", "The Chair thanked officers."), *DEFAULT_PHRASES[:2]]
    command = SetPhrases(session, SERIES, mine, lambda: None)
    assert _steps(session, command, lambda: session.book.phrases(SERIES)) == [
        (1, mine),
        (1, list(DEFAULT_PHRASES)),
        (1, mine),
    ]
    assert session.book.phrases("Another series") == list(DEFAULT_PHRASES)


def test_a_refused_entry_drops_itself_from_the_stack(session: BookSession) -> None:
    stack = QUndoStack()
    refused: list[str] = []
    session.refused.connect(refused.append)
    stack.push(PutGlossaryEntry(session, GlossaryEntry("DAAT", " "), lambda: None))
    assert stack.count() == 0
    assert refused and "abbreviation" in refused[0]
