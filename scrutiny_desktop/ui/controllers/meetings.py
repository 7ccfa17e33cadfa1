"""The meeting shown and its life: the picker, the header, new meetings, agreeing the
previous minutes, signing off, reopening, verifying, and the read-only banner.

Any controller asks for another meeting with ``ctx.show_meeting``; this one shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QToolBar

from scrutiny_desktop.book import BookError
from scrutiny_desktop.domain.dates import format_due, long_date
from scrutiny_desktop.domain.model import Meeting
from scrutiny_desktop.ui.models.meetings import MeetingListModel
from scrutiny_desktop.ui.panes.actions import next_meeting_hint
from scrutiny_desktop.ui.panes.picker import MeetingPicker
from scrutiny_desktop.ui.panes.progress import ProgressKeys
from scrutiny_desktop.ui.readonly import BANNER_STYLE, ReadOnlyNotice, read_only_text

if TYPE_CHECKING:
    # The dialogs are imported when first asked for: none is on the first screen (issue 7).
    from scrutiny_desktop.ui.context import Context
    from scrutiny_desktop.ui.panes.header import HeaderDialog
    from scrutiny_desktop.ui.panes.lifecycle_dialogs import ReopenDialog, SignOffDialog
    from scrutiny_desktop.ui.workspace import Workspace

NO_MEETINGS = "This book has no meetings yet: Ctrl+N starts one"


class MeetingController(QObject):
    """Which meeting is shown, and the Meeting menu. ``picker``, ``header_label`` and
    ``read_only_bar`` are the window's to place."""

    def __init__(self, ctx: Context, status_bar: QStatusBar) -> None:
        super().__init__(ctx)
        self._ctx, self._status = ctx, status_bar
        self.meeting_list = MeetingListModel()
        self.picker = MeetingPicker(self.meeting_list)
        self.picker.activated.connect(self._picked)
        self.header_label = QLabel()
        self.header_label.setAccessibleName("Meeting header")
        self.read_only_banner = QLabel()
        self.read_only_banner.setAccessibleName("Read-only minutes")
        self.read_only_banner.setStyleSheet(BANNER_STYLE)
        self.read_only_banner.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.read_only_bar = QToolBar("Read-only")
        self.read_only_bar.setObjectName("toolbar_read_only")
        self.read_only_bar.setMovable(False)
        self.read_only_bar.toggleViewAction().setVisible(False)
        self.read_only_bar.addWidget(self.read_only_banner)
        self.read_only_bar.hide()
        self._notice: ReadOnlyNotice | None = None  # the open book's
        ctx.workspace_changed.connect(self._workspace_changed)
        ctx.workspace_closing.connect(self._remember_place)
        ctx.meeting_requested.connect(self.open_meeting)

    def slots(self) -> dict[str, Callable[[], None]]:
        return {
            "new_meeting": self.new_meeting,
            "header": self.edit_header,
            "pick_meeting": self.pick_meeting,
            "new_meeting_after": self.new_meeting_after,
            "agree_previous": self.agree_previous,
            "sign_off": self.sign_off,
            "reopen": self.reopen,
            "verify": self.verify,
        }

    def update_actions(self, act: dict[str, QAction]) -> None:
        ws, m = self._ctx.workspace, self._ctx.meeting
        writable = ws is not None and not ws.book.read_only
        draft = writable and m is not None and not m.is_signed_off
        act["new_meeting"].setEnabled(writable)
        act["pick_meeting"].setEnabled(ws is not None)
        act["header"].setEnabled(self._ctx.editable)
        act["new_meeting_after"].setEnabled(writable and m is not None)
        act["agree_previous"].setEnabled(draft)
        act["sign_off"].setEnabled(draft)
        act["reopen"].setEnabled(writable and m is not None and m.is_signed_off)
        act["verify"].setEnabled(m is not None and m.is_signed_off)

    # ------------------------------------------------------------ the meeting shown

    def _workspace_changed(self) -> None:
        ws = self._ctx.workspace
        self._notice = None  # went with the last book's panes
        self._fill_picker(None)  # with no book: lists nothing, reads nothing more
        if ws is None:
            self._show_header()
            return
        ws.session.header_changed.connect(self._show_header)
        self._watch(ws)
        latest = self.meeting_list.latest()
        ws.open_meeting(latest)
        self._show_header()
        if latest is None:
            self._status.showMessage(NO_MEETINGS)  # until there is one (_show_header)
            self.picker.setFocus()
        else:
            self._back_to_place(latest)
            ws.agenda_pane.editor.setFocus()

    def _remember_place(self) -> None:
        """The book, meeting and item shown when the book closes: opened there again."""
        ws, settings = self._ctx.workspace, self._ctx.settings
        if ws is not None and settings is not None:
            place = [str(ws.book.path), ws.session.meeting_id, ws.agenda_pane.item_id]
            settings.setValue("book/place", "|".join(map(str, place)))

    def _back_to_place(self, meeting_id: int) -> None:
        """The item last shown, when the book opens on the meeting it was in (found live:
        a restart in the middle of a meeting went back to item 1)."""
        ws, settings = self._ctx.workspace, self._ctx.settings
        saved = settings.value("book/place") if settings is not None else None
        if ws is None or not isinstance(saved, str):
            return
        path, meeting, item = [*saved.rsplit("|", 2), "", ""][:3]
        if path == str(ws.book.path) and meeting == str(meeting_id) and item.isdigit():
            ws.agenda_pane.select_item(int(item))

    def _watch(self, ws: Workspace) -> None:
        """Per book: progress keys on the updates table, and a word when typing is refused."""
        keys = ProgressKeys(
            ws.actions_pane.updates_table, ws.updates, lambda: ws.session.editable, self._ctx.push
        )
        keys.status_message.connect(self._ctx.tell)
        notice = ReadOnlyNotice(
            lambda: read_only_text(ws.session.meeting, ws.book.read_only), ws.actions_pane
        )
        notice.watch(
            ws.agenda_pane.editor,
            ws.agenda_pane.title_edit,
            ws.attendees_pane.table,
            ws.attendees_pane.person_line,
            ws.actions_pane.table,
            ws.actions_pane.updates_table,
            ws.actions_pane.update_line,
        )
        notice.told.connect(self._ctx.tell)
        self._notice = notice

    def open_meeting(self, meeting_id: int | None) -> None:
        ws = self._ctx.workspace
        if ws is None:
            return
        ws.open_meeting(meeting_id)
        if self.meeting_list.row_of(meeting_id) < 0:
            self._fill_picker(meeting_id)  # a meeting made since the list was read
        else:
            self.picker.setCurrentIndex(self.meeting_list.row_of(meeting_id))
        self._ctx.state_changed.emit()

    def _fill_picker(self, current: int | None) -> None:
        ws = self._ctx.workspace
        self.meeting_list.reset(ws.book.meeting_list if ws is not None else None)
        if current is not None:
            self.picker.setCurrentIndex(max(0, self.meeting_list.row_of(current)))

    def _picked(self, index: int) -> None:
        meeting_id = self.picker.itemData(index)
        ws = self._ctx.workspace
        if ws is not None and meeting_id != ws.session.meeting_id:
            self.open_meeting(meeting_id)

    def _show_header(self) -> None:
        ws, m = self._ctx.workspace, self._ctx.meeting
        text = None if ws is None else read_only_text(m, ws.book.read_only)
        self.read_only_banner.setText(text or "")
        self.read_only_bar.setVisible(text is not None)
        if ws is not None and self._notice is not None:
            self._notice.refresh()  # its filter is there while the banner is
        if ws is not None:
            ws.actions_pane.update_line.setReadOnly(text is not None)
            ws.attendees_pane.person_line.setReadOnly(text is not None)
        self._ctx.meeting_shown.emit()
        if m is None:
            self.header_label.setText("  No meeting: Ctrl+N starts one")
            return
        if self._status.currentMessage() == NO_MEETINGS:
            self._status.clearMessage()  # a hint that no longer applies goes
        parts = [long_date(m.date)]
        if m.start:
            parts.append(f"{m.start:%H:%M}")
        if m.venue:
            parts.append(m.venue)
        if m.classification:
            parts.append(m.classification)
        state = "signed off — read-only" if m.is_signed_off else "draft"
        self.header_label.setText(f"  {', '.join(parts)}  ·  {state}")
        self.header_label.setToolTip(f"Next meeting: {next_meeting_hint(m)}")
        if not self.meeting_list.update(m):
            self._fill_picker(m.id)  # a new date: its place in the list may be another

    def pick_meeting(self) -> None:
        self.picker.setFocus()
        self.picker.showPopup()

    def show_busiest_item(self) -> None:
        """Select the item with the most paragraphs and actions (for screenshots)."""
        ws = self._ctx.workspace
        if ws is None or ws.session.meeting_id is None:
            return
        items = ws.book.items(ws.session.meeting_id, full=True)
        if items:
            best = max(items, key=lambda i: len(i.body) + 3 * len(i.actions))
            assert best.id is not None
            ws.agenda_pane.select_item(best.id)

    # ------------------------------------------------------------ the header

    def new_meeting(self) -> None:
        from scrutiny_desktop.ui.panes.header import HeaderDialog

        last = self._ctx.meeting
        blank = Meeting(
            id=None,
            title=last.title if last else "",
            date=self._ctx.today(),
            series=last.series if last else None,
            venue=last.venue if last else None,
        )
        dialog = HeaderDialog(blank, self._ctx.window, new=True)
        dialog.accepted.connect(lambda: self._create_meeting(dialog))
        dialog.finished.connect(self._ctx.window.activateWindow)
        dialog.open()

    def _create_meeting(self, dialog: HeaderDialog) -> None:
        meeting, ws = dialog.meeting(), self._ctx.workspace
        if ws is None or meeting is None:
            return
        try:
            new = ws.session.write(ws.book.add_meeting, meeting)
        except BookError:
            return
        self.open_meeting(new.id)
        ws.agenda_pane.items_view.setFocus()

    def edit_header(self) -> None:
        from scrutiny_desktop.ui.panes.header import HeaderDialog

        old = self._ctx.meeting
        if old is None:
            return
        dialog = HeaderDialog(old, self._ctx.window)
        dialog.accepted.connect(lambda: self._header_accepted(old, dialog))
        dialog.finished.connect(self._ctx.window.activateWindow)
        dialog.open()

    def _header_accepted(self, old: Meeting, dialog: HeaderDialog) -> None:
        from scrutiny_desktop.ui.commands.header import EditHeader

        new, ws = dialog.meeting(), self._ctx.workspace
        if ws is not None and new is not None and new != old:
            self._ctx.push(EditHeader(ws.session, old, new))

    # ------------------------------------------------------------ next meeting

    def new_meeting_after(self) -> None:
        from scrutiny_desktop.ui.panes.lifecycle_dialogs import DateDialog

        m = self._ctx.meeting
        if m is None or m.id is None:
            return
        if m.next_meeting is not None:
            self._create_after(m.id, None)
            return
        dialog = DateDialog(
            "New meeting after this one",
            f"The meeting of {long_date(m.date)} has no next-meeting date. "
            "On what date is the new meeting?",
            m.date,
            self._ctx.window,
        )
        meeting_id = m.id
        dialog.accepted.connect(lambda: self._create_after(meeting_id, dialog.value))
        dialog.finished.connect(self._ctx.window.activateWindow)
        dialog.open()

    def _create_after(self, meeting_id: int, on: date | None) -> None:
        ws = self._ctx.workspace
        if ws is None:
            return
        ws.flush()
        try:
            new_id = ws.session.write(ws.book.new_meeting_after, meeting_id, on)
        except BookError:
            return  # the session has said why
        self.open_meeting(new_id)
        arising = ws.book.matters_arising_item(new_id)
        carried = 0
        if arising is not None and arising.id is not None:
            ws.agenda_pane.select_item(arising.id)
            carried = ws.updates.rowCount()
            ws.actions_pane.show_updates()
            ws.actions_pane.updates_table.setFocus()
            if carried:
                ws.actions_pane.updates_table.setCurrentIndex(ws.updates.index(0, 1))
        new = ws.book.meeting(new_id)
        self._ctx.tell(
            f"New meeting on {long_date(new.date)}: {carried} actions carried into Matters "
            "arising (keys c f p x o set progress); attendees listed as expected (—)"
        )

    # ------------------------------------------------------------ agreeing and signing off

    def agree_previous(self) -> None:
        from scrutiny_desktop.ui.panes.lifecycle_dialogs import SignOffDialog

        ws, m = self._ctx.workspace, self._ctx.meeting
        if ws is None or m is None or m.id is None:
            return
        prev_id = ws.book.previous_meeting(m.id)
        if prev_id is None:
            self._ctx.tell("This meeting has no earlier meeting in its series to agree")
            return
        prev = ws.book.meeting(prev_id)
        if prev.is_signed_off and prev.signed_off is not None:
            s = prev.signed_off
            self._ctx.tell(
                f"The minutes of {format_due(prev.date)} are already signed off "
                f"by {s.by} on {format_due(s.on)}"
            )
            return
        dialog = SignOffDialog(
            "Agree the previous minutes",
            f"Minute “The minutes of the meeting were agreed.” under “Minutes of the "
            f"meeting held on …” and sign off the minutes of {long_date(prev.date)}.",
            ws.attendees.chair() or "",
            m.date,
            self._ctx.window,
            ok="Agree and sign off",
        )
        meeting_id = m.id
        dialog.accepted.connect(lambda: self._agree(meeting_id, prev, dialog))
        dialog.finished.connect(self._ctx.window.activateWindow)
        dialog.open()

    def _agree(self, meeting_id: int, prev: Meeting, dialog: SignOffDialog) -> None:
        ws = self._ctx.workspace
        if ws is None or dialog.by is None:
            return
        ws.flush()
        try:
            ws.session.write(ws.book.agree_previous, meeting_id, dialog.by, dialog.on)
        except BookError:
            return
        item = next(
            (i for i in ws.book.items(meeting_id) if i.title.startswith("Minutes of")), None
        )
        self.open_meeting(meeting_id)  # reload: the item's body gained "agreed"
        if item is not None and item.id is not None:
            ws.agenda_pane.select_item(item.id)
        self._ctx.tell(
            f"The minutes of {format_due(prev.date)} are agreed and signed off by "
            f"{dialog.by} — that meeting is now read-only"
        )

    def sign_off(self) -> None:
        from scrutiny_desktop.ui.panes.lifecycle_dialogs import SignOffDialog

        ws, m = self._ctx.workspace, self._ctx.meeting
        if ws is None or m is None or m.id is None or m.is_signed_off:
            return
        dialog = SignOffDialog(
            "Sign off these minutes",
            f"Sign off the minutes of {long_date(m.date)} ({m.title}) as agreed.",
            ws.attendees.chair() or "",
            max(self._ctx.today(), m.date),
            self._ctx.window,
        )
        meeting_id = m.id
        dialog.accepted.connect(lambda: self._signed(meeting_id, dialog))
        dialog.finished.connect(self._ctx.window.activateWindow)
        dialog.open()

    def _signed(self, meeting_id: int, dialog: SignOffDialog) -> None:
        ws = self._ctx.workspace
        if ws is None or dialog.by is None or dialog.on is None:
            return
        ws.flush()
        if self._change_status(meeting_id, ws.book.sign_off, dialog.by, dialog.on):
            self._ctx.tell(
                f"Signed off by {dialog.by} on {format_due(dialog.on)}: these minutes are "
                "now a read-only record"
            )

    def reopen(self) -> None:
        from scrutiny_desktop.ui.panes.lifecycle_dialogs import ReopenDialog

        ws, m = self._ctx.workspace, self._ctx.meeting
        if ws is None or m is None or m.id is None or not m.is_signed_off:
            return
        s = m.signed_off
        signed = f" (signed off by {s.by} on {format_due(s.on)})" if s else ""
        dialog = ReopenDialog(
            f"Reopen the minutes of {long_date(m.date)}{signed} for changes. The reason, "
            "who and when are recorded with the old fingerprint, and printed on the "
            "minutes once they are signed off again.",
            ws.attendees.chair() or (s.by if s else ""),
            self._ctx.window,
        )
        meeting_id = m.id
        dialog.accepted.connect(lambda: self._reopened(meeting_id, dialog))
        dialog.finished.connect(self._ctx.window.activateWindow)
        dialog.open()

    def _reopened(self, meeting_id: int, dialog: ReopenDialog) -> None:
        ws = self._ctx.workspace
        if ws is None or dialog.reason is None or dialog.by is None:
            return
        if self._change_status(meeting_id, ws.book.reopen, dialog.reason, dialog.by):
            self._ctx.tell("Reopened: the minutes are a draft again; the reopening is recorded")

    def _change_status(self, meeting_id: int, write: Callable[..., object], *args: object) -> bool:
        """Sign off or reopen through the session, then show the meeting again (its new
        read-only state) on the same item; False when the book refused (already told)."""
        ws = self._ctx.workspace
        assert ws is not None
        try:
            ws.session.write(write, meeting_id, *args)
        except BookError:
            return False
        item_id = ws.agenda_pane.item_id
        self.open_meeting(meeting_id)
        if item_id is not None:
            ws.agenda_pane.select_item(item_id)
        return True

    def verify(self) -> None:
        ws, m = self._ctx.workspace, self._ctx.meeting
        if ws is None or m is None or m.id is None:
            return
        try:
            result = ws.book.verify(m.id)
        except BookError as e:
            self._ctx.tell(str(e))
            return
        if result.ok:
            self._ctx.tell(f"Verified: {result.message}")
            return
        self._ctx.tell(f"NOT VERIFIED: {result.message}")
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Fingerprint does not match",
            result.message,
            parent=self._ctx.window,
        )
        box.open()
