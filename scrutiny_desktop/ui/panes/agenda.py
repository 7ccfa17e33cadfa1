"""The agenda pane: the numbered items, and the current item's title and body."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.domain.model import Item
from scrutiny_desktop.ui.bodies import BodyStore
from scrutiny_desktop.ui.body import BodyEditor, build_document
from scrutiny_desktop.ui.models import ID_ROLE
from scrutiny_desktop.ui.models.items import ItemsModel
from scrutiny_desktop.ui.panes.line_undo import hand_undo_to_window


class AgendaPane(QWidget):
    """Items on the left; on the right the current item's title and its body editor."""

    current_item_changed = Signal(object)  # int | None

    def __init__(
        self,
        model: ItemsModel,
        bodies: BodyStore,
        push: Callable[[QUndoCommand], None],
        save_delay_ms: int = 500,
    ) -> None:
        super().__init__()
        self._model, self._bodies, self._push = model, bodies, push
        self._item_id: int | None = None
        # Where the cursor was in each item's minutes when another item was shown: it
        # returns there (a QTextCursor follows the document's edits).
        self._cursors: dict[int, QTextCursor] = {}
        self._blank = build_document((), self)

        self.items_view = QListView()
        self.items_view.setAccessibleName("Agenda items")
        self.items_view.setModel(model)
        self.items_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.items_view.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Item title")
        self.title_edit.setPlaceholderText("Item title — Enter goes to the minutes")
        self.editor = BodyEditor()
        self.heading = QLabel("Agenda")
        self.heading.setAccessibleName("Current item")

        right = QWidget()
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addWidget(self.heading)
        rlayout.addWidget(self.title_edit)
        rlayout.addWidget(self.editor, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agenda_split")
        self.splitter.addWidget(self.items_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([260, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        QWidget.setTabOrder(self.items_view, self.title_edit)
        QWidget.setTabOrder(self.title_edit, self.editor)

        self.items_view.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self._after_reset)
        model.item_touched.connect(self.select_item)
        model.dataChanged.connect(self._data_changed)
        model.rowsRemoved.connect(self._rows_removed)
        bodies.item_revealed.connect(self.select_item)
        hand_undo_to_window(self.title_edit)
        self.title_edit.returnPressed.connect(self._title_entered)
        self.title_edit.editingFinished.connect(self.commit_title)
        # A title being typed is saved like the body: shortly after the typing pauses.
        self._title_timer = QTimer(self)
        self._title_timer.setSingleShot(True)
        self._title_timer.setInterval(save_delay_ms)
        self._title_timer.timeout.connect(self.commit_title)
        # Started by the first change, not restarted by the next: typing without a pause
        # is saved every ``save_delay_ms``, never held back until the typing stops.
        self.title_edit.textEdited.connect(
            lambda _: self._title_timer.isActive() or self._title_timer.start()
        )
        self._show(None)

    @property
    def item_id(self) -> int | None:
        return self._item_id

    def current_item(self) -> Item | None:
        return None if self._item_id is None else self._model.item(self._item_id)

    def select_item(self, item_id: int) -> None:
        row = self._model.row_of(item_id)
        if row is not None and item_id != self._item_id:
            self.items_view.setCurrentIndex(self._model.index(row))

    def return_to_minutes(self, item_id: int, where: QTextCursor | None = None) -> None:
        """Show ``item_id`` and give its minutes the keyboard, the cursor at ``where``
        (a cursor in that item's document) or else at the end."""
        self.select_item(item_id)
        if self._item_id != item_id:
            return
        if where is not None and where.document() is self.editor.document():
            self.editor.setTextCursor(where)
        self.editor.setFocus()

    def _after_reset(self) -> None:
        self._cursors.clear()  # another meeting: other documents
        if self._model.rowCount():
            self.items_view.setCurrentIndex(self._model.index(0))
        else:
            self._show(None)

    def _rows_removed(self) -> None:
        if self._item_id is not None and self._model.row_of(self._item_id) is None:
            index = self.items_view.currentIndex()
            self._show(index.data(ID_ROLE) if index.isValid() else None)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show(current.data(ID_ROLE) if current.isValid() else None)

    def _show(self, item_id: int | None) -> None:
        if item_id == self._item_id and item_id is not None:
            return
        self.commit_title()
        self._bodies.flush()
        if self._item_id is not None:
            self._cursors[self._item_id] = self.editor.textCursor()
        self._item_id = item_id
        doc: QTextDocument = self._blank if item_id is None else self._bodies.document(item_id)
        self.editor.setDocument(doc)
        # Entering an item's minutes: where the minute-taker last was in them, else the
        # end of the last paragraph (never the start, where new text would join the first).
        cursor = None if item_id is None else self._cursors.get(item_id)
        if cursor is not None and cursor.document() is doc:
            self.editor.setTextCursor(cursor)
        else:
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.editor.setEnabled(item_id is not None)
        self.title_edit.setEnabled(item_id is not None)
        self._refresh_title()
        self.current_item_changed.emit(item_id)

    def _data_changed(self) -> None:
        if not self.title_edit.hasFocus():
            self._refresh_title()

    def _refresh_title(self) -> None:
        item = self.current_item()
        self.title_edit.setText(item.title if item else "")
        if item is None:
            self.heading.setText("No item: Ctrl+Shift+I adds one")
        else:
            flags = " — restricted (not for publication)" if item.restricted else ""
            self.heading.setText(f"Item {item.number}{flags}")

    def _title_entered(self) -> None:
        self.commit_title()
        self.editor.setFocus()

    def commit_title(self) -> None:
        self._title_timer.stop()
        item = self.current_item()
        if item is None:
            return
        title = self.title_edit.text().strip()
        if title != item.title:
            from scrutiny_desktop.ui.commands.agenda import EditItem

            self._push(EditItem(self._model, item, replace(item, title=title), "Rename item"))

    def set_editable(self, editable: bool) -> None:
        self.editor.setReadOnly(not editable)
        self.title_edit.setReadOnly(not editable)
