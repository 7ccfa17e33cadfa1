"""Undo commands for the formal parts of a meeting: each do and each undo is one book
method, one transaction (issue 17), and then the model concerned is told what changed.

Rows are found by their ids. An item's own fields (its time, assurance, Schedule 12A
paragraphs, public summary) are changed with ``ui.commands.agenda.EditItem``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from scrutiny_desktop.book import Book
from scrutiny_desktop.book.content import DeletedItem
from scrutiny_desktop.book.formal import SeriesSettings
from scrutiny_desktop.domain.model import Declaration, Item, Resolution
from scrutiny_desktop.ui.commands.base import BookCommand
from scrutiny_desktop.ui.formal.models import HasId, ItemRows
from scrutiny_desktop.ui.models.items import ItemsModel
from scrutiny_desktop.ui.session import BookSession

R = TypeVar("R", bound=HasId)


@dataclass(frozen=True, slots=True)
class RowKind(Generic[R]):
    """How the book adds, changes and deletes one kind of an item's rows."""

    noun: str
    add: Callable[[int, R, int | None], R]
    update: Callable[[R], None]
    delete: Callable[[int], tuple[int, int, R]]


def declarations(book: Book) -> RowKind[Declaration]:
    return RowKind(
        "declaration", book.add_declaration, book.update_declaration, book.delete_declaration
    )


def resolutions(book: Book) -> RowKind[Resolution]:
    return RowKind(
        "resolution", book.add_resolution, book.update_resolution, book.delete_resolution
    )


class AddRow(BookCommand, Generic[R]):
    """A new declaration or resolution at an item; undo deletes it, redo puts the same
    row (same id) back where it was."""

    def __init__(
        self,
        session: BookSession,
        kind: RowKind[R],
        model: ItemRows[R],
        item_id: int,
        row: R,
        *,
        reveal: bool = True,
    ) -> None:
        super().__init__(f"Add {kind.noun}")
        self._session, self._kind, self._model = session, kind, model
        self._item_id, self._row, self._reveal = item_id, row, reveal
        self._position: int | None = None

    @property
    def row(self) -> R:
        """The row as the book holds it (with its id once done)."""
        return self._row

    def do(self) -> None:
        if self._reveal:
            self._model.touch(self._item_id)
        self._row = self._session.write(self._kind.add, self._item_id, self._row, self._position)
        self._model.inserted(self._item_id, self._position, self._row)

    def undo_it(self) -> None:
        row_id = self._row.id
        assert row_id is not None
        if self._reveal:
            self._model.touch(self._item_id)
        _, self._position, self._row = self._session.write(self._kind.delete, row_id)
        self._model.removed(row_id)


class EditRow(BookCommand, Generic[R]):
    """Change a declaration or resolution; undo puts the old one back."""

    def __init__(
        self,
        session: BookSession,
        kind: RowKind[R],
        model: ItemRows[R],
        item_id: int,
        old: R,
        new: R,
        text: str | None = None,
        *,
        reveal: bool = True,
    ) -> None:
        super().__init__(text or f"Edit {kind.noun}")
        assert old.id is not None and old.id == new.id
        self._session, self._kind, self._model = session, kind, model
        self._item_id, self._old, self._new, self._reveal = item_id, old, new, reveal

    def do(self) -> None:
        self._put(self._new)

    def undo_it(self) -> None:
        self._put(self._old)

    def _put(self, row: R) -> None:
        if self._reveal:
            self._model.touch(self._item_id)
        # Kept in the window while the book cannot take writes (see ui.session).
        self._session.keep((self._kind.noun, row.id), self._kind.update, row)
        self._model.replaced(row)


class DeleteRow(BookCommand, Generic[R]):
    """Delete a declaration or resolution; undo puts it back, same id, same place."""

    def __init__(
        self, session: BookSession, kind: RowKind[R], model: ItemRows[R], item_id: int, row_id: int
    ) -> None:
        super().__init__(f"Delete {kind.noun}")
        self._session, self._kind, self._model = session, kind, model
        self._item_id, self._id = item_id, row_id
        self._saved: tuple[int, R] | None = None

    def do(self) -> None:
        self._model.touch(self._item_id)
        _, position, row = self._session.write(self._kind.delete, self._id)
        self._saved = (position, row)
        self._model.removed(self._id)

    def undo_it(self) -> None:
        assert self._saved is not None
        position, row = self._saved
        self._model.touch(self._item_id)
        self._session.write(self._kind.add, self._item_id, row, position)
        self._model.inserted(self._item_id, position, row)


class SetSeriesSettings(BookCommand):
    """A series' numbering, year, first minute, quorum for new meetings and item times;
    the series' draft meetings are numbered again when the numbering, year or first
    minute changes."""

    def __init__(
        self,
        session: BookSession,
        old: SeriesSettings,
        new: SeriesSettings,
        renumbered: Callable[[], None],
    ) -> None:
        super().__init__(f"Settings of {new.name}")
        self._session, self._old, self._new, self._renumbered = session, old, new, renumbered

    def do(self) -> None:
        self._put(self._new)

    def undo_it(self) -> None:
        self._put(self._old)

    def _put(self, settings: SeriesSettings) -> None:
        self._session.write(self._session.book.set_series_settings, settings)
        self._renumbered()


class InsertItemWith(BookCommand):
    """A new item holding what it is given (the exclusion of the public, with its
    resolution) in one transaction (``restore_item``); undo deletes it."""

    def __init__(
        self,
        session: BookSession,
        items: ItemsModel,
        position: int,
        item: Item,
        inserted: Callable[[], None],
    ) -> None:
        super().__init__(f"Insert {item.title!r}")
        self._session, self._items = session, items
        self._saved, self._inserted = DeletedItem(position, item), inserted

    @property
    def item_id(self) -> int | None:
        return self._saved.item.id

    def do(self) -> None:
        mid = self._session.meeting_id
        assert mid is not None
        if self._saved.item.id is not None:
            self._items.restore(self._saved)  # redo: same ids
            return
        book = self._session.book
        self._session.write(book.restore_item, mid, self._saved)
        # The book gave the item its id; the agenda is read again to show it.
        position = self._saved.position
        made = replace(self._saved.item, id=book.items(mid)[position].id)
        self._saved = DeletedItem(position, made)
        self._inserted()

    def undo_it(self) -> None:
        assert self._saved.item.id is not None
        self._saved = self._items.delete(self._saved.item.id)
