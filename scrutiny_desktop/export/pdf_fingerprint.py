"""Reading back the fingerprint printed on a circulated PDF (``verify --against``).

Anyone holding the signed-off PDF can check the book against it: the fingerprint on the
paper was fixed when it was printed, so tampering with the book and its stored
fingerprint together is still caught. The text is read with pypdf, as a reader would
copy it; a fingerprint broken across lines is joined again.
"""

from __future__ import annotations

import re
from pathlib import Path

_PRINT = re.compile(r"sha256:([0-9a-f]{64})")


class NoFingerprint(ValueError):
    """The file is not a PDF we can read, or it carries no fingerprint."""


def fingerprint_in_pdf(path: Path) -> str:
    """The ``sha256:…`` fingerprint printed on the minutes at ``path``."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        text = "".join(page.extract_text() or "" for page in reader.pages)
    except (OSError, PdfReadError, ValueError) as e:
        raise NoFingerprint(f"{path} cannot be read as a PDF ({e})") from None
    found = _PRINT.findall("".join(text.split()))
    if not found:
        raise NoFingerprint(
            f"{path} carries no fingerprint (only signed-off minutes, full version, print one)"
        )
    return f"sha256:{found[-1]}"
