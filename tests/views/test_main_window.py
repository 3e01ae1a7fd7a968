"""The main window as a practice educator first sees it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.services.demo import load_demo
from app.services.workspace import Workspace
from app.views.main_window import MainWindow
from app.views.placement.wizard import PlacementWizard
from tests.views.conftest import drive_modal, seen


def test_overview_shows_the_demo_placement(demo_window: MainWindow) -> None:
    o = demo_window.overview
    assert o.title.text() == "Robin Ashdown"
    assert "First placement" in o.subtitle.text() and "Early help" in o.subtitle.text()
    assert (
        o.progress.text() == "Working day 51 of 77 · 1 absent"
    )  # the demo student was off sick a day
    assert o.caseload_card.figure.text() == "3 of 6"
    assert (
        "D-1150" in o.caseload_card.detail.text() and "shadowing 1" in o.caseload_card.detail.text()
    )
    assert o.supervision_card.figure.text() == "3 days ago"
    assert o.induction_card.figure.text() == "8 of 8 items"
    assert "Pat Kendrick (off site)" in o.people_card.detail.text()
    assert "Robin Ashdown" in demo_window.windowTitle()


def test_side_bar_reaches_every_page(demo_window: MainWindow) -> None:
    titles = demo_window.page_titles()
    assert titles == [
        "Overview", "Compliance", "Induction", "Cases", "Supervision", "Visits & observations", "PCF & learning",
        "Endings", "Placement details",
    ]  # fmt: skip
    for row, title in enumerate(titles):
        demo_window.nav.setCurrentRow(row)
        page = demo_window.pages.currentWidget()
        headings = [label.text() for label in page.findChildren(type(demo_window.overview.title))]
        assert title in headings or title == "Overview"
        assert not any("Not available" in h for h in headings)


def test_empty_database_invites_a_new_placement(
    qtbot, workspace: Workspace, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.overview.empty.isVisible()
    assert not window.overview.title.isVisible()
    assert not window.placement_box.isEnabled()


def test_new_placement_wizard_shows_what_the_rules_will_use_and_saves(
    qtbot,
    workspace: Workspace,
    settings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)

    def fill_in(wizard: PlacementWizard) -> None:
        assert isinstance(wizard, PlacementWizard)
        qtbot.keyClicks(wizard.student, "Casey Newman")
        wizard.kind.setCurrentIndex(1)
        assert wizard.required.value() == 100
        wizard.next()
        wizard.start.setDate(QDate(2026, 12, 21))
        wizard.end.setDate(QDate(2027, 6, 25))
        wizard.average.setValue(12)
        wizard.next()
        qtbot.keyClicks(wizard.educator, "Pat Educator")
        qtbot.keyClicks(wizard.manager, "Lee Manager")
        wizard.next()
        summary = wizard.summary.text()
        assert "7 Jan 2027" in summary  # Christmas and New Year bank holidays skipped
        assert "Caseload cap</b> in force: 6" in summary  # min(10, 12 / 2)
        assert "Midpoint</b> 24 Mar 2027" in summary
        wizard.accept()

    drive_modal(window.new_action.trigger, fill_in)
    assert window.overview.title.text() == "Casey Newman"
    assert "Final placement" in window.overview.subtitle.text()
    assert window.placement_box.count() == 1


def test_wizard_refuses_missing_names_with_a_message(
    qtbot,
    as_of: date,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from app.policy.profile import DEFAULT_PROFILE

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    wizard = PlacementWizard(as_of, DEFAULT_PROFILE)
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(3):
        wizard.next()
    assert wizard.validateCurrentPage() is False
    assert shown == ["Enter the student's name."]


def test_placement_details_can_be_edited_later(
    demo_window: MainWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    def change(wizard: PlacementWizard) -> None:
        assert isinstance(wizard, PlacementWizard)
        assert wizard.student.text() == "Robin Ashdown"
        wizard.onsite.setChecked(True)
        wizard.link_worker.setText("Kim Link")
        wizard.accept()

    drive_modal(demo_window.placement_actions.edit_placement, change)
    text = seen(demo_window, demo_window.placement_page).text.toPlainText()
    assert "Pat Kendrick (on site)" in text and "Kim Link" in text
    assert "Caseload cap in force" in text


def test_switching_placements_and_opening_another_database(
    demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database" * 200)
    assert demo_window.database_actions.switch_database(bad) is False
    assert shown and "not a database file" in shown[0]
    assert demo_window.overview.title.text() == "Robin Ashdown"  # still on the old one

    assert demo_window.database_actions.switch_database(tmp_path / "fresh.sqlite") is True
    assert demo_window.overview.empty.isVisible()


def test_window_geometry_is_remembered(qtbot, workspace: Workspace, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(workspace, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # the offscreen screen is 800x600: stay inside it
    saved = first.size()
    first.close()
    second = MainWindow(workspace, settings)
    qtbot.addWidget(second)
    assert second.size() == saved and second.height() == 500


def test_keyboard_shortcuts_switch_pages(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    qtbot.keyClick(demo_window.overview, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.nav.currentRow() == 2


def test_the_page_splitters_and_columns_are_remembered(
    qtbot, workspace: Workspace, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QSplitter

    load_demo(workspace.db, workspace.as_of)
    first = MainWindow(workspace, settings)
    qtbot.addWidget(first)
    first.show()
    first.show_page_named("Compliance")
    splitter = first.compliance.findChild(QSplitter)
    splitter.setSizes([200, 300])
    sizes = splitter.sizes()
    first.compliance.table.horizontalHeader().resizeSection(5, 300)
    first.close()
    second = MainWindow(workspace, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.page_titles()[second.nav.currentRow()] == "Compliance"
    top, bottom = second.compliance.findChild(QSplitter).sizes()
    assert abs(top / (top + bottom) - sizes[0] / sum(sizes)) < 0.02  # split where it was left
    assert second.compliance.table.horizontalHeader().sectionSize(5) == 300


def test_recent_databases_are_offered_newest_first(
    qtbot, workspace: Workspace, settings: QSettings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    first = workspace.path
    other, third = tmp_path / "other.sqlite", tmp_path / "third.sqlite"
    assert window.database_actions.switch_database(
        other
    ) and window.database_actions.switch_database(third)
    assert window.database_actions.recent_databases()[:3] == [
        third.resolve(),
        other.resolve(),
        first.resolve(),
    ]
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.isEnabled()]
    assert [a.text().split(" ")[1] for a in entries] == ["other.sqlite", first.name]
    entries[1].trigger()  # back to the first database
    assert window.workspace.path.resolve() == first.resolve()
    window.workspace.close()


def test_the_policy_profile_is_named_once_where_it_is_shown(demo_window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel

    page = seen(demo_window, demo_window.placement_page).text.toPlainText()
    assert page.count("Policy profile") == 1 and "default" in page
    about = demo_window.show_about()
    words = " ".join(label.text() for label in about.findChildren(QLabel))
    about.close()
    assert "default" in words and words.count("Policy profile") <= 1


def test_the_overview_fits_a_1280_by_800_screen_without_scrolling(
    demo_window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    demo_window.resize(1280, 800)
    demo_window.show_page_named("Overview")
    overview = demo_window.overview
    qtbot.waitUntil(lambda: overview.viewport().height() > 700, timeout=2000)
    assert overview.widget().minimumSizeHint().height() <= overview.viewport().height()
    qtbot.waitUntil(lambda: not overview.verticalScrollBar().isVisible(), timeout=2000)
    assert overview.due_list.height() >= 3 * overview.due_list.sizeHintForRow(0)  # 3 items show
