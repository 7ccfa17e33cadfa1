"""Composition root: the command line, or the window wired to its book."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``scrutiny-desktop`` and ``python main.py``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] == "open":
        return _window(args[1:])
    # Imported here: the window's start needs none of the command line's handlers.
    from scrutiny_desktop import cli

    return cli.run(args)


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def _window(args: list[str]) -> int:
    from scrutiny_desktop.window_options import parse_open

    parsed = parse_open(args)
    if parsed.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif not _has_display():
        print(
            "scrutiny-desktop: no display: run it on a desktop, under xvfb-run, or set "
            "QT_QPA_PLATFORM=offscreen; the command line works without one (scrutiny-desktop --help)",
            file=sys.stderr,
        )
        from scrutiny_desktop.cli import EXIT_BAD_INPUT

        return EXIT_BAD_INPUT
    # The Qt-free book before PySide6: once loaded, PySide6 reads the source of every
    # module imported after it (its __feature__ check), about 7 ms for the book's.
    import scrutiny_desktop.book.store  # noqa: F401
    from scrutiny_desktop.ui.launch import launch

    return launch(parsed)
