"""Where the window shows panes: the three first-screen docks, and the ones made later
(register, search, item details, ...) beside them. Handed to controllers in the context,
so that none of them reaches the window itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

FIRST_SCREEN = (("attendees", "Attendees"), ("agenda", "Agenda"), ("actions", "Actions"))


class Docks:
    """The window's docks by key; more are added when a pane is first asked for."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self.by_key: dict[str, QDockWidget] = {}
        for key, title in FIRST_SCREEN:
            self.by_key[key] = self._make(key, title)
        window.setDockNestingEnabled(True)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.by_key["attendees"])
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.by_key["agenda"])
        window.splitDockWidget(
            self.by_key["agenda"], self.by_key["actions"], Qt.Orientation.Vertical
        )
        self._agenda_height: int | None = None  # before a register took room, if one did

    def __getitem__(self, key: str) -> QDockWidget:
        return self.by_key[key]

    def _make(self, key: str, title: str) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(f"dock_{key}")
        return dock

    def show(self, key: str) -> None:
        """Show and raise a dock (a tabbed one comes to the front)."""
        dock = self.by_key[key]
        dock.show()
        dock.raise_()

    def add(
        self, key: str, title: str, widget: QWidget, beside: str, *, split: bool = False
    ) -> QDockWidget:
        """A dock for a pane made later: where the saved layout had it, else tabbed with
        (or, ``split``, below) ``beside``."""
        dock = self._make(key, title)
        dock.setWidget(widget)
        if not self._window.restoreDockWidget(dock):
            area = self._window.dockWidgetArea(self.by_key[beside])
            self._window.addDockWidget(area, dock)
            if split:
                self._window.splitDockWidget(self.by_key[beside], dock, Qt.Orientation.Vertical)
            else:
                self._window.tabifyDockWidget(self.by_key[beside], dock)
        self.by_key[key] = dock
        return dock

    def beside_the_minutes(self, key: str) -> bool:
        """Whether the dock shares the minutes' column (so taking room from them shows it)."""
        area = self._window.dockWidgetArea
        return area(self.by_key[key]) == area(self.by_key["agenda"])

    def take_room(self, key: str) -> None:
        """A register wants rows: the minutes give it room (given back by ``give_room_back``)."""
        if self._agenda_height is None:
            self._agenda_height = self.by_key["agenda"].height()
        height = self._window.height()
        self._window.resizeDocks(
            [self.by_key["agenda"], self.by_key[key]],
            [height // 3, height],
            Qt.Orientation.Vertical,
        )

    def give_room_back(self, below: str = "actions") -> None:
        """The minutes' height as it was before a register took room, if one did: when the
        register closes, when the minutes get the keyboard, before the layout is kept."""
        if self._agenda_height is None:
            return
        height, self._agenda_height = self._agenda_height, None
        agenda, under = self.by_key["agenda"], self.by_key[below]
        rest = max(1, agenda.height() + under.height() - height)
        self._window.resizeDocks([agenda, under], [height, rest], Qt.Orientation.Vertical)

    def set_panes(self, widgets: dict[str, QWidget]) -> None:
        """The open book's panes in the first-screen docks, shown."""
        for key, widget in widgets.items():
            self.by_key[key].setWidget(widget)
            self.by_key[key].show()

    def hide_all(self) -> None:
        for dock in self.by_key.values():
            dock.hide()
