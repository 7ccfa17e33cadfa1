"""Where things live on the user's machine, without Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR = "scrutiny-desktop"


def data_dir() -> Path:
    """The user's data folder for this application (created by the caller when needed)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR


def cache_dir() -> Path:
    """The user's cache folder for this application: only what can be made again if lost."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / APP_DIR


def default_book_path() -> Path:
    """The book opened when none is named."""
    return data_dir() / "meetings.sqlite"
