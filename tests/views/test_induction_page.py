"""The Induction page driven as a practice educator would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings

from app.services.workspace import Workspace
from app.views.induction.page import (
    PlacementAgreementDialog,
    SupervisionAgreementDialog,
)
from app.views.item_dialog import ItemDialog
from app.views.main_window import MainWindow
from tests.conftest import sam_placement
from tests.views.conftest import drive_modal, seen

START = date(2026, 1, 5)


@pytest.fixture
def window(qtbot, workspace: Workspace, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    workspace.placements.create(
        sam_placement(educator_onsite=False, onsite_supervisor="Jo Supervisor")
    )
    workspace.as_of = date(2026, 1, 8)
    w = MainWindow(workspace, settings)
    qtbot.addWidget(w)
    w.show()
    w.show_page_named("Induction")
    return w


def test_page_shows_the_fortnight_and_records_items(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.induction
    assert "0 of 8 required items done" in page.summary.text()
    assert "cases can be allocated from 19 Jan 2026" in page.summary.text()
    assert page.days.text().startswith("Working days: Mon 5 · Tue 6")
    assert window.overview.induction_card.figure.text() == "0 of 8 items"
    page.select("lone-working")

    def record(dialog: ItemDialog) -> None:
        dialog.done_on.setDate(QDate(2026, 1, 6))
        qtbot.keyClicks(dialog.by, "Pat Educator")
        qtbot.keyClicks(dialog.note, "Buddy system explained")
        dialog.accept()

    drive_modal(page.record_button.click, record)
    assert page.item_texts()["Lone working policy"] == "6 Jan 2026"
    assert "1 of 8 required items done" in page.summary.text()
    assert seen(window, window.overview).induction_card.figure.text() == "1 of 8 items"
    page.select("lone-working")
    page.clear_button.click()
    assert page.item_texts()["Lone working policy"] == "Not done"


def test_own_items_are_added_and_removed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.induction

    def add(dialog: ItemDialog) -> None:
        qtbot.keyClicks(dialog.name, "Parking permit")
        dialog.accept()

    drive_modal(page.add_button.click, add)
    assert page.item_texts()["Parking permit"] == "8 Jan 2026"
    assert "0 of 8 required" in page.summary.text()  # own items are not required
    page.select("x-parking-permit")
    assert page.remove_button.isEnabled()
    page.remove_button.click()
    assert "Parking permit" not in page.item_texts()


def test_agreements_are_recorded_with_their_content(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.induction

    def placement(dialog: PlacementAgreementDialog) -> None:
        dialog.held.setChecked(True)
        qtbot.keyClicks(dialog.learning_needs, "Confidence in direct work")
        qtbot.keyClicks(dialog.after_hours, "Jo Supervisor")
        dialog.accept()

    drive_modal(page.pa_button.click, placement)
    assert page.item_texts()["Placement agreement meeting"] == "8 Jan 2026"
    assert "Confidence in direct work" in page.placement_agreement.text()

    def supervision(dialog: SupervisionAgreementDialog) -> None:
        dialog.agreed.setChecked(True)
        dialog.weekday.setCurrentIndex(dialog.weekday.findData("thu"))
        qtbot.keyClicks(dialog.time, "10:00")
        qtbot.keyClicks(dialog.three_way, "Every fourth Thursday with Jo")
        dialog.accept()

    drive_modal(page.sa_button.click, supervision)
    assert "Thursdays at 10:00" in page.supervision_agreement.text()
    assert "Every fourth Thursday with Jo" in page.supervision_agreement.text()
    assert any(
        "Thu 10:00, as agreed" in line for line in seen(window, window.overview).agenda_texts()
    )


def test_finding_shows_after_the_fortnight(window: MainWindow) -> None:
    window.workspace.as_of = date(2026, 1, 19)
    window.reload()
    assert "Induction not complete" in window.induction.alert.text()
    assert seen(window, window.overview).induction_card.figure.text() == "Incomplete"


def test_print_induction_record(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "induction.pdf"
    assert window.print_actions.save_record("induction", out).wait()
    assert out.read_bytes().startswith(b"%PDF")
