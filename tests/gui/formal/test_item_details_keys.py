"""The item details pane driven by keys, as a minute-taker would: declarations and
resolutions typed in one line, a recorded vote, the vote check (never a modal), the time
reached, assurance, Schedule 12A paragraphs and summary, the exclusion draft, no
declarations, arrivals, and the series settings."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book.formal import SeriesSettings
from scrutiny_desktop.domain.model import (
    Assurance,
    AttendanceStatus,
    DeclarationKind,
    Moment,
    Vote,
)
from scrutiny_desktop.domain.wording import NO_DECLARATIONS, exclusion_resolution
from scrutiny_desktop.ui.formal.series_dialog import SeriesSettingsDialog
from scrutiny_desktop.ui.formal.vote_dialog import VoteDialog
from tests.gui.conftest import Keys
from tests.gui.formal.conftest import Harness

K = Qt.Key


def test_a_declaration_typed_in_one_line(harness: Harness, keys: Keys) -> None:
    iid = harness.go_to("44/26")
    keys.ctrl_shift(K.Key_L)
    assert QApplication.focusWidget() is harness.details.pane.declaration_line
    keys.type("RP pecuniary spouse works in force finance, left")
    assert harness.details.pane.declaration_hint.text().startswith(
        "Enter adds: Cllr Raj Patel declared a disclosable pecuniary interest"
    )
    keys.enter()
    [d] = harness.ws.book.declarations(iid)
    assert (d.initials, d.interest, d.kind, d.left_room) == (
        "RP",
        "spouse works in force finance",
        DeclarationKind.DISCLOSABLE_PECUNIARY,
        True,
    )
    assert harness.details.pane.declaration_line.text() == ""
    assert QApplication.focusWidget() is harness.details.pane.declaration_line  # the next one
    keys.ctrl(K.Key_Z)
    assert harness.ws.book.declarations(iid) == []


def test_a_resolution_whose_vote_does_not_fit_the_room_is_flagged_without_a_dialog(
    harness: Harness, keys: Keys
) -> None:
    iid = harness.go_to("46/26")
    keys.ctrl_shift(K.Key_Y)
    keys.type("That the complaint be upheld. for 4 against 2 abstained 1")
    keys.enter()
    assert QApplication.activeModalWidget() is None
    text, vote = [(r.text, r.vote) for r in harness.ws.book.resolutions(iid)][-1]
    assert (text, vote) == ("That the complaint be upheld.", Vote(4, 2, 1))
    said = "7 votes counted but only 6 members were in the room at item 46/26"
    assert harness.told[-1] == f"Check the vote: {said}"
    warning = harness.details.pane.vote_warning
    assert warning.isVisible() and said in warning.text()
    assert QApplication.focusWidget() is harness.details.pane.resolution_line  # typing goes on


def test_a_recorded_vote_by_keys(harness: Harness, keys: Keys, qtbot: QtBot) -> None:
    iid = harness.go_to("43/26")

    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, VoteDialog)
        for initials, key in (("RGH", K.Key_F), ("RP", K.Key_F), ("KB", K.Key_A), ("MW", K.Key_F)):
            combo: QComboBox = dialog.choices[initials]
            combo.setFocus()
            qtbot.keyClick(combo, key)
        qtbot.keyClick(dialog, K.Key_Return)

    harness.dialogs.drive = drive
    keys.ctrl_shift(K.Key_F)
    [r] = harness.ws.book.resolutions(iid)
    assert r.vote is not None
    assert (r.vote.for_, r.vote.against, r.vote.abstained) == (3, 1, 0)
    assert [v.initials for v in r.vote.named] == ["RGH", "RP", "KB", "MW"]


def test_the_time_reached_the_assurance_and_the_minutes_first_keystroke(
    harness: Harness, keys: Keys
) -> None:
    iid = harness.go_to("47/26")
    harness.ws.agenda_pane.editor.setFocus()
    keys.type("The next meeting")
    assert harness.ws.book.item(iid).started == time(11, 15)
    keys.ctrl_shift(K.Key_W)
    assert QApplication.focusWidget() is harness.details.pane.time_edit
    keys.type("12.40")
    keys.enter()
    assert harness.ws.book.item(iid).started == time(12, 40)
    keys.ctrl_shift(K.Key_A)
    assert QApplication.focusWidget() is harness.details.pane.assurance
    keys.press(K.Key_N)
    assert harness.ws.book.item(iid).assurance is Assurance.NOT_ASSURED
    keys.press(K.Key_Up)  # a second letter at once would search "NP": arrows move
    assert harness.ws.book.item(iid).assurance is Assurance.PARTLY_ASSURED
    keys.ctrl(K.Key_Z)
    assert harness.ws.book.item(iid).assurance is Assurance.NOT_ASSURED
    assert harness.details.pane.assurance.currentText() == "Not assured"


def test_schedule_12a_paragraphs_summary_and_the_exclusion_draft(
    harness: Harness, keys: Keys
) -> None:
    iid = harness.go_to("46/26")
    keys.ctrl_shift(K.Key_X)
    exempt = harness.details.pane.exempt
    assert QApplication.focusWidget() is exempt.boxes[1]
    for _ in range(6):
        keys.press(K.Key_Down)  # the arrows go along the paragraphs
    assert QApplication.focusWidget() is exempt.boxes[7]
    keys.press(K.Key_Space)
    assert harness.ws.book.item(iid).exempt_paragraphs == (1, 3, 7)
    keys.press(K.Key_Up)
    keys.press(K.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back before the paragraphs
    assert QApplication.focusWidget() is harness.details.pane.quorum
    keys.tab()
    assert QApplication.focusWidget() is exempt.boxes[1]
    keys.press(K.Key_Right)
    keys.tab()  # from any paragraph, Tab goes on to the summary (a clerk typed into 3)
    assert QApplication.focusWidget() is exempt.summary
    assert harness.ws.book.item(iid).exempt_paragraphs == (1, 3, 7)
    keys.replace("The Panel considered a complaint in private.")
    keys.tab()  # leaving the summary saves it
    assert (
        harness.ws.book.item(iid).public_summary == "The Panel considered a complaint in private."
    )
    keys.ctrl_shift(K.Key_Q)
    exclusion = harness.ws.book.resolutions(harness.item_id("45/26"))
    assert [r.text for r in exclusion] == [exclusion_resolution([1, 3, 7])]
    assert harness.ws.agenda_pane.item_id == iid


def test_no_declarations_goes_into_the_minutes(harness: Harness, keys: Keys) -> None:
    iid = harness.go_to("41/26")
    harness.ws.agenda_pane.editor.setFocus()  # typing the minutes of the item
    keys.ctrl_shift(K.Key_J)
    assert harness.ws.book.body(iid)[-1].text == NO_DECLARATIONS
    keys.ctrl(K.Key_Z)
    harness.ws.bodies.flush()
    assert all(p.text != NO_DECLARATIONS for p in harness.ws.book.body(iid))


def test_arrived_now_and_left_now_for_the_chosen_attendee(harness: Harness, keys: Keys) -> None:
    harness.go_to("44/26")
    table = harness.ws.attendees_pane.table
    table.setFocus()
    row = next(
        r
        for r in range(harness.ws.attendees.rowCount())
        if harness.ws.attendees.initials_at(r) == "DT"
    )
    table.setCurrentIndex(harness.ws.attendees.index(row, 0))
    keys.press(K.Key_F6)
    mid = harness.ws.session.meeting_id
    dt = next(a for a in harness.ws.book.attendance(mid or 0) if a.initials == "DT")
    assert dt.status is AttendanceStatus.PRESENT and dt.arrived == Moment(time(11, 15), "44/26")
    harness.go_to("46/26")
    table.setFocus()
    keys.press(K.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    dt = next(a for a in harness.ws.book.attendance(mid or 0) if a.initials == "DT")
    assert dt.left == Moment(time(11, 15), "46/26")


def test_series_settings_by_keys(harness: Harness, keys: Keys, qtbot: QtBot) -> None:
    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, SeriesSettingsDialog)

        def key(k: Qt.Key) -> None:
            focused = QApplication.focusWidget()
            assert focused is not None
            qtbot.keyClick(focused, k)

        assert QApplication.focusWidget() is dialog.numbering
        key(K.Key_Down)  # 41/26: numbered through the year
        key(K.Key_Tab)
        key(K.Key_Tab)
        assert QApplication.focusWidget() is dialog.quorum
        qtbot.keyClicks(QApplication.focusWidget(), "6")
        key(K.Key_Tab)
        key(K.Key_Space)
        key(K.Key_Return)

    harness.dialogs.drive = drive
    keys.press(K.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    assert harness.ws.book.series_settings("Police and Crime Panel") == SeriesSettings(
        "Police and Crime Panel",
        1,
        6,
        "yearly",
        True,
        first_minute="41/26",  # as imported
    )
