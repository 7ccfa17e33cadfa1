"""The writing aids in the window (issue 16): spelling, standard phrases and the glossary.

``WritingController`` is handed the window's ``Context`` and reaches the open book only
through ``ctx.workspace``; every edit it makes goes through ``ctx.push`` as one undo
command (one book call), except replacements in the minutes, which are edits of the body
document (one edit block, so one ``BodyEdit``). The window:

* builds it once, adds ``offer_bar`` to the status bar (``addPermanentWidget``), merges
  ``WRITING_COMMANDS`` into its menus with ``slots()``, and after ``show()`` calls
  ``start()``;
* needs nothing more: the minutes editor's context menu gets the suggestions from
  ``menu_actions`` (set as the editor's ``menu_first`` once started).

Nothing of the spell-check is on the start-up path: importing this module and building the
controller cost about a millisecond; the highlighters, field underlines and phrase typing
(whose modules and first use of Qt's text classes took about 20 ms) are attached by
``start()``, ``LOAD_DELAY_MS`` after the window is shown, just before the dictionary loads.
A command used before then starts them at once. After that the controller follows each
workspace (``ctx.workspace_changed``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit, QWidget

from scrutiny_desktop.ui.commands_menu import Command
from scrutiny_desktop.ui.panes.glossary_offer import GlossaryOfferBar
from scrutiny_desktop.ui.spelling.service import LOAD_DELAY_MS, SpellingService
from scrutiny_desktop.writing.glossary import GlossaryEntry, offers
from scrutiny_desktop.writing.phrases import DEFAULT_PHRASES, Phrase
from scrutiny_desktop.writing.tokens import normalise

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from scrutiny_desktop.ui.context import Context
    from scrutiny_desktop.ui.panes.glossary_dialog import GlossaryDialog
    from scrutiny_desktop.ui.panes.phrases_dialog import PhrasesDialog
    from scrutiny_desktop.ui.phrases import PhraseTyping
    from scrutiny_desktop.ui.spelling.body import BodySpelling
    from scrutiny_desktop.ui.spelling.line import LineSpelling
    from scrutiny_desktop.ui.spelling.targets import MisspeltWord
    from scrutiny_desktop.ui.workspace import Workspace

# F7 is Word's and LibreOffice's spelling key. Ctrl+. and Ctrl+; are left alone: IBus, the
# input method of GNOME and Ubuntu, has used both for its emoji picker.
WRITING_COMMANDS = (
    Command("spelling_suggestions", "&Edit", "Spelling &suggestions…", "F7"),
    Command("glossary", "&Edit", "&Glossary of abbreviations…", "Shift+F7"),
    Command("glossary_offer", "&Edit", "Add the &offered abbreviation…", "Ctrl+Shift+F7"),
    Command("insert_phrase", "&Edit", "Insert standard &phrase…", "F8"),
    Command("edit_phrases", "&Edit", "Standard p&hrases…", "Shift+F8"),
)
OFFER_DELAY_MS = 600  # an offer waits for a pause in the typing


class WritingController(QObject):
    """Spell-checking, suggestions, phrases and the glossary for the open book."""

    def __init__(self, ctx: Context, spelling: SpellingService | None = None) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.spelling = spelling or SpellingService(parent=self)
        self.offer_bar = GlossaryOfferBar()
        self.lines: LineSpelling | None = None
        self._started = False
        self._lines_waiting: list[QLineEdit] = []
        self.phrases: list[Phrase] = list(DEFAULT_PHRASES)
        self.body: BodySpelling | None = None
        self.typing: PhraseTyping | None = None
        self.glossary_dialog: GlossaryDialog | None = None
        self.phrases_dialog: PhrasesDialog | None = None
        self.popup: QMenu | None = None
        self._cells: list[tuple[QAbstractItemView, frozenset[int]]] = []  # this book's panes
        self._kept_cells: list[tuple[QAbstractItemView, frozenset[int]]] = []  # the window's
        self._offer_texts: list[str] = []
        self._offer_timer = QTimer(self)
        self._offer_timer.setSingleShot(True)
        self._offer_timer.setInterval(OFFER_DELAY_MS)
        self._offer_timer.timeout.connect(self.make_offers)
        ctx.workspace_changed.connect(self.attach)
        ctx.meeting_shown.connect(self.refresh)
        self.spelling.capitals_typed.connect(self._capitals_typed)
        self.offer_bar.accepted.connect(self.put_glossary_entry)
        self.offer_bar.word_chosen.connect(self.add_book_word)
        self.offer_bar.finished.connect(self._back_to_minutes)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def slots(self) -> dict[str, Callable[[], None]]:
        """The slot of each of ``WRITING_COMMANDS``, by name."""
        return {
            "spelling_suggestions": self.show_suggestions,
            "glossary": self.edit_glossary,
            "glossary_offer": self.take_offer,
            "insert_phrase": self.insert_phrase,
            "edit_phrases": self.edit_phrases,
        }

    def update_actions(self, act: dict[str, QAction]) -> None:
        ws = self._ctx.workspace
        for name in ("spelling_suggestions", "glossary", "glossary_offer"):
            act[name].setEnabled(ws is not None)
        act["insert_phrase"].setEnabled(self._ctx.editable)
        act["edit_phrases"].setEnabled(ws is not None and not ws.book.read_only)

    # ------------------------------------------------------------ the open book

    def start(self, delay_ms: int = LOAD_DELAY_MS) -> None:
        """Called just after the window's ``show()``: ``start_now`` in ``delay_ms``."""
        QTimer.singleShot(delay_ms, self, self.start_now)

    def start_now(self) -> None:
        """Attach the checking to the fields and the minutes shown, and load the dictionary."""
        if self._started:
            return
        self._started = True
        from scrutiny_desktop.ui.spelling.line import LineSpelling

        self.lines = LineSpelling(self.spelling, self.menu_actions, self)
        for edit in self._lines_waiting:
            self.lines.watch(edit)
        self._lines_waiting = []
        self.attach()
        self.spelling.load()

    def attach(self) -> None:
        """Follow ``ctx.workspace`` (a book was opened or closed); nothing before ``start``."""
        if not self._started:
            return
        from scrutiny_desktop.ui.phrases import PhraseTyping
        from scrutiny_desktop.ui.spelling.body import BodySpelling

        for dialog in (self.glossary_dialog, self.phrases_dialog):
            if dialog is not None:
                dialog.close()
        self.glossary_dialog = self.phrases_dialog = None
        self._cells = []
        ws = self._ctx.workspace
        if ws is None:
            self.body = self.typing = None
            return
        editor = ws.agenda_pane.editor
        editor.menu_first = self.menu_actions  # suggestions at the top of its context menu
        self.typing = PhraseTyping(editor, lambda: self.phrases, self._seal, self._ctx.tell)
        self.body = BodySpelling(editor, self.spelling, self.typing.trigger_typed)
        ws.agenda_pane.current_item_changed.connect(self._item_shown)
        ws.session.header_changed.connect(self.refresh)
        self._watch_fields(ws)
        self.body.show()
        self.refresh()

    def _watch_fields(self, ws: Workspace) -> None:
        """The one-line fields of today's window that are spell-checked, and the signal that
        says the people (and so the known names) changed. Wiring the window may take over."""
        from scrutiny_desktop.ui.models.actions import TEXT
        from scrutiny_desktop.ui.models.updates import NOTE

        self.watch_line(ws.agenda_pane.title_edit)
        self.watch_line(ws.actions_pane.update_line)
        self.watch_cells(ws.actions_pane.table, (TEXT,))
        self.watch_cells(ws.actions_pane.updates_table, (NOTE,))
        ws.attendees.people_changed.connect(self.refresh_known)

    def watch_line(self, edit: QLineEdit) -> None:
        """Spell-check a one-line field (a resolution, say) from now on."""
        if self.lines is None:
            self._lines_waiting.append(edit)
        else:
            self.lines.watch(edit)

    def watch_cells(
        self, view: QAbstractItemView, columns: Iterable[int], *, kept: bool = False
    ) -> None:
        """Spell-check the cell editors ``view`` opens in ``columns``: for the open book's
        panes, or (``kept``) for a pane of the window's that outlives every book."""
        (self._kept_cells if kept else self._cells).append((view, frozenset(columns)))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not isinstance(new, QLineEdit) or self.lines is None:
            return
        for view, columns in (*self._cells, *self._kept_cells):
            try:
                if (
                    new.parentWidget() is view.viewport()
                    and view.currentIndex().column() in columns
                ):
                    self.lines.watch(new)
            except RuntimeError:
                continue  # the view went with its workspace

    def refresh(self) -> None:
        """Read the known words and the series' phrases for the meeting shown (from
        ``start`` on: the first screen uses neither, and ``start_now`` reads them)."""
        ws = self._ctx.workspace
        if ws is None or not self._started:
            return
        meeting = ws.session.meeting
        self.phrases = ws.book.phrases(meeting.series if meeting is not None else None)
        self.refresh_known()

    def refresh_known(self) -> None:
        """Read the known words again (names, glossary, this book's words, ignored here)."""
        ws = self._ctx.workspace
        if ws is not None and self._started:
            self.spelling.set_known(ws.book.known_words(ws.session.meeting_id))

    def _item_shown(self, item_id: int | None) -> None:
        if self.body is not None:
            self.body.show()

    def _seal(self) -> None:
        """After a replacement in the minutes: the next typing is an undo step of its own."""
        if self._ctx.workspace is not None:
            self._ctx.workspace.bodies.seal()

    # ------------------------------------------------------------ suggestions

    def show_suggestions(self) -> None:
        """The popup of suggestions for the misspelt word at, or just before, the cursor."""
        widget = QApplication.focusWidget()
        if not self._checked(widget):
            self._ctx.tell("Spelling suggestions are for the minutes and the text fields.")
            return
        assert widget is not None
        if self._read_only(widget):
            self._ctx.tell("These minutes cannot be changed.")
            return
        self.start_now()  # asked for: now, if the timer has not done it yet
        from scrutiny_desktop.ui.spelling.menu import suggestion_menu
        from scrutiny_desktop.ui.spelling.targets import word_in

        found = word_in(widget, self.spelling, self._seal)
        if found is None:
            self._ctx.tell("No misspelt word at the cursor.")
            return
        self.popup = suggestion_menu(widget, lambda menu: self._actions(found, menu))
        self.popup.aboutToHide.connect(self._popup_closed)
        self.popup.popup(found.anchor)

    def _popup_closed(self) -> None:
        self.popup = None  # it deletes itself

    def menu_actions(self, widget: QWidget, pos: QPoint, parent: QObject) -> list[QAction]:
        """For the top of a context menu: suggestions for the misspelt word at ``pos``
        (a context menu event's position), or none. The actions are ``parent``'s."""
        if not self._started or not self._checked(widget) or self._read_only(widget):
            return []
        from scrutiny_desktop.ui.spelling.targets import word_in

        found = word_in(widget, self.spelling, self._seal, pos)
        return [] if found is None else self._actions(found, parent)

    def _actions(self, found: MisspeltWord, parent: QObject) -> list[QAction]:
        from scrutiny_desktop.ui.spelling.menu import suggestion_actions

        ignore = self.ignore_word if self._ctx.editable else None
        return suggestion_actions(
            found, self.spelling.suggest(found.word), parent, self.add_book_word, ignore
        )

    def _checked(self, widget: QWidget | None) -> bool:
        ws = self._ctx.workspace
        if ws is None or widget is None:
            return False
        if isinstance(widget, QPlainTextEdit):
            return widget is ws.agenda_pane.editor
        return isinstance(widget, QLineEdit) and bool(widget.property("spelling_watched"))

    @staticmethod
    def _read_only(widget: QWidget) -> bool:
        return isinstance(widget, (QPlainTextEdit, QLineEdit)) and widget.isReadOnly()

    def add_book_word(self, word: str) -> None:
        """Add a word to this book's words (an undo step)."""
        from scrutiny_desktop.ui.commands.writing import AddBookWord

        ws = self._ctx.workspace
        if ws is not None:
            word = normalise(word)
            self._ctx.push(AddBookWord(ws.session, word, self._words_changed))
            self.offer_bar.forget([word])

    def ignore_word(self, word: str) -> None:
        """Ignore a word in the meeting shown (an undo step)."""
        from scrutiny_desktop.ui.commands.writing import IgnoreWord

        ws = self._ctx.workspace
        if ws is not None and ws.session.meeting_id is not None:
            command = IgnoreWord(
                ws.session, ws.session.meeting_id, normalise(word), self._words_changed
            )
            self._ctx.push(command)

    def _words_changed(self) -> None:
        self.refresh_known()

    # ------------------------------------------------------------ phrases

    def insert_phrase(self) -> None:
        """List every phrase at the cursor in the minutes."""
        self.start_now()
        ws = self._ctx.workspace
        if ws is None or self.typing is None or not self._ctx.editable:
            return
        ws.agenda_pane.editor.setFocus()
        self.typing.show_all()

    def edit_phrases(self) -> None:
        """The phrase editor for the series of the meeting shown."""
        from scrutiny_desktop.ui.panes.phrases_dialog import PhrasesDialog

        ws = self._ctx.workspace
        if ws is None or ws.book.read_only:
            return
        meeting = ws.session.meeting
        series = meeting.series if meeting is not None else None
        dialog = PhrasesDialog(series, ws.book.phrases(series), self._ctx.window)
        dialog.accepted.connect(lambda: self.set_phrases(series, dialog.phrases()))
        dialog.finished.connect(dialog.deleteLater)
        self.phrases_dialog = dialog
        dialog.open()

    def set_phrases(self, series: str | None, phrases: list[Phrase]) -> None:
        """Save a series' phrases (an undo step); nothing when they are unchanged."""
        from scrutiny_desktop.ui.commands.writing import SetPhrases

        ws = self._ctx.workspace
        if ws is not None and phrases != ws.book.phrases(series):
            self._ctx.push(SetPhrases(ws.session, series, phrases, self.refresh))

    # ------------------------------------------------------------ glossary

    def edit_glossary(self) -> None:
        """The glossary dialog (not modal: the minutes can still be typed beside it)."""
        from scrutiny_desktop.ui.panes.glossary_dialog import GlossaryDialog

        ws = self._ctx.workspace
        if ws is None:
            return
        if self.glossary_dialog is None:
            book = ws.book
            self.glossary_dialog = GlossaryDialog(
                book.glossary, self.put_glossary_entry, self.remove_glossary_entry, self._ctx.window
            )
            self.glossary_dialog.setEnabled(not book.read_only)
        self.glossary_dialog.show()
        self.glossary_dialog.raise_()
        self.glossary_dialog.activateWindow()

    def take_offer(self) -> None:
        """Reach the offer in the status bar from the keyboard (or say there is none)."""
        if not self.offer_bar.focus():
            self._ctx.tell("No abbreviation is waiting to be added: Shift+F7 opens the glossary.")

    def put_glossary_entry(self, entry: GlossaryEntry) -> None:
        from scrutiny_desktop.ui.commands.writing import PutGlossaryEntry

        ws = self._ctx.workspace
        if ws is not None:
            self._ctx.push(PutGlossaryEntry(ws.session, entry, self._glossary_changed))
            self.offer_bar.forget([entry.abbreviation])

    def remove_glossary_entry(self, abbreviation: str) -> None:
        from scrutiny_desktop.ui.commands.writing import RemoveGlossaryEntry

        ws = self._ctx.workspace
        if ws is not None:
            self._ctx.push(RemoveGlossaryEntry(ws.session, abbreviation, self._glossary_changed))

    def _glossary_changed(self) -> None:
        self.refresh_known()
        if self.glossary_dialog is not None:
            self.glossary_dialog.reload()

    def _capitals_typed(self, text: str) -> None:
        if text not in self._offer_texts:
            self._offer_texts = [*self._offer_texts[-20:], text]
        if not self._offer_timer.isActive():
            self._offer_timer.start()

    def make_offers(self) -> None:
        """Offer the unknown all-capital words of the paragraphs typed since the last time."""
        texts, self._offer_texts = self._offer_texts, []
        if texts and self._ctx.workspace is not None:
            self.offer_bar.offer(offers(texts, self.spelling.known, is_word=self.spelling.check))

    def _back_to_minutes(self) -> None:
        ws = self._ctx.workspace
        if ws is not None:
            ws.agenda_pane.editor.setFocus()
