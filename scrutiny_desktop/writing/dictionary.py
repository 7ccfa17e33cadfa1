"""Where the shipped en-GB Hunspell dictionary is, as files an engine can open.

The dictionary (``data/en_GB.aff`` and ``data/en_GB.dic``, LGPL: ``data/LICENCE-en_GB.txt``)
is package data, so a wheel, an editable install and the PyInstaller bundle all carry it
and no system dictionary is needed. Hunspell opens files by path, so when the package is
not on a file system (a zip import) the two files are copied to a temporary folder first.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

LANGUAGE = "en_GB"
_PACKAGE = "scrutiny_desktop.writing"
_FOLDER = "data"
LICENCE = "LICENCE-en_GB.txt"


def data_folder() -> Traversable:
    """The package's data folder (a real folder in every install this project makes)."""
    return resources.files(_PACKAGE).joinpath(_FOLDER)


def dictionary_files() -> tuple[Traversable, Traversable]:
    """The ``.aff`` and ``.dic`` resources of the shipped dictionary."""
    folder = data_folder()
    return folder.joinpath(f"{LANGUAGE}.aff"), folder.joinpath(f"{LANGUAGE}.dic")


@contextmanager
def dictionary_dir() -> Iterator[Path]:
    """A folder holding ``en_GB.aff`` and ``en_GB.dic``, for as long as the block runs.

    The package's own folder when it is on disk (the usual case: nothing is copied);
    otherwise a temporary copy, removed afterwards (Hunspell has read it by then).
    """
    aff, dic = dictionary_files()
    if isinstance(aff, Path) and isinstance(dic, Path) and aff.parent == dic.parent:
        yield aff.parent
        return
    tmp = Path(tempfile.mkdtemp(prefix="scrutiny-dictionary-"))
    try:
        for item in (aff, dic):
            with item.open("rb") as src, (tmp / item.name).open("wb") as dst:
                shutil.copyfileobj(src, dst)
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def replacement_table() -> tuple[tuple[str, str], ...]:
    """The affix file's ``REP`` pairs: the misspellings its authors found common.

    ``_`` in a pair stands for a space, as in Hunspell.
    """
    aff = dictionary_files()[0].read_text(encoding="utf-8-sig")
    pairs: list[tuple[str, str]] = []
    for line in aff.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[0] == "REP":
            pairs.append((fields[1].replace("_", " "), fields[2].replace("_", " ")))
    return tuple(pairs)


def word_ranks() -> dict[str, int]:
    """Frequency rank of the commonest English words (1 = commonest), for breaking ties."""
    text = data_folder().joinpath("word_ranks.txt").read_text(encoding="utf-8")
    listed = (line for line in text.splitlines() if line and not line.startswith("#"))
    return {word: i for i, word in enumerate(listed, start=1)}
