"""What reportlab reads from a TrueType file, kept between runs so the next PDF need not read it.

reportlab parses a font's tables in Python when it loads the font: about 12 ms for each
DejaVu Sans face, four faces in every PDF, the largest single cost of a command-line export
after Python's own start and reportlab's import. The cache keeps each loaded font's state,
minus the file's own bytes (read again from the file, as reportlab reads them), in one file
under the user's cache folder, and gives it back as a font equal in every attribute to a
freshly parsed one.

An entry is used only for the same file (path, size, modification time), the same reportlab
and the same Python; anything else, or a cache that cannot be read or written, means the
font is parsed as before. A font is cached only if its state survives the round trip
exactly, checked when the entry is made, so a reportlab whose fonts hold something the
cache cannot rebuild is simply parsed every time. Unpickling accepts only plain data and
reportlab's two font-name types, never an arbitrary class.
"""

from __future__ import annotations

import gc
import io
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from scrutiny_desktop.files.atomic import write_bytes_atomically

FORMAT = 1  # this file's layout of an entry; a change makes every older entry a miss
_DATA = "_ttf_data"  # the file's bytes: not cached, read from the file itself
_SCALE = "_pdfScale"  # a function of unitsPerEm, made again on loading
_PER_FONT = ("face", "state")  # the face (cached on its own) and the per-document state

Stamp = tuple[object, ...]


def stamp(path: Path) -> Stamp:
    """What must not have changed for an entry made from ``path`` to be used."""
    st = path.stat()
    return (FORMAT, str(path), st.st_size, st.st_mtime_ns, reportlab.Version, sys.version_info[:2])


def _scale(units_per_em: int) -> Callable[[float], float]:
    """Font units to thousandths of an em, as reportlab's parser makes it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


# The only classes a cached font holds besides plain data.
_CLASSES = {
    ("reportlab.pdfbase.ttfonts", "TTFNameBytes"): TTFNameBytes,
    ("reportlab.pdfbase.ttfonts", "TTEncoding"): TTEncoding,
}


class _Unpickler(pickle.Unpickler):
    """Plain data and reportlab's font-name types only."""

    def find_class(self, module: str, name: str) -> Any:
        try:
            return _CLASSES[module, name]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not font data") from None


def _loads(data: bytes) -> Any:
    # A face is some 40,000 small dicts, lists and tuples, none of them garbage: the
    # collector would walk them all a few times while they are made (a fifth of the load).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Unpickler(io.BytesIO(data)).load()
    finally:
        if collecting:
            gc.enable()


def _state(font: TTFont) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The font's and its face's attributes as the cache keeps them, or None if it cannot."""
    face = font.face
    if type(font) is not TTFont or type(face) is not TTFontFace:
        return None
    state = font.__dict__.get("state")
    if not isinstance(state, WeakKeyDictionary) or len(state):
        return None  # used already, or a state the cache does not know how to make anew
    font_attrs = {k: v for k, v in font.__dict__.items() if k not in _PER_FONT}
    face_attrs = {k: v for k, v in face.__dict__.items() if k not in (_DATA, _SCALE)}
    return font_attrs, face_attrs


def _same(a: object, b: object) -> bool:
    """Equal, comparing objects without ``__eq__`` (TTEncoding) by their attributes."""
    if type(a) is not type(b):
        return False
    if isinstance(a, TTEncoding):
        return bool(a.__dict__ == b.__dict__)
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, TTFNameBytes):
        return bool(a == b and a.ustr == getattr(b, "ustr", None))
    return a == b


def _restore(name: str, state: Any, data: bytes, made: Stamp) -> TTFont | None:
    """A font made from its cached state and the file's bytes (None if they do not fit)."""
    font_attrs, face_attrs = state
    if len(data) != made[2]:
        return None  # the file changed while we looked
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_attrs)
    face.__dict__[_DATA] = data
    face.__dict__[_SCALE] = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(font_attrs)
    font.fontName = name
    font.face = face
    font.state = WeakKeyDictionary()
    return font


class FontCache:
    """The cached fonts in one file: ``font(name, path)`` to look one up, ``keep`` to add one,
    ``save`` to write the file when something was added."""

    def __init__(self, file: Path | None) -> None:
        self._file = file
        self._entries: dict[str, tuple[Stamp, bytes]] = {}
        self._changed = False
        if file is None:
            return
        try:
            entries = _loads(file.read_bytes())
        except Exception:  # missing, unreadable, damaged: every font is parsed and cached anew
            return
        if isinstance(entries, dict):
            self._entries = entries

    def font(self, name: str, path: Path) -> TTFont | None:
        """The font ``name`` as reportlab would load it from ``path``, or None if not cached."""
        try:
            entry = self._entries.get(str(path))
            if entry is None or entry[0] != stamp(path):
                return None
            return _restore(name, _loads(entry[1]), path.read_bytes(), entry[0])
        except Exception:  # a cache never stops an export: the font is parsed instead
            return None

    def keep(self, font: TTFont, path: Path) -> None:
        """Add ``font``, just loaded from ``path``, if its state can be made again exactly."""
        if self._file is None:
            return
        state = _state(font)
        if state is None:
            return
        scale = font.face.__dict__.get(_SCALE)
        ours = _scale(font.face.unitsPerEm)
        samples = (0, 1, -1, 7, 123.5, 2048, -1020)
        if scale is None or any(scale(v) != ours(v) for v in samples):
            return
        try:
            entry = (stamp(path), pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
            again = _loads(entry[1])
        except (OSError, pickle.PicklingError, pickle.UnpicklingError, TypeError, ValueError):
            return
        if not (_same(again[0], state[0]) and _same(again[1], state[1])):
            return
        self._entries[str(path)] = entry
        self._changed = True

    def save(self) -> None:
        """Write the file if fonts were added; a cache that cannot be written is not one."""
        if self._file is None or not self._changed:
            return
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            data = pickle.dumps(self._entries, protocol=pickle.HIGHEST_PROTOCOL)
            write_bytes_atomically(self._file, data)
        except OSError:
            return
        self._changed = False


def default_file() -> Path | None:
    """The cache's file under the user's cache folder (None when it has none)."""
    from scrutiny_desktop.paths import cache_dir

    try:
        return cache_dir() / "fonts.pickle"
    except (OSError, RuntimeError):  # no home folder to put it in
        return None
