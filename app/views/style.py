"""The house look: one style sheet, using the palette so dark mode stays readable."""

from app.views.theme import DARK, is_dark, tone

STYLE_SHEET = """
QListWidget#nav {
    border: none;
    border-right: 1px solid palette(mid);
    padding-top: 8px;
    font-size: 14px;
}
QListWidget#nav::item { padding: 9px 14px; }
QListWidget#nav::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
QLabel#pageTitle { font-size: 22px; font-weight: 600; }
QLabel#pageSubtitle { color: palette(placeholder-text); font-size: 13px; }
QFrame#card {
    border: 1px solid palette(mid);
    border-radius: 6px;
    background: palette(base);
}
QLabel#cardTitle { color: palette(placeholder-text); font-size: 11px; font-weight: 600; }
QLabel#cardFigure { font-size: 20px; font-weight: 600; }
QLabel#cardDetail { font-size: 12px; }
QLabel#sectionTitle { font-size: 15px; font-weight: 600; margin-top: 10px; }
"""


def style_sheet() -> str:
    """The house style for the scheme on screen: labels that carry a meaning ("tone": red for
    a problem) take the shade of it that reads on this background."""
    tones = "\n".join(f'QLabel[tone="{name}"] {{ color: {tone(name)}; }}' for name in DARK)
    return STYLE_SHEET + tones + ("\nQToolTip { color: palette(text); }" if is_dark() else "")
