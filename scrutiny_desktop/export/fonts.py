"""The embedded PDF font: DejaVu Sans, found on the system and registered with reportlab.

reportlab's own Vera fonts lack Welsh ŵ ŷ and Polish ą ę ś ż, and the standard 14 fonts
are not embedded, so the minutes always embed DejaVu Sans (regular, bold, oblique).
Imported only while exporting: it imports reportlab. What reportlab reads from the font
files is kept between runs by ``font_cache``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from scrutiny_desktop.export.font_cache import FontCache, default_file

FONT_DIRS = (
    Path(__file__).resolve().parents[2] / "resources" / "fonts",
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)

_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}
FAMILY = "ScrutinySans"


class FontsMissing(RuntimeError):
    """DejaVu Sans is not installed where we look for it."""


@dataclass(frozen=True, slots=True)
class FontSet:
    """Registered reportlab font names and the code points all of them can draw."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    covered: frozenset[int]


def find_font_dir(dirs: tuple[Path, ...] = FONT_DIRS) -> Path:
    """The first folder holding every DejaVu Sans face we embed."""
    for d in dirs:
        if all((d / name).is_file() for name in _FILES.values()):
            return d
    raise FontsMissing(
        "DejaVu Sans (regular, bold and oblique) was not found in "
        + ", ".join(str(d) for d in dirs)
        + "; install fonts-dejavu-core and fonts-dejavu-extra"
    )


def register_fonts(font_dir: Path | None = None, *, cache: FontCache | None = None) -> FontSet:
    """Register the faces with reportlab (once per process) and return their names.

    A face not yet registered comes from ``cache`` (by default the user's font cache) when
    it holds that file, else from the file, and is then kept in the cache.
    """
    folder = font_dir or find_font_dir()
    names = {face: FAMILY if face == "regular" else f"{FAMILY}-{face}" for face in _FILES}
    faces: list[TTFont] = []
    registered = set(pdfmetrics.getRegisteredFontNames())
    for face, file in _FILES.items():
        if names[face] in registered:
            font = pdfmetrics.getFont(names[face])
        else:
            if cache is None:
                cache = FontCache(default_file())
            path = folder / file
            font = cache.font(names[face], path)
            if font is None:
                font = TTFont(names[face], str(path))
                cache.keep(font, path)
            pdfmetrics.registerFont(font)
        faces.append(font)
    if cache is not None:
        cache.save()
    for bold, italic, face in (
        (0, 0, "regular"),
        (1, 0, "bold"),
        (0, 1, "italic"),
        (1, 1, "bold_italic"),
    ):
        addMapping(FAMILY, bold, italic, names[face])
    return FontSet(
        regular=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        bold_italic=names["bold_italic"],
        covered=_covered(tuple(faces)),
    )


@lru_cache(maxsize=4)
def _covered(faces: tuple[TTFont, ...]) -> frozenset[int]:
    """The code points every face can draw, worked out once for the fonts registered rather
    than on every export (a set of some 5,000 code points from four maps of 6,000)."""
    first, *rest = faces
    return frozenset(first.face.charToGlyph).intersection(*(f.face.charToGlyph for f in rest))
