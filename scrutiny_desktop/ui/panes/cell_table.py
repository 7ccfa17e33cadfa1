"""A table whose cells are typed in, but only when the minute-taker meant to be there."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QTableView,
    QWidget,
)

# Ways into a table that a person chooses; the program's own ``setFocus`` is not one.
_ON_PURPOSE = (
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
# Focus that leaves for a moment and comes back (a dialog, a menu): the table stays entered.
_PASSING = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


class CellTable(QTableView):
    """A ``QTableView`` where a plain letter starts typing in the current cell only when the
    table was entered on purpose (Go to… shortcut, Tab, a click); F2 and a double-click
    always do. Focus put here by the program (after raising an action, opening a search
    hit) does not turn a sentence meant for the minutes into a cell's value.

    Columns in ``f2_only`` are never typed into from a letter (it finds a row instead),
    for cells whose change is heavier than an edit (a person's initials).

    ``editor_closed`` carries how a cell editor ended (Enter: ``SubmitModelCache``,
    Escape: ``RevertModelCache``, Tab: ``EditNextItem``...).
    """

    editor_closed = Signal(QAbstractItemDelegate.EndEditHint)
    hint = Signal(str)

    def __init__(
        self, name: str, parent: QWidget | None = None, *, f2_only: Collection[int] = ()
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._entered = False
        # Columns a letter never starts typing in (it finds a row instead): F2 edits them.
        self._f2_only = frozenset(f2_only)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    @property
    def entered_on_purpose(self) -> bool:
        return self._entered

    def enter(self) -> None:
        """The minute-taker asked for this table (View ▸ Go to…): typing edits its cells."""
        self._entered = True
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focusInEvent(self, e: QFocusEvent) -> None:
        if e.reason() in _ON_PURPOSE:
            self._entered = True
        super().focusInEvent(e)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        # During focus-out the application already names the widget that gains it.
        gaining = QApplication.focusWidget()
        if e.reason() not in _PASSING and not (gaining is not None and self.isAncestorOf(gaining)):
            self._entered = False
        super().focusOutEvent(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if (
            not self._entered
            and self.state() != QAbstractItemView.State.EditingState
            and _is_plain_text(e)
        ):
            self.hint.emit(
                f"{self.accessibleName()}: F2 edits the cell, Ctrl+3 goes to the minutes"
            )
            e.accept()
            return
        super().keyPressEvent(e)

    def edit(  # type: ignore[override]
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger | None = None,
        event: QEvent | None = None,
    ) -> bool:
        if trigger is None:  # the public edit(index): asked for by the program
            super().edit(index)
            return self.state() == QAbstractItemView.State.EditingState
        if (
            trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
            and index.column() in self._f2_only
        ):
            return False
        # Qt passes no event for some triggers (a null pointer); the stubs do not say so.
        return bool(super().edit(index, trigger, event))  # type: ignore[arg-type]

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        self.editor_closed.emit(hint)


def _is_plain_text(e: QKeyEvent) -> bool:
    mods = e.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    return mods == Qt.KeyboardModifier.NoModifier and bool(e.text()) and e.text().isprintable()
