"""The command line's streams: results on standard output, one escaped line on stderr.

Standard output may be closed (``>&-``: Python then sets ``sys.stdout`` to None), a
closed pipe (``| head``) or a full disk (``>/dev/full``). ``Guarded`` tells those write
errors apart from every other ``OSError`` a command meets, so that they are said as
what they are, with exit 2, instead of "unexpected error" or a traceback at exit.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import TextIO

from scrutiny_desktop.domain.printable import printable


def say(err: TextIO | None, message: str) -> None:
    """One line on stderr; control characters escaped (a path or a value may hold them)."""
    print(f"scrutiny-desktop: {printable(message)}", file=err)


class StdoutFailed(OSError):
    """Standard output could not be written (closed, a closed pipe, a full disk)."""


class Guarded(io.TextIOBase):
    """Standard output, whose write errors become ``StdoutFailed``."""

    def __init__(self, out: TextIO | None) -> None:
        super().__init__()
        self._out = out

    def write(self, text: str) -> int:
        if self._out is None:
            raise StdoutFailed(errno.EBADF, "it is closed")
        try:
            return self._out.write(text)
        except OSError as e:
            raise StdoutFailed(e.errno, e.strerror) from e

    def flush(self) -> None:
        if self._out is None:
            return
        try:
            self._out.flush()
        except OSError as e:
            raise StdoutFailed(e.errno, e.strerror) from e

    def discard(self) -> None:
        """Drop what could not be written, so that Python's exit does not try again."""
        fileno = getattr(self._out, "fileno", None)
        if self._out is sys.stdout and fileno is not None:
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, fileno())
                os.close(devnull)
