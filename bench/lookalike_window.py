"""A Qt-only look-alike of the first screen, for the start-up benchmark's floor.

The same kind and number of widgets as the window on the reference meeting (three docks
with their table, list and text views, the meeting picker in a toolbar, eight menus of
six shortcut actions, a status bar), filled from C++ models, with no application code:
how long PySide6 itself takes to show such a window. Prints "READY <unix time>" when
painted and idle, as ``--quit-when-ready`` does. Run as a script (``python FILE``).
"""

import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QTableView,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)


def table(rows: int, cols: int) -> QTableView:
    model = QStandardItemModel(rows, cols)
    for r in range(rows):
        for c in range(cols):
            model.setItem(r, c, QStandardItem(f"cell {r} {c}"))
    view = QTableView()
    view.setModel(model)
    model.setParent(view)
    return view


def main() -> None:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    areas = {
        "Attendees": Qt.DockWidgetArea.LeftDockWidgetArea,
        "Agenda": Qt.DockWidgetArea.RightDockWidgetArea,
        "Actions": Qt.DockWidgetArea.RightDockWidgetArea,
    }
    docks = {}
    for title, area in areas.items():
        docks[title] = QDockWidget(title, window)
        window.addDockWidget(area, docks[title])
    docks["Attendees"].setWidget(table(12, 6))

    agenda = QWidget()
    layout = QVBoxLayout(agenda)
    items = QListView()
    items_model = QStandardItemModel(items)
    for i in range(7):
        items_model.appendRow(QStandardItem(f"Item {i + 1}: a matter on the agenda"))
    items.setModel(items_model)
    body = QTextEdit()
    body.setPlainText("The panel noted the figures for the quarter. " * 120)
    layout.addWidget(items)
    layout.addWidget(QLineEdit("Item title"))
    layout.addWidget(body)
    docks["Agenda"].setWidget(agenda)

    actions = QWidget()
    layout = QVBoxLayout(actions)
    layout.addWidget(QLabel("Actions"))
    layout.addWidget(table(4, 5))
    layout.addWidget(table(13, 3))
    docks["Actions"].setWidget(actions)

    toolbar = QToolBar("Meeting")
    picker = QComboBox()
    picker.addItem("26.03.2015  Police and Crime Panel")
    toolbar.addWidget(QLabel(" Meeting: "))
    toolbar.addWidget(picker)
    window.addToolBar(toolbar)
    for name in ("&File", "&Edit", "&People", "&Item", "&Actions", "&Meeting", "&View", "&Help"):
        menu = window.menuBar().addMenu(name)
        for i in range(6):
            action = QAction(f"{name} {i}", window)
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{i}"))
            menu.addAction(action)
    window.statusBar().addPermanentWidget(QLabel("Nothing changed yet"))
    window.show()

    def ready() -> None:
        app.processEvents()
        print(f"READY {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()


if __name__ == "__main__":
    main()
