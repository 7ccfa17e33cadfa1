"""Text for a terminal: control characters shown as escapes, never obeyed (issue 13).

Titles and minutes are stored exactly as typed or imported (``domain.text``), control
characters included. A terminal obeys them: ESC starts a command (clear the screen,
rewrite the title bar, hide what follows), CR returns to the start of the line and lets
later text overwrite earlier, and the direction controls reorder what is read. So the
command line shows every such character as a visible escape, ``\\x1b`` or ``\\u202e``, as
Python's ``repr`` would, and passes everything else (accents, emoji, any script) as is.
"""

from __future__ import annotations

import unicodedata

#: Invisible characters that reorder or break the lines around them (not category Cc).
_LAYOUT = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
)


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control character escaped; those in ``keep`` pass as they are.

    Escaped: C0 controls (ESC, CR, BEL, TAB, newline, ...), DEL, C1 controls (U+0080 to
    U+009F, which some terminals also obey) and the bidirectional and line-separator
    controls. ``keep`` is for a caller's own layout, such as the newlines of a table.
    """
    if text.isprintable():  # no Cc, Cf, Zl or Zp at all: the usual case, at C speed
        return text
    return "".join(c if c in keep or not _escaped(c) else _escape(c) for c in text)


def _escaped(c: str) -> bool:
    return c in _LAYOUT or unicodedata.category(c) == "Cc"


def _escape(c: str) -> str:
    special = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if c in special:
        return special[c]
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"
