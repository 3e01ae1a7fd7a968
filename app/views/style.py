"""The house look: one style sheet, using the palette so dark mode stays readable."""

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
