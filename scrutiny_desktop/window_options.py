"""The ``open`` command's options: declared once, for ``--help`` and for the window's start.

Apart from ``cli`` so that starting the window parses its arguments without importing the
command line's handlers and everything they use (issue 7, start-up).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

PROG = "scrutiny-desktop"


def add_open_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument(
        "book", nargs="?", type=Path, help="the meeting book (default: your data folder)"
    )
    p.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="render the window on the latest meeting to PNG and exit",
    )
    p.add_argument("--read-only", action="store_true", help="open the book without changing it")
    # For the start-up benchmark: print "READY <unix time>" once the window is shown,
    # painted and the event loop idle, then quit.
    p.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return p


def parse_open(args: Sequence[str]) -> argparse.Namespace:
    """The options of ``scrutiny-desktop open ARGS`` (exits with usage on bad ones)."""
    parser = argparse.ArgumentParser(
        prog=f"{PROG} open", description="Open the window on a book (the default command)."
    )
    return add_open_arguments(parser).parse_args(list(args))
