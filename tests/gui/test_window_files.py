"""The window and the files around its book: outputs, pipes, links (issue 13)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.gui.conftest import WindowFactory


@pytest.mark.parametrize("command", ["export_pdf", "export_public_pdf", "export_json"])
def test_exporting_onto_the_book_is_refused_and_says_why(
    make_window: WindowFactory,
    example_book: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    window = make_window(example_book)
    link = example_book.parent / "minutes.pdf"
    os.link(example_book, link)  # the book under another name
    before = example_book.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(link), ""))
    window.act[command].trigger()
    box = next(b for b in window.findChildren(QMessageBox) if b.windowTitle() == "Export failed")
    assert box.text() == f"Not exported: {link} is the meeting book itself; nothing was written"
    assert example_book.read_bytes() == before
    assert window.ws is not None and window.ws.book.can_write()


def test_save_a_copy_onto_the_books_write_ahead_log_is_refused(
    make_window: WindowFactory, example_book: Path
) -> None:
    window = make_window(example_book)
    wal = Path(f"{example_book}-wal")
    assert not window.save_copy_to(wal)
    assert window.statusBar().currentMessage() == (
        f"No copy was made: {wal} is the meeting book's write-ahead log; nothing was written"
    )
    assert window.ws is not None and window.ws.book.can_write()


def test_a_screenshot_is_never_written_over_the_book(
    example_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from scrutiny_desktop.ui.launch import screenshot

    before = example_book.read_bytes()
    assert screenshot(example_book, example_book) == 2
    assert capsys.readouterr().err == (
        f"scrutiny-desktop: {example_book} is the meeting book itself; nothing was written\n"
    )
    assert example_book.read_bytes() == before


def test_a_named_pipe_is_refused_as_a_book_without_waiting(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    fifo = tmp_path / "meetings.sqlite"
    os.mkfifo(fifo)
    window = make_window(None)
    assert not window.open_book(fifo)  # the pipe was opened for reading before: a hang
    assert window.statusBar().currentMessage() == (
        f"Cannot open {fifo}: {fifo} is a named pipe (FIFO), not a meeting book"
    )
    assert window.ws is None


def test_the_register_csv_is_never_written_over_the_open_book(
    make_window: WindowFactory, example_book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register pane's file is checked as every export's is: never the book."""
    window = make_window(example_book)
    window.act["register"].trigger()
    assert window.finding.register_pane is not None
    before = example_book.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(example_book), ""))
    window.finding.register_pane.export_button.click()
    assert window.statusBar().currentMessage() == (
        f"Not exported: {example_book} is the meeting book itself; nothing was written"
    )
    assert example_book.read_bytes() == before
