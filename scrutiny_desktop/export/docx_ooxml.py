"""The bits of WordprocessingML that python-docx has no API for: table header rows, rows
kept whole, fields, shading, fixed table layout and the document language."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _child(parent: Any, tag: str) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def mark_header_row(row: Any) -> None:
    """Repeat this row at the top of every page (``w:tblHeader``); it is the table's header."""
    _child(row._tr.get_or_add_trPr(), "w:tblHeader").set(qn("w:val"), "true")


def keep_row_whole(row: Any) -> None:
    """Move the row to the next page rather than split it, where it fits (``w:cantSplit``)."""
    _child(row._tr.get_or_add_trPr(), "w:cantSplit").set(qn("w:val"), "true")


def shade(cell: Any, fill: str) -> None:
    """Fill a cell with a colour (``RRGGBB``)."""
    shd = _child(cell._tc.get_or_add_tcPr(), "w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def fixed_layout(table: Any, widths_twips: list[int]) -> None:
    """Fixed column widths, so Word and LibreOffice draw the columns alike."""
    tbl_pr = table._tbl.tblPr
    _child(tbl_pr, "w:tblLayout").set(qn("w:type"), "fixed")
    width = _child(tbl_pr, "w:tblW")
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(widths_twips)))
    look = _child(tbl_pr, "w:tblLook")
    for name, value in (("w:firstRow", "1"), ("w:firstColumn", "0"), ("w:noHBand", "1")):
        look.set(qn(name), value)
    look.set(qn("w:val"), "0420")
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_twips, strict=True):
        col.set(qn("w:w"), str(w))


def field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A simple field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice fill in."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def set_language(styles_element: Any, language: str) -> None:
    """The document's default language (spelling, hyphenation, screen readers)."""
    defaults = _child(styles_element, "w:docDefaults")
    rpr_default = _child(defaults, "w:rPrDefault")
    rpr = _child(rpr_default, "w:rPr")
    lang = _child(rpr, "w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), language)


def set_fonts(style: Any, name: str) -> None:
    """One font for every script slot of a style (Word otherwise keeps the theme's)."""
    rpr = style.element.get_or_add_rPr()
    fonts = _child(rpr, "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def plain_characters(style: Any) -> None:
    """Take a style's letter spacing and paragraph border off (the template's Title, Subtitle)."""
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        for found in rpr.findall(qn(tag)):
            rpr.remove(found)
    ppr = style.element.get_or_add_pPr()
    for found in ppr.findall(qn("w:pBdr")):
        ppr.remove(found)


def no_side_margins(cell: Any) -> None:
    """A cell whose content starts at its left edge and runs to its right (no padding)."""
    mar = _child(cell._tc.get_or_add_tcPr(), "w:tcMar")
    for side in ("w:top", "w:left", "w:bottom", "w:right"):
        edge = _child(mar, side)
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")


def inner_grid(table: Any, widths_twips: list[int]) -> None:
    """A table inside a cell: fixed widths, only lines between its columns."""
    fixed_layout(table, widths_twips)
    borders = _child(table._tbl.tblPr, "w:tblBorders")
    for side in ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"):
        edge = _child(borders, side)
        drawn = side == "w:insideV"
        edge.set(qn("w:val"), "single" if drawn else "nil")
        if drawn:
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "auto")
    for tr in table._tbl.tr_lst:
        for tc, w in zip(tr.tc_lst, widths_twips, strict=True):
            tcw = _child(tc.get_or_add_tcPr(), "w:tcW")
            tcw.set(qn("w:type"), "dxa")
            tcw.set(qn("w:w"), str(w))


def drop_first_paragraph(cell: Any) -> None:
    """Remove the paragraph that opens a cell (python-docx makes every cell with one)."""
    first = cell._tc.find(qn("w:p"))
    if first is not None and first is cell._tc.getchildren()[1]:
        cell._tc.remove(first)


def shrink(paragraph: Any) -> None:
    """A paragraph that takes as little height as Word allows (1 pt, no spacing)."""
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = 0
    fmt.line_spacing = 1.0
    rpr = _child(paragraph._p.get_or_add_pPr(), "w:rPr")
    size = _child(rpr, "w:sz")
    size.set(qn("w:val"), "2")


def repeatable(package: bytes) -> bytes:
    """The package with every part's time stamp fixed, so the same minutes give the same bytes
    (python-docx stamps each part with the time it was written)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()
