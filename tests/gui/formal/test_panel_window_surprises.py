"""What typing a police and crime panel by keys in the real window turned up (issue 14,
Must show 2): each a key that did nothing, the keyboard left in the wrong place, text in
the wrong field or a value lost. The window is opened on the panel meeting with the
formal parts' clock fixed and their dialogs shown for the test to type into."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import Attendance, Moment, Paragraph
from scrutiny_desktop.domain.wording import NO_DECLARATIONS
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.panes.header import HeaderDialog
from scrutiny_desktop.ui.workspace import Workspace
from tests.gui.conftest import Keys, WindowFactory
from tests.gui.formal.conftest import Dialogs
from tests.ui.formal.conftest import NOW, PANEL

K = Qt.Key


@dataclass
class Panel:
    window: MainWindow
    dialogs: Dialogs

    @property
    def ws(self) -> Workspace:
        assert self.window.ws is not None
        return self.window.ws

    def attendance(self, initials: str) -> Attendance:
        mid = self.ws.session.meeting_id
        assert mid is not None
        return next(a for a in self.ws.book.attendance(mid) if a.initials == initials)

    def now(self) -> Moment:
        """The moment "arrived now" records: this minute, at the item shown."""
        item = self.ws.agenda_pane.current_item()
        assert item is not None
        return Moment(NOW.time().replace(second=0), item.number)


@pytest.fixture
def panel(make_window: WindowFactory, tmp_path: Path, qtbot: QtBot) -> Panel:
    """The window on the panel meeting (12 March 2026; the clock says 11:15 that day)."""
    path = tmp_path / "panel.sqlite"
    with Book.create(path) as book:
        book.import_minutes(interchange.load(PANEL))
    dialogs = Dialogs(qtbot)

    def prepare(window: MainWindow) -> None:
        window.formal.clock = lambda: NOW
        window.formal.run_dialog = dialogs

    window = make_window(path, prepare=prepare)
    window.formal.make()
    return Panel(window, dialogs)


def _new_item(keys: Keys, title: str) -> None:
    keys.ctrl_shift(K.Key_I)
    keys.type(title)
    keys.enter()  # into its minutes


def _choose_attendee(keys: Keys, panel: Panel, initials: str) -> None:
    keys.ctrl(K.Key_1)
    keys.press(K.Key_Home, Qt.KeyboardModifier.ControlModifier)
    table = panel.ws.attendees_pane.table
    while panel.ws.attendees.initials_at(table.currentIndex().row()) != initials:
        keys.press(K.Key_Down)


def test_the_keyboard_is_back_in_the_window_after_a_formal_dialog(
    panel: Panel, keys: Keys, qtbot: QtBot
) -> None:
    _choose_attendee(keys, panel, "KB")
    panel.dialogs.drive = lambda dialog: keys.press(K.Key_Escape)
    keys.press(K.Key_F12)  # Arrival and departure…, then Escape
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel.window, timeout=1000)
    assert QApplication.focusWidget() is panel.ws.attendees_pane.table
    keys.press(K.Key_F6)  # the next key still reaches the window: KB arrived now
    assert panel.attendance("KB").arrived == panel.now()


def test_the_meeting_header_keeps_the_meetings_quorum(panel: Panel, keys: Keys) -> None:
    assert panel.window.ctx.meeting is not None and panel.window.ctx.meeting.quorum == 5
    keys.press(K.Key_F4)
    keys.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), HeaderDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, HeaderDialog)
    keys.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edits["title"])
    for _ in range(4):
        keys.tab()
    keys.replace("12.50")  # the end time, typed as the meeting ends
    keys.enter()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    meeting = panel.window.ctx.meeting
    assert meeting is not None and (meeting.end, meeting.quorum) == (
        NOW.time().replace(hour=12, minute=50, second=0),
        5,
    )


@pytest.mark.parametrize(
    ("line", "typed"),
    [
        (K.Key_L, "RP other member of the Basildon community safety partnership"),  # declaration
        (K.Key_Y, "That the plan be noted."),  # resolution
    ],
)
def test_a_formal_line_typed_first_at_an_item_fills_in_the_time_it_was_reached(
    panel: Panel, keys: Keys, line: Qt.Key, typed: str
) -> None:
    _new_item(keys, "Police and crime plan")
    item = panel.ws.agenda_pane.current_item()
    assert item is not None and item.id is not None and item.started is None
    keys.ctrl_shift(line)
    keys.type(typed)
    keys.enter()
    assert panel.ws.book.item(item.id).started == NOW.time().replace(second=0)


def test_minutes_typed_after_no_declarations_are_a_paragraph_of_their_own(
    panel: Panel, keys: Keys
) -> None:
    _new_item(keys, "Complaints received")
    item = panel.ws.agenda_pane.current_item()
    assert item is not None and item.id is not None
    keys.ctrl_shift(K.Key_J)
    keys.ctrl_shift(K.Key_J)  # pressed twice: said once
    keys.ctrl(K.Key_3)
    keys.type("The Panel received the complaints report.")
    panel.ws.bodies.flush()
    assert [p.text for p in panel.ws.book.body(item.id)] == [
        NO_DECLARATIONS,
        "The Panel received the complaints report.",
    ]


def test_arrived_now_just_after_typing_in_a_late_member_marks_that_member(
    panel: Panel, keys: Keys
) -> None:
    _choose_attendee(keys, panel, "KB")  # someone chosen earlier, and forgotten
    keys.ctrl_shift(K.Key_P)
    keys.type("Cllr Ian Grundy, Member, Chelmsford City Council")
    keys.enter()  # present
    keys.press(K.Key_F6)
    assert panel.attendance("IG").arrived == panel.now()
    assert panel.attendance("KB").arrived is None


def test_a_bulleted_list_typed_by_keys(panel: Panel, keys: Keys) -> None:
    _new_item(keys, "Police and crime plan")
    item = panel.ws.agenda_pane.current_item()
    assert item is not None and item.id is not None
    keys.type("The Commissioner set out two priorities:")
    keys.enter()
    keys.ctrl_shift(K.Key_8)  # Item ▸ Bulleted paragraph
    keys.type("fewer burglaries")
    keys.enter()  # the list goes on
    keys.type("faster response in rural areas")
    keys.enter()
    keys.enter()  # Enter on an empty bullet ends the list
    keys.type("Members welcomed them.")
    panel.ws.bodies.flush()
    assert panel.ws.book.body(item.id) == [
        Paragraph("The Commissioner set out two priorities:"),
        Paragraph("fewer burglaries", bullet=True),
        Paragraph("faster response in rural areas", bullet=True),
        Paragraph("Members welcomed them."),
    ]


def test_an_update_marked_first_at_matters_arising_fills_in_the_time_it_was_reached(
    make_window: WindowFactory, tmp_path: Path, keys: Keys, qtbot: QtBot
) -> None:
    """Matters arising, minuted by one key per open action in its updates table, printed
    no time when the series prints item times."""
    path = tmp_path / "panel.sqlite"
    with Book.create(path) as book:
        book.import_minutes(interchange.load(PANEL))
    at_the_next_meeting = datetime(2026, 4, 23, 10, 4, 30)  # its date, from the header

    def prepare(window: MainWindow) -> None:
        window.formal.clock = lambda: at_the_next_meeting

    window = make_window(path, prepare=prepare)
    window.formal.make()
    panel = Panel(window, Dialogs(qtbot))
    keys.ctrl_shift(K.Key_T)  # the next meeting: Matters arising first, in its updates
    assert QApplication.focusWidget() is panel.ws.actions_pane.updates_table
    item = panel.ws.agenda_pane.current_item()
    assert item is not None and item.id is not None and item.started is None
    keys.type("c")  # the first open action: completed
    assert panel.ws.book.item(item.id).started == time(10, 4)


def test_a_new_item_made_from_the_time_field_does_not_take_the_last_items_time(
    panel: Panel, keys: Keys
) -> None:
    """The time field kept the item's time while it had the keyboard, and wrote it into
    whatever item was current when it lost it: a new item started at 10:20 too."""
    keys.ctrl(K.Key_2)
    keys.press(K.Key_End)  # 47/26, Date of next meeting: no time
    keys.press(K.Key_Up)
    keys.press(K.Key_Up)
    keys.press(K.Key_Up)  # 44/26, reached at 10:20
    item = panel.ws.agenda_pane.current_item()
    assert item is not None and item.number == "44/26" and item.started is not None
    keys.ctrl_shift(K.Key_W)  # to its time
    _new_item(keys, "Any other business")
    new = panel.ws.agenda_pane.current_item()
    assert new is not None and new.id is not None and new.title == "Any other business"
    assert panel.ws.book.item(new.id).started is None
    assert item.id is not None and panel.ws.book.item(item.id).started == item.started
