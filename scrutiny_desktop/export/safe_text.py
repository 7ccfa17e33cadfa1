"""User text made safe for XML and HTML: characters they cannot hold become U+FFFD.

XML 1.0 (Word's files) and HTML forbid most control characters, and a lone surrogate
cannot be encoded at all; a reader sees a mark where one was, never a broken file.
"""

from __future__ import annotations

REPLACEMENT = "\ufffd"
_BAD = frozenset(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)) | {0x7F, 0xFFFE, 0xFFFF}


def xml_safe(text: str) -> str:
    """``text`` with control characters (but tab and line ends) and lone surrogates as U+FFFD."""
    if all(0x20 <= ord(c) < 0x7F or 0xA0 <= ord(c) < 0xD800 or c in "\t\n\r" for c in text):
        return text
    return "".join(
        REPLACEMENT
        if (ord(c) in _BAD or 0xD800 <= ord(c) <= 0xDFFF or 0x80 <= ord(c) < 0xA0)
        else c
        for c in text
    )
