"""The least a window showing minutes can be: one table and one text box, PySide6 only.

A QMainWindow with a splitter holding a QTableView over a ten-row table model with
column headers and a QPlainTextEdit with a few paragraphs. No menus, docks, picker or
book. The model is a Python ``QAbstractTableModel``, as every editable, book-backed
table of the window is; its ``headerData`` makes PySide6 build the ``Qt`` namespace's
93 enums. With the argument ``standard`` it is a C++ ``QStandardItemModel`` instead,
filled from Python, which needs none of them. Prints "READY <unix time>" when painted
and idle, as ``--quit-when-ready`` does. Run as a script (``python FILE [standard]``).
"""

import sys
import time

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QSplitter, QTableView

Index = QModelIndex | QPersistentModelIndex


def python_model() -> QAbstractTableModel:
    from PySide6.QtCore import Qt  # the Python model needs the namespace; the C++ one not

    display = Qt.ItemDataRole.DisplayRole

    class Rows(QAbstractTableModel):
        def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 10

        def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 4

        def data(self, index: Index, role: int = display) -> object:
            return f"cell {index.row()} {index.column()}" if role == display else None

        def headerData(
            self, section: int, orientation: Qt.Orientation, role: int = display
        ) -> object:
            if role == display and orientation == Qt.Orientation.Horizontal:
                return f"Column {section}"
            return None

    return Rows()


def standard_model() -> QStandardItemModel:
    model = QStandardItemModel(10, 4)
    model.setHorizontalHeaderLabels([f"Column {c}" for c in range(4)])
    for r in range(10):
        for c in range(4):
            model.setItem(r, c, QStandardItem(f"cell {r} {c}"))
    return model


def main() -> None:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    split = QSplitter()
    window.setCentralWidget(split)
    view = QTableView()
    model = standard_model() if sys.argv[1:] == ["standard"] else python_model()
    model.setParent(view)
    view.setModel(model)
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
