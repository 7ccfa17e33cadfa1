"""The font cache gives back the font reportlab would have read, or nothing (issue 17).

A cached font must equal a freshly parsed one in every attribute, so the PDF is the same
to the byte; a stale, damaged, hostile or unwritable cache must only make the export
parse the font as before.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from scrutiny_desktop.export.font_cache import FontCache
from scrutiny_desktop.export.fonts import _FILES, find_font_dir
from tests.unit.pdf_helpers import REPO

SAMPLES = (0, 1, -1, 7, 123.5, 2048, -1020)


def _face_file(tmp_path: Path, face: str = "regular") -> Path:
    """A copy of one DejaVu face, so a test may touch it."""
    copy = tmp_path / _FILES[face]
    shutil.copyfile(find_font_dir() / _FILES[face], copy)
    return copy


def _kept(tmp_path: Path, font_file: Path) -> Path:
    """A cache file holding ``font_file``, as an export leaves it."""
    cache_file = tmp_path / "cache" / "fonts.pickle"
    cache = FontCache(cache_file)
    cache.keep(TTFont("Cached", str(font_file)), font_file)
    cache.save()
    assert cache_file.is_file()
    return cache_file


@pytest.mark.parametrize("face", list(_FILES))
def test_a_cached_font_equals_a_parsed_one(tmp_path: Path, face: str) -> None:
    font_file = _face_file(tmp_path, face)
    got = FontCache(_kept(tmp_path, font_file)).font("Cached", font_file)
    want = TTFont("Cached", str(font_file))
    assert got is not None and type(got) is type(want) and type(got.face) is type(want.face)
    assert got.__dict__.keys() == want.__dict__.keys()
    for key in want.__dict__.keys() - {"face", "state", "encoding"}:
        assert got.__dict__[key] == want.__dict__[key], key
    assert got.encoding.__dict__ == want.encoding.__dict__
    assert dict(got.state) == dict(want.state) == {}
    theirs, ours = dict(want.face.__dict__), dict(got.face.__dict__)
    scale, our_scale = theirs.pop("_pdfScale"), ours.pop("_pdfScale")
    assert [our_scale(v) for v in SAMPLES] == [scale(v) for v in SAMPLES]
    assert ours.keys() == theirs.keys()
    for key, value in theirs.items():
        assert ours[key] == value, key
    assert ours["name"].ustr == theirs["name"].ustr


def test_a_changed_font_file_is_read_again(tmp_path: Path) -> None:
    font_file = _face_file(tmp_path)
    cache_file = _kept(tmp_path, font_file)
    st = font_file.stat()
    os.utime(font_file, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert FontCache(cache_file).font("Cached", font_file) is None


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05\x95garbage"])
def test_a_damaged_cache_is_ignored_then_made_anew(tmp_path: Path, damage: bytes) -> None:
    font_file = _face_file(tmp_path)
    cache_file = tmp_path / "fonts.pickle"
    cache_file.write_bytes(damage)
    cache = FontCache(cache_file)
    assert cache.font("Cached", font_file) is None
    cache.keep(TTFont("Cached", str(font_file)), font_file)
    cache.save()
    assert FontCache(cache_file).font("Cached", font_file) is not None


class _Hostile:
    """Unpickled by an unrestricted loader, this would write a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.write_text, (self.marker, "ran"))


def test_a_cache_holding_anything_but_font_data_runs_nothing(tmp_path: Path) -> None:
    font_file = _face_file(tmp_path)
    cache_file = _kept(tmp_path, font_file)
    marker = tmp_path / "ran"
    pickle.loads(pickle.dumps(_Hostile(tmp_path / "really")))
    assert (tmp_path / "really").exists()  # the payload works on a loader that allows it
    entries = pickle.loads(cache_file.read_bytes())
    stamp, _ = entries[str(font_file)]
    entries[str(font_file)] = (stamp, pickle.dumps(_Hostile(marker)))
    cache_file.write_bytes(pickle.dumps(entries))
    assert FontCache(cache_file).font("Cached", font_file) is None
    cache_file.write_bytes(pickle.dumps(_Hostile(marker)))
    assert FontCache(cache_file).font("Cached", font_file) is None
    assert not marker.exists()


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    font_file = _face_file(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    cache = FontCache(blocker / "fonts.pickle")
    cache.keep(TTFont("Cached", str(font_file)), font_file)
    cache.save()  # nothing raised, nothing written
    assert blocker.read_text().startswith("a file")


_EXPORT = """
import json, sys
from pathlib import Path
from reportlab.pdfbase.ttfonts import TTFontFile
parsed = []
real = TTFontFile.extractInfo
TTFontFile.extractInfo = lambda self, *a: parsed.append(self.filename) or real(self, *a)
from scrutiny_desktop.export.interchange import load
from scrutiny_desktop.export.pdf import export_pdf
export_pdf(load(Path(sys.argv[1])), Path(sys.argv[2]))
print(json.dumps(parsed))
"""


def test_an_export_from_the_cache_is_the_same_pdf(tmp_path: Path) -> None:
    """The first export parses the four faces and keeps them; the next reads none."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    seed = REPO / "tests" / "data" / "seed-meeting.json"
    parsed = []
    for name in ("first.pdf", "second.pdf"):
        out = subprocess.run(
            [sys.executable, "-c", _EXPORT, str(seed), str(tmp_path / name)],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        parsed.append(json.loads(out.stdout))
    assert len(parsed[0]) == len(_FILES) and parsed[1] == []
    assert (tmp_path / "first.pdf").read_bytes() == (tmp_path / "second.pdf").read_bytes()
    assert (tmp_path / "cache" / "scrutiny-desktop" / "fonts.pickle").is_file()
