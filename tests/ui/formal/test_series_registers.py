"""Series settings (one undo command, the agenda renumbered) and the decisions and
declarations registers: searchable, full or public, and a public CSV with nothing
restricted in it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pytestqt.modeltest import ModelTester

from scrutiny_desktop.book.formal import SeriesSettings
from scrutiny_desktop.ui.context import Context
from scrutiny_desktop.ui.formal.details_controller import ItemDetailsController
from scrutiny_desktop.ui.formal.series_controller import SeriesController
from scrutiny_desktop.ui.formal.series_dialog import SeriesSettingsDialog
from tests.ui.formal.conftest import Dialogs, Told, do_undo_redo, go_to, item_id, ws_of

SERIES = "Police and Crime Panel"


def test_series_settings(ctx: Context, series: SeriesController, dialogs: Dialogs) -> None:
    ws = ws_of(ctx)
    # The sample's numbers (41/26...) came with it; numbered as its series says: 1, 2, 3.
    ws.book.set_series_settings(SeriesSettings(SERIES, year_start_month=2))
    ws.book.set_series_settings(SeriesSettings(SERIES))
    ws.open_meeting(ws.session.meeting_id)
    precept = go_to(ctx, "4")

    def fill(dialog: SeriesSettingsDialog) -> None:
        assert dialog.settings() == SeriesSettings(SERIES)
        dialog.numbering.setCurrentIndex(1)
        dialog.year_start.setCurrentIndex(0)  # January
        dialog.quorum.setValue(6)
        dialog.item_times.setChecked(True)

    dialogs.fill = fill
    numbers = lambda: [i.number for i in ws.items.items()]  # noqa: E731
    after = do_undo_redo(
        ctx, series.series_settings, lambda: (ws.book.series_settings(SERIES), numbers())
    )
    assert after == (SeriesSettings(SERIES, 1, 6, "yearly", True), [f"{n}/26" for n in range(1, 8)])
    assert ws.agenda_pane.item_id == precept  # still at the same item, renumbered
    ctx.stack.undo()
    assert numbers() == [str(n) for n in range(1, 8)]  # simple numbering again


def test_a_book_begun_part_way_through_the_year_is_given_its_first_minute(
    ctx: Context, series: SeriesController, dialogs: Dialogs
) -> None:
    ws = ws_of(ctx)
    ws.book.set_series_settings(SeriesSettings(SERIES))  # 1, 2, 3 as the sample's series says
    ws.open_meeting(ws.session.meeting_id)

    def fill(dialog: SeriesSettingsDialog) -> None:
        dialog.numbering.setCurrentIndex(1)
        dialog.first_minute.setText("23/26")

    dialogs.fill = fill
    numbers = lambda: [i.number for i in ws.items.items()]  # noqa: E731
    after = do_undo_redo(ctx, series.series_settings, numbers)
    assert after == [f"{n}/26" for n in range(23, 30)]
    assert ws.book.series_settings(SERIES).first_minute == "23/26"


def test_a_first_minute_that_is_not_one_is_said_and_the_dialog_stays(qtbot) -> None:
    dialog = SeriesSettingsDialog(SeriesSettings(SERIES, numbering="yearly"))
    qtbot.addWidget(dialog)
    dialog.first_minute.setText("twenty-three")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.text() == (
        "First minute this year: 'twenty-three' is not a minute number: type e.g. 23/26"
    )
    dialog.first_minute.setText("23/26")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.settings().first_minute == "23/26"


def test_a_meeting_without_a_series_has_no_settings(
    ctx: Context, series: SeriesController, dialogs: Dialogs, told: Told
) -> None:
    from dataclasses import replace

    ws = ws_of(ctx)
    meeting = ctx.meeting
    assert meeting is not None
    ws.book.update_meeting(replace(meeting, series=None))
    ws.session.reload_header()
    series.series_settings()
    assert dialogs.shown == [] and "no series" in told[-1]


def rows_of(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_decisions_register_searchable_and_public_csv(
    ctx: Context, series: SeriesController, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    series.show_decisions()
    pane = series.decisions_pane
    qtmodeltester.check(pane.decisions)
    assert pane.public.isChecked()  # the public version unless asked otherwise
    texts = [d.resolution.text for d in pane.decisions.rows()]
    assert len(texts) == 4 and not any("Kestrel" in t for t in texts)
    pane.public.setChecked(False)
    assert any("Kestrel" in d.resolution.text for d in pane.decisions.rows())
    pane.text.setText("rural crime")
    pane.refresh()
    assert [d.item_number for d in pane.decisions.rows()] == ["44/26"]
    pane.text.setText("")
    pane.public.setChecked(True)
    public = tmp_path / "decisions public.csv"
    assert pane.export_csv(public)
    body = public.read_bytes().decode("utf-8-sig")
    assert "Kestrel" not in body and "complaint" not in body.casefold()
    assert rows_of(public)[0][:5] == ["Series", "Meeting", "Item", "Item title", "Resolution"]
    assert len(rows_of(public)) == 5
    pane.public.setChecked(False)
    full = tmp_path / "decisions full.csv"
    assert pane.export_csv(full)
    assert "Kestrel-Canary" in full.read_text(encoding="utf-8-sig")
    assert [r[-1] for r in rows_of(full)[1:]].count("yes") == 1


def test_the_registers_never_write_over_the_book(
    ctx: Context, series: SeriesController, told: Told
) -> None:
    series.show_decisions()
    assert not series.decisions_pane.export_csv(ws_of(ctx).book.path)
    assert told[-1].startswith("Not exported: ") and "the meeting book itself" in told[-1]


def test_declarations_register_per_person_public_csv(
    ctx: Context, series: SeriesController, tmp_path: Path
) -> None:
    ws = ws_of(ctx)
    # A declaration at the exempt item: the public register leaves it out.
    from scrutiny_desktop.domain.model import Declaration, DeclarationKind

    ws.book.add_declaration(
        item_id(ctx, "46/26"), Declaration("RP", "Kestrel-Canary's landlord", DeclarationKind.OTHER)
    )
    series.show_declarations("RP")
    pane = series.declarations_pane
    assert pane.person.currentData() == "RP"
    assert [d.declaration.interest for d in pane.declared.rows()] == [
        "spouse works in force finance"
    ]
    path = tmp_path / "rp.csv"
    assert pane.export_csv(path)
    assert "Kestrel" not in path.read_text(encoding="utf-8-sig")
    pane.public.setChecked(False)
    assert len(pane.declared.rows()) == 2
    series.show_declarations(None)
    pane.choose(None)
    assert {d.declaration.initials for d in pane.declared.rows()} == {"RP", "JG"}


def test_the_decisions_register_follows_what_is_written(
    ctx: Context, series: SeriesController, details: ItemDetailsController
) -> None:
    series.show_decisions()
    pane = series.decisions_pane
    pane.public.setChecked(False)
    before = pane.decisions.rowCount()
    go_to(ctx, "41/26")
    details.add_resolution_line("That the apologies be noted.")
    series.show_decisions()  # hidden meanwhile: read again when shown
    assert pane.decisions.rowCount() == before + 1
    assert "That the apologies be noted." in [d.resolution.text for d in pane.decisions.rows()]
