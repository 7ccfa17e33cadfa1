"""Cell editors: owners that complete from initials, and fixed choices (status, attendance)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
_LAST_TOKEN = re.compile(r"^(.*?[/,;\s]\s*)?([^/,;\s]*)$")


class InitialsCompleter(QCompleter):
    """Completes the last of several owners: ``SH/C`` offers ``SH/CF``."""

    def __init__(self, initials: QStringListModel, parent: QWidget | None = None) -> None:
        super().__init__(initials, parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)

    def splitPath(self, path: str) -> list[str]:
        m = _LAST_TOKEN.match(path)
        return [m.group(2) if m else path]

    def pathFromIndex(self, index: Index) -> str:
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        m = _LAST_TOKEN.match(text)
        head = (m.group(1) or "") if m else ""
        return head + str(index.data())


class OwnersDelegate(QStyledItemDelegate):
    """A line editor for owners with completion from the people directory."""

    def __init__(self, initials: QStringListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._initials = initials

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName("Owners (initials, e.g. SH/CF)")
        editor.setCompleter(InitialsCompleter(self._initials, editor))
        return editor


class ChoiceBox(QComboBox):
    """A drop-down that says when a choice was made in its popup list (click or Enter).

    Arrow keys and the wheel only move the current choice: Enter (or leaving) commits it.
    ``keys`` gives choices a key of their own ("a": the second), pressed without modifiers;
    the choice's tooltip names it.
    """

    chosen = Signal()
    entered = Signal()
    """Enter pressed on the closed box (a cell editor never sees it: its delegate does)."""

    def __init__(self, parent: QWidget | None = None, keys: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._from_popup = False
        self._keys = {k: i for i, k in enumerate(keys) if k}
        self.activated.connect(self._activated)

    def add_choices(self, labels: Sequence[str]) -> None:
        self.addItems(list(labels))
        for key, i in self._keys.items():
            if i < len(labels):
                self.setItemData(i, f"Key: {key}", Qt.ItemDataRole.ToolTipRole)

    def showPopup(self) -> None:
        self._from_popup = True
        super().showPopup()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        self._from_popup = False
        plain = (
            e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        )
        index = self._keys.get(e.text().lower()) if plain else None
        if index is not None and index < self.count():
            self.setCurrentIndex(index)
            return
        if plain and e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
        super().keyPressEvent(e)

    def wheelEvent(self, e: QWheelEvent) -> None:
        self._from_popup = False
        super().wheelEvent(e)

    def _activated(self, _index: int) -> None:
        # The popup is hidden before ``activated``: remember it was open instead.
        if self._from_popup:
            self._from_popup = False
            self.chosen.emit()


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of fixed choices; typing the first letters picks one, and a choice
    made in the popup list (the mouse's way) is saved at once."""

    def __init__(
        self,
        choices: Sequence[str],
        name: str,
        parent: QWidget | None = None,
        keys: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self._choices, self._name, self._keys = list(choices), name, list(keys)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = ChoiceBox(parent, self._keys)
        combo.setAccessibleName(self._name)
        combo.add_choices(self._choices)
        combo.chosen.connect(lambda: self._chosen(combo))
        return combo

    def _chosen(self, combo: ChoiceBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.SubmitModelCache)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            i = editor.findText(str(index.data(Qt.ItemDataRole.EditRole)))
            editor.setCurrentIndex(max(i, 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class TextDelegate(QStyledItemDelegate):
    """A plain line editor with an accessible name and a hint.

    With ``live_ms``, what is typed is committed that long after the typing pauses,
    with the editor still open, as the body is: a crash loses at most that much.
    """

    def __init__(
        self, name: str, hint: str = "", parent: QWidget | None = None, live_ms: int | None = None
    ) -> None:
        super().__init__(parent)
        self._name, self._hint, self._live_ms = name, hint, live_ms

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName(self._name)
        editor.setPlaceholderText(self._hint)
        if self._live_ms is not None:
            timer = QTimer(editor)
            timer.setSingleShot(True)
            timer.setInterval(self._live_ms)
            timer.timeout.connect(lambda: self.commitData.emit(editor))
            # Not restarted by each key: steady typing is committed every ``live_ms``.
            editor.textEdited.connect(lambda _: timer.isActive() or timer.start())
            editor.editingFinished.connect(timer.stop)
        return editor
