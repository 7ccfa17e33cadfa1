"""A second meeting, of another kind than the reference: a police and crime panel, typed
from an empty book with key presses only (issue 12, "Must show" 3).

Members with titles (Cllr, Cty Cllr, Mayor), co-opted independent members, officers in
attendance, apologies, a chair chosen once the list is typed, items typed out of order
(one inserted, one moved, one gone back to), actions due "next meeting". What the book
holds afterwards is compared with the meeting written out below as plain data over the
keys that matter, and its JSON export (interchange version 2, checked against the
schema) is compared whole with tests/data/panel-typed-out-of-order.v2.json, read through
once by hand against what is typed here. Nothing in it depends on when the test runs: the
meeting is not on the day it is typed (no item times), not signed off (no audit), and the
book's ids are not exported.
"""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import jsonschema
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import ItemKind, Minutes
from scrutiny_desktop.export import interchange
from scrutiny_desktop.ui.main_window import MainWindow
from scrutiny_desktop.ui.panes.header import HeaderDialog
from tests.gui.conftest import Keys, WindowFactory, item_by_keys

K = Qt.Key
EXPECTED_JSON = Path(__file__).resolve().parents[1] / "data" / "panel-typed-out-of-order.v2.json"
NEXT = date(2026, 10, 15)

HEADER = {
    "title": "Police and Crime Panel",
    "series": "Police and Crime Panel",
    "date": date(2026, 9, 17),
    "start": time(14, 0),
    "end": time(16, 30),
    "venue": "Council Chamber, County Hall, Hertford",
    "next": (NEXT, time(14, 0), time(16, 30), "Council Chamber, County Hall, Hertford"),
}

# What the clerk types in the attendees line, the key for the "as" box, and the initials
# the line should propose: (line, key, initials).
PEOPLE_TYPED = [
    ("Cllr Anne Joynes, Member, Dacorum Borough Council", "p", "AJ"),
    ("Cty Cllr Peter Ruffles, Member, Hertfordshire County Council", "p", "PR"),
    ("Cllr R G Hannam, Member, Three Rivers District Council", "p", "RGH"),
    ("Mayor Dorothy Thornhill, Elected Mayor, Watford Borough Council", "p", "DT"),
    ("Cllr Terry Douris, Member, Dacorum Borough Council", "p", "TD"),
    ("Cllr Sara Bedford, Member, Three Rivers District Council", "p", "SB"),
    ("Cllr Ian Albert, Member, Stevenage Borough Council", "p", "IA"),
    ("Mr Dermot Forbes, Co-opted Independent Member, Hertfordshire PCP", "p", "DF"),
    ("Ms Janet Summers, Co-opted Independent Member, Hertfordshire PCP", "p", "JS"),
    # JS is taken: the line proposes JSM and says so.
    ("Cllr Jane Smith, Member, Welwyn Hatfield Borough Council", "p", "JSM"),
    ("Cllr Lucy Lee, Member, North Hertfordshire District Council", "a", "LL"),
    ("Cllr Mark Turner, Member, Broxbourne Borough Council", "a", "MT"),
    ("David Lloyd, Police and Crime Commissioner, OPCC", "i", "DL"),
    ("Ms Fran Hallam, Chief Executive, OPCC", "i", "FH"),
    ("ACC Bill Jephson, Assistant Chief Constable, Hertfordshire Constabulary", "i", "BJ"),
    ("Det Supt Jo Marsh, Head of Public Protection, Hertfordshire Constabulary", "i", "JM"),
    ("Mrs Sally Crofts, Panel Clerk, Hertfordshire County Council", "i", "SC"),
]
CHAIR = "TD"  # chosen once everyone is listed
STATUS = {"p": "present", "a": "apologies", "i": "in_attendance"}

MINUTES = {
    "apologies": [
        "Apologies were received from Cllr Lucy Lee and Cllr Mark Turner.",
    ],
    "declarations": [
        "Cllr Bedford declared a non-registrable interest in item 5 as a governor of a "
        "school taking part in the knife-crime programme, and stayed for the item.",
    ],
    "minutes": [
        "The minutes of the meeting held on 16 July 2026 were agreed as a correct record "
        "and signed by the Chairman.",
    ],
    "update": [
        "The Commissioner introduced his update. Burglary had fallen by 6% over the year.",
        "Members asked about response times in rural areas.",
    ],
    "update later": ["The Panel noted the update."],
    "knife": [
        "ACC Jephson presented the report on knife crime in Hertfordshire.",
    ],
    "knife heading": "Schools programme",
    "knife more": ["Det Supt Marsh described the work with secondary schools."],
    "complaints": ["The Panel received the report on complaints against the Commissioner."],
}

