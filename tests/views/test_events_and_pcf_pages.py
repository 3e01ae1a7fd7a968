"""Visits, absences, PCF reviews and learning outcomes, driven as a PE would; Compliance follows."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QDialogButtonBox

from app.policy.snapshot import Case
from app.services.workspace import Workspace
from app.views.learning.page import LearningDialog, PcfReviewDialog
from app.views.main_window import MainWindow
from app.views.visits.page import AbsenceDialog, EventDialog
from tests.conftest import sam_placement
from tests.views.conftest import answer, drive_modal, findings, seen

START, OPENS = date(2026, 1, 5), date(2026, 1, 19)


@pytest.fixture
def window(qtbot, workspace: Workspace, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    pid = workspace.placements.create(sam_placement())
    workspace.cases.allocate(
        pid, Case("D-1", "cin", "lead", OPENS, True, initials="AB", rationale="Fits."), OPENS
    )
    workspace.cases.allocate(
        pid, Case("L-2", "lac", "shadow", OPENS, True, initials="CD", rationale="Shadow."), OPENS
    )
    workspace.as_of = date(2026, 3, 6)  # D-1's joint visit deadline (2 Mar) has passed
    w = MainWindow(workspace, settings)
    qtbot.addWidget(w)
    w.show()
    w.show_page_named("Visits & observations")
    return w


def pick(combo, value) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def test_adding_a_joint_visit_clears_the_compliance_breach(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert "visit.joint-within-6-weeks" in findings(window)

    def record(dialog: EventDialog) -> None:
        pick(dialog.kind, "joint-visit")
        pick(dialog.case, "D-1")
        dialog.day.setDate(QDate(2026, 1, 27))
        qtbot.keyClicks(dialog.fields["with"], "Pat Educator")
        dialog.accept()

    drive_modal(window.events.new_button.click, record)
    assert "visit.joint-within-6-weeks" not in findings(window)
    assert "Joint visit" in window.events.model.index(0, 1).data()
    window.events.set_filters(case="L-2")
    assert window.events.visible_events() == []
    window.events.set_filters(case="D-1", kind="joint-visit")
    assert len(window.events.visible_events()) == 1
    window.show_page_named("Cases")
    window.cases.select("D-1")
    assert "27 Jan 2026 · Joint visit" in window.cases.details.toPlainText()  # the case's timeline


def test_forbidden_events_cannot_be_saved_and_say_why(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def alone(dialog: EventDialog) -> None:
        pick(dialog.kind, "statutory-visit")
        pick(dialog.case, "L-2")
        dialog.day.setDate(QDate(2026, 2, 2))
        dialog.refresh()
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert not save.isEnabled() and "Answer yes or no: accompanied" in dialog.verdict.text()
        answer(qtbot, dialog.accompanied, yes=False)  # alone
        dialog.refresh()
        assert not save.isEnabled()
        assert "qualified worker with the student" in dialog.verdict.text()
        answer(qtbot, dialog.accompanied, yes=True)
        dialog.refresh()
        assert not save.isEnabled() and "Name who went" in dialog.verdict.text()
        qtbot.keyClicks(dialog.fields["accompanied_by"], "Jo Social Worker")
        dialog.refresh()
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        dialog.reject()

    drive_modal(window.events.new_button.click, alone)

    def chair(dialog: EventDialog) -> None:
        pick(dialog.kind, "meeting")
        pick(dialog.case, "D-1")
        dialog.day.setDate(QDate(2026, 2, 2))
        pick(dialog.fields["meeting"], "review")
        pick(dialog.fields["chaired_by"], "student")
        dialog.accept()
        assert (
            "may not chair a review meeting" in dialog.error.text()
            or "review meeting" in dialog.verdict.text()
        )
        assert dialog.isVisible()
        dialog.reject()

    drive_modal(window.events.new_button.click, chair)
    assert window.events.visible_events() == []


def test_judgement_call_is_warned_then_saved(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def visit(dialog: EventDialog) -> None:
        pick(dialog.kind, "home-visit")
        pick(dialog.case, "D-1")
        dialog.day.setDate(QDate(2026, 2, 3))
        answer(qtbot, dialog.fields["after_hours"], yes=True)
        dialog.refresh()
        assert "Answer yes or no: checked in" in dialog.verdict.text()
        answer(qtbot, dialog.fields["checked_in"], yes=False)
        dialog.refresh()
        assert "check-in" in dialog.verdict.text()
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        dialog.accept()

    drive_modal(window.events.new_button.click, visit)
    assert "visit.after-hours-checkin" in findings(window)


def test_absence_form_and_the_working_days(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def absent(dialog: AbsenceDialog) -> None:
        pick(dialog.who, "student")
        dialog.first.setDate(QDate(2026, 2, 9))
        dialog.last.setDate(QDate(2026, 2, 10))
        qtbot.keyClicks(dialog.reason, "Flu")
        dialog.accept()

    drive_modal(window.events.new_absence.click, absent)
    assert window.events.absence_table.rowCount() == 1
    assert "2 working days" in window.events.absence_summary.text()
    assert seen(window, window.overview).progress.text().endswith("· 2 absent")


def test_pcf_review_grid_and_learning_outcomes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.workspace.as_of = date(2026, 3, 10)  # a week after the midpoint (28 Feb) has passed
    window.reload()
    window.show_page_named("PCF & learning")
    page = window.pcf
    assert "pcf.midpoint-review" in findings(window)

    def review(stage: str, day: QDate, rating: str):  # type: ignore[no-untyped-def]
        def fill(dialog: PcfReviewDialog) -> None:
            pick(dialog.stage, stage)
            dialog.day.setDate(day)
            pick(dialog.ratings["knowledge"], rating)
            qtbot.keyClicks(dialog.evidence["knowledge"], "case:D-1")
            dialog.accept()

        return fill

    drive_modal(page.new_button.click, review("initial", QDate(2026, 1, 9), "not-yet"))
    drive_modal(page.new_button.click, review("midpoint", QDate(2026, 2, 27), "developing"))
    texts = page.rating_texts()
    assert texts["Knowledge"] == [
        "Not yet  (1 evidence)",
        "Developing  (1 evidence)",
        "Not yet → Developing ↑",
    ]
    assert "pcf.midpoint-review" not in findings(window)

    assert page.learning_title.text() == "Learning outcomes: 0 of 12 evidenced"
    page.select_outcome("genogram")

    def evidence(dialog: LearningDialog) -> None:
        dialog.day.setDate(QDate(2026, 2, 10))
        qtbot.keyClicks(dialog.evidence, "D-1 genogram")
        dialog.accept()

    drive_modal(page.record_button.click, evidence)
    assert page.learning_title.text() == "Learning outcomes: 1 of 12 evidenced"
    assert (
        "Learning outcomes 1 of 12 evidenced."
        in seen(window, window.overview).phase_card.detail.text()
    )


def test_event_form_starts_with_sensible_defaults(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.visit_actions.event_dialog(kind="meeting")
    qtbot.addWidget(dialog)
    assert dialog.case.currentData() == "D-1"  # a meeting is always about a child
    assert dialog.fields["chaired_by"].currentData() == "educator"
    pick(dialog.kind, "supervisor-supervision")
    assert not dialog.case.isEnabled() and dialog.draft().case is None


def test_deleting_can_be_undone(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    def record(dialog: EventDialog) -> None:
        pick(dialog.kind, "joint-visit")
        dialog.day.setDate(QDate(2026, 1, 27))
        dialog.accept()

    drive_modal(window.events.new_button.click, record)
    [key] = window.events.visible_events()
    assert not window.undo_action.isEnabled()  # adding is not something to undo here
    window.events.select_event(key)
    window.events.delete_button.click()
    assert window.events.visible_events() == []
    assert "visit.joint-within-6-weeks" in findings(window)
    assert window.undo_action.text() == "&Undo event deleted"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.events, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.events.visible_events() == [key]
    assert "visit.joint-within-6-weeks" not in findings(window)
    assert not window.undo_action.isEnabled()
