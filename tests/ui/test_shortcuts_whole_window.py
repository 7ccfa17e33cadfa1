"""Every command of the window, whichever table it comes from, has a key of its own and a
menu letter of its own; the window binds every one of them to a controller's method."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QKeySequence

from scrutiny_desktop.ui.command_table import ALL_COMMANDS, PANE_TOGGLES

P = QKeySequence.SequenceFormat.PortableText
DEL = QKeySequence.StandardKey.Delete  # Del: in the focused list only, one list each


def _keys(key: QKeySequence.StandardKey | str) -> list[str]:
    if isinstance(key, str):
        return [QKeySequence(key).toString(P)] if key else []
    return [k.toString(P) for k in QKeySequence.keyBindings(key)]


def test_no_two_commands_share_a_key(qapp: object) -> None:
    used = [k for c in ALL_COMMANDS if c.keys != DEL for k in _keys(c.keys)]
    used += [key for _, key in PANE_TOGGLES]
    assert [k for k, n in Counter(used).items() if n > 1] == []


def test_no_two_commands_of_a_menu_share_a_letter() -> None:
    letters = [
        (c.menu, c.text[c.text.index("&") + 1].lower()) for c in ALL_COMMANDS if "&" in c.text
    ]
    assert [pair for pair, n in Counter(letters).items() if n > 1] == []


def test_names_are_unique() -> None:
    assert [n for n, k in Counter(c.name for c in ALL_COMMANDS).items() if k > 1] == []
