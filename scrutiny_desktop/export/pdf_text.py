"""User text made safe for reportlab's Paragraph markup, with visible glyph substitution.

Paragraph parses a small XML dialect, so every piece of user text is escaped here and
nowhere else. Characters the embedded font cannot draw become U+FFFD (or "?" when the
font lacks even that), and each substitution is recorded so the caller can report it:
a reader sees a mark, never a silent empty box.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

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

    @property
    def replacement(self) -> str:
        return REPLACEMENT if ord(REPLACEMENT) in self.covered else "?"

    def plain(self, text: str, where: str) -> str:
        """The text with undrawable characters replaced; newlines become spaces."""
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
