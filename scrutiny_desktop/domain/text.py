"""What text the book stores as typed, and the two characters it replaces.

Everything a minute-taker types or pastes is kept exactly, with two exceptions that
cannot be kept: a *lone surrogate* (half of a UTF-16 pair, which a clipboard can hand
over) has no UTF-8 form, so SQLite cannot store it; and NUL (U+0000) ends a string for
SQLite's own functions (``LIKE``, ``length``, full-text search) and for PDF and XML
tools, so text after it would silently vanish from searches and exports. Both become
U+FFFD REPLACEMENT CHARACTER, which every layer shows visibly as "something was here".

A surrogate *pair* that arrives as two halves is joined into the character it encodes
(an emoji pasted through UTF-16), so nothing typed is lost there.

Everything else is kept: emoji, right-to-left text, U+202E and other direction
controls, combining marks, very long words and paragraphs, tabs and other controls.
The book applies this rule once, to every value it binds to SQL (``book/opening.py``).
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _join_pair(m: re.Match[str]) -> str:
    return m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le")


def clean(text: str) -> tuple[str, int]:
    """``text`` as the book stores it, and how many characters were replaced by U+FFFD."""
    if text.isascii() and "\x00" not in text:
        return text, 0
    if _UNSTORABLE.search(text) is None:
        return text, 0
    joined = _PAIR.sub(_join_pair, text)
    return _UNSTORABLE.subn(REPLACEMENT, joined)


def storable(text: str) -> str:
    """``text`` with lone surrogates and NUL replaced by U+FFFD (pairs joined)."""
    return clean(text)[0]


def is_storable(text: str) -> bool:
    """True when the book would store ``text`` unchanged."""
    return clean(text)[0] == text