ACTIONS = {
    # item key: [(numbered, text, owners typed, due typed)]
    "update": [
        (True, "Commissioner to circulate the revised Police and Crime Plan", "DL", "next meeting"),
    ],
    "knife": [
        (True, "Provide knife-crime figures by district", "BJ/JM", "30.10.26"),
        (True, "Report on the schools programme", "JM", "next meeting"),
        (False, "Publish the Panel's report on the website", "SC", "1 Oct"),
    ],
    "complaints": [(True, "Circulate the complaints protocol", "SC, FH", "")],
}

EXPECTED_PEOPLE = {
    "AJ": ("Cllr Anne Joynes", "Member", "Dacorum Borough Council"),
    "PR": ("Cty Cllr Peter Ruffles", "Member", "Hertfordshire County Council"),
    "RGH": ("Cllr R G Hannam", "Member", "Three Rivers District Council"),
    "DT": ("Mayor Dorothy Thornhill", "Elected Mayor", "Watford Borough Council"),
    "TD": ("Cllr Terry Douris", "Member", "Dacorum Borough Council"),
    "SB": ("Cllr Sara Bedford", "Member", "Three Rivers District Council"),
    "IA": ("Cllr Ian Albert", "Member", "Stevenage Borough Council"),
    "DF": ("Mr Dermot Forbes", "Co-opted Independent Member", "Hertfordshire PCP"),
    "JS": ("Ms Janet Summers", "Co-opted Independent Member", "Hertfordshire PCP"),
    "JSM": ("Cllr Jane Smith", "Member", "Welwyn Hatfield Borough Council"),
    "LL": ("Cllr Lucy Lee", "Member", "North Hertfordshire District Council"),
    "MT": ("Cllr Mark Turner", "Member", "Broxbourne Borough Council"),
    "DL": ("David Lloyd", "Police and Crime Commissioner", "OPCC"),
    "FH": ("Ms Fran Hallam", "Chief Executive", "OPCC"),
    "BJ": ("ACC Bill Jephson", "Assistant Chief Constable", "Hertfordshire Constabulary"),
    "JM": ("Det Supt Jo Marsh", "Head of Public Protection", "Hertfordshire Constabulary"),
    "SC": ("Mrs Sally Crofts", "Panel Clerk", "Hertfordshire County Council"),
}
EXPECTED_ATTENDANCE = [
    (initials, STATUS[key], initials == CHAIR) for _, key, initials in PEOPLE_TYPED
]
# number, title, kind, body [(text, heading)], actions [(ref, text, owners, due)]
EXPECTED_ITEMS = [
    ("1", "Apologies and substitutions", ItemKind.MATTER, [(MINUTES["apologies"][0], False)], []),
    ("2", "Declarations of interest", ItemKind.MATTER, [(MINUTES["declarations"][0], False)], []),
    (
        "3",
        "Minutes of the meeting held on 16 July 2026",
        ItemKind.MATTER,
        [(MINUTES["minutes"][0], False)],
        [],
    ),
    (
        "4",
        "Police and Crime Commissioner's update",
        ItemKind.MATTER,
        [(t, False) for t in MINUTES["update"] + MINUTES["update later"]],
        [("01/26", ACTIONS["update"][0][1], ("DL",), NEXT)],
    ),
    (
        "5",
        "Knife crime in Hertfordshire",
        ItemKind.MATTER,
        [
            (MINUTES["knife"][0], False),
            (MINUTES["knife heading"], True),
            (MINUTES["knife more"][0], False),
        ],
        [
            ("02/26", ACTIONS["knife"][0][1], ("BJ", "JM"), date(2026, 10, 30)),
            ("03/26", ACTIONS["knife"][1][1], ("JM",), NEXT),
            (None, ACTIONS["knife"][2][1], ("SC",), date(2026, 10, 1)),
        ],
    ),
    (
        "6",
        "Complaints received",
        ItemKind.MATTER,
        [(MINUTES["complaints"][0], False)],
        [("04/26", ACTIONS["complaints"][0][1], ("SC", "FH"), None)],
    ),
    ("7", "Date of next meeting", ItemKind.NEXT_MEETING, [], []),
]


def _header(keys: Keys) -> None:
    keys.ctrl(K.Key_N)
    keys.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), HeaderDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, HeaderDialog)
    keys.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edits["title"])
    for value in (
        HEADER["title"],
        HEADER["series"],
        "17.09.26",
        "2pm",
        "4.30pm",
        HEADER["venue"],
        "",
        "15.10.26",
        "2 pm",
        "1630",
        HEADER["venue"],
    ):
        keys.replace(value)
        keys.tab()
    keys.enter()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()


