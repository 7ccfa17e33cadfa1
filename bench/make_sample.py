"""Write docs/sample/: the reference meeting as PDF (full and public) and a PNG of page 1.

Run with ``.venv/bin/python -m bench.make_sample``; needs poppler-utils for the PNG.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.bench_pdf import reference
from scrutiny_desktop.export.pdf import export_pdf

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "sample"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    minutes = reference()
    full = OUT / "reference-meeting.pdf"
    pages = export_pdf(minutes, full, author="Office of the Police and Crime Commissioner")
    public = OUT / "reference-meeting-public.pdf"
    export_pdf(minutes, public, public=True, author="Office of the Police and Crime Commissioner")
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(full), str(stem)], check=True
        )
        (png,) = Path(folder).glob("page*.png")
        shutil.copyfile(png, OUT / "reference-meeting-page1.png")
    print(f"{full.relative_to(ROOT)}: {pages} pages; {public.name}; reference-meeting-page1.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
