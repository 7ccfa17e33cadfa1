"""The register model's contract, SetProgress do/undo/redo, and one key per command."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence
from pytestqt.modeltest import ModelTester

from scrutiny_desktop.domain.model import Status
from scrutiny_desktop.ui.commands.progress import SetProgress
from scrutiny_desktop.ui.commands_menu import COMMANDS, S
from scrutiny_desktop.ui.models.register import STATUS, RegisterModel
from scrutiny_desktop.ui.workspace import Workspace
from tests.ui.conftest import item_id


def test_register_model_contract_and_overdue_marked_in_words(
    ws: Workspace, qtmodeltester: ModelTester
) -> None:
    model = RegisterModel(lambda: date(2015, 3, 20))
    model.set_rows(ws.book.register())
    qtmodeltester.check(model)
    words = [model.index(r, STATUS).data() for r in range(model.rowCount())]
    assert model.overdue_count == sum(w.startswith("OVERDUE") for w in words) > 0


def test_set_progress_does_undoes_and_redoes(ws: Workspace) -> None:
    arising = item_id(ws, 1)
    ws.agenda_pane.select_item(arising)
    update = ws.updates.update_at(1)
    assert update.status is Status.TO_FOLLOW
    ws.stack.push(SetProgress(ws.updates, arising, update, Status.COMPLETED))
    assert ws.book.updates(arising)[1].status is Status.COMPLETED
    assert ws.updates.update_at(1).status is Status.COMPLETED
    ws.stack.undo()
    assert ws.book.updates(arising)[1] == update == ws.updates.update_at(1)
    ws.stack.redo()
    assert ws.book.updates(arising)[1].status is Status.COMPLETED


def test_no_two_commands_share_a_shortcut() -> None:
    seen: dict[str, str] = {}
    for c in COMMANDS:
        if c.keys == S.Delete:
            continue  # Del acts on whichever list has the focus
        keys = [
            key
            for k in (c.keys, *c.also)
            for key in (QKeySequence.keyBindings(k) if isinstance(k, S) else [k])
        ]
        for text in dict.fromkeys(QKeySequence(key).toString() for key in keys):
            assert text not in seen, f"{c.name} and {seen[text]} both use {text}"
            seen[text] = c.name
