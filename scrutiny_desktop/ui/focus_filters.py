"""Key filters installed on a widget when it first has the keyboard, not when it is made.

The first event that passes through any Python event filter costs PySide6 about 6 ms (it
makes the Python types of every ``QEvent`` subclass, to know which one it was given), and
a filter installed when the window is built sees the resizes and paints of the first
screen. A filter that only looks at keys needs to see none of those: keys (and the
``ShortcutOverride`` before each) go only to the widget with the focus, and Qt says which
widget has it (``QApplication.focusChanged``, a signal: no event passes through Python)
before any key reaches it. So the filter is installed at that moment.

Filters on one widget see a key newest first: a filter that only watches keys and must
see them before one that consumes them is installed this way too, after it (the item
time's keystrokes, after the progress keys on the updates table).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget


class InstallOnFocus(QObject):
    """Installs ``event_filter`` on each of ``widgets`` the first time it has the focus
    (at once on one that has it already); lives, and stops, with ``event_filter``."""

    def __init__(self, event_filter: QObject, widgets: Iterable[QWidget]) -> None:
        super().__init__(event_filter)
        self._filter = event_filter
        self._waiting = list(widgets)
        self._done = False
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            self._install_all()  # no focus to follow (a model test): as before
            return
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, QApplication.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self._waiting:
            if widget is new:
                widget.installEventFilter(self._filter)
                self._waiting.remove(widget)
                break
        if not self._waiting and not self._done:
            self._done = True
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusChanged.disconnect(self._focus_changed)

    def _install_all(self) -> None:
        for widget in self._waiting:
            widget.installEventFilter(self._filter)
        self._waiting = []
