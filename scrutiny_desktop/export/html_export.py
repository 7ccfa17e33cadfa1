"""The minutes as one accessible, self-contained web page (Jinja2, escaped by default).

For publication (WCAG 2.2 AA): ``lang="en-GB"``, a heading outline (the meeting, the
attendance lists, the minutes, each item, its sub-headings), the minutes as a real data
table with a caption and column and row headers, and no external resource of any kind
(the style sheet is inline; there is no script). Under 40em (a phone, or 400% zoom) the
table reflows to one block per item with each cell labelled. Drawn from
``layout.lay_out``: the public version holds nothing restricted to draw.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrutiny_desktop.domain.model import Minutes
from scrutiny_desktop.domain.presentation import Presentation
from scrutiny_desktop.export import wording
from scrutiny_desktop.export.layout import (
    PLAIN,
    ActionLine,
    Bullets,
    Flag,
    Layout,
    NextMeetingLine,
    Para,
    PrivateItem,
    Progress,
    Resolved,
    RestrictedItem,
    SubHeading,
    Title,
    lay_out,
)
from scrutiny_desktop.export.safe_text import xml_safe
from scrutiny_desktop.files.atomic import write_bytes_atomically

TEMPLATE = "minutes.html.j2"

# Each kind of block in the Matter column, by the name of its macro in the template.
BLOCK_MACROS: dict[type, str] = {
    Title: "title",
    SubHeading: "sub_heading",
    Para: "para",
    Progress: "progress",
    PrivateItem: "private_item",
    RestrictedItem: "restricted_item",
    Bullets: "bullets",
    Resolved: "resolved",
    Flag: "flag",
}
LINE_MACROS: dict[type, str] = {ActionLine: "action", NextMeetingLine: "next_meeting"}


def write_html(
    minutes: Minutes, out: Path, *, public: bool = False, presentation: Presentation = PLAIN
) -> None:
    """Write the minutes to ``out`` as one HTML file, full or public."""
    layout = lay_out(minutes, public=public, presentation=presentation)
    write_bytes_atomically(out, render_html(layout).encode("utf-8"))


def render_html(layout: Layout) -> str:
    """The page's text."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("scrutiny_desktop.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["text"] = _Text(layout.closing.abbreviations)
    env.globals.update(
        block_macro=lambda block: BLOCK_MACROS[type(block)],
        line_macro=lambda line: LINE_MACROS[type(line)],
        wording=wording,
    )
    return env.get_template(TEMPLATE).render(lay=layout)


class _Text:
    """The ``text`` filter: user text escaped, with the characters HTML cannot hold marked
    and its line breaks kept; the first use of each abbreviation in the glossary's list
    (in the order the page is written) is marked ``<abbr title="...">``."""

    def __init__(self, abbreviations: tuple[tuple[str, str], ...]) -> None:
        from scrutiny_desktop.writing.glossary import GlossaryEntry

        self._pending = [GlossaryEntry(a, m) for a, m in abbreviations]

    def __call__(self, value: Any) -> Any:
        from markupsafe import Markup

        text = xml_safe(str(value))
        marked: list[tuple[int, int, str]] = []
        if self._pending:
            from scrutiny_desktop.writing.glossary import first_uses

            for use in first_uses([text], self._pending):
                marked.append((use.start, use.end, use.entry.meaning))
                self._pending.remove(use.entry)
        out, at = Markup(""), 0
        for start, end, meaning in sorted(marked):
            out += _lines(text[at:start])
            out += Markup('<abbr title="{}">{}</abbr>').format(meaning, text[start:end])
            at = end
        return out + _lines(text[at:])


def _lines(text: str) -> Any:
    from markupsafe import Markup, escape

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Markup("<br>").join(escape(line) for line in lines)
