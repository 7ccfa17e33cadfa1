"""The item details pane: the current item's formal parts, for a dock the window places.

Declarations of interest and resolutions (a table each, and a line to type a new one
into: Enter adds), the time the meeting reached the item, its assurance rating, the
members in the room against the quorum, and for a restricted item its Schedule 12A
paragraphs and public summary. The pane only shows and asks: every change goes out as
a signal for ``ItemDetailsController``, which makes the undo command.
"""

from __future__ import annotations

from datetime import time
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.domain.formal_lines import HINT_DECLARATION, HINT_RESOLUTION, KIND_WORDS
from scrutiny_desktop.domain.model import Assurance, Item
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.formal.entry_line import EntryLine
from scrutiny_desktop.ui.formal.exempt_box import ExemptBox
from scrutiny_desktop.ui.formal.models import (
    CHECK,
    INTEREST,
    KIND,
    KIND_LABELS,
    LEFT,
    MEMBER,
    RESTRICTED,
    TEXT,
    VOTE,
    DeclarationsModel,
    ResolutionsModel,
)
from scrutiny_desktop.ui.models import ID_ROLE
from scrutiny_desktop.ui.panes.delegates import ChoiceDelegate, TextDelegate

ASSURANCE_CHOICES: list[tuple[str, Assurance | None]] = [
    ("— not rated", None),
    ("Assured", Assurance.ASSURED),
    ("Partly assured", Assurance.PARTLY_ASSURED),
    ("Not assured", Assurance.NOT_ASSURED),
]


def _table(name: str, model: QObject) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    # Never editing from a plain letter (issue 12): F2 or a double click enters a cell.
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.setMinimumHeight(90)
    return table


