"""The speller's mechanics: where the dictionary is, loading once and on any thread, caching."""

from __future__ import annotations

import threading
import tomllib
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

from scrutiny_desktop.writing.dictionary import (
    LICENCE,
    data_folder,
    dictionary_dir,
    dictionary_files,
    replacement_table,
    word_ranks,
)
from scrutiny_desktop.writing.engine import HunspellEngine
from scrutiny_desktop.writing.known import KnownWords
from scrutiny_desktop.writing.speller import Speller

ROOT = Path(__file__).resolve().parents[2]


class CountingEngine:
    """A stand-in engine that knows a few words and counts what it is asked."""

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.spelled: list[str] = []
        self.suggested: list[str] = []

    def spell(self, word: str) -> bool:
        self.spelled.append(word)
        return word in self.words

    def suggest(self, word: str) -> list[str]:
        self.suggested.append(word)
        return ["winch", "which"]


def test_the_dictionary_is_package_data_reachable_through_importlib_resources() -> None:
    aff, dic = dictionary_files()
    assert aff.is_file() and dic.is_file()
    assert aff.read_text(encoding="utf-8-sig").startswith("# Affix file for British English")
    folder = resources.files("scrutiny_desktop.writing").joinpath("data")
    assert folder.joinpath(LICENCE).is_file()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in folder.joinpath(LICENCE).read_text()
    assert data_folder().joinpath("README_en_GB.txt").is_file()


def test_pyproject_ships_every_data_file_in_a_wheel() -> None:
    # The package-data patterns decide what a non-editable install carries.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["scrutiny_desktop"]
    package = ROOT / "scrutiny_desktop"
    files = [p.relative_to(package).as_posix() for p in (package / "writing" / "data").iterdir()]
    assert {"writing/data/en_GB.aff", "writing/data/en_GB.dic"} <= set(files)
    assert all(any(fnmatch(f, pattern) for pattern in patterns) for f in files)
    assert any(d.startswith("chunspell-next") for d in config["project"]["dependencies"])


def test_the_dictionary_folder_holds_both_files_under_hunspells_names() -> None:
    with dictionary_dir() as folder:
        assert (folder / "en_GB.aff").is_file() and (folder / "en_GB.dic").is_file()


def test_the_replacement_table_and_word_ranks_are_read_from_the_package() -> None:
    assert ("f", "ph") in replacement_table()
    ranks = word_ranks()
    assert ranks["the"] == 1 and ranks["which"] < ranks["winch"]


def test_the_real_engine_accepts_the_extra_titles() -> None:
    engine = HunspellEngine()
    assert engine.spell("Cllr") and engine.spell("colour") and not engine.spell("color")


def test_the_words_the_minutes_print_themselves_are_known() -> None:
    # Found live: "disclosable", from the application's own "disclosable pecuniary
    # interest", was underlined.
    engine = HunspellEngine()
    assert [w for w in ("disclosable", "Disclosable", "recusal") if not engine.spell(w)] == []


def test_nothing_is_reported_before_loading_and_misspellings_never_loads() -> None:
    engine = CountingEngine({"right"})
    speller = Speller(lambda: engine)
    assert not speller.loaded
    assert speller.misspellings("wrong right") == []
    assert not speller.loaded and engine.spelled == []
    speller.load()
    assert speller.loaded
    assert speller.misspellings("wrong right") == [(0, 5)]


def test_check_and_suggest_load_on_first_use() -> None:
    speller = Speller(lambda: CountingEngine({"right"}))
    assert speller.check("right") and speller.loaded
    speller = Speller(lambda: CountingEngine(set()))
    assert speller.suggest("wich")[0] == "which" and speller.loaded


def test_loading_happens_once_whatever_the_threads() -> None:
    loads: list[int] = []
    gate = threading.Event()

    def slow_engine() -> CountingEngine:
        gate.wait(5)
        loads.append(1)
        return CountingEngine(set())

    speller = Speller(slow_engine)
    threads = [threading.Thread(target=speller.load) for _ in range(4)]
    for t in threads:
        t.start()
    gate.set()
    for t in threads:
        t.join(10)
    assert loads == [1] and speller.loaded


def test_a_speller_loaded_on_a_worker_is_used_on_the_calling_thread() -> None:
    speller = Speller()
    worker = threading.Thread(target=speller.load)
    worker.start()
    worker.join(60)
    assert speller.loaded
    assert speller.misspellings("It was recieved.") == [(7, 15)]


def test_each_distinct_word_goes_to_the_engine_once() -> None:
    engine = CountingEngine({"The", "report", "was", "noted"})
    speller = Speller(lambda: engine)
    speller.load()
    for _ in range(3):
        assert speller.misspellings("The report was noted. The report was notd.") == [(37, 41)]
    # "notd." too: a word before a full stop may be an abbreviation (etc.).
    assert sorted(engine.spelled) == sorted(["The", "report", "was", "noted", "notd", "notd."])


def test_known_words_are_answered_without_the_engine() -> None:
    engine = CountingEngine(set())
    speller = Speller(lambda: engine)
    speller.load()
    assert speller.misspellings("OPCC's DAAT", KnownWords(["OPCC", "DAAT"])) == []
    assert engine.spelled == []


def test_suggestions_are_cached_and_keep_a_typographic_apostrophe() -> None:
    engine = CountingEngine(set())
    speller = Speller(lambda: engine)
    speller.suggest("wich")
    speller.suggest("wich")
    assert engine.suggested == ["wich"]
    assert Speller().suggest("dont’")[0] == "don’t"


def test_the_word_at_the_cursor_is_not_reported_while_it_is_typed() -> None:
    speller = Speller(lambda: CountingEngine({"the"}))
    speller.load()
    assert speller.misspellings("the recom", typing_at=9) == []
    assert speller.misspellings("the recom ", typing_at=10) == [(4, 9)]
    assert speller.misspellings("recom the", typing_at=9) == [(0, 5)]
    assert speller.misspellings("recom the", typing_at=2) == []
