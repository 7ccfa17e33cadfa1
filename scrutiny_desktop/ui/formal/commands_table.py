"""The formal parts' commands for the window's table (``commands_menu.COMMANDS``): names,
menus, texts and shortcuts, and the controllers' methods that carry them out.

Shortcuts are chosen clear of the table's, of the text editor's standard keys, of
Ctrl+Shift+U (IBus takes it for Unicode entry), Ctrl+Shift+V (paste as plain text
elsewhere), Ctrl+Shift+Z (redo on Linux), F7 (spelling, by habit), F10 and F11 (menu
bar and full screen on some desktops), and of Ctrl+Alt+letters (AltGr on Windows:
Polish ą ć ę ł ń ó ś ź ż). ``tests/ui/formal/test_commands_table.py`` checks them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from scrutiny_desktop.ui.commands_menu import Command

if TYPE_CHECKING:  # the table is read at start-up; the controllers are made later
    from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
    from scrutiny_desktop.ui.formal.moments_controller import MomentsController
    from scrutiny_desktop.ui.formal.series_controller import SeriesController

S = QKeySequence.StandardKey
FORMAL_COMMANDS = (
    Command("go_item_details", "&View", "Go to item de&tails", "Ctrl+5"),
    Command("decisions_register", "&View", "&Decisions register", "Ctrl+6"),
    Command("declarations_register", "&View", "Dec&larations register", "Ctrl+7"),
    Command("declaration", "&Item", "De&claration of interest", "Ctrl+Shift+L"),
    Command("no_declarations", "&Item", "No declara&tions of interest", "Ctrl+Shift+J"),
    Command("delete_declaration", "&Item", "Delete declaration", S.Delete),
    Command("resolution", "&Item", "Re&solution", "Ctrl+Shift+Y"),
    Command("recorded_vote", "&Item", "Recorded &vote…", "Ctrl+Shift+F"),
    Command("delete_resolution", "&Item", "Delete resolution", S.Delete),
    Command("item_time", "&Item", "Ti&me the item was reached", "Ctrl+Shift+W"),
    Command("assurance", "&Item", "&Assurance", "Ctrl+Shift+A"),
    Command("exempt", "&Item", "Schedule 12A &paragraphs and public summary", "Ctrl+Shift+X"),
    Command("exclusion", "&Item", "Draft the &exclusion resolution", "Ctrl+Shift+Q"),
    Command("arrived_now", "&People", "Arri&ved now", "F6"),
    Command("left_now", "&People", "&Left now", "Shift+F6"),
    Command("substitute", "&People", "&Substitute for…", "Shift+F12"),
    Command("attendance_moments", "&People", "Arrival and de&parture…", "F12"),
    Command("series_settings", "&Meeting", "Series se&ttings…", "Shift+F4"),
)
"""``delete_declaration`` and ``delete_resolution`` are Del in their table only, as the
window's other deletes are: add their QActions to ``pane.declarations_table`` and
``pane.resolutions_table``. Without them the pane still deletes on Del itself."""


def formal_slots(
    details: ItemDetailsController, moments: MomentsController, series: SeriesController
) -> dict[str, Callable[[], None]]:
    """Each command's method (for ``commands_menu.build_menus``'s ``slots``)."""
    pane, fields = details.pane, details.fields
    return {
        "go_item_details": lambda: pane.focus_time(),
        "declaration": lambda: pane.focus_declaration(),
        "no_declarations": lambda: details.no_declarations(),
        "delete_declaration": lambda: details.delete_current("declaration"),
        "resolution": lambda: pane.focus_resolution(),
        "recorded_vote": lambda: details.record_vote(),
        "delete_resolution": lambda: details.delete_current("resolution"),
        "item_time": lambda: fields.stamp_time(),
        "assurance": lambda: pane.focus_assurance(),
        "exempt": lambda: pane.focus_exempt(),
        "exclusion": lambda: fields.draft_exclusion(),
        **moments.slots(),
        **series.slots(),
    }
