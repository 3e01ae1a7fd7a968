"""The main window as a practice educator first sees it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.workspace import Workspace
from app.views.main_window import MainWindow
from app.views.placement_dialog import NewPlacementDialog


def test_overview_shows_the_demo_placement(demo_window: MainWindow) -> None:
    o = demo_window.overview
    assert o.title.text() == "Robin Ashdown"
    assert "First placement" in o.subtitle.text() and "Early help" in o.subtitle.text()
    assert o.progress.text() == "Working day 51 of 77"
    assert o.caseload_card.figure.text() == "4 of 6"
    assert (
        "D-1150" in o.caseload_card.detail.text() and "shadowing 1" in o.caseload_card.detail.text()
    )
    assert o.supervision_card.figure.text() == "3 days ago"
    assert o.induction_card.figure.text() == "8 of 8 items"
    assert "Pat Kendrick (off site)" in o.people_card.detail.text()
    assert "Robin Ashdown" in demo_window.windowTitle()


def test_side_bar_reaches_every_page_with_a_clear_not_yet_state(demo_window: MainWindow) -> None:
    assert demo_window.page_titles() == [
        "Overview", "Compliance", "Cases", "Supervision", "Visits & observations", "PCF & learning", "Endings",
    ]  # fmt: skip
    demo_window.nav.setCurrentRow(3)
    page = demo_window.pages.currentWidget()
    assert "Not available in this version yet" in " ".join(
        label.text() for label in page.findChildren(type(demo_window.overview.title))
    )


def test_empty_database_invites_a_new_placement(
    qtbot, workspace: Workspace, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.overview.empty.isVisible()
    assert not window.overview.title.isVisible()
    assert not window.placement_box.isEnabled()


def test_new_placement_dialog_shows_induction_end_and_saves(
    qtbot,
    workspace: Workspace,
    settings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewPlacementDialog)
        dialog.start.setDate(QDate(2026, 12, 21))
        dialog.end.setDate(QDate(2027, 4, 9))
        assert "7 Jan 2027" in dialog.summary.text()  # Christmas bank holidays skipped
        qtbot.keyClicks(dialog.student, "Casey Newman")
        qtbot.keyClicks(dialog.educator, "Pat Educator")
        qtbot.keyClicks(dialog.manager, "Lee Manager")
        dialog.kind.setCurrentIndex(1)
        assert dialog.required.value() == 100
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    window.new_action.trigger()
    assert window.overview.title.text() == "Casey Newman"
    assert "Final placement" in window.overview.subtitle.text()
    assert window.placement_box.count() == 1


def test_dialog_refuses_missing_names_with_a_message(
    qtbot, as_of: date, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    dialog = NewPlacementDialog(as_of)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert shown == ["Enter the student's name."]
    assert dialog.result() != NewPlacementDialog.DialogCode.Accepted


def test_switching_placements_and_opening_another_database(
    demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database" * 200)
    assert demo_window.switch_database(bad) is False
    assert shown and "Cannot open" in shown[0]
    assert demo_window.overview.title.text() == "Robin Ashdown"  # still on the old one

    assert demo_window.switch_database(tmp_path / "fresh.sqlite") is True
    assert demo_window.overview.empty.isVisible()


def test_window_geometry_is_remembered(qtbot, workspace: Workspace, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(workspace, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)  # the offscreen screen is 800x600: stay inside it
    first.close()
    second = MainWindow(workspace, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (720, 520)


def test_keyboard_shortcuts_switch_pages(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    qtbot.keyClick(demo_window.overview, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.nav.currentRow() == 2
