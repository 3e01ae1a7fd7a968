"""The frame a PE sees while the app starts is the window's own frame, in the window's place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.services.demo import load_demo
from app.services.workspace import Workspace
from app.views.frame import OpeningFrame, opening_frame
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


def test_closing_the_frame_while_it_opens_ends_the_app_without_a_window(
    qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A PE who closes the window while it is still opening has changed their mind: the
    full window does not pop up after all, and the database is left closed."""
    from app.views import app as slow_part
    from app.views.start import run_gui

    path = tmp_path / "placements.sqlite"
    opened: list[Workspace] = []
    real_open = slow_part.open_workspace

    def opening_then_closed(*args, **kwargs):  # type: ignore[no-untyped-def]
        [frame] = [w for w in QApplication.topLevelWidgets() if isinstance(w, OpeningFrame)]
        frame.close()  # the PE clicks the frame's close button while the database opens
        opened.append(real_open(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(slow_part, "open_workspace", opening_then_closed)
    shown: list[MainWindow] = []
    monkeypatch.setattr(slow_part, "_show", lambda _app, window, *_a: shown.append(window) or 0)
    assert run_gui(db_path=str(path), as_of=date(2026, 11, 23)) == 0
    assert opened and not shown
    assert not any(
        isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    assert Workspace.open(path, date(2026, 11, 23)).close() is None  # not left locked
