"""Colours that read in the system's light and dark palettes alike.

The window otherwise takes every colour from the palette; these are the few marks of
meaning (restricted, overdue, an unparsed date, an error, a muted note). Each is picked
for the palette in force when it is drawn, so a switch to dark mode never leaves light
text on a light tint.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette draws light text on a dark window."""
    p = palette or QGuiApplication.palette()
    return p.color(QPalette.ColorRole.Window).lightness() < 128


def _pick(light: str, dark: str) -> QColor:
    return QColor(dark if is_dark() else light)


def restricted_tint() -> QColor:
    """Background of restricted paragraphs and items: amber."""
    return _pick("#fbe3b0", "#5c4a1e")


def overdue_background() -> QColor:
    return _pick("#fbe3e1", "#5a2320")


def overdue_text() -> QColor:
    return _pick("#8a1c12", "#ffb4a9")


def error_text() -> QColor:
    """An entry kept as typed that did not parse, and error messages."""
    return _pick("#b00020", "#ff8a80")


def muted_text() -> QColor:
    """Expected attendees not yet marked, done actions, places in search results."""
    return _pick("#6b6b6b", "#a8a8a8")


def error_style() -> str:
    """A label's style sheet for an error message."""
    return f"color: {error_text().name()}"


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style, for platforms that report no colour scheme."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e8e8e8"),
        (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#2a2a2a"),
        (roles.Text, "#e8e8e8"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e8e8e8"),
        (roles.ToolTipBase, "#3a3a3a"),
        (roles.ToolTipText, "#e8e8e8"),
        (roles.PlaceholderText, "#9a9a9a"),
        (roles.Highlight, "#3d7bd9"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#8ab4f8"),
        (roles.Mid, "#4a4a4a"),
        (roles.Dark, "#202020"),
        (roles.Light, "#505050"),
    ):
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7a7a7a"))
    return p


def apply_colour_scheme(app: object, scheme: str | None) -> None:
    """Follow the system (``None``), or force ``dark``/``light`` (SCRUTINY_COLOR_SCHEME).

    Qt follows the system's scheme by itself on Windows, macOS and current Linux desktops;
    forcing one is for screenshots and for platforms that report none.
    """
    from PySide6.QtWidgets import QApplication

    if not isinstance(app, QApplication) or scheme not in ("dark", "light"):
        return
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
