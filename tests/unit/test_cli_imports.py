"""A command imports what it uses, no more (issue 17: a command-line export is a whole process).

Each command is run in a fresh interpreter, as ``scrutiny-desktop`` runs it, and the
modules it loaded are listed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.unit.pdf_helpers import REPO

_RUN = """
import json, sys
from scrutiny_desktop.app import main
try:
    code = main(sys.argv[1:])
except SystemExit as e:
    code = e.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _modules(*argv: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", _RUN, *argv], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(out.splitlines()[-1])
    assert result["code"] in (0, None), out
    return set(result["modules"])


def _loaded(modules: set[str], *names: str) -> set[str]:
    return {m for m in modules for n in names if m == n or m.startswith(n + ".")}


def test_help_loads_no_book_no_domain_and_no_output(tmp_path: Path) -> None:
    modules = _modules("--help")
    assert not _loaded(
        modules,
        "sqlite3",
        "scrutiny_desktop.book.store",
        "scrutiny_desktop.domain.model",
        "scrutiny_desktop.export.pdf",
        "reportlab",
        "PySide6",
    )


def test_a_pdf_export_loads_neither_the_json_reader_nor_the_other_formats(
    tmp_path: Path, seeded_book
) -> None:
    book, meeting_id = seeded_book
    book.close()
    out = tmp_path / "m.pdf"
    modules = _modules("export", str(book.path), str(meeting_id), "--format", "pdf", "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    assert "reportlab.platypus" in modules
    assert not _loaded(
        modules,
        # xml.sax.saxutils brings urllib.request, http, ssl and email (about 20 ms)
        "xml.sax",
        "urllib.request",
        "http",
        "ssl",
        "scrutiny_desktop.export.interchange",
        "jsonschema",
        "docx",
        "jinja2",
        "scrutiny_desktop.export.docx_export",
        "scrutiny_desktop.export.html_export",
        "PySide6",
    )