def _hint() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ItemDetailsPane(QWidget):
    """The current item's declarations, resolutions, time, assurance, quorum and 12A."""

    declaration_entered = Signal(str)
    declaration_typed = Signal(str)
    no_declarations_asked = Signal()
    resolution_entered = Signal(str)
    resolution_typed = Signal(str)
    vote_asked = Signal(object)  # the resolution id, or None for the latest
    time_entered = Signal(str)
    assurance_chosen = Signal(object)  # Assurance | None
    quorum_entered = Signal(int)  # 0: no quorum
    delete_asked = Signal(str, int)  # ("declaration" | "resolution", id)

    def __init__(self, declarations: DeclarationsModel, resolutions: ResolutionsModel) -> None:
        super().__init__()
        self.setAccessibleName("Item details")
        self._declarations, self._resolutions = declarations, resolutions
        self.heading = QLabel("No item")
        self._shown: int | None = None  # the id of the item whose fields are shown
        self.heading.setAccessibleName("Item details for")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)

        self.time_edit = QLineEdit()
        self.time_edit.setAccessibleName("Time the meeting reached this item")
        self.time_edit.setPlaceholderText("hh:mm")  # not a time that could be read as one
        self.time_edit.setMaximumWidth(70)
        self.time_error = _hint()
        self.time_error.setStyleSheet(theme.error_style())
        self.assurance = QComboBox()
        self.assurance.setAccessibleName("Assurance")
        self.assurance.addItems([label for label, _ in ASSURANCE_CHOICES])
        self.room = QLabel()
        self.room.setAccessibleName("Members in the room")
        self.room.setWordWrap(True)
        self.quorum = QSpinBox()
        self.quorum.setAccessibleName("Quorum of this meeting")
        self.quorum.setRange(0, 99)
        self.quorum.setSpecialValueText("none")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        when = QLabel("&Time reached:")
        when.setBuddy(self.time_edit)
        timed = QHBoxLayout()
        timed.addWidget(self.time_edit)
        timed.addWidget(self.time_error, 1)
        form.addRow(when, timed)
        form.addRow("Assu&rance:", self.assurance)
        room = QHBoxLayout()
        room.addWidget(self.room, 1)
        room.addWidget(QLabel("Quorum:"))
        room.addWidget(self.quorum)
        form.addRow("In the room:", room)

        self._people = QStringListModel(self)
        completer = QCompleter(self._people, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Inline, as the attendees line: no popup takes the Enter that adds the line.
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.declaration_line = EntryLine()
        self.declaration_line.setAccessibleName("Add a declaration of interest")
        self.declaration_line.setPlaceholderText(f"Declaration: {HINT_DECLARATION}")
        self.declaration_line.setToolTip(f"Kinds: {KIND_WORDS}")
        self.declaration_line.setCompleter(completer)
        self.declaration_hint = _hint()
        self.no_declarations = QPushButton("&No declarations")
        self.no_declarations.setToolTip(
            "Adds “There were no declarations of interest.” to the minutes (Ctrl+Shift+J)"
        )
        self.declarations_table = _table("Declarations of interest", declarations)
        self.declarations_table.setItemDelegateForColumn(
            KIND, ChoiceDelegate(KIND_LABELS, "Kind of interest", self.declarations_table)
        )
        self.declarations_table.setItemDelegateForColumn(
            INTEREST, TextDelegate("Interest", "", self.declarations_table)
        )
        self._size_columns(
            self.declarations_table, INTEREST, ((MEMBER, 120), (KIND, 110), (LEFT, 96))
        )

        self.resolution_line = EntryLine()
        self.resolution_line.setAccessibleName("Add a resolution")
        self.resolution_line.setPlaceholderText(f"RESOLVED: {HINT_RESOLUTION}")
        self.resolution_hint = _hint()
        self.vote_button = QPushButton("Recorded v&ote…")
        self.vote_button.setToolTip("Who voted for, against, or abstained (Ctrl+Shift+F)")
        self.resolutions_table = _table("Resolutions", resolutions)
        self.resolutions_table.setItemDelegateForColumn(
            VOTE, TextDelegate("Vote", "4-1-0, or empty for no vote", self.resolutions_table)
        )
        self._size_columns(
            self.resolutions_table, TEXT, ((VOTE, 120), (RESTRICTED, 76), (CHECK, 150))
        )
        self.vote_warning = _hint()
        self.vote_warning.setAccessibleName("Vote check")
        self.vote_warning.setStyleSheet(theme.error_style())
        self.vote_warning.hide()

        self.exempt = ExemptBox()

        declared = QGroupBox("Declarations of interest")
        dl = QVBoxLayout(declared)
        entry = QHBoxLayout()
        entry.addWidget(self.declaration_line, 1)
        entry.addWidget(self.no_declarations)
        dl.addLayout(entry)
        dl.addWidget(self.declaration_hint)
        dl.addWidget(self.declarations_table, 1)
        resolved = QGroupBox("Resolutions")
        rl = QVBoxLayout(resolved)
        entry = QHBoxLayout()
        entry.addWidget(self.resolution_line, 1)
        entry.addWidget(self.vote_button)
        rl.addLayout(entry)
        rl.addWidget(self.resolution_hint)
        rl.addWidget(self.resolutions_table, 1)
        rl.addWidget(self.vote_warning)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.exempt)  # an exempt item's first concern: what the public sees
        layout.addWidget(declared, 1)
        layout.addWidget(resolved, 1)
        self._scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # Top to bottom, as shown (the Schedule 12A part only while it is shown).
        chain: list[QWidget] = [self.time_edit, self.assurance, self.quorum]
        chain += [*self.exempt.boxes.values(), self.exempt.summary, self.exempt.exclusion]
        chain += [self.declaration_line, self.no_declarations, self.declarations_table]
        chain += [self.resolution_line, self.vote_button, self.resolutions_table]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)
        for w in chain:  # a field the keyboard reaches is scrolled into sight
            w.installEventFilter(self)

        self.declaration_line.returnPressed.connect(
            lambda: self.declaration_entered.emit(self.declaration_line.text())
        )
        self.declaration_line.textChanged.connect(self.declaration_typed)
        self.resolution_line.returnPressed.connect(
            lambda: self.resolution_entered.emit(self.resolution_line.text())
        )
        self.resolution_line.textChanged.connect(self.resolution_typed)
        self.no_declarations.clicked.connect(self.no_declarations_asked)
        self.vote_button.clicked.connect(lambda: self.vote_asked.emit(self.current_resolution_id()))
        self.time_edit.editingFinished.connect(
            lambda: self.time_entered.emit(self.time_edit.text())
        )
        self.assurance.activated.connect(
            lambda i: self.assurance_chosen.emit(ASSURANCE_CHOICES[i][1])
        )
        self.quorum.editingFinished.connect(lambda: self.quorum_entered.emit(self.quorum.value()))
        # Row heights follow the text's wrapping: measured once the columns settle.
        self._rows_timers: dict[QTableView, QTimer] = {}
        for table in (self.declarations_table, self.resolutions_table):
            table.installEventFilter(self)
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(0)
            timer.timeout.connect(table.resizeRowsToContents)
            table.horizontalHeader().sectionResized.connect(timer.start)
            self._rows_timers[table] = timer
        for model, table in (
            (declarations, self.declarations_table),
            (resolutions, self.resolutions_table),
        ):
            for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
                signal.connect(self._rows_timers[table].start)
        self.show_item(None, editable=False)

    @staticmethod
    def _size_columns(table: QTableView, stretch: int, widths: tuple[tuple[int, int], ...]) -> None:
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for col, width in widths:
            table.setColumnWidth(col, width)

    # ------------------------------------------------------------ shown by the controller

    def show_item(self, item: Item | None, *, editable: bool) -> None:
        """Show an item's own fields (its rows come through the models)."""
        if item is None:
            self.heading.setText("No item chosen")
        else:
            private = " — taken in private" if item.restricted else ""
            self.heading.setText(f"Item {item.number}: {item.title or '(untitled)'}{private}")
        # A time being typed is kept when its item is shown again, never carried to another
        # item: the field would write it there when it loses the keyboard.
        shown = item.id if item is not None else None
        if not self.time_edit.hasFocus() or shown != self._shown:
            self.show_time(item.started if item else None)
        self._shown = shown
        self.time_error.clear()
        rating = item.assurance if item else None
        self.assurance.setCurrentIndex(
            next(i for i, (_, a) in enumerate(ASSURANCE_CHOICES) if a is rating)
        )
        self.exempt.setVisible(item is not None and item.restricted)
        if item is not None:
            assert item.id is not None
            self.exempt.show_values(item.id, item.exempt_paragraphs, item.public_summary)
        on = editable and item is not None
        for line in (self.time_edit, self.declaration_line, self.resolution_line):
            line.setReadOnly(not on)
        for w in (self.assurance, self.no_declarations, self.vote_button, self.quorum):
            w.setEnabled(on)
        self.exempt.set_editable(on)

    def show_room(self, text: str, members: str, *, inquorate: bool) -> None:
        self.room.setText(text)
        self.room.setToolTip(members)
        self.room.setStyleSheet(f"{theme.error_style()}; font-weight: bold" if inquorate else "")

    def show_quorum(self, quorum: int | None) -> None:
        if not self.quorum.hasFocus():
            self.quorum.setValue(quorum or 0)

    def show_time(self, when: time | None) -> None:
        """The time reached as it is kept (``14:00`` for a typed ``2pm``)."""
        self.time_edit.setText(f"{when:%H:%M}" if when else "")

    def show_time_error(self, text: str) -> None:
        self.time_error.setText(text)

    def show_vote_warning(self, text: str | None) -> None:
        self.vote_warning.setText(text or "")
        self.vote_warning.setVisible(bool(text))

    def set_people(self, entries: list[str]) -> None:
        """What the declaration line completes: initials, then names."""
        self._people.setStringList(entries)

    def set_hint(self, label: QLabel, text: str, *, error: bool) -> None:
        label.setText(text)
        label.setStyleSheet(theme.error_style() if error else f"color: {theme.muted_text().name()}")

    def current_resolution_id(self) -> int | None:
        index = self.resolutions_table.currentIndex()
        return index.siblingAtColumn(TEXT).data(ID_ROLE) if index.isValid() else None

    def select_resolution(self, resolution_id: int) -> None:
        row = self._resolutions.row_of(resolution_id)
        if row is not None:
            self.resolutions_table.setCurrentIndex(self._resolutions.index(row, TEXT))

    # ------------------------------------------------------------ going somewhere

    def focus_declaration(self) -> None:
        self.declaration_line.setFocus()

    def focus_resolution(self) -> None:
        self.resolution_line.setFocus()

    def focus_time(self) -> None:
        self.time_edit.setFocus()
        self.time_edit.selectAll()

    def focus_assurance(self) -> None:
        self.assurance.setFocus()

    def focus_exempt(self) -> None:
        self.exempt.focus_first()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A field given the keyboard is scrolled into sight; Del in a table asks to
        delete its current row (unless a window's Del action, a shortcut, took the key
        first)."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self._scroll.ensureWidgetVisible(watched)
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and isinstance(watched, QTableView)
            and watched.state() != QAbstractItemView.State.EditingState
        ):
            index = watched.currentIndex()
            if index.isValid():
                kind = "declaration" if watched is self.declarations_table else "resolution"
                self.delete_asked.emit(kind, index.siblingAtColumn(0).data(ID_ROLE))
                return True
        return False
