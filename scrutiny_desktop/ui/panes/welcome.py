"""The first-start welcome: a new book, an existing one, or a copy of the example meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePane(QWidget):
    """Three ways in; each button says which shortcut does the same."""

    new_book = Signal()
    open_book = Signal()
    open_example = Signal()

    def __init__(self) -> None:
        super().__init__()
        title = QLabel("<h2>Scrutiny Desktop</h2>")
        text = QLabel(
            "Minutes are kept in a meeting book: one file holding your meetings, the people "
            "directory and the action register. Start one, open one, or try the example "
            "(a copy of the Force Performance Scrutiny minutes of 26 February 2015)."
        )
        text.setWordWrap(True)
        self.new_button = QPushButton("&New book…")
        self.open_button = QPushButton("&Open book…")
        self.example_button = QPushButton("Open a copy of the &example meeting")
        for button, name in (
            (self.new_button, "New book"),
            (self.open_button, "Open book"),
            (self.example_button, "Open a copy of the example meeting"),
        ):
            button.setAccessibleName(name)
        self.new_button.clicked.connect(self.new_book)
        self.open_button.clicked.connect(self.open_book)
        self.example_button.clicked.connect(self.open_example)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner = QWidget()
        inner.setMaximumWidth(520)
        il = QVBoxLayout(inner)
        il.addWidget(title)
        il.addWidget(text)
        il.addWidget(self.new_button)
        il.addWidget(self.open_button)
        il.addWidget(self.example_button)
        layout.addWidget(inner)
