"""Light or dark, as the system is or as the PE chooses: every colour that means something
stays readable (measured), and the choice is remembered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from app.views.main_window import MainWindow
from app.views.theme import DARK, LIGHT, SCHEME_SETTING, is_dark, tone

TEXT_TONES = ("red", "amber", "blue", "green", "purple", "grey", "muted", "ink")


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours."""

    def luminance(colour: str) -> float:
        c = QColor(colour)
        parts = [x / 255 for x in (c.red(), c.green(), c.blue())]
        lin = [p / 12.92 if p <= 0.03928 else ((p + 0.055) / 1.055) ** 2.4 for p in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", TEXT_TONES)
def test_every_meaningful_colour_reads_on_its_background(name: str) -> None:
    for background in ("#ffffff", "#efefef"):  # page and window, light
        assert contrast(LIGHT[name], background) >= 4.5, (name, background)
    for background in ("#1f2326", "#2b2f33"):  # the same, dark
        assert contrast(DARK[name], background) >= 4.5, (name, background)
    for fill in ("green", "red", "amber"):  # week marks: numbers on a filled box
        assert contrast(DARK["on-fill"], DARK[fill]) >= 4.5
        assert contrast(LIGHT["on-fill"], LIGHT[fill]) >= 4.5


@pytest.fixture
def dark_window(demo_window: MainWindow) -> Iterator[MainWindow]:
    demo_window.set_scheme("dark")
    yield demo_window
    demo_window.set_scheme("system")  # the palette is the whole app's: leave it as found


def test_choosing_dark_repaints_every_page_in_dark_shades(dark_window: MainWindow) -> None:
    w = dark_window
    assert is_dark() and tone("red") == DARK["red"]
    assert w.settings.value(SCHEME_SETTING) == "dark"
    [dark] = [a for a in w.scheme_actions.actions() if a.data() == "dark"]
    assert dark.isChecked()
    w.show_page_named("Compliance")
    model = w.compliance.proxy
    first = model.index(0, 0, QModelIndex())
    colour = model.data(first, Qt.ItemDataRole.ForegroundRole)
    assert colour.name() in {DARK[t] for t in ("red", "amber", "blue")}
    w.show_page_named("Supervision")
    held = [b for b in w.supervision.findChildren(type(w.supervision.summary)) if b.text() == "1"]
    assert held and DARK["on-fill"] in held[0].styleSheet()
    for row in range(len(w.page_titles())):  # every page draws in dark without a problem
        w.show_page(row)
        assert w.pages.currentWidget().grab().width() > 0


def test_back_to_light(dark_window: MainWindow) -> None:
    dark_window.set_scheme("light")
    assert not is_dark() and tone("red") == LIGHT["red"]
    assert dark_window.settings.value(SCHEME_SETTING) == "light"
