"""The Qt bindings installed do not leak references to None.

PySide6 6.12.0 on Python 3.11 returns None from void methods without taking a reference;
after some thousands of calls (a few minutes of typing) the interpreter aborts with
"Fatal Python error: none_dealloc". pyproject pins a release without the bug; this test
fails loudly if an upgrade brings it back.
"""

import sys

from PySide6.QtCore import QObject, QTimer


def test_void_calls_keep_the_reference_count_of_none():
    probe, timer = QObject(), QTimer()
    before = sys.getrefcount(None)
    for _ in range(2000):
        probe.setObjectName("probe")
        timer.setInterval(5)
    assert sys.getrefcount(None) >= before - 10
