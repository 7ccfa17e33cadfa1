"""The reference meeting taken from an empty book with key presses only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from tests.gui.conftest import Keys, WindowFactory

K = Qt.Key

PERSON_LINES = {
    # What a clerk types in the attendees line for each person present.
    "LW": "Lindsay Whitehouse, Deputy Police and Crime Commissioner (DPCC), "
    "Office of the Police and Crime Commissioner (OPCC)",
    "SH": "Susannah Hancock, Chief Executive, OPCC",
    "WK": "Wil Kennedy, Head of Corporate Services, EP",
    "TS": "Detective Chief Inspector Tom Simons, EP",
    "PL": "Detective Sergeant Paul Lopez, EP",
    "TB": "Tina Bateman, Performance and Scrutiny Officer, OPCC",
}
STATUS_WORDS = {"to_follow": "to follow", "in_progress": "in progress"}


def _header(keys: Keys, meeting: dict[str, Any]) -> None:
    nxt = meeting["next_meeting"]
    keys.ctrl(K.Key_N)
    keys.qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), QDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    for value in (
        meeting["title"],
        meeting["series"],
        "26.02.15",
        meeting["start"],
        meeting["end"] or "",
        meeting["venue"],
        "",
        "26.03.15",
        nxt["start"],
        nxt["end"],
        nxt["venue"],
    ):
        keys.replace(value)
        keys.tab()
    keys.enter()
    assert dialog.result() == QDialog.DialogCode.Accepted, (
        dialog.error.text(),
        {k: e.text() for k, e in dialog.edits.items()},
        keys.focus(),
    )


def _person_details(keys: Keys, person: dict[str, Any]) -> None:
    """Take up the offer to give a newly named owner their details."""
    keys.ctrl_shift(K.Key_D)
    keys.type(person["name"])
    if person.get("kind") == "organisation":
        keys.tab()  # initials, already filled in
        keys.tab()  # "add as"
        keys.press(K.Key_Down)  # Named only -> Organisation
        keys.ctrl_shift(K.Key_P)  # back to the line
    keys.enter()


def _body(keys: Keys, body: list[dict[str, Any]]) -> None:
    for n, block in enumerate(body):
        if n:
            keys.enter()
        if "heading" in block:
            keys.type(block["heading"])
            keys.ctrl_shift(K.Key_H)
        else:
            keys.type(block["text"])


def test_reference_meeting_by_keyboard(
    make_window: WindowFactory, keys: Keys, empty_book: Path, seed_path: Path, qtbot: QtBot
) -> None:
    seed = json.loads(seed_path.read_text())
    people = {p["initials"]: p for p in seed["people"]}
    window = make_window(empty_book)

    _header(keys, seed["meeting"])

    keys.ctrl_shift(K.Key_P)
    for a in seed["attendance"]:
        keys.type(PERSON_LINES[a["initials"]])
        keys.enter()

    detailed = {i for i, p in people.items() if p["name"]} - set(PERSON_LINES)
    for item in seed["items"]:
        keys.ctrl_shift(K.Key_I)
        keys.type(item["title"])
        keys.enter()  # to the body
        _body(keys, item["body"])
        if item.get("kind") == "next_meeting":
            keys.ctrl_alt(K.Key_N)
        if item.get("action_updates"):
            keys.ctrl_shift(K.Key_M)
            for u in item["action_updates"]:
                line = f"{u['ref']} {STATUS_WORDS.get(u['status'], u['status'])}"
                keys.type(line + (f" {u['note']}" if u.get("note") else ""))
                keys.enter()
        for action in item["actions"]:
            if action["ref"] is None:
                keys.ctrl_shift(K.Key_Return)
            else:
                keys.ctrl(K.Key_Return)
            keys.type(action["text"])
            keys.tab()
            keys.type("/".join(action["owners"]))
            keys.tab()
            if action["due"]:
                keys.type("12.03.15")
            keys.enter()
            for owner in action["owners"]:
                if owner in detailed:
                    _person_details(keys, people[owner])
                    detailed.discard(owner)
        keys.ctrl(K.Key_3)  # back to the minutes

    window.close()
    with Book.open(empty_book, read_only=True) as book:
        minutes = book.minutes(book.resolve_meeting("latest"))
    got = interchange.to_document(minutes)
    want = interchange.to_document(interchange.from_document(seed))
    for key in want:
        assert got[key] == want[key], key
