"""Qt item models over the book, one per pane. Edits arrive as undo commands."""

from PySide6.QtCore import Qt

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The stable id (item, action, update) or initials (person) of a row."""
