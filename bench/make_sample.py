"""Write docs/sample/ and the web page's screenshots from the reference meeting.

The PDF (full and public) and a PNG of its first page, the Word minutes (full and public),
the web page (public and full), and docs/screenshots/web-page-desktop.png and
web-page-phone.png (1280 and 320 CSS pixels wide, in headless Chromium).

Run with ``.venv/bin/python -m bench.make_sample``; needs poppler-utils and chromium.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from bench.bench_pdf import reference
from bench.browser import Browser
from scrutiny_desktop.export.docx_export import write_docx
from scrutiny_desktop.export.html_export import write_html
from scrutiny_desktop.export.pdf import export_pdf

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "sample"
SHOTS = ROOT / "docs" / "screenshots"
AUTHOR = "Office of the Police and Crime Commissioner"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    minutes = reference()
    full = OUT / "reference-meeting.pdf"
    pages = export_pdf(minutes, full, author=AUTHOR)
    public = OUT / "reference-meeting-public.pdf"
    export_pdf(minutes, public, public=True, author=AUTHOR)
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(full), str(stem)], check=True
        )
        (png,) = Path(folder).glob("page*.png")
        shutil.copyfile(png, OUT / "reference-meeting-page1.png")
    write_docx(minutes, OUT / "reference-meeting.docx")
    write_docx(minutes, OUT / "reference-meeting-public.docx", public=True)
    write_html(minutes, OUT / "reference-meeting.html")
    page = OUT / "reference-meeting-public.html"
    write_html(minutes, page, public=True)
    with Browser() as browser:
        browser.open(page, 1280).screenshot(SHOTS / "web-page-desktop.png", height=1400)
        phone = browser.open(page, 320, mobile=True)
        where = "document.getElementById('minutes').getBoundingClientRect().top + scrollY"
        phone.screenshot(SHOTS / "web-page-phone.png", top=phone.evaluate(where) - 12, height=1180)
    panel_pages = _panel()
    print(
        f"{full.relative_to(ROOT)}: {pages} pages; panel meeting: {panel_pages} pages; "
        "Word, web page and screenshots written"
    )
    return 0


def _panel() -> int:
    """A police and crime panel's minutes (resources/panel-meeting.json): declarations,
    votes, an exempt item, arrivals, the quorum; item times printed, as its series asks."""
    from scrutiny_desktop.book import Book
    from scrutiny_desktop.export import interchange

    with tempfile.TemporaryDirectory() as folder, Book.create(Path(folder) / "b.sqlite") as book:
        mid = book.import_minutes(interchange.load(ROOT / "resources" / "panel-meeting.json"))
        settings = book.series_settings("Police and Crime Panel")  # from 41/26, as imported
        book.set_series_settings(replace(settings, numbering="yearly", print_item_times=True))
        minutes, shown = book.minutes(mid), book.presentation(mid)
    pages = export_pdf(minutes, OUT / "panel-meeting.pdf", presentation=shown)
    export_pdf(minutes, OUT / "panel-meeting-public.pdf", public=True, presentation=shown)
    write_html(minutes, OUT / "panel-meeting-public.html", public=True, presentation=shown)
    write_docx(minutes, OUT / "panel-meeting.docx", presentation=shown)
    return pages


if __name__ == "__main__":
    raise SystemExit(main())
