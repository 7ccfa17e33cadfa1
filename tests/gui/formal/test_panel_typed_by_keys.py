"""A police and crime panel typed by keys only, every formal part of issue 14 used, and its
JSON export compared whole with the document kept in ``tests/data`` (issue 14, Must show 2).

The book already holds the panel's meeting of 12 March 2026 (minutes 41/26 to 47/26): the
clerk starts the next one from it (Ctrl+Shift+T), so its items go on from 48/26, its Matters
arising lists the open actions and the item the panel was not assured on comes back. The
formal parts' clock is the test's, and their dialogs are shown for the test to type into.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.formal.vote_dialog import VoteDialog
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.panes.header import HeaderDialog
from scrutiny_desktop.ui.workspace import Workspace
from tests.gui.conftest import Keys, WindowFactory
from tests.gui.formal.conftest import Dialogs
from tests.ui.formal.conftest import PANEL

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
DATA = Path(__file__).resolve().parents[2] / "data"
EXPECTED = DATA / "panel-typed-by-keys.v2.json"
SERIES = "Police and Crime Panel"


class Clock:
    """The formal parts' clock: the time the clerk's watch says, moved on by the test."""

    def __init__(self) -> None:
        self.now = datetime(2026, 4, 23, 10, 0)

    def __call__(self) -> datetime:
        return self.now


class Clerk:
    """The minute-taker at the window: each method is something done by keys."""

    def __init__(self, window: MainWindow, keys: Keys, clock: Clock, dialogs: Dialogs) -> None:
        self.window, self.keys, self.clock, self.dialogs = window, keys, clock, dialogs

    @property
    def ws(self) -> Workspace:
        assert self.window.ws is not None
        return self.window.ws

    def at(self, hour: int, minute: int) -> None:
        self.clock.now = self.clock.now.replace(hour=hour, minute=minute)

    def in_dialog(self, drive: Callable[[QDialog], None]) -> None:
        """What the next formal dialog gets typed into it."""
        self.dialogs.drive = drive

    # The meeting

    def starts_the_next_meeting_of_the_series(self) -> None:
        self.keys.ctrl_shift(K.Key_T)

    def sets_the_series(self, *, quorum: str) -> None:
        """Series settings (Shift+F4): numbering through the year (kept), the year as it is,
        the quorum for new meetings, item times printed."""

        def drive(dialog: QDialog) -> None:
            self.keys.tab()  # numbering: already 41/26, as the series' minutes were
            self.keys.tab()  # the year starts in January, as it did
            self.keys.replace(quorum)
            self.keys.tab()
            self.keys.press(K.Key_Space)  # print the time the meeting reached each item
            self.keys.enter()

        self.in_dialog(drive)
        self.keys.press(K.Key_F4, SHIFT)

    def fills_in_the_header(self, fields_from_title: int, *values: str) -> None:
        """The meeting header (F4): Tab to a field, then type the values field by field."""
        self.keys.press(K.Key_F4)
        self.keys.qtbot.waitUntil(
            lambda: isinstance(QApplication.activeModalWidget(), HeaderDialog)
        )
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HeaderDialog)
        self.keys.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edits["title"])
        for _ in range(fields_from_title):
            self.keys.tab()
        for value in values:
            self.keys.replace(value)
            self.keys.tab()
        self.keys.enter()
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    def exports_the_json(self, target: Path) -> None:
        """File ▸ Export JSON (Ctrl+J), the file name typed into the save dialog."""

        def type_the_name() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                QTimer.singleShot(20, type_the_name)
                return
            self.keys.replace(str(target))
            self.keys.enter()

        QTimer.singleShot(20, type_the_name)
        self.keys.ctrl(K.Key_J)
        self.keys.qtbot.waitUntil(target.exists, timeout=3000)

    # People

    def marks(self, initials: str, key: str) -> None:
        """Someone the series knows, by initials in the attendees line: p, a or i."""
        self.keys.ctrl_shift(K.Key_P)
        self.keys.type(initials)
        self.keys.tab()
        self.keys.tab()
        self.keys.type(key)
        self.keys.enter()

    def adds(self, line: str, key: str) -> None:
        self.marks(line, key)

    def makes_chair(self, initials: str) -> None:
        self.keys.ctrl_shift(K.Key_P)
        self.keys.type(initials)
        self.keys.ctrl_shift(K.Key_C)

    def chooses(self, initials: str) -> None:
        """Goes to the attendees table (Ctrl+1) and down to the person."""
        self.keys.ctrl(K.Key_1)
        self.keys.press(K.Key_Home, Qt.KeyboardModifier.ControlModifier)
        table = self.ws.attendees_pane.table
        for _ in range(self.ws.attendees.rowCount()):
            if self.ws.attendees.initials_at(table.currentIndex().row()) == initials:
                return
            self.keys.press(K.Key_Down)
        raise AssertionError(f"{initials} is not in the attendees table")

    def records_substitute(self, initials: str, for_whom: str) -> None:
        self.chooses(initials)
        self.in_dialog(lambda dialog: (self.keys.type(for_whom), self.keys.enter()))
        self.keys.press(K.Key_F12, SHIFT)

    def arrives_now(self, initials: str) -> None:
        self.chooses(initials)
        self.keys.press(K.Key_F6)

    def leaves_now(self, initials: str) -> None:
        self.chooses(initials)
        self.keys.press(K.Key_F6, SHIFT)

    def corrects_arrival(self, initials: str, time: str) -> None:
        """Arrival and departure (F12): the time typed over the one recorded."""
        self.chooses(initials)
        self.in_dialog(lambda dialog: (self.keys.replace(time), self.keys.enter()))
        self.keys.press(K.Key_F12)

    # Items and their minutes

    def goes_to_item(self, number: str) -> None:
        self.keys.ctrl(K.Key_2)
        self.keys.press(K.Key_Home, Qt.KeyboardModifier.ControlModifier)
        pane = self.ws.agenda_pane
        for _ in range(len(self.ws.items.items())):
            current = pane.current_item()
            if current is not None and current.number == number:
                return
            self.keys.press(K.Key_Down)
        raise AssertionError(
            f"no item {number} in {[i.number + i.title for i in self.ws.items.items()]}"
        )

    def inserts_item(self, title: str) -> None:
        """After the current item (Ctrl+Alt+I), then into its minutes."""
        self.keys.ctrl_alt(K.Key_I)
        self.keys.type(title)
        self.keys.enter()

    def moves_item_up(self, times: int) -> None:
        self.keys.ctrl(K.Key_2)
        for _ in range(times):
            self.keys.ctrl_shift(K.Key_Up)

    def writes(self, text: str) -> None:
        self.keys.type(text)

    def new_paragraph(self) -> None:
        self.keys.enter()

    def back_to_the_minutes(self) -> None:
        self.keys.ctrl(K.Key_3)

    def makes_it_a_heading(self) -> None:
        self.keys.ctrl_shift(K.Key_H)

    def restricts_the_paragraph(self) -> None:
        self.keys.ctrl_shift(K.Key_R)

    def bullets_the_paragraph(self) -> None:
        self.keys.ctrl_shift(K.Key_8)

    def raises_action(self, text: str, owners: str, due: str, *, numbered: bool = True) -> None:
        if numbered:
            self.keys.ctrl(K.Key_Return)
        else:
            self.keys.ctrl_shift(K.Key_Return)
        self.keys.type(text)
        self.keys.tab()
        self.keys.type(owners)
        self.keys.tab()
        self.keys.type(due)
        self.keys.enter()

    def reports_on_actions(self, *keys_in_order: str) -> None:
        """Matters arising: one key per open action (c completed, p in progress, f to
        follow); the table goes down to the next action after each."""
        for key in keys_in_order:
            self.keys.type(key)

    def goes_to_the_actions(self) -> None:
        self.keys.ctrl(K.Key_4)

    # Item details: declarations, resolutions, votes, time, assurance, Schedule 12A

    def declares(self, line: str) -> None:
        self.keys.ctrl_shift(K.Key_L)
        self.keys.type(line)
        self.keys.enter()

    def minutes_no_declarations(self) -> None:
        self.keys.ctrl_shift(K.Key_J)

    def resolves(self, text: str) -> None:
        self.keys.ctrl_shift(K.Key_Y)
        self.keys.type(text)
        self.keys.enter()

    def takes_a_recorded_vote(self, votes: dict[str, str]) -> None:
        """Recorded vote (Ctrl+Shift+F) on the item's last resolution: a key for each
        member in the room (f for, a against, ab abstained), Tab to the next."""
        seen: list[str] = []

        def drive(dialog: QDialog) -> None:
            assert isinstance(dialog, VoteDialog)
            choices = dialog.choices
            seen.extend(choices)
            for initials in choices:
                assert QApplication.focusWidget() is choices[initials]
                self.keys.type(votes[initials])
                self.keys.tab()
            self.keys.enter()

        self.in_dialog(drive)
        self.keys.ctrl_shift(K.Key_F)
        assert seen == list(votes), "the dialog asks the members in the room, in order"

    def rates_assurance(self, key: str) -> None:
        """Assurance (Ctrl+Shift+A), a letter: a, p or n."""
        # Qt joins letters typed into a list within the keyboard input interval into one
        # search ("p" then "a" finds "Partly assured"); a clerk rates items minutes apart.
        self.keys.qtbot.wait(QApplication.keyboardInputInterval() + 50)
        self.keys.ctrl_shift(K.Key_A)
        self.keys.type(key)
        self.keys.tab()

    def corrects_the_item_time(self, time: str) -> None:
        self.keys.ctrl_shift(K.Key_W)
        self.keys.replace(time)
        self.keys.enter()

    def ticks_paragraphs_and_writes_the_summary(self, ticks: list[int], summary: str) -> None:
        """Schedule 12A paragraphs (Space ticks or unticks) and the public summary
        (Ctrl+Shift+X)."""
        self.keys.ctrl_shift(K.Key_X)  # on paragraph 1
        at = 1
        for paragraph in ticks:
            for _ in range(paragraph - at):
                self.keys.press(K.Key_Down)  # the arrows go along the paragraphs
            at = paragraph
            self.keys.press(K.Key_Space)
        self.keys.tab()  # Tab goes on to the summary
        self.keys.type(summary)
        self.keys.tab()

    def drafts_the_exclusion_resolution(self) -> None:
        self.keys.ctrl_shift(K.Key_Q)

    def stamps_the_item_time(self) -> None:
        """Time the item was reached (Ctrl+Shift+W): now, for an item nothing was typed at."""
        self.keys.ctrl_shift(K.Key_W)
        self.keys.enter()


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    """The export as compared. Nothing in it depends on when or where the test runs: the
    book's ids are not exported, the times are the test's clock, and the audit (the only
    dated record of the day the test ran) is empty as this meeting is not signed off. So
    the whole document is compared, and this says so rather than quietly dropping keys."""
    assert document["meeting"]["audit"] == [], "a signed-off meeting needs its dates normalised"
    return document


@pytest.fixture
def clerk(make_window: WindowFactory, tmp_path: Path, keys: Keys, qtbot: QtBot) -> Iterator[Clerk]:
    path = tmp_path / "panel.sqlite"
    with Book.create(path) as book:
        book.import_minutes(interchange.load(PANEL))  # 12 March 2026, minutes 41/26-47/26
    clock, dialogs = Clock(), Dialogs(qtbot)

    def prepare(window: MainWindow) -> None:
        window.formal.clock = clock
        window.formal.run_dialog = dialogs

    window = make_window(path, prepare=prepare)
    window.formal.make()
    yield Clerk(window, keys, clock, dialogs)


def test_a_police_and_crime_panel_typed_by_keys_exports_the_expected_json(
    clerk: Clerk, tmp_path: Path, schema_v2_path: Path
) -> None:
    clerk.at(9, 55)
    clerk.starts_the_next_meeting_of_the_series()  # 23 April 2026, from the last one's header
    clerk.sets_the_series(quorum="5")
    clerk.fills_in_the_header(7, "18.06.26", "10am", "", "Council Chamber, County Hall")

    # Who is there: the members and the chair, apologies, a substitute, officers, a new face.
    for initials in ("RGH", "RP", "KB", "MW", "JG"):
        clerk.marks(initials, "p")
    clerk.makes_chair("RGH")
    for initials in ("DT", "TW"):
        clerk.marks(initials, "a")
    for initials in ("RH", "JS"):
        clerk.marks(initials, "i")
    clerk.adds("Chief Constable Ben Harrington, Chief Constable, Essex Police", "i")
    clerk.records_substitute("MW", for_whom="TW")

    # 48/26 Apologies, inserted after Matters arising and moved to the top.
    clerk.at(10, 0)
    clerk.goes_to_item("48/26")
    clerk.inserts_item("Apologies and substitutions")
    clerk.moves_item_up(1)
    clerk.back_to_the_minutes()
    clerk.writes("Apologies were received from Mayor Dorothy Thornhill and Cllr Tom Watson. ")
    clerk.writes("Cllr Mark Wiles attended as substitute for Cllr Tom Watson.")

    # 49/26 Declarations of interest.
    clerk.at(10, 2)
    clerk.inserts_item("Declarations of interest")
    clerk.declares("JG other registrable member of the Essex Neighbourhood Watch board")

    # 50/26 Matters arising: the four actions still open after 12 March.
    clerk.at(10, 4)
    clerk.goes_to_item("50/26")
    clerk.goes_to_the_actions()
    clerk.reports_on_actions("c", "c", "p", "f")

    # 51/26 The minutes of 12 March, agreed; a member arrives.
    clerk.at(10, 6)
    clerk.goes_to_item("51/26")
    clerk.resolves(
        "That the minutes of the meeting held on 12 March 2026 be agreed as a correct record."
    )
    clerk.at(10, 12)
    clerk.marks("AS", "p")
    clerk.arrives_now("AS")
    clerk.back_to_the_minutes()
    clerk.writes("The minutes were signed by the Chairman.")

    # 52/26 The annual report: headings, bullets, a restricted part, a declaration with
    # the member leaving the room, two resolutions and a recorded vote, assurance.
    clerk.at(10, 20)
    clerk.inserts_item("Police and Crime Plan: annual report")
    clerk.writes("The Commissioner's report")
    clerk.makes_it_a_heading()
    clerk.new_paragraph()
    clerk.writes("The Commissioner presented his annual report, which set out:")
    clerk.new_paragraph()
    clerk.bullets_the_paragraph()
    clerk.writes("burglary down 12 per cent")
    clerk.new_paragraph()
    clerk.writes("response times in rural areas not yet met")
    clerk.new_paragraph()
    clerk.new_paragraph()  # an empty bullet ends the list
    clerk.writes("Reserves")
    clerk.makes_it_a_heading()
    clerk.restricts_the_paragraph()
    clerk.new_paragraph()
    clerk.writes("The reserves were discussed in confidence.")
    clerk.new_paragraph()
    clerk.restricts_the_paragraph()  # the restricted part ends here
    clerk.writes("Members thanked the Commissioner.")
    clerk.raises_action("Circulate the response-time figures by district", "JS", "30.04.26")
    clerk.declares("RP pecuniary spouse works in force finance, left")
    clerk.resolves("That the annual report be noted.")
    clerk.resolves("That the Panel recommends that response times be published by district.")
    clerk.takes_a_recorded_vote({"RGH": "f", "KB": "f", "MW": "a", "JG": "f", "AS": "ab"})
    clerk.rates_assurance("p")
    clerk.corrects_the_item_time("10.25")

    # 53/26 The Commissioner's decisions: a vote by counts typed in the line.
    clerk.at(11, 0)
    clerk.goes_to_item("52/26")
    clerk.inserts_item("Commissioner's decisions")
    clerk.writes("The Panel received the record of the Commissioner's decisions.")
    clerk.resolves("That the decisions be noted. for 5 against 0 abstained 1")
    assert clerk.window.formal.details.pane.vote_warning.text() == ""  # 6 members in the room
    clerk.rates_assurance("a")
    clerk.back_to_the_minutes()
    clerk.raises_action(
        "Publish the decisions on the Panel website", "JS", "next meeting", numbered=False
    )
    clerk.at(11, 10)
    clerk.leaves_now("BH")

    # 54/26 and 55/26: the complaint the panel was not assured on, back on the agenda still
    # restricted under paragraphs 1 and 3; paragraph 2 added, the public summary written,
    # and the exclusion resolution drafted for the item before it.
    clerk.at(11, 18)
    clerk.goes_to_item("54/26")
    complaint = clerk.ws.agenda_pane.current_item()
    assert complaint is not None and complaint.title == "Complaint against the Commissioner"
    assert (complaint.restricted, complaint.exempt_paragraphs) == (True, (1, 3))
    clerk.ticks_paragraphs_and_writes_the_summary(
        [2],
        "The Panel considered a complaint about the Commissioner's conduct and resolved "
        "that it be resolved informally.",
    )
    clerk.drafts_the_exclusion_resolution()
    clerk.goes_to_item("54/26")  # the exclusion, resolved as the meeting reaches it
    clerk.stamps_the_item_time()
    clerk.at(11, 20)
    clerk.goes_to_item("55/26")
    clerk.minutes_no_declarations()
    clerk.back_to_the_minutes()
    clerk.writes(
        "The Panel considered the complaint from Mr Kestrel about the Commissioner's conduct."
    )
    clerk.resolves("That the complaint be resolved informally.")
    clerk.rates_assurance("a")
    clerk.back_to_the_minutes()
    clerk.raises_action("Write to the complainant with the Panel's decision", "JS", "7.5.26")
    clerk.at(11, 50)
    clerk.leaves_now("KB")

    # 56/26 Date of next meeting: a member leaves during it, and four are not a quorum.
    clerk.at(12, 0)
    clerk.goes_to_item("56/26")
    clerk.back_to_the_minutes()
    clerk.writes("The next meeting will be held on 18 June 2026.")
    clerk.at(12, 2)
    clerk.leaves_now("JG")

    # After the meeting: a time corrected, the end time, the export.
    clerk.corrects_arrival("AS", "10.10")
    clerk.fills_in_the_header(4, "12.05pm")
    agenda = [clerk.ws.items.index(row, 0).data() for row in range(clerk.ws.items.rowCount())]
    assert [line for line in agenda if "[inquorate]" in line] == [
        "56/26. Date of Next Meeting  [next meeting]  [inquorate]"
    ]
    target = tmp_path / "panel-typed-by-keys.json"
    clerk.exports_the_json(target)

    exported = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(exported, json.loads(schema_v2_path.read_text(encoding="utf-8")))
    assert comparable(exported) == comparable(json.loads(EXPECTED.read_text(encoding="utf-8")))
