"""Composition root: the command line, or the window wired to its book."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path


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


def _known_to_pyside() -> None:
    """Tell PySide6 which modules use it, so that it need not read their source to find out.

    PySide6 records, for every module an import statement names once it is loaded, whether
    the module "uses PySide" (for its opt-in ``__feature__`` switches, which this
    application never uses), by reading the module's whole source file: about 0.1 ms for
    each of some 70 modules (the book, the standard library, ``ui``) on the way to the
    first paint. The answers are known: every module loaded before PySide6 does not use
    it (-1, "ignore"), every module of ``ui`` does, with no features (0). These are the
    values PySide6 would record. Skipped quietly if a PySide6 release no longer
    publishes that table.
    """
    before = list(sys.modules)  # the book and the standard library: no Qt in them
    import PySide6.QtCore  # noqa: F401 - sets up the table

    known = getattr(sys.modules.get("PySide6.support.feature"), "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return
    for name in before:
        known.setdefault(name, -1)
    ui = Path(__file__).resolve().parent / "ui"
    packages = [("scrutiny_desktop.ui", str(ui))]
    packages += [
        (f"scrutiny_desktop.ui.{e.name}", e.path)
        for e in os.scandir(ui)
        if e.is_dir() and os.path.exists(os.path.join(e.path, "__init__.py"))
    ]
    for package, folder in packages:
        known.setdefault(package, 0)
        for entry in os.scandir(folder):
            if entry.name.endswith(".py") and entry.name != "__init__.py":
                known.setdefault(f"{package}.{entry.name[:-3]}", 0)


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
    import scrutiny_desktop.book  # noqa: F401

    _known_to_pyside()
    from scrutiny_desktop.ui.launch import launch

    return launch(parsed)
