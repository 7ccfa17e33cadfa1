"""Every command of the window, in menu order: the panes' and the meeting's (``COMMANDS``),
the formal parts' and the writing aids'. The menus, the shortcuts dialog, the README's
table and the tests that no two commands share a key are all made from it."""

from __future__ import annotations

from scrutiny_desktop.ui.commands_menu import COMMANDS, Command
from scrutiny_desktop.ui.controllers.writing import WRITING_COMMANDS
from scrutiny_desktop.ui.formal.commands_table import FORMAL_COMMANDS

ALL_COMMANDS: tuple[Command, ...] = (*COMMANDS, *FORMAL_COMMANDS, *WRITING_COMMANDS)
PANE_TOGGLES = (("attendees", "Alt+Shift+1"), ("agenda", "Alt+Shift+2"), ("actions", "Alt+Shift+3"))
"""View ▸ the first screen's panes, shown and hidden (Qt's own dock toggles)."""
