"""The README's shortcut table is the window's: every command, with the key it really has."""

from PySide6.QtGui import QKeySequence

from scrutiny_desktop.ui.command_table import ALL_COMMANDS
from tests.conftest import ROOT


def test_every_command_is_in_the_readme_with_its_shortcut(qapp):
    readme = (ROOT / "README.md").read_text()
    missing = []
    for c in ALL_COMMANDS:
        keys = QKeySequence(c.keys).toString(QKeySequence.SequenceFormat.PortableText)
        row = f"| {c.menu.replace('&', '')} | {c.text.replace('&', '')} | {keys} |"
        if row not in readme:
            missing.append(row)
    assert missing == []
