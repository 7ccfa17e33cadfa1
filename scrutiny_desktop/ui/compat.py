"""A guard against a PySide6 reference-counting bug on Python before 3.12.

PySide6 6.12 built for newer Pythons returns ``None`` from every void method
(``QTimer.start``, ``QTextCursor.insertText``, ``QTest.keyClick``...) without taking a
reference to it. From Python 3.12 ``None`` is immortal and nothing happens; on 3.11
every such call takes one reference away, and after some thousands of calls the
interpreter aborts ("Fatal Python error: none_dealloc"), losing the window mid-meeting.
Where that happens, ``protect_none`` gives ``None`` the effectively immortal reference
count that Python 3.12 gives it. It is called once, from the composition root.
"""

from __future__ import annotations

import ctypes
import sys

_IMMORTAL = 1 << 60


def none_leaks() -> bool:
    """Whether calling a void Qt method from Python drops a reference to None here."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(50):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 25


def protect_none() -> bool:
    """Make ``None`` immortal on CPython < 3.12 when the bindings leak it; whether it did."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not none_leaks():
        return False
    # ob_refcnt is the first field of every CPython object; 3.12 does the same for None.
    ctypes.c_ssize_t.from_address(id(None)).value = _IMMORTAL
    return True
