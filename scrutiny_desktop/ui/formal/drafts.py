"""Words the window drafts for the minute-taker: the exclusion of the public before an
exempt item, and "There were no declarations of interest." in an item's minutes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QTextCursor, QTextDocument

from scrutiny_desktop.domain.model import Item, Resolution
from scrutiny_desktop.domain.wording import exclusion_resolution
from scrutiny_desktop.ui.body import block_format, char_format

EXCLUSION_TITLE = "Exclusion of the press and public"
EXCLUSION_START = "That under Section 100A(4)"


@dataclass(frozen=True, slots=True)
class ExclusionPlan:
    """Where the exclusion resolution goes and what it says.

    ``target``: the item before the exempt items, when it is an exclusion item (its
    title says "exclusion"); None: a new item titled ``EXCLUSION_TITLE`` is inserted at
    ``position``. ``existing``: an exclusion resolution already there (its text is
    brought up to date instead of adding a second one).
    """

    text: str
    paragraphs: tuple[int, ...]
    position: int
    target: Item | None
    existing: Resolution | None = None


def is_exclusion_item(item: Item) -> bool:
    return "exclusion" in item.title.casefold()


def plan_exclusion(items: Sequence[Item], item_id: int) -> ExclusionPlan:
    """The exclusion for the exempt item ``item_id`` and any exempt items just before it
    (one resolution excludes the public for a run of them); ValueError saying what is
    missing. ``items`` are in agenda order; the target's resolutions are not read here."""
    index = next((i for i, item in enumerate(items) if item.id == item_id), None)
    if index is None:
        raise ValueError("choose the exempt item first")
    item = items[index]
    if not item.restricted:
        raise ValueError(
            f"item {item.number} is not taken in private: mark it restricted (Ctrl+Alt+R) "
            "and tick its Schedule 12A paragraphs"
        )
    start = index
    while start > 0 and items[start - 1].restricted:
        start -= 1
    paragraphs = tuple(sorted({p for i in items[start : index + 1] for p in i.exempt_paragraphs}))
    if not paragraphs:
        raise ValueError(
            f"tick the Schedule 12A paragraphs of item {item.number} first (Ctrl+Shift+X)"
        )
    before = items[start - 1] if start > 0 else None
    target = before if before is not None and is_exclusion_item(before) else None
    return ExclusionPlan(exclusion_resolution(paragraphs), paragraphs, start, target)


def existing_exclusion(resolutions: Sequence[Resolution]) -> Resolution | None:
    return next((r for r in resolutions if r.text.startswith(EXCLUSION_START)), None)


def append_paragraph(doc: QTextDocument, text: str) -> bool:
    """Add ``text`` as a plain paragraph at the end of an item's minutes, and an empty
    one after it where the minutes go on (an editor's cursor at the end moves into it:
    what is typed next is never joined to ``text``); one step of the document's own undo
    history, so it is undone like typing. False when the minutes already end with it."""
    last = doc.lastBlock()
    while not last.text().strip() and last.previous().isValid():
        last = last.previous()
    if last.text().strip() == text:
        return False
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.beginEditBlock()
    if cursor.block().text().strip():
        cursor.insertBlock()
    cursor.setBlockFormat(block_format(False, False))
    cursor.setBlockCharFormat(char_format(False))
    cursor.insertText(text, char_format(False))
    cursor.insertBlock()
    cursor.endEditBlock()
    return True
