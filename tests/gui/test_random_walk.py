"""A seeded random walk through the window by keys (issue 12, "Must show" 2).

Each step is something a minute-taker does: type a word or a paragraph into the
minutes, raise an action (numbered or not) and finish it with Enter, move to another
item (Ctrl+2, arrows, Ctrl+3) or to another pane and back by its shortcut, add an
attendee from the one-line entry, undo, redo. After every step the book is read back
and checked:

* every character typed is in the field that had the keyboard when it was typed (the
  minutes where the cursor was, the action's text, owners and due cells, the attendee
  line) and nowhere else: the whole meeting, the people directory included, equals
  what it was with exactly that change;
* a step that types nothing changes nothing;
* undo goes back to the state the book had at the end of an earlier step, exactly,
  and redo forward again (Ctrl+Z / Ctrl+Y pressed until the undo stack is back at
  that step's position: a step may be several undo steps, a word each).

``SCRUTINY_WALK_STEPS`` sets the number of steps (300 by default, the run in
``make test``), ``SCRUTINY_WALK_SEED`` the seed (12 by default); a failure names both
and the last steps taken.
"""

from __future__ import annotations

import hashlib
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from scrutiny_desktop.domain.model import (
    Action,
    Attendance,
    AttendanceStatus,
    Item,
    Minutes,
    Person,
)
from scrutiny_desktop.ui.main_window import MainWindow
from tests.gui.conftest import Keys, WindowFactory

K = Qt.Key
STEPS = int(os.environ.get("SCRUTINY_WALK_STEPS", "300"))
SEED = int(os.environ.get("SCRUTINY_WALK_SEED", "12"))

WORDS = [
    "Panel",
    "noted",
    "the",
    "report",
    "members",
    "asked",
    "about",
    "response",
    "times",
    "in",
    "rural",
    "areas",
    "burglary",
    "fell",
    "by",
    "six",
    "per",
    "cent",
    "Commissioner",
    "agreed",
    "to",
    "circulate",
    "the",
    "plan",
    "R&D",
    "<draft>",
    "50%",
    "Ŵyn",
    "Żak",
    "café",
    "naïve",
    "£3,000",
    "(see",
    "item",
    "4)",
    "'legal",
    "highs'",
    "co-opted",
]
# Known initials, and some the book has never seen (named by the action, bare).
OWNERS = ("SH", "LW", "TB", "PL", "TS", "WK", "SH/CF", "LW, TB", "GM", "XY", "SH/QV")
DUES = {
    "12.03.15": date(2015, 3, 12),
    "12/3": date(2015, 3, 12),
    "next meeting": date(2015, 3, 26),
    "": None,
    "after Easter": None,  # kept as typed, marked
}
FIRST = ("Anna", "Bryn", "Carys", "Dafydd", "Elin", "Ffion", "Gareth", "Huw", "Iwan", "Jon")
SYLLABLES = ("bar", "cor", "dun", "fel", "gar", "hol", "ker", "lan", "mor", "nes", "pen")
ROLES = ("Independent Member", "Panel Member", "Analyst", "Inspector")
ORGS = ("Hertfordshire PCP", "OPCC", "Herts Police", "Watford BC")
AS_KEYS = {
    "p": AttendanceStatus.PRESENT,
    "a": AttendanceStatus.APOLOGIES,
    "i": AttendanceStatus.IN_ATTENDANCE,
}
MAX_PEOPLE = 60  # beyond that the walk adds no more (a long run stays quick to read back)


RECENT = 40  # whole states kept for failure messages


def digest(state: State) -> str:
    """A state's fingerprint: equal states (frozen dataclasses, reprs in field order)
    have equal digests."""
    return hashlib.sha256(repr(state).encode()).hexdigest()


@dataclass(frozen=True)
class State:
    """What the book holds for the meeting, and its people directory."""

    minutes: Minutes
    people: tuple[Person, ...]


