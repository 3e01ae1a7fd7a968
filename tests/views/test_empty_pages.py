"""Each empty page says what to do first: before any placement, how to make one; with a
placement and nothing in a list yet, how to add the first thing (#28)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings

from app.services.placements import new_placement
from app.services.workspace import Workspace
from app.views.main_window import MainWindow
from app.views.widgets import NO_PLACEMENT_HINT, EmptyHint
from tests.views.conftest import shown


def hints(window: MainWindow) -> dict[str, str]:
    """The hint each page shows now, by page."""
    found = {}
    for title in window.page_titles():
        window.show_page_named(title)
        for hint in window.pages.currentWidget().findChildren(EmptyHint):
            if hint.isVisibleTo(window):
                found.setdefault(title, hint.text())
    return found


def test_before_any_placement_every_list_says_how_to_make_one(
    qtbot, workspace: Workspace, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    shown_hints = hints(window)
    for page in ("Compliance", "Cases", "Supervision", "Visits & observations", "PCF & learning"):
        assert shown_hints.get(page) == NO_PLACEMENT_HINT, page
    assert window.compliance.summary.text() == ""  # not "everything is in order"


def test_a_new_placement_s_pages_say_how_to_add_the_first_thing(
    qtbot, workspace: Workspace, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    workspace.placements.create(
        new_placement(
            student="Sam Student",
            kind="first",
            setting="early-help",
            start=date(2026, 11, 2),
            end=date(2027, 2, 26),
            educator="Pat Educator",
            team_manager="Lee Manager",
        )
    )
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    shown_hints = hints(window)
    assert "allocate the first with Allocate case… (Ctrl+Shift+N)" in shown_hints["Cases"]
    assert "New session…" in shown_hints["Supervision"]
    assert "Record event…" in shown_hints["Visits & observations"]
    assert "New review…" in shown_hints["PCF & learning"]
    assert NO_PLACEMENT_HINT not in shown_hints.values()


def test_a_list_with_rows_shows_no_hint(demo_window: MainWindow) -> None:
    cases = shown(demo_window, demo_window.cases)
    assert not cases.empty_hint.isVisibleTo(demo_window)
    cases.show_filter.setCurrentIndex(cases.show_filter.count() - 1)
    assert cases.table.model().rowCount() > 0 and not cases.empty_hint.isVisibleTo(demo_window)
