"""The Endings page: checklists per child, ending a case, printing, closing the placement."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings

from app.policy.snapshot import Case
from app.services.workspace import Workspace
from app.views.cases.dialogs import EndCaseDialog
from app.views.endings.page import ClosePlacementDialog
from app.views.item_dialog import ItemDialog
from app.views.main_window import MainWindow
from tests.conftest import sam_placement
from tests.views.conftest import drive_modal, findings, seen

START, OPENS, END = date(2026, 1, 5), date(2026, 1, 19), date(2026, 4, 24)


@pytest.fixture
def window(qtbot, workspace: Workspace, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    pid = workspace.placements.create(sam_placement())
    workspace.cases.allocate(
        pid, Case("D-1", "cin", "lead", OPENS, True, initials="AB", rationale="Fits."), OPENS
    )
    workspace.as_of = date(2026, 4, 10)
    w = MainWindow(workspace, settings)
    qtbot.addWidget(w)
    w.show()
    w.show_page_named("Endings")
    return w


def test_recording_items_updates_progress_and_compliance(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.endings
    assert "ending.transition-plan" in findings(window)
    assert "0 of 8 required items done" in page.summary.text()
    assert page.item_texts()["Planned goodbye suited to the child's age"] == "Not done"
    page.select_item("goodbye-session")

    def record(dialog: ItemDialog) -> None:
        dialog.done_on.setDate(QDate(2026, 4, 9))
        qtbot.keyClicks(dialog.note, "Card and photo book")
        dialog.accept()

    drive_modal(page.record_button.click, record)
    assert page.item_texts()["Planned goodbye suited to the child's age"] == "9 Apr 2026"
    assert "1 of 8 required items done" in page.summary.text()
    assert "ending.transition-plan" not in findings(window)  # a plan now exists
    assert any(
        "Transition checklist for D-1: 1 of 8" in line
        for line in seen(window, window.overview).agenda_texts()
    )


def test_closing_refuses_while_cases_are_open_then_closes_read_only(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = window.endings

    def without_reason(dialog: ClosePlacementDialog) -> None:
        dialog.accept()
        assert (
            "cannot be closed yet" in dialog.error.text()
            and "D-1 is still open" in dialog.error.text()
        )
        assert dialog.isVisible()
        dialog.reject()

    drive_modal(page.close_button.click, without_reason)
    assert window.current_placement is not None and window.current_placement.archived is None

    def end(dialog: EndCaseDialog) -> None:
        dialog.ending.setCurrentIndex(dialog.ending.findData("stays-with-named-worker"))
        dialog.accept()

    drive_modal(page.end_button.click, end)

    def with_reason(dialog: ClosePlacementDialog) -> None:
        dialog.closed_on.setDate(QDate(2026, 4, 10))
        qtbot.keyClicks(dialog.reason, "Student left early; checklist done on paper.")
        dialog.accept()

    drive_modal(page.close_button.click, with_reason)
    assert "Closed 10 Apr 2026: Student left early" in page.summary.text()
    assert (
        not page.close_button.isEnabled()
        and not seen(window, window.cases).allocate_button.isEnabled()
    )
    assert not seen(window, window.supervision).new_button.isEnabled()
    assert "closed 10 Apr 2026" in seen(window, window.overview).subtitle.text()


def test_end_of_placement_pdfs(window: MainWindow, tmp_path: Path) -> None:
    for kind in ("transition", "summary"):
        out = tmp_path / f"{kind}.pdf"
        assert window.print_actions.save_record(kind, out).wait()
        assert out.read_bytes().startswith(b"%PDF")


def test_a_final_placement_offers_the_asye_hand_over(
    demo_window: MainWindow, tmp_path: Path
) -> None:
    """Only once the final PCF review exists; saved as the new employer's JSON document."""
    import json

    from app.interchange.placement_file import dumps
    from tests.reports.test_asye import final_placement
    from tests.views.conftest import shown

    endings = shown(demo_window, demo_window.endings)
    assert not endings.asye_button.isVisibleTo(demo_window)  # a first placement: none
    source = tmp_path / "final.json"
    source.write_text(dumps(final_placement()), encoding="utf-8")
    assert demo_window.file_actions.import_path(source, as_new=True).wait() is not None
    endings = shown(demo_window, demo_window.endings)
    assert endings.asye_button.isVisibleTo(demo_window)
    labels = [a.text() for a in endings.asye_button.menu().actions()]
    assert labels[0] == "Print preview…" and "Word" in labels[1] and ".json" in labels[2]
    out = tmp_path / "asye.json"
    assert demo_window.print_actions.save_asye_file(out).wait() is not None
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "placement-tracker-asye/1"