def _people(keys: Keys, window: MainWindow) -> None:
    assert window.ws is not None
    pane = window.ws.attendees_pane
    keys.ctrl_shift(K.Key_P)
    for line, key, initials in PEOPLE_TYPED:
        keys.type(line)
        assert pane.initials_edit.text() == initials, line
        if initials == "JSM":
            assert pane.initials_note.isVisibleTo(pane)  # JS is Ms Janet Summers
        keys.tab()  # the initials as proposed
        keys.tab()  # the "as" box
        keys.type(key)
        keys.enter()  # Enter on the "as" box adds the person
        assert QApplication.focusWidget() is pane.person_line
    # The chair, chosen once the list is typed: down the table to Cllr Douris.
    keys.ctrl(K.Key_1)
    table = pane.table
    keys.press(K.Key_Home, Qt.KeyboardModifier.ControlModifier)
    while window.ws.attendees.initials_at(table.currentIndex().row()) != CHAIR:
        keys.press(K.Key_Down)
    keys.ctrl_shift(K.Key_C)


def _item(keys: Keys, title: str, *, insert: bool = False) -> None:
    if insert:
        keys.ctrl_alt(K.Key_I)
    else:
        keys.ctrl_shift(K.Key_I)
    keys.type(title)
    keys.enter()  # into its minutes


def _paragraphs(keys: Keys, paragraphs: list[str], *, first: bool = True) -> None:
    for n, text in enumerate(paragraphs):
        if n or not first:
            keys.enter()
        keys.type(text)


def _actions(keys: Keys, actions: list[tuple[bool, str, str, str]]) -> None:
    for numbered, text, owners, due in actions:
        if numbered:
            keys.ctrl(K.Key_Return)
        else:
            keys.ctrl_shift(K.Key_Return)
        keys.type(text)
        keys.tab()
        keys.type(owners)
        keys.tab()
        keys.type(due)
        keys.enter()  # back to the end of the minutes


def _as_data(minutes: Minutes) -> tuple[object, ...]:
    """The book's meeting over the keys the expectation names."""
    m = minutes.meeting
    nxt = m.next_meeting
    header = {
        "title": m.title,
        "series": m.series,
        "date": m.date,
        "start": m.start,
        "end": m.end,
        "venue": m.venue,
        "next": (nxt.date, nxt.start, nxt.end, nxt.venue) if nxt else None,
    }
    people = {p.initials: (p.name, p.role, p.organisation) for p in minutes.people}
    attendance = [(a.initials, a.status.value, a.chair) for a in minutes.attendance]
    items = [
        (
            i.number,
            i.title,
            i.kind,
            [(p.text, p.heading) for p in i.body],
            [(str(a.ref) if a.ref else None, a.text, a.owners, a.due) for a in i.actions],
        )
        for i in minutes.items
    ]
    return header, people, attendance, items


def test_a_police_and_crime_panel_typed_out_of_order_by_keyboard(
    make_window: WindowFactory, empty_book: Path, keys: Keys, schema_v2_path: Path
) -> None:
    window = make_window(empty_book)
    _header(keys)
    _people(keys, window)

    # The items as the meeting took them, not as the agenda lists them: the minutes of
    # the last meeting were forgotten and go in after item 2 later.
    _item(keys, "Apologies and substitutions")
    _paragraphs(keys, MINUTES["apologies"])
    _item(keys, "Declarations of interest")
    _paragraphs(keys, MINUTES["declarations"])
    _item(keys, "Police and Crime Commissioner's update")
    _paragraphs(keys, MINUTES["update"])
    _actions(keys, ACTIONS["update"])
    _item(keys, "Knife crime in Hertfordshire")
    _paragraphs(keys, MINUTES["knife"])
    keys.enter()
    keys.type(MINUTES["knife heading"])
    keys.ctrl_shift(K.Key_H)
    _paragraphs(keys, MINUTES["knife more"], first=False)
    _actions(keys, ACTIONS["knife"])
    _item(keys, "Date of next meeting")
    keys.ctrl_alt(K.Key_N)
    _item(keys, "Complaints received")  # after the next-meeting row: moved up
    _paragraphs(keys, MINUTES["complaints"])
    _actions(keys, ACTIONS["complaints"])
    keys.ctrl(K.Key_2)
    keys.ctrl_shift(K.Key_Up)
    item_by_keys(keys, window, 2)
    _item(keys, "Minutes of the meeting held on 16 July 2026", insert=True)
    _paragraphs(keys, MINUTES["minutes"])
    item_by_keys(keys, window, 4)  # back to the update: its minutes continue at the end
    _paragraphs(keys, MINUTES["update later"], first=False)

    window.close()
    with Book.open(empty_book, read_only=True) as book:
        minutes = book.minutes(book.resolve_meeting("latest"))
    header, people, attendance, items = _as_data(minutes)
    assert header == HEADER
    assert people == EXPECTED_PEOPLE
    assert attendance == EXPECTED_ATTENDANCE
    assert len(people) >= 15
    for got, want in zip(items, EXPECTED_ITEMS, strict=True):
        assert got == want, want[1]

    exported = interchange.to_document(minutes)
    jsonschema.validate(exported, json.loads(schema_v2_path.read_text(encoding="utf-8")))
    assert exported["meeting"]["audit"] == []  # nothing dated by the day the test ran
    assert exported == json.loads(EXPECTED_JSON.read_text(encoding="utf-8"))
