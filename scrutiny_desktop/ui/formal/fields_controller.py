"""The current item's own fields from the item details pane, as undo commands: the time
the meeting reached it (filled in on the first keystroke typed at it), its assurance,
its Schedule 12A paragraphs and public summary; the meeting's quorum; and the draft of
the exclusion resolution before an exempt item."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from scrutiny_desktop.domain.model import Assurance, Item, Resolution
from scrutiny_desktop.ui.commands.agenda import EditItem
from scrutiny_desktop.ui.commands.header import EditHeader
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.focus_filters import InstallOnFocus
from scrutiny_desktop.ui.formal.commands import AddRow, EditRow, InsertItemWith, resolutions
from scrutiny_desktop.ui.formal.drafts import EXCLUSION_TITLE, existing_exclusion, plan_exclusion
from scrutiny_desktop.ui.formal.item_details import ItemDetailsPane
from scrutiny_desktop.ui.formal.models import ResolutionsModel
from scrutiny_desktop.ui.formal.times import minute_of, parse_clock

_SHORTCUT_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class _Keystrokes(QObject):
    """Calls back on each key that types a character (not on shortcuts or movement)."""

    def __init__(self, typed: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._typed = typed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.text()
            and event.text().isprintable()
            and not event.modifiers() & _SHORTCUT_MODIFIERS
        ):
            self._typed()
        return False


class ItemFieldsController(QObject):
    """Edits of the current item's own fields and of the meeting's quorum."""

    def __init__(
        self,
        ctx: Context,
        pane: ItemDetailsPane,
        resolutions: ResolutionsModel,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(ctx)
        self._ctx, self._pane, self._resolutions, self._clock = ctx, pane, resolutions, clock
        self._keystrokes = _Keystrokes(self.typing_started, self)
        pane.time_entered.connect(self.set_time_reached)
        pane.assurance_chosen.connect(self.set_assurance)
        pane.quorum_entered.connect(self.set_quorum)
        pane.exempt.paragraphs_changed.connect(self.set_exempt_paragraphs)
        pane.exempt.summary_entered.connect(self.set_public_summary)
        pane.exempt.exclusion_asked.connect(self.draft_exclusion)

    def current_item(self) -> Item | None:
        ws = self._ctx.workspace
        iid = None if ws is None else ws.agenda_pane.item_id
        return None if ws is None or iid is None else ws.items.item(iid)

    def show(self) -> None:
        """Show the current item's fields and the meeting's quorum in the pane."""
        self._pane.show_item(self.current_item(), editable=self._ctx.editable)
        meeting = self._ctx.meeting
        self._pane.show_quorum(meeting.quorum if meeting else None)

    def _put(self, item: Item, new: Item, text: str) -> None:
        ws = self._ctx.workspace
        if ws is not None and new != item and self._ctx.editable:
            on_screen = ws.agenda_pane.item_id == item.id
            self._ctx.push(EditItem(ws.items, item, new, text, reveal=on_screen))

    # ------------------------------------------------------------ the time reached

    def typing_started(self) -> None:
        """The minute-taker types in the current item's minutes: the first time, the
        item's time is filled in (now, to the minute) when the meeting is today's (minutes
        written up on a later day get no made-up times)."""
        item, meeting = self.current_item(), self._ctx.meeting
        if item is None or item.started is not None or meeting is None:
            return
        now = self._clock()
        if meeting.date == now.date():
            self._put(item, replace(item, started=minute_of(now)), f"Time of item {item.number}")

    def watch_typing(self, editor: QWidget, *, when_focused: bool = False) -> None:
        """Fill in item times from the keys typed in ``editor`` (the minutes editor, the
        declaration and resolution lines): the time is recorded before the key reaches
        the text, so undo takes the typing first. ``when_focused``: the filter goes on when
        ``editor`` first has the keyboard (``ui.focus_filters``), as the updates table's
        progress keys do, and after them, since they take the key."""
        if when_focused:
            InstallOnFocus(self._keystrokes, [editor])
        else:
            editor.installEventFilter(self._keystrokes)

    def stamp_time(self) -> None:
        """Go to the item's time; an item without one gets the time now (editable there)."""
        item = self.current_item()
        if item is not None and item.started is None:
            now = minute_of(self._clock())
            self._put(item, replace(item, started=now), f"Time of item {item.number}")
        self._pane.focus_time()

    def set_time_reached(self, text: str) -> None:
        """``10.20``, ``10:20``, ``1020``; empty clears it; anything else is said, not kept."""
        item = self.current_item()
        if item is None:
            return
        try:
            when = parse_clock(text)
        except ValueError as e:
            self._pane.show_time_error(str(e))
            self._ctx.tell(f"Time not changed: {e}")
            return
        self._pane.show_time_error("")
        self._pane.show_time(when)
        self._put(item, replace(item, started=when), f"Time of item {item.number}")

    # ------------------------------------------------------------ assurance, 12A, quorum

    def set_assurance(self, assurance: Assurance | None) -> None:
        item = self.current_item()
        if item is not None:
            text = f"Assurance of item {item.number}"
            self._put(item, replace(item, assurance=assurance), text)

    def set_exempt_paragraphs(self, paragraphs: tuple[int, ...]) -> None:
        item = self.current_item()
        if item is not None:
            new = replace(item, exempt_paragraphs=tuple(sorted(set(paragraphs))))
            self._put(item, new, f"Schedule 12A paragraphs of item {item.number}")

    def set_public_summary(self, item_id: int, text: str) -> None:
        """The public summary typed for an item (the one it was typed at, which may no
        longer be the item on screen)."""
        ws = self._ctx.workspace
        item = None if ws is None else ws.items.item(item_id)
        if item is not None:
            new = replace(item, public_summary=text.strip() or None)
            self._put(item, new, f"Public summary of item {item.number}")

    def set_quorum(self, quorum: int) -> None:
        """This meeting's quorum (0: none)."""
        ws, meeting = self._ctx.workspace, self._ctx.meeting
        new = quorum or None
        if ws is not None and meeting is not None and meeting.quorum != new and self._ctx.editable:
            self._ctx.push(EditHeader(ws.session, meeting, replace(meeting, quorum=new)))

    # ------------------------------------------------------------ the exclusion of the public

    def draft_exclusion(self) -> None:
        """For the current exempt item, the exclusion resolution with its paragraphs at the
        item before: added to an "Exclusion of the press and public" item there (its
        exclusion resolution brought up to date if it has one), else such an item is
        inserted before the exempt item, holding the resolution (one transaction)."""
        ws, item = self._ctx.workspace, self.current_item()
        if ws is None or item is None or item.id is None or not self._ctx.editable:
            return
        try:
            plan = plan_exclusion(ws.items.items(), item.id)
        except ValueError as e:
            self._ctx.tell(f"No exclusion drafted: {e}")
            return
        target = plan.target
        if target is None or target.id is None:
            self._ctx.flush()  # the agenda is read again: nothing typed may wait
            new = Item(
                id=None, number="", title=EXCLUSION_TITLE, resolutions=(Resolution(plan.text),)
            )
            keep = item.id
            self._ctx.push(
                InsertItemWith(ws.session, ws.items, plan.position, new, lambda: self._reread(keep))
            )
            where = f"a new item “{EXCLUSION_TITLE}”"
        else:
            kind, existing = (
                resolutions(ws.book),
                existing_exclusion(ws.book.resolutions(target.id)),
            )
            if existing is not None and existing.text == plan.text:
                self._ctx.tell(f"Item {target.number} already has this exclusion resolution")
                return
            if existing is not None:
                changed = replace(existing, text=plan.text)
                self._ctx.push(
                    EditRow(
                        ws.session,
                        kind,
                        self._resolutions,
                        target.id,
                        existing,
                        changed,
                        "Exclusion resolution",
                        reveal=False,
                    )
                )
            else:
                self._ctx.push(
                    AddRow(
                        ws.session,
                        kind,
                        self._resolutions,
                        target.id,
                        Resolution(plan.text),
                        reveal=False,
                    )
                )
            where = f"item {target.number}"
        paragraphs = ", ".join(map(str, plan.paragraphs))
        self._ctx.tell(f"Exclusion resolution drafted at {where} (paragraphs {paragraphs})")

    def _reread(self, keep: int) -> None:
        ws = self._ctx.workspace
        if ws is not None:
            ws.items.load()
            ws.agenda_pane.select_item(keep)
