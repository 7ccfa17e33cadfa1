"""The snapshot made on opening a book, on a worker thread, reported in the status bar.

``backup.snapshot`` opens its own connection, so the book's connection never leaves
the window's thread. The job is started from the event loop after the window is
shown, so it never delays the first paint.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from scrutiny_desktop.book.errors import DamagedBook


class BackupRunner(QObject):
    """Runs snapshots on its own thread pool; ``finished(message, serious)`` in the GUI thread.

    ``serious`` is True for a damaged book (a banner, not a passing status message).
    """

    finished = Signal(str, bool)

    def __init__(self, keep: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keep = keep
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def start(self, book_path: Path, backups_dir: Path | None = None) -> None:
        # Imported here, in the window's thread, the first time: not on the start-up path.
        from scrutiny_desktop.book import backup

        keep = backup.KEEP if self._keep is None else self._keep
        self.pool.start(lambda: self._run(Path(book_path), backups_dir, keep))

    def wait(self, timeout_ms: int = 10000) -> bool:
        return self.pool.waitForDone(timeout_ms)

    def _run(self, path: Path, backups_dir: Path | None, keep: int) -> None:
        # Worker thread: no Qt widgets, no book connection; the signal is queued to the GUI.
        from scrutiny_desktop.book import backup  # already imported by ``start``

        try:
            made = backup.snapshot(path, backups_dir, keep)
        except DamagedBook as e:
            self.finished.emit(f"This book is damaged: {e}", True)
        except Exception as e:
            # BookError, or anything else: a failed backup must never take the window down.
            self.finished.emit(f"No backup was made on opening: {e}", False)
        else:
            self.finished.emit(
                f"Backup made on opening: {made.name} (the last {keep} are kept)", False
            )
