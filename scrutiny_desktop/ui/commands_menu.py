"""The window's commands: names, shortcuts and menus, declared in tables (``COMMANDS`` here,
the formal and writing parts' beside their controllers; ``command_table.ALL_COMMANDS``
is every one), and the menus made from them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class Command:
    name: str
    menu: str
    text: str
    keys: Key  # "": none (the menu is the way to it)
    checkable: bool = False
    icon: str | None = None  # a QStyle.StandardPixmap name: every style draws these
    also: tuple[Key, ...] = ()  # more shortcuts, not shown in the menu


S = QKeySequence.StandardKey
COMMANDS = (
    Command("new_book", "&File", "New &book…", "Ctrl+Shift+N", icon="SP_FileIcon"),
    Command("open_book", "&File", "&Open book…", S.Open, icon="SP_DialogOpenButton"),
    Command("open_example", "&File", "Open a copy of the &example meeting", "Ctrl+Shift+E"),
    Command("export_pdf", "&File", "Export &PDF…", "Ctrl+P", icon="SP_FileDialogDetailedView"),
    Command("export_public_pdf", "&File", "Export p&ublic PDF…", "Ctrl+Shift+B"),
    Command("export_json", "&File", "Export &JSON…", "Ctrl+J"),
    Command("circulate", "&File", "C&irculation drafts (e-mail)…", "Ctrl+E"),
    Command("save_copy", "&File", "Save a &copy…", "Ctrl+Shift+S", icon="SP_DialogSaveButton"),
    Command("quit", "&File", "&Quit", "Ctrl+Q", icon="SP_DialogCloseButton"),
    Command("undo", "&Edit", "&Undo", S.Undo, icon="SP_ArrowBack"),
    # Ctrl+Y everywhere (Qt's Redo is Ctrl+Shift+Z only on Linux), and the platform's own.
    Command("redo", "&Edit", "&Redo", "Ctrl+Y", icon="SP_ArrowForward", also=(S.Redo,)),
    Command("new_meeting", "&Meeting", "&New meeting…", S.New, icon="SP_FileDialogNewFolder"),
    Command("header", "&Meeting", "Meeting &header…", "F4"),
    Command("pick_meeting", "&Meeting", "&Go to meeting…", "Ctrl+G"),
    Command("new_meeting_after", "&Meeting", "New meeting &after this one…", "Ctrl+Shift+T"),
    Command("agree_previous", "&Meeting", "Agree &previous minutes…", "Ctrl+Shift+G"),
    Command(
        "sign_off",
        "&Meeting",
        "&Sign off these minutes…",
        "Ctrl+Shift+O",
        icon="SP_DialogApplyButton",
    ),
    Command("reopen", "&Meeting", "&Reopen signed-off minutes…", "Ctrl+Shift+K"),
    Command("verify", "&Meeting", "&Verify fingerprint", "F9"),
    Command("add_person", "&People", "&Add person", "Ctrl+Shift+P"),
    Command("person_details", "&People", "Add &details for new person", "Ctrl+Shift+D"),
    Command("chair", "&People", "Mark as &chair", "Ctrl+Shift+C"),
    Command("remove_person", "&People", "&Remove from meeting", S.Delete),
    Command("new_item", "&Item", "&New item", "Ctrl+Shift+I"),
    Command("insert_item", "&Item", "Insert item a&fter this one", "Ctrl+Alt+I"),
    Command("move_up", "&Item", "Move item &up", "Ctrl+Shift+Up"),
    Command("move_down", "&Item", "Move item &down", "Ctrl+Shift+Down"),
    Command("delete_item", "&Item", "De&lete item", S.Delete, icon="SP_TrashIcon"),
    Command("heading", "&Item", "Sub-&heading", "Ctrl+Shift+H"),
    Command("restricted_paragraph", "&Item", "&Restricted paragraph", "Ctrl+Shift+R"),
    # Ctrl+Shift+8 as in Google Docs (Word's Ctrl+Shift+L is a declaration here).
    Command("bullet", "&Item", "&Bulleted paragraph", "Ctrl+Shift+8"),
    Command("restricted_item", "&Item", "Restricted &item", "Ctrl+Alt+R", checkable=True),
    Command("next_meeting_item", "&Item", "Ne&xt-meeting row", "Ctrl+Alt+N", checkable=True),
    Command("new_action", "&Actions", "&New action", "Ctrl+Return"),
    Command("new_unnumbered", "&Actions", "New &unnumbered action", "Ctrl+Shift+Return"),
    Command("delete_action", "&Actions", "&Delete action", S.Delete, icon="SP_TrashIcon"),
    Command("add_update", "&Actions", "Add update &on an earlier action", "Ctrl+Shift+M"),
    Command("delete_update", "&Actions", "Delete u&pdate", S.Delete),
    Command("action_history", "&Actions", "Action &history…", "Ctrl+H"),
    Command("go_attendees", "&View", "Go to &attendees", "Ctrl+1"),
    Command("go_items", "&View", "Go to agenda &items", "Ctrl+2"),
    Command("go_body", "&View", "Go to the &minutes", "Ctrl+3"),
    Command("go_actions", "&View", "Go to a&ctions", "Ctrl+4"),
    Command("register", "&View", "Action &register", "Ctrl+R", icon="SP_FileDialogListView"),
    Command("search", "&View", "&Search all meetings", S.Find, icon="SP_FileDialogContentsView"),
    Command(
        "shortcuts", "&Help", "&Keyboard shortcuts", S.HelpContents, icon="SP_DialogHelpButton"
    ),
    Command(
        "about", "&Help", "&About Scrutiny Desktop", "Ctrl+F1", icon="SP_MessageBoxInformation"
    ),
)


def build_menus(
    window: QMainWindow, commands: Sequence[Command], slots: dict[str, Callable[[], None]]
) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """Create every QAction (shortcut shown in its menu) and the menus holding them.

    Icons are only seen in an open menu: each menu draws its own the first time it
    opens (``QStyle`` and the icons cost about 8 ms, not spent before the first paint).
    """
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    icons = {c.name: c.icon for c in commands if c.icon is not None}
    for c in commands:
        menu = menus.get(c.menu)
        if menu is None:
            menu = window.menuBar().addMenu(c.menu)
            menu.aboutToShow.connect(lambda m=menu: set_icons(window, m, icons))
            menus[c.menu] = menu
        action = QAction(c.text, window)
        action.setObjectName(c.name)
        keys = [QKeySequence(c.keys)] if c.keys else []
        for k in c.also:
            more = QKeySequence.keyBindings(k) if isinstance(k, S) else [QKeySequence(k)]
            keys += [m for m in more if m not in keys]
        action.setShortcuts(keys)
        action.setCheckable(c.checkable)
        action.triggered.connect(slots[c.name])
        menu.addAction(action)
        if c.keys == S.Delete:
            # Del deletes what the focused list shows: the window adds it to that view.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        actions[c.name] = action
    return actions, menus


def set_icons(window: QMainWindow, menu: QMenu, icons: dict[str, str]) -> None:
    """Give the menu's commands their icons (once; later calls find them set)."""
    from PySide6.QtWidgets import QStyle

    for action in menu.actions():
        name = icons.get(action.objectName())
        if name is not None and action.icon().isNull():
            action.setIcon(window.style().standardIcon(getattr(QStyle.StandardPixmap, name)))
