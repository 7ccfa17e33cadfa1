"""The window's lifecycle commands: next meeting, agreeing, signing off, reopening, verifying.

A mixin of ``MainWindow`` (like ``WindowCommands``): each ``_do_<command>`` slot opens a
small dialog or calls the book through the session, then reloads the meeting. It also
makes the read-only state visible: a banner, status messages, progress keys refused.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar

from scrutiny_desktop.book import BookError
from scrutiny_desktop.domain.dates import format_due, long_date
from scrutiny_desktop.domain.model import Meeting
from scrutiny_desktop.ui.panes.progress import ProgressKeys
from scrutiny_desktop.ui.readonly import BANNER_STYLE, ReadOnlyNotice, read_only_text

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoCommand
    from PySide6.QtWidgets import QMainWindow as _Base

    # The dialogs are imported when first asked for: none is on the first screen (issue 7).
    from scrutiny_desktop.ui.panes.lifecycle_dialogs import ReopenDialog, SignOffDialog
    from scrutiny_desktop.ui.workspace import Workspace
else:
    _Base = object

_LIFECYCLE = ("new_meeting_after", "agree_previous", "sign_off", "reopen", "verify")


class LifecycleCommands(_Base):
    """The ``_do_`` slots of the Meeting menu's lifecycle commands, and the read-only banner."""

    ws: Workspace | None
    act: dict[str, QAction]

    if TYPE_CHECKING:  # provided by MainWindow and FindingCommands

        def open_meeting(self, meeting_id: int | None) -> None: ...
        def push(self, command: QUndoCommand) -> None: ...
        def _mark_register_stale(self) -> None: ...

    def _init_lifecycle(self) -> None:
        """The banner above the panes (shown only for read-only minutes)."""
        self.read_only_banner = QLabel()
        self.read_only_banner.setAccessibleName("Read-only minutes")
        self.read_only_banner.setStyleSheet(BANNER_STYLE)
        self.read_only_banner.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        bar = QToolBar("Read-only")
        bar.setObjectName("toolbar_read_only")
        bar.setMovable(False)
        bar.toggleViewAction().setVisible(False)
        bar.addWidget(self.read_only_banner)
        self.addToolBarBreak()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        bar.hide()
        self._banner_bar = bar

    def _wire_lifecycle(self, ws: Workspace) -> None:
        """Per book: progress keys on the updates table, and a word when typing is refused."""
        keys = ProgressKeys(
            ws.actions_pane.updates_table, ws.updates, lambda: ws.session.editable, self.push
        )
        keys.status_message.connect(self._tell)
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
        notice.told.connect(self._tell)

    def _show_lifecycle_state(self) -> None:
        """After a meeting is shown or its header changes: the banner and the line edits."""
        ws = self.ws
        text = None if ws is None else read_only_text(ws.session.meeting, ws.book.read_only)
        self.read_only_banner.setText(text or "")
        self._banner_bar.setVisible(text is not None)
        if ws is not None:
            ws.actions_pane.update_line.setReadOnly(text is not None)
            ws.attendees_pane.person_line.setReadOnly(text is not None)
        self._mark_register_stale()

    def _set_lifecycle_enabled(self) -> None:
        ws = self.ws
        m = ws.session.meeting if ws is not None else None
        writable = ws is not None and not ws.book.read_only
        draft = writable and m is not None and not m.is_signed_off
        signed = m is not None and m.is_signed_off
        self.act["new_meeting_after"].setEnabled(writable and m is not None)
        self.act["agree_previous"].setEnabled(draft)
        self.act["sign_off"].setEnabled(draft)
        self.act["reopen"].setEnabled(writable and signed)
        self.act["verify"].setEnabled(signed)
        self.act["action_history"].setEnabled(m is not None)
        for name in ("export_pdf", "export_public_pdf", "export_json"):
            self.act[name].setEnabled(m is not None)
        for name in ("register", "search"):
            self.act[name].setEnabled(ws is not None)

    def _tell(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _meeting(self) -> Meeting | None:
        return self.ws.session.meeting if self.ws is not None else None

    # ------------------------------------------------------------ next meeting

    def _do_new_meeting_after(self) -> None:
        from scrutiny_desktop.ui.panes.lifecycle_dialogs import DateDialog

        m = self._meeting()
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
            self,
        )
        meeting_id = m.id
        dialog.accepted.connect(lambda: self._create_after(meeting_id, dialog.value))
        dialog.finished.connect(self.activateWindow)
        dialog.open()

    def _create_after(self, meeting_id: int, on: date | None) -> None:
        ws = self.ws
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
        self._tell(
            f"New meeting on {long_date(new.date)}: {carried} actions carried into Matters "
            "arising (keys c f p x o set progress); attendees listed as expected (—)"
        )

    # ------------------------------------------------------------ agreeing and signing off

    def _do_agree_previous(self) -> None:
        from scrutiny_desktop.ui.panes.lifecycle_dialogs import SignOffDialog

        ws, m = self.ws, self._meeting()
        if ws is None or m is None or m.id is None:
            return
        prev_id = ws.book.previous_meeting(m.id)
        if prev_id is None:
            self._tell("This meeting has no earlier meeting in its series to agree")
            return
        prev = ws.book.meeting(prev_id)
        if prev.is_signed_off and prev.signed_off is not None:
            s = prev.signed_off
            self._tell(
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
            self,
            ok="Agree and sign off",
        )
        meeting_id = m.id
        dialog.accepted.connect(lambda: self._agree(meeting_id, prev, dialog))
        dialog.finished.connect(self.activateWindow)
        dialog.open()

    def _agree(self, meeting_id: int, prev: Meeting, dialog: SignOffDialog) -> None:
        ws = self.ws
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
        self._tell(
            f"The minutes of {format_due(prev.date)} are agreed and signed off by "
            f"{dialog.by} — that meeting is now read-only"
        )

    def _do_sign_off(self) -> None:
        from scrutiny_desktop.ui.panes.lifecycle_dialogs import SignOffDialog

        ws, m = self.ws, self._meeting()
        if ws is None or m is None or m.id is None or m.is_signed_off:
            return
        dialog = SignOffDialog(
            "Sign off these minutes",
            f"Sign off the minutes of {long_date(m.date)} ({m.title}) as agreed.",
            ws.attendees.chair() or "",
            max(date.today(), m.date),
            self,
        )
        meeting_id = m.id
        dialog.accepted.connect(lambda: self._sign_off(meeting_id, dialog))
        dialog.finished.connect(self.activateWindow)
        dialog.open()

    def _sign_off(self, meeting_id: int, dialog: SignOffDialog) -> None:
        ws = self.ws
        if ws is None or dialog.by is None or dialog.on is None:
            return
        ws.flush()
        if not self._change_status(meeting_id, ws.book.sign_off, dialog.by, dialog.on):
            return
        self._tell(
            f"Signed off by {dialog.by} on {format_due(dialog.on)}: these minutes are now "
            "a read-only record"
        )

    def _do_reopen(self) -> None:
        from scrutiny_desktop.ui.panes.lifecycle_dialogs import ReopenDialog

        ws, m = self.ws, self._meeting()
        if ws is None or m is None or m.id is None or not m.is_signed_off:
            return
        s = m.signed_off
        signed = f" (signed off by {s.by} on {format_due(s.on)})" if s else ""
        dialog = ReopenDialog(
            f"Reopen the minutes of {long_date(m.date)}{signed} for changes. The reason, "
            "who and when are recorded with the old fingerprint, and printed on the "
            "minutes once they are signed off again.",
            ws.attendees.chair() or (s.by if s else ""),
            self,
        )
        meeting_id = m.id
        dialog.accepted.connect(lambda: self._reopen(meeting_id, dialog))
        dialog.finished.connect(self.activateWindow)
        dialog.open()

    def _reopen(self, meeting_id: int, dialog: ReopenDialog) -> None:
        ws = self.ws
        if ws is None or dialog.reason is None or dialog.by is None:
            return
        if not self._change_status(meeting_id, ws.book.reopen, dialog.reason, dialog.by):
            return
        self._tell("Reopened: the minutes are a draft again; the reopening is recorded")

    def _change_status(self, meeting_id: int, write: Callable[..., object], *args: object) -> bool:
        """Sign off or reopen through the session, then show the meeting again (its new
        read-only state) on the same item; False when the book refused (already told)."""
        ws = self.ws
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

    def _do_verify(self) -> None:
        ws, m = self.ws, self._meeting()
        if ws is None or m is None or m.id is None:
            return
        try:
            result = ws.book.verify(m.id)
        except BookError as e:
            self._tell(str(e))
            return
        if result.ok:
            self._tell(f"Verified: {result.message}")
            return
        self._tell(f"NOT VERIFIED: {result.message}")
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning, "Fingerprint does not match", result.message, parent=self
        )
        box.open()
