"""User text made safe for reportlab's Paragraph markup, and long text cut into runs.

Paragraph parses a small XML dialect, so every piece of user text is escaped here and
nowhere else. Characters the embedded font cannot draw become U+FFFD (or "?" when the
font lacks even that), and each substitution is recorded so the caller can report it:
a reader sees a mark, never a silent empty box.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from html import escape as _escape

# The wording every format shares lives in domain.dates and export.wording.
from scrutiny_desktop.domain.dates import long_date, next_meeting_text
from scrutiny_desktop.domain.wording import clock, update_text

__all__ = ["clock", "long_date", "next_meeting_text", "update_text"]

REPLACEMENT = "\ufffd"

# Paragraph collapses ordinary whitespace anyway; these are kept as the space they mean.
_SPACES = {"\t", "\u00a0", "\u2007", "\u202f"}


@dataclass(frozen=True, slots=True)
class Substitution:
    """One character the font could not draw, where it was, and what was drawn instead."""

    char: str
    where: str
    drawn: str

    def __str__(self) -> str:
        name = unicodedata.name(self.char, "unnamed character")
        return f"U+{ord(self.char):04X} {name} in {self.where} printed as {self.drawn!r}"


@dataclass(slots=True)
class TextPrep:
    """Escapes user text for Paragraph and substitutes characters the font lacks.

    ``covered`` is the set of code points every face in use can draw.
    """

    covered: Collection[int]
    substitutions: list[Substitution] = field(default_factory=list)
    # Whether the font draws every printable ASCII character: then such text needs no
    # look at each character (most of the minutes, most of the time).
    _ascii: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._ascii = all(c in self.covered for c in range(0x20, 0x7F))

    @property
    def replacement(self) -> str:
        return REPLACEMENT if ord(REPLACEMENT) in self.covered else "?"

    def plain(self, text: str, where: str) -> str:
        """The text with undrawable characters replaced; newlines become spaces."""
        if self._ascii and text.isascii() and text.isprintable():
            return text  # space to tilde: nothing below would change it
        out: list[str] = []
        for ch in text:
            if ch in "\r\n" or ch in _SPACES:
                out.append(" ")
            elif ord(ch) in self.covered and unicodedata.category(ch) != "Cc":
                out.append(ch)
            else:
                drawn = self.replacement
                self.substitutions.append(Substitution(ch, where, drawn))
                out.append(drawn)
        return "".join(out)

    def markup(self, text: str, where: str) -> str:
        """Paragraph markup for user text: escaped, line breaks kept as ``<br/>``."""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return "<br/>".join(escape(self.plain(line, where)) for line in lines)


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities: what ``xml.sax.saxutils.escape`` does, without
    importing it (it imports urllib.request, and with it http, ssl and email: about 20 ms
    of every command-line export)."""
    return _escape(text, quote=False)


# reportlab re-wraps the rest of a paragraph at every page it splits, so one huge
# paragraph costs time in the square of its length (500 KB did not finish in 8 minutes).
# Longer ones are laid out as runs of this many characters, broken at a sentence or a
# space; nothing is dropped, and a run ends mid-line only once per half page or so.
CHUNK = 2000


def chunks(text: str, limit: int = CHUNK) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, joined back they are ``text``."""
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind(". ", 0, limit - 1) + 2  # after the full stop and its space
        if cut < limit // 2:
            cut = window.rfind(" ") + 1
        if cut < limit // 2:
            cut = limit  # one enormous word: reportlab splits it anyway
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out
