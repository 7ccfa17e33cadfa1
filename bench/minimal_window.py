"""The least a window showing minutes can be: one table and one text box, PySide6 only.

A QMainWindow with a splitter holding a QTableView over a ten-row Python table model
(with column headers, as every table of the window has) and a QPlainTextEdit with a
few paragraphs. No menus, docks, picker or book. Prints "READY <unix time>" when
painted and idle, as ``--quit-when-ready`` does. Run as a script (``python FILE``).
"""

import sys
import time

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QSplitter, QTableView

DISPLAY = Qt.ItemDataRole.DisplayRole
Index = QModelIndex | QPersistentModelIndex


class Rows(QAbstractTableModel):
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 10

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = DISPLAY) -> object:
        return f"cell {index.row()} {index.column()}" if role == DISPLAY else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return f"Column {section}"
        return None


def main() -> None:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    split = QSplitter()
    window.setCentralWidget(split)
    view = QTableView()
    view.setModel(Rows(view))
    split.addWidget(view)
    split.addWidget(QPlainTextEdit("The panel noted the figures for the quarter. " * 60))
    window.show()

    def ready() -> None:
        app.processEvents()
        print(f"READY {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()


if __name__ == "__main__":
    main()
