"""The attendees pane: one line adds a person; the table holds attendance and the chair."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.initials import (
    INITIALS_PATTERN,
    initials_choices,
    initials_for,
    parse_person_line,
)
from scrutiny_desktop.domain.model import Attendance, AttendanceStatus, Person, PersonKind
from scrutiny_desktop.ui import theme
from scrutiny_desktop.ui.models.attendees import (
    ATTENDANCE,
    ATTENDANCE_CHOICES,
    ATTENDANCE_KEYS,
    CHAIR,
    INITIALS,
    NAME,
    ORGANISATION,
    ROLE,
    AttendeesModel,
    attendance_from_text,
)
from scrutiny_desktop.ui.panes.cell_table import CellTable
from scrutiny_desktop.ui.panes.delegates import ChoiceBox, ChoiceDelegate
from scrutiny_desktop.ui.panes.line_undo import empty, hand_undo_to_window

# What the "as" box offers: an attendance, or named without attending (a person or an
# organisation), each with the key that picks it.
AS_CHOICES: list[tuple[str, AttendanceStatus | None, PersonKind]] = [
    ("Present", AttendanceStatus.PRESENT, PersonKind.PERSON),
    ("Apologies", AttendanceStatus.APOLOGIES, PersonKind.PERSON),
    ("In attendance", AttendanceStatus.IN_ATTENDANCE, PersonKind.PERSON),
    ("Absent", AttendanceStatus.ABSENT, PersonKind.PERSON),
    ("Named only", None, PersonKind.PERSON),
    ("Organisation", None, PersonKind.ORGANISATION),
]
AS_KEYS = [*(ATTENDANCE_KEYS[s] for _, s, _ in AS_CHOICES[:-1]), "o"]
NAMED_ONLY_INDEX = 4


class DirectoryCompleter(QCompleter):
    """Completes a person line from the directory, inline and case-insensitively, except
    when what is typed is exactly someone's initials ("MA"): that is the person meant,
    not the first name starting with those letters ("MAyor Dorothy Thornhill")."""

    def __init__(
        self,
        directory: QStringListModel,
        initials: Callable[[], Iterable[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(directory, parent)
        self._initials = initials
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)

    def splitPath(self, path: str) -> list[str]:
        if path.strip() in set(self._initials()):
            return ["\x00"]  # matches no entry
        return [path]


class AttendeesPane(QWidget):
    """Attendance and the people directory for the current meeting."""

    status_message = Signal(str)

    def __init__(
        self, model: AttendeesModel, book: Book, push: Callable[[QUndoCommand], None]
    ) -> None:
        super().__init__()
        self._model, self._book, self._push = model, book, push
        self._initials_typed = False

        self.person_line = QLineEdit()
        self.person_line.setAccessibleName("Add person")
        self.person_line.setPlaceholderText("Name, Role, Organisation — Enter adds")
        self.initials_edit = QLineEdit()
        self.initials_edit.setAccessibleName("Initials of the person to add")
        self.initials_edit.setPlaceholderText("Initials")
        self.initials_edit.setMaxLength(12)
        self.initials_edit.setFixedWidth(70)
        self.as_combo = ChoiceBox(keys=AS_KEYS)
        self.as_combo.setAccessibleName("Add as")
        self.as_combo.add_choices(
            [f"{label} ({key})" for (label, _, _), key in zip(AS_CHOICES, AS_KEYS, strict=True)]
        )
        self.error_label = QLabel()
        self.error_label.setStyleSheet(theme.error_style())
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        # When a name's own initials are someone else's: which were proposed instead, and
        # the other choices (never a silent "TS2").
        self.initials_note = QLabel()
        self.initials_note.setAccessibleName("Initials proposed")
        self.initials_note.setWordWrap(True)
        self.initials_note.hide()

        self._directory = QStringListModel(self)
        self._entries: dict[str, str] = {}  # directory line -> initials
        completer = DirectoryCompleter(self._directory, lambda: self._entries.values(), self)
        # Inline: typing "Tin" offers "Tina Bateman, ... [TB]" in place; no popup steals keys.
        self.person_line.setCompleter(completer)
        completer.highlighted.connect(self._completion_shown)  # the completed text (str overload)

        # New initials are a rename: only on purpose (F2), a letter there finds a person.
        self.table = CellTable("Attendees", f2_only=(INITIALS,))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.hint.connect(self.status_message)
        model.refused.connect(self.status_message)
        self.table.setItemDelegateForColumn(
            ATTENDANCE,
            ChoiceDelegate(
                ATTENDANCE_CHOICES,
                "Attendance",
                self.table,
                keys=[ATTENDANCE_KEYS[attendance_from_text(c)] for c in ATTENDANCE_CHOICES],
            ),
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (INITIALS, 46),
            (ROLE, 90),
            (ORGANISATION, 96),
            (ATTENDANCE, 148),  # "present, arrived 11:15", in bold for the chair
            (CHAIR, 48),
        ):
            self.table.setColumnWidth(col, width)
        # The role is in the name's tooltip; a wider pane can show the column again.
        self.table.setColumnHidden(ROLE, True)

        entry = QHBoxLayout()
        entry.addWidget(self.person_line, 1)
        entry.addWidget(self.initials_edit)
        entry.addWidget(self.as_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(entry)
        layout.addWidget(self.initials_note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.person_line, self.initials_edit)
        QWidget.setTabOrder(self.initials_edit, self.as_combo)
        QWidget.setTabOrder(self.as_combo, self.table)

        hand_undo_to_window(self.person_line, self.initials_edit)
        self.person_line.textEdited.connect(self._propose)
        self.initials_edit.textEdited.connect(self._initials_edited)
        self.person_line.returnPressed.connect(self.add_typed)
        self.initials_edit.returnPressed.connect(self.add_typed)
        self.as_combo.entered.connect(self.add_typed)
        model.people_changed.connect(self._refresh_directory)

    # ------------------------------------------------------------ the one-line entry

    def _refresh_directory(self) -> None:
        self._entries = {}
        for p in self._book.people():
            parts = [x for x in (p.name, p.role, p.organisation) if x]
            self._entries[f"{', '.join(parts or [p.initials])} [{p.initials}]"] = p.initials
        self._directory.setStringList([e for e, i in self._entries.items() if e != f"{i} [{i}]"])

    def _completion_shown(self, entry: str) -> None:
        """The line completes to someone the book knows: their initials are proposed."""
        initials = self._entries.get(entry)
        if initials is not None and not self._initials_typed:
            self.initials_edit.setText(initials)
            self.initials_note.hide()

    def _initials_edited(self, text: str) -> None:
        self._initials_typed = bool(text)

    def _propose(self, text: str) -> None:
        self.error_label.hide()
        self.initials_note.hide()
        if self._initials_typed:
            return
        try:
            person = self._parse(text)
        except ValueError:
            self.initials_edit.setText("")
            return
        self.initials_edit.setText(person.initials)
        self._note_choice(person)

    def _note_choice(self, person: Person) -> None:
        """Say so when the name's own initials belong to someone else."""
        if not person.name or self._book.person(person.initials) is not None:
            return  # someone the book knows: their initials, nothing to choose
        own = initials_for(person.name)
        holder = self._book.person(own)
        if holder is None or own == person.initials:
            return
        taken = {p.initials for p in self._book.people()}
        others = [c for c in initials_choices(person.name, taken) if c != person.initials][:3]
        also = f" (or {', '.join(others)})" if others else ""
        self.initials_note.setText(
            f"{own} is {holder.display_name}: proposed {person.initials}{also} — Tab to type others"
        )
        self.initials_note.show()

    def _parse(self, text: str) -> Person:
        """The typed person, reusing the initials of someone the directory knows by that name."""
        people = self._book.people()
        known = next((p for p in people if p.initials == text.strip()), None)
        if known is not None:
            return known
        person = parse_person_line(text, {p.initials for p in people})
        if "[" not in text:
            name = (person.name or "").casefold()
            same = [p for p in people if p.name and p.name.casefold() == name]
            if same:
                person = Person(same[0].initials, person.name, person.role, person.organisation)
        return person

    def prepare_details(self, initials: str) -> None:
        """Ready the entry to give a newly named person (an owner) their details."""
        empty(self.person_line)
        self.initials_edit.setText(initials)
        self._initials_typed = True
        self.as_combo.setCurrentIndex(NAMED_ONLY_INDEX)
        self.person_line.setFocus()
        self.status_message.emit(
            f"Type the name (and role, organisation) of {initials}, then Enter"
        )

    @property
    def entry_has_focus(self) -> bool:
        """Whether the keyboard is in the one-line entry (line, initials or "as" box)."""
        return any(w.hasFocus() for w in (self.person_line, self.initials_edit, self.as_combo))

    def add_typed(self, *, chair: bool = False) -> None:
        """Add what the entry line says; with ``chair``, as the chair (one undo step)."""
        from scrutiny_desktop.ui.commands.attendees import AddPerson

        text = self.person_line.text().strip()
        initials = self.initials_edit.text().strip()
        if not text and not initials:
            if chair:
                self.status_message.emit(
                    "Mark as chair: type the chair in this line, or select them in the table (Ctrl+1)"
                )
            return
        known = self._entries.get(text)
        if known is not None and initials and initials != known:
            # A completion accepted is that person, never a new one under other initials.
            self._error(f"That is {text}: empty the initials box to add them, or type another name")
            return
        try:
            person = self._parse(text) if text else Person(initials)
        except ValueError as e:
            self._error(str(e))
            return
        if initials and initials != person.initials:
            if not INITIALS_PATTERN.match(initials):
                self._error(
                    f"{initials!r} cannot be initials: letters first, at most 12 characters"
                )
                return
            person = Person(initials, person.name, person.role, person.organisation)
        existing = self._book.person(person.initials)
        if (
            existing is not None
            and existing.name
            and person.name
            and existing.name.casefold() != person.name.casefold()
        ):
            self._error(f"{person.initials} is already {existing.name}: choose other initials")
            return
        label, status, kind = AS_CHOICES[self.as_combo.currentIndex()]
        if chair and status not in (AttendanceStatus.PRESENT, None):
            self._error(f'Only someone present can chair: the "as" box says {label}')
            return
        if chair and kind is PersonKind.ORGANISATION:
            self._error('An organisation cannot chair: choose Present in the "as" box')
            return
        person = Person(person.initials, person.name, person.role, person.organisation, kind)
        attendance = None if status is None else Attendance(person.initials, status)
        if chair:
            attendance = Attendance(person.initials, AttendanceStatus.PRESENT, chair=True)
        self._push(AddPerson(self._model, person, attendance))
        # The person just added is the one chosen: Arrived now (F6) is about them.
        self.select_person(person.initials)
        empty(self.person_line)
        empty(self.initials_edit)
        self.initials_note.hide()
        self._initials_typed = False
        if self.as_combo.currentIndex() >= NAMED_ONLY_INDEX:
            self.as_combo.setCurrentIndex(0)
        self.person_line.setFocus()

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def select_person(self, initials: str) -> None:
        """Make ``initials``' row the table's current one (the focus stays where it is)."""
        for row in range(self._model.rowCount()):
            if self._model.initials_at(row) == initials:
                self.table.setCurrentIndex(self._model.index(row, INITIALS))
                return

    def current_initials(self) -> str | None:
        index = self.table.currentIndex()
        return self._model.initials_at(index.row()) if index.isValid() else None

    def focus_table(self) -> None:
        self.table.enter()
        if not self.table.currentIndex().isValid() and self._model.rowCount():
            self.table.setCurrentIndex(self._model.index(0, INITIALS))
