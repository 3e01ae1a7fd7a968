"""Light or dark: the app follows the system's colour scheme (or the PE's choice under
View › Appearance), and every colour that carries meaning has a shade for each.

Colours are asked for by what they mean (``tone("red")``) when something is drawn, so a
change of scheme shows on the next refresh; the style sheet uses the palette throughout.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Text in each meets WCAG's 4.5:1 on the light window and page colours, and in the dark set on
# the dark ones (tests/views/test_appearance.py measures it).
LIGHT: Final = {
    "red": "#c62828",
    "amber": "#955a00",
    "blue": "#1565c0",
    "green": "#2a6e2e",
    "purple": "#6a1b9a",
    "grey": "#616b76",
    "muted": "#52606d",
    "ink": "#1f2933",
    "rule": "#9aa5b1",
    "on-fill": "#ffffff",  # text on a filled mark of one of the colours above
}
DARK: Final = {
    "red": "#ff8a80",
    "amber": "#ffb74d",
    "blue": "#90caf9",
    "green": "#81c784",
    "purple": "#ce93d8",
    "grey": "#a7b0ba",
    "muted": "#b8c2cc",
    "ink": "#eef1f4",
    "rule": "#7b8794",
    "on-fill": "#1f2326",
}
# What each severity and status is shown in, everywhere (pages, forms, the chart).
SEVERITY_TONES: Final = {"breach": "red", "warning": "amber", "due": "blue"}

SCHEMES: Final = ("system", "light", "dark")
SCHEME_SETTING: Final = "view/colour_scheme"


def is_dark() -> bool:
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone(name: str) -> str:
    """The colour for ``name`` in the scheme on screen now."""
    return (DARK if is_dark() else LIGHT)[name]


def severity_colour(severity: str) -> str:
    return tone(SEVERITY_TONES[severity])


def dark_palette() -> QPalette:
    """A dark palette for Fusion, for when the PE chooses dark and the system has none."""
    p = QPalette()
    window, base, text = QColor("#2b2f33"), QColor("#1f2326"), QColor("#eef1f4")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#2f3438"),
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#a7b0ba"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#353a3f"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff8a80"),
        QPalette.ColorRole.Highlight: QColor("#3d7ab8"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#90caf9"),
        QPalette.ColorRole.Light: QColor("#4a5056"),
        QPalette.ColorRole.Midlight: QColor("#40464b"),
        QPalette.ColorRole.Mid: QColor("#5a6168"),
        QPalette.ColorRole.Dark: QColor("#1a1d20"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7b8794"))
    return p


def apply_scheme(choice: str) -> None:
    """ "system" follows the desktop; "light" or "dark" is the PE's own choice."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    hints = QGuiApplication.styleHints()
    if choice == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif choice == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
    else:
        hints.unsetColorScheme()
        app.setPalette(QPalette())  # the platform's own, light or dark as the system is