class Walk:
    """The window, the keys, and what the checks need to remember between steps."""

    def __init__(self, window: MainWindow, keys: Keys, rng: random.Random) -> None:
        assert window.ws is not None and window.ws.session.meeting_id is not None
        self.window, self.keys, self.rng = window, keys, rng
        self.ws = window.ws
        self.meeting_id = window.ws.session.meeting_id
        self.log: list[str] = []
        # The state at the end of each step, by the undo stack's index then: a digest of
        # each (a long walk keeps thousands), and the recent ones whole, to show what differs.
        self.states: dict[int, str] = {}
        self.recent: dict[int, State] = {}
        self.names: set[str] = set()
        # Where the cursor was left in each item's minutes (forgotten by undo and redo,
        # which may change them), and the items whose minutes have been entered.
        self.cursors: dict[int, int] = {}
        self.entered: set[int] = set()

    # ------------------------------------------------------------ reading

    def state(self) -> State:
        self.ws.flush()
        book = self.ws.book
        return State(book.minutes(self.meeting_id), tuple(book.people()))

    def item(self, state: State, item_id: int) -> Item:
        return next(i for i in state.minutes.items if i.id == item_id)

    def with_item(self, state: State, item: Item) -> State:
        items = tuple(item if i.id == item.id else i for i in state.minutes.items)
        return replace(state, minutes=replace(state.minutes, items=items))

    def differences(self, got: State, want: State) -> str:
        """Where two states differ, item by item (for a failure's message)."""
        out = []
        if got.people != want.people:
            out.append(f"people: {set(got.people) ^ set(want.people)}")
        for field in ("people", "attendance"):
            if getattr(got.minutes, field) != getattr(want.minutes, field):
                out.append(f"meeting {field} differ")
        for g, w in zip(got.minutes.items, want.minutes.items, strict=False):
            for field in ("title", "body", "actions", "updates"):
                if getattr(g, field) != getattr(w, field):
                    out.append(
                        f"item {g.number} {field}:\n    got  {getattr(g, field)}\n    want {getattr(w, field)}"
                    )
        return "\n".join(out) or "no difference"

    def check(self, index: int, message: str) -> None:
        """The book must be as it was at the end of the step that left the stack at ``index``."""
        got = self.state()
        if digest(got) == self.states[index]:
            return
        want = self.recent.get(index)
        shown = self.differences(got, want) if want is not None else "(an older state)"
        raise AssertionError(self.fail(f"{message}\n{shown}"))

    def fail(self, message: str) -> str:
        steps = "\n  ".join(self.log[-15:])
        return f"seed {SEED}, step {len(self.log)}: {message}\nlast steps:\n  {steps}"

    # ------------------------------------------------------------ typing

    def type(self, text: str) -> None:
        """Type ``text`` where the keyboard is; letters outside ASCII as an input method
        sends them (QTest only types ASCII)."""
        for ch in text:
            focus = self.keys.focus()
            if ord(ch) < 128:
                self.keys.qtbot.keyClicks(focus, ch)
            else:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    event = QKeyEvent(kind, K.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                    QApplication.sendEvent(focus, event)

    def words(self, n: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def to_minutes(self) -> None:
        if QApplication.focusWidget() is not self.ws.agenda_pane.editor:
            self.keys.ctrl(K.Key_3)
        assert QApplication.focusWidget() is self.ws.agenda_pane.editor, self.fail("no minutes")

    # ------------------------------------------------------------ steps

    def type_minutes(self, new_paragraph: bool) -> None:
        self.to_minutes()
        editor = self.ws.agenda_pane.editor
        item_id = self.ws.agenda_pane.item_id
        assert item_id is not None
        before = self.state()
        old, pos = editor.toPlainText(), editor.textCursor().position()
        text = self.words(self.rng.randint(1, 4))
        if new_paragraph:
            self.keys.enter()
            typed = "\n" + text
        else:
            lead = "" if pos == 0 or old[pos - 1].isspace() else " "
            typed = lead + text
            self.type(lead)
        self.type(text)
        self.log.append(f"typed {typed!r} into the minutes of item {item_id} at {pos}")
        want_text = old[:pos] + typed + old[pos:]
        assert editor.toPlainText() == want_text, self.fail("the editor has other text")
        after = self.state()
        body = self.item(after, item_id).body
        want_body = [b for b in want_text.split("\n") if b.strip()]
        assert [p.text for p in body] == want_body, self.fail("the book has other minutes")
        expected = self.with_item(before, replace(self.item(before, item_id), body=body))
        assert after == expected, self.fail("typing in the minutes changed something else")

    def raise_action(self) -> None:
        self.to_minutes()
        editor = self.ws.agenda_pane.editor
        item_id = self.ws.agenda_pane.item_id
        assert item_id is not None
        before = self.state()
        pos = editor.textCursor().position()
        numbered = self.rng.random() < 0.8
        text = self.words(self.rng.randint(2, 5))
        owners = self.rng.choice(OWNERS)
        due = self.rng.choice(list(DUES))
        self.keys.press(
            K.Key_Return,
            Qt.KeyboardModifier.ControlModifier
            | (Qt.KeyboardModifier.NoModifier if numbered else Qt.KeyboardModifier.ShiftModifier),
        )
        self.type(text)
        self.keys.tab()
        self.type(owners)
        self.keys.tab()
        self.type(due)
        self.keys.enter()
        self.log.append(
            f"raised {'an' if numbered else 'an unnumbered'} action {text!r} {owners!r} {due!r}"
            f" in item {item_id}"
        )
        assert QApplication.focusWidget() is editor, self.fail("Enter left the minutes")
        assert editor.textCursor().position() == pos, self.fail("the cursor moved")
        after = self.state()
        old_actions = self.item(before, item_id).actions
        new_actions = self.item(after, item_id).actions
        assert new_actions[:-1] == old_actions, self.fail("other actions changed")
        got = new_actions[-1]
        want_owners = tuple(o.strip() for o in owners.replace(",", "/").split("/"))
        want = Action(
            id=got.id,
            ref=got.ref,
            text=text,
            owners=want_owners,
            due=DUES[due],
            due_text="after Easter" if due == "after Easter" else None,
        )
        assert got == want, self.fail(f"the action is {got}")
        assert (got.ref is not None) == numbered, self.fail("numbering")
        old_refs = {a.ref for i in before.minutes.items for a in i.actions if a.ref is not None}
        assert got.ref not in old_refs, self.fail("a reference used twice")
        expected = self.with_item(before, replace(self.item(before, item_id), actions=new_actions))
        # Owners the book did not know are added to it, named in the meeting.
        known = {p.initials for p in before.people}
        bare = tuple(Person(o) for o in want_owners if o not in known)
        expected = replace(
            expected,
            people=tuple(sorted((*before.people, *bare), key=lambda p: p.initials)),
            minutes=replace(expected.minutes, people=(*before.minutes.people, *bare)),
        )
        assert after == expected, self.fail(
            f"raising an action changed something else\n{self.differences(after, expected)}"
        )

    def go_item(self) -> None:
        before = self.state()
        editor = self.ws.agenda_pane.editor
        left = self.ws.agenda_pane.item_id
        if left is not None:
            self.cursors[left] = editor.textCursor().position()
            self.entered.add(left)
        self.keys.ctrl(K.Key_2)
        view = self.ws.agenda_pane.items_view
        target = self.rng.randrange(self.ws.items.rowCount())
        while view.currentIndex().row() != target:
            self.keys.press(K.Key_Down if view.currentIndex().row() < target else K.Key_Up)
        self.keys.ctrl(K.Key_3)
        item_id, pos = self.ws.agenda_pane.item_id, editor.textCursor().position()
        self.log.append(f"went to item {target + 1}, cursor {pos}")
        assert QApplication.focusWidget() is editor, self.fail("Ctrl+3 did not reach the minutes")
        assert item_id is not None
        if item_id in self.cursors:
            assert pos == self.cursors[item_id], self.fail("not back where the cursor was")
        elif item_id not in self.entered:
            end = len(editor.toPlainText())
            assert pos == end, self.fail(f"not at the end of the minutes ({end})")
        self.entered.add(item_id)
        assert self.state() == before, self.fail("moving between items changed the book")

    def go_pane(self) -> None:
        editor = self.ws.agenda_pane.editor
        self.to_minutes()
        before, pos, item_id = (
            self.state(),
            editor.textCursor().position(),
            self.ws.agenda_pane.item_id,
        )
        shortcut = self.rng.choice(("Ctrl+1", "Ctrl+4", "Ctrl+Shift+P", "Ctrl+2"))
        if shortcut == "Ctrl+Shift+P":
            self.keys.ctrl_shift(K.Key_P)
        else:
            self.keys.ctrl({"Ctrl+1": K.Key_1, "Ctrl+4": K.Key_4, "Ctrl+2": K.Key_2}[shortcut])
        self.keys.ctrl(K.Key_3)
        self.log.append(f"{shortcut}, then back to the minutes")
        assert QApplication.focusWidget() is editor, self.fail("not back in the minutes")
        assert self.ws.agenda_pane.item_id == item_id, self.fail("another item")
        assert editor.textCursor().position() == pos, self.fail("the cursor moved")
        assert self.state() == before, self.fail("moving between panes changed the book")

    def add_attendee(self) -> None:
        before = self.state()
        if len(before.people) >= MAX_PEOPLE:
            return
        name = self.new_name()
        role, org = self.rng.choice(ROLES), self.rng.choice(ORGS)
        key = self.rng.choice(list(AS_KEYS))
        self.keys.ctrl_shift(K.Key_P)
        self.type(f"{name}, {role}, {org}")
        self.keys.tab()
        self.keys.tab()
        self.type(key)
        self.keys.enter()
        self.log.append(f"added {name!r} as {AS_KEYS[key].label}")
        after = self.state()
        new = [p for p in after.people if p not in before.people]
        assert len(new) == 1, self.fail(f"people added: {new}")
        person = new[0]
        assert (person.name, person.role, person.organisation) == (name, role, org), self.fail(
            f"the person is {person}"
        )
        assert after.minutes.attendance == (
            *before.minutes.attendance,
            Attendance(person.initials, AS_KEYS[key]),
        ), self.fail("attendance")
        expected = replace(
            before,
            people=after.people,
            minutes=replace(
                before.minutes,
                people=(*before.minutes.people, person),
                attendance=after.minutes.attendance,
            ),
        )
        assert after == expected, self.fail("adding an attendee changed something else")
        assert {p for p in after.people if p != person} == set(before.people)

    def new_name(self) -> str:
        while True:
            surname = "".join(self.rng.choice(SYLLABLES) for _ in range(2)).capitalize()
            name = f"{self.rng.choice(FIRST)} {surname}"
            # Not a name already used, nor the start of one (the line would complete it).
            if not any(n.startswith(name) or name.startswith(n) for n in self.names):
                self.names.add(name)
                return name

    def undo(self) -> None:
        stack = self.window.stack
        earlier = [i for i in self.states if i < stack.index()]
        if not earlier:
            return
        target = max(earlier)
        presses = 0
        while stack.index() > target:
            self.keys.ctrl(K.Key_Z)
            presses += 1
            assert presses <= 200, self.fail("undo does not move")
        self.log.append(f"undid {presses} step(s) back to {target}")
        self.cursors.clear()
        self.check(target, "undo did not restore the book")

    def redo(self) -> None:
        stack = self.window.stack
        later = [i for i in self.states if stack.index() < i <= stack.count()]
        if not later:
            return
        target = min(later)
        presses = 0
        while stack.index() < target:
            self.keys.ctrl(K.Key_Y)
            presses += 1
            assert presses <= 200, self.fail("redo does not move")
        self.log.append(f"redid {presses} step(s) to {target}")
        self.cursors.clear()
        self.check(target, "redo did not restore the book")

    # ------------------------------------------------------------ the walk

    def remember(self, started_at: int | None) -> None:
        """The state at the end of this step, at the undo stack's index. An edit made at
        ``started_at`` drops every state beyond it: redo could only have reached them."""
        stack = self.window.stack
        if started_at is not None and stack.index() != started_at:
            for i in [i for i in self.states if i > started_at]:
                del self.states[i]
                self.recent.pop(i, None)
        state = self.state()
        self.states[stack.index()] = digest(state)
        self.recent[stack.index()] = state
        for i in sorted(self.recent)[:-RECENT]:
            del self.recent[i]

    def run(self, steps: int) -> None:
        self.remember(self.window.stack.index())
        choices: list[tuple[float, Callable[[], None], bool]] = [
            (30, lambda: self.type_minutes(False), True),
            (8, lambda: self.type_minutes(True), True),
            (12, self.raise_action, True),
            (10, self.go_item, True),
            (8, self.go_pane, True),
            (5, self.add_attendee, True),
            (15, self.undo, False),
            (12, self.redo, False),
        ]
        weights = [w for w, _, _ in choices]
        for _ in range(steps):
            _, step, edits = self.rng.choices(choices, weights)[0]
            started_at = self.window.stack.index()
            step()
            self.remember(started_at if edits else None)


def test_a_random_walk_of_typing_actions_moves_attendees_undo_and_redo(
    make_window: WindowFactory, example_book: Path, keys: Keys
) -> None:
    window = make_window(example_book)
    walk = Walk(window, keys, random.Random(SEED))
    walk.run(STEPS)
    assert len(walk.log) > STEPS // 2  # most steps did something
