"""The frame a PE sees while the app starts is the window's own frame, in the window's place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings

from app.services.demo import load_demo
from app.services.workspace import Workspace
from app.views.frame import opening_frame
from app.views.main_window import MainWindow
from app.views.theme import SCHEME_SETTING, apply_scheme, is_dark


def test_the_opening_frame_says_what_it_opens_and_offers_nothing_yet(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    frame = opening_frame(settings, "placements.sqlite")
    qtbot.addWidget(frame)
    frame.show()
    assert frame.pages.currentWidget().text() == "Opening placements.sqlite…"
    assert not frame.nav.isEnabled() and not frame.placement_box.isEnabled()
    assert all(not action.isEnabled() for action in frame.menuBar().actions())


def test_the_window_has_the_frames_pages_menus_and_place(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    workspace = Workspace.open(tmp_path / "p.sqlite", date(2026, 11, 23))
    load_demo(workspace.db, date(2026, 11, 23))
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.setGeometry(40, 50, 700, 500)  # inside the offscreen screen
    window.close()  # remembers where it stood
    frame = opening_frame(settings, "p.sqlite")
    qtbot.addWidget(frame)
    again = MainWindow(workspace, settings)
    qtbot.addWidget(again)
    assert [frame.nav.item(i).text() for i in range(frame.nav.count())] == again.page_titles()
    assert again.pages.count() == again.nav.count()
    bar = [a.text() for a in frame.menuBar().actions()]
    assert bar == [a.text() for a in again.menuBar().actions()]
    assert frame.geometry() == again.geometry() and frame.size().width() == 700
    assert again.pages.currentWidget() is again.overview  # no "Opening…" left in the window
    workspace.close()


def test_appearance_for_one_run_is_not_kept(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``--appearance dark``: the frame and the window are dark, View › Appearance keeps its
    own choice for the next start."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(SCHEME_SETTING, "light")
    workspace = Workspace.open(tmp_path / "p.sqlite", date(2026, 11, 23))
    try:
        frame = opening_frame(settings, "p.sqlite", "dark")
        qtbot.addWidget(frame)
        assert is_dark()
        window = MainWindow(workspace, settings, "dark")
        qtbot.addWidget(window)
        assert is_dark() and settings.value(SCHEME_SETTING) == "light"
        [light] = [a for a in window.scheme_actions.actions() if a.isChecked()]
        assert light.data() == "light"
    finally:
        apply_scheme("system")  # the palette is the whole app's: leave it as found
        workspace.close()
