"""The crash test's child: the real application, with the typist typing into its window.

``python -m bench.crash_child BOOK`` (``SCRUTINY_CRASH_SCRIPT`` names the script) runs
exactly what ``scrutiny-desktop open BOOK`` runs; the typist lives here, not in the
application, so nothing of the test ships with it.
"""

from __future__ import annotations

import sys

from bench.typist import start_from_env
from scrutiny_desktop.ui.launch import launch
from scrutiny_desktop.window_options import parse_open

if __name__ == "__main__":
    raise SystemExit(launch(parse_open(sys.argv[1:]), on_shown=start_from_env))
