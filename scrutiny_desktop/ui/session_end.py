"""When the session ends (logout, shutdown, SIGTERM, SIGHUP, quit), the typing is saved first.

What is typed reaches the book within the save delay (half a second), but a logout or
``kill`` inside that half second lost it: SIGTERM's default action ends the process at
once. So:

* SIGTERM and SIGHUP close the window as Quit would, without asking (nobody is there to
  answer): everything typed is written, the book closed and its lock released, and the
  application exits with 0;
* the session manager's ``commitDataRequest`` (logout, shutdown) writes everything typed
  and leaves the window open, since the person may still cancel the logout;
* ``aboutToQuit`` closes the window the same way, however the event loop was ended.

Python runs a signal handler only between bytecodes, and the Qt event loop runs C++ for
as long as nothing happens; so the interpreter's C-level handler writes the signal's
number to a pipe (``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches, and the
window is closed from the event loop, never from inside whatever code the signal
interrupted.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterable
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QGuiApplication

from scrutiny_desktop.ui.main_window import MainWindow

#: The signals a desktop session ends an application with (no SIGHUP on Windows).
ENDING = tuple(
    s for s in (getattr(signal, name, None) for name in ("SIGTERM", "SIGHUP")) if s is not None
)


class SessionEnd(QObject):
    """Saves the window's typing when the session ends; ``uninstall`` undoes every hook."""

    def __init__(
        self,
        app: QGuiApplication,
        window: MainWindow,
        signals: Iterable[signal.Signals] = ENDING,
    ) -> None:
        super().__init__(app)
        self._app, self._window = app, window
        self._signals = tuple(signals)
        self._old_handlers: dict[signal.Signals, Any] = {}
        self._old_wakeup = -1
        self._reader: int | None = None
        self._writer: int | None = None
        self._notifier: QSocketNotifier | None = None
        app.commitDataRequest.connect(self.commit_data)
        app.aboutToQuit.connect(self.end)
        if self._signals:
            self._watch_signals()

    def _watch_signals(self) -> None:
        self._reader, self._writer = _wakeup_pair()
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._signalled)
        self._old_wakeup = signal.set_wakeup_fd(self._writer, warn_on_full_buffer=False)
        for signum in self._signals:
            # A Python handler, so that the default action (ending the process) is not
            # taken; the work is done by ``_signalled`` from the event loop.
            self._old_handlers[signum] = signal.signal(signum, _noted)

    def _signalled(self) -> None:
        assert self._reader is not None
        try:
            received = set(_read(self._reader))
        except (BlockingIOError, InterruptedError):
            return
        if received & {int(s) for s in self._signals}:
            self.end()
            self._app.quit()

    def commit_data(self, *_manager: object) -> None:
        """Logout or shutdown is coming: write everything typed, and keep the window open."""
        if self._window.ws is not None:
            self._window.ws.flush()

    def end(self) -> None:
        """Write everything typed and close the book, without asking."""
        if self._window.ws is not None:
            self._window.end_session()

    def uninstall(self) -> None:
        """Put back the handlers, the wakeup descriptor and the connections found."""
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)
        self._old_handlers.clear()
        if self._writer is not None:
            signal.set_wakeup_fd(self._old_wakeup)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        for fd in (self._reader, self._writer):
            if fd is not None:
                _close(fd)
        self._reader = self._writer = None
        self._app.commitDataRequest.disconnect(self.commit_data)
        self._app.aboutToQuit.disconnect(self.end)


def _wakeup_pair() -> tuple[int, int]:
    """Non-blocking (read, write) descriptors: a pipe, or on Windows (which wants a socket
    for ``set_wakeup_fd``) a socket pair. A pipe spares every start importing ``socket``."""
    if os.name == "nt":  # pragma: no cover - Windows
        import socket

        a, b = socket.socketpair()
        for s in (a, b):
            s.setblocking(False)
        return a.detach(), b.detach()
    read, write = os.pipe()
    os.set_blocking(read, False)
    os.set_blocking(write, False)
    return read, write


def _read(fd: int) -> bytes:
    if os.name == "nt":  # pragma: no cover - Windows
        import socket

        with socket.socket(fileno=fd) as s:
            data = s.recv(64)
            s.detach()
            return data
    return os.read(fd, 64)


def _close(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import socket

        socket.socket(fileno=fd).close()
        return
    os.close(fd)


def _noted(signum: int, frame: FrameType | None) -> None:
    """Nothing here: the signal's number has reached the event loop through the socket."""
