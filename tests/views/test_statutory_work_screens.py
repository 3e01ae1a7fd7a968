"""Statutory work, briefings, risks and transfers where a PE decides them: the allocation
dialog asks each new fact, a step-up is recorded from the Cases page, plans and ABE
interviews on the event form, a transfer's sign-off when a case ends; the Overview, the
agenda, the Cases page and the Endings page show them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.policy.snapshot import Case
from app.services.workspace import Workspace
from app.views.cases.dialogs import CaseDialog, EndCaseDialog, StepUpDialog
from app.views.main_window import MainWindow
from app.views.supervision.session import SessionDialog
from app.views.visits.page import EventDialog
from tests.conftest import sam_placement
from tests.views.conftest import answer, drive_modal, seen, shown

OPENS = date(2026, 1, 19)
TODAY = date(2026, 2, 20)


@pytest.fixture
def window(qtbot, workspace: Workspace, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    pid = workspace.placements.create(sam_placement(host_team_average_caseload=16))
    workspace.cases.allocate(
        pid,
        Case(
            "D-7",
            "cin",
            "lead",
            OPENS,
            True,
            initials="AB",
            rationale="Fits.",
            briefed=OPENS,
            visit_every_days=14,
        ),  # fmt: skip
        OPENS,
    )
    workspace.as_of = TODAY
    w = MainWindow(workspace, settings)
    qtbot.addWidget(w)
    w.show()
    w.show_page_named("Cases")
    return w


def save_of(dialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def answer_the_rest(qtbot, dialog: CaseDialog) -> None:  # type: ignore[no-untyped-def]
    answer(qtbot, dialog.transition, yes=False)
    answer(qtbot, dialog.consulted, yes=True)
    answer(qtbot, dialog.conflict, yes=False)


def test_the_allocation_dialog_asks_each_new_fact_and_prefills_none(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    def allocate(dialog: CaseDialog) -> None:
        # it opens, and can shrink, to fit a 1280 x 800 laptop screen (its title bar too)
        assert dialog.width() <= 1280 and dialog.height() <= 760
        least = dialog.minimumSizeHint()
        assert least.width() <= 1280 and least.height() <= 760
        qtbot.keyClicks(dialog.ref, "D-8")
        qtbot.keyClicks(dialog.rationale, "A second child in the family.")
        answer_the_rest(qtbot, dialog)
        dialog.refresh()
        # nothing a rule reads is filled in: the briefing is "Not yet" and the risk unanswered
        assert dialog.briefed.value() is None and dialog.briefed.edit.text() == "Not yet"
        assert dialog.risk_to_worker.value() is None
        assert "No one-to-one briefing" in dialog.findings.text()
        assert "risk to the worker" in dialog.waiting.text() and not save_of(dialog).isEnabled()
        qtbot.mouseClick(dialog.briefed.today_button, Qt.MouseButton.LeftButton)
        assert dialog.briefed.value() == TODAY
        # the previous worker is asked only when there was one
        assert not dialog.previous_consulted.isVisible()
        dialog.previous.setValue(1)
        dialog.refresh()
        assert dialog.previous_consulted.isVisible()
        assert "previous worker" in dialog.waiting.text()
        answer(qtbot, dialog.previous_consulted, yes=False)
        # a risk to the student asks for the safety plan, and Save waits for it
        assert not dialog.safety_plan.isVisible()
        answer(qtbot, dialog.risk_to_worker, yes=True)
        dialog.refresh()
        assert dialog.safety_plan.isVisible() and "safety plan" in dialog.waiting.text()
        assert not save_of(dialog).isEnabled()
        qtbot.keyClicks(dialog.safety_plan, "Joint visits only.")
        # the keyworker is asked for a statutory type only
        assert not dialog.keyworker.isVisible()
        dialog.visits.count.setValue(2)  # every 2 weeks
        first = dialog.learning.item(0)
        assert "(not yet evidenced)" in first.text() and first.font().bold()
        first.setCheckState(Qt.CheckState.Checked)
        dialog.refresh()
        text = dialog.findings.text()
        assert "previous one was not consulted" in text and "No one-to-one briefing" not in text
        assert save_of(dialog).isEnabled()
        dialog.accept()

    drive_modal(window.case_actions.allocate_case, allocate)
    case = window.workspace.cases.case(window.placement_id, "D-8")
    assert case.briefed == TODAY and case.previous_worker_consulted is False
    assert (case.risk_to_worker, case.safety_plan) == (True, "Joint visits only.")
    assert case.visit_every_days == 14 and len(case.learning) == 1
    details = window.cases.details.toPlainText()
    assert (
        "Safety plan: Joint visits only." in details and "Visiting plan: every 2 weeks" in details
    )


def test_the_outcomes_no_open_case_offers_come_first(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pid = window.placement_id
    assert pid is not None
    offered = window.workspace.cases.case(pid, "D-7")
    from dataclasses import replace

    window.workspace.cases.update(pid, "D-7", replace(offered, learning=("genogram",)), TODAY)
    dialog = window.case_actions.case_dialog()
    assert dialog is not None
    needed = [
        dialog.learning.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(dialog.learning.count())
        if "(not yet evidenced)" in dialog.learning.item(i).text()
    ]
    assert needed and "genogram" not in needed  # D-7 offers it already
    order = [dialog.learning.item(i).data(Qt.ItemDataRole.UserRole) for i in range(len(needed))]
    assert order == needed
    dialog.close()


def test_a_statutory_type_asks_for_the_keyworker_and_the_panel_shows_it(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    def allocate(dialog: CaseDialog) -> None:
        qtbot.keyClicks(dialog.ref, "L-9")
        dialog.type.setCurrentIndex(dialog.type.findData("lac"))
        dialog.role.setCurrentIndex(dialog.role.findData("co-worker"))
        answer_the_rest(qtbot, dialog)
        answer(qtbot, dialog.risk_to_worker, yes=False)
        dialog.refresh()
        assert dialog.keyworker.isVisible()
        assert "No keyworker named" in dialog.findings.text()
        assert not dialog.override_box.isEnabled() and not save_of(dialog).isEnabled()
        qtbot.keyClicks(dialog.keyworker, "Chris Mensah")
        dialog.refresh()
        assert save_of(dialog).isEnabled()
        dialog.accept()

    drive_modal(window.case_actions.allocate_case, allocate)
    assert window.workspace.cases.case(window.placement_id, "L-9").keyworker == "Chris Mensah"
    assert "Keyworker: Chris Mensah" in window.cases.details.toPlainText()


def test_a_step_up_from_the_cases_page_asks_the_keyworker_and_offers_co_working(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = shown(window, window.cases)
    assert page.select("D-7") and page.step_up_button.isEnabled()

    def step_up(dialog: StepUpDialog) -> None:
        assert isinstance(dialog, StepUpDialog)
        assert [dialog.role.itemData(i) for i in range(dialog.role.count())] == [
            "co-worker",
            "shadow",
        ]  # a student who led it can no longer lead it
        assert "cannot lead a statutory one" in " ".join(
            label.text() for label in dialog.findChildren(type(dialog.error))
        )
        dialog.day.setDate(QDate(2026, 2, 11))
        dialog.type.setCurrentIndex(dialog.type.findData("cp"))
        dialog.accept()  # no keyworker yet: refused with the reason
        assert "Name the keyworker" in dialog.error.text() and dialog.isVisible()
        qtbot.keyClicks(dialog.keyworker, "Alex Keyworker")
        dialog.accept()

    drive_modal(lambda: page.step_up_button.click(), step_up)
    case = window.workspace.cases.case(window.placement_id, "D-7")
    assert (case.type, case.student_role, case.keyworker) == ("cp", "co-worker", "Alex Keyworker")
    details = page.details.toPlainText()
    assert (
        "Stepped up on 11 Feb 2026: Child in need until then, Child protection from that day"
        in details
    )
    assert "11 Feb 2026 · Stepped up · Child in need to Child protection" in details
    assert not page.step_up_button.isEnabled()  # once only
    agenda = seen(window, window.overview).agenda_texts()
    assert any("step-up to Child protection" in line for line in agenda)

    def session(dialog: SessionDialog) -> None:
        [box] = [b for b in dialog.case_boxes if b.case.ref == "D-7"]
        assert box.stepped_up and "stepped up 11 Feb 2026 since the last session" in box.title()

    drive_modal(window.supervision_actions.new_supervision, session)


def test_the_event_form_refuses_an_abe_interview_conducted_and_keeps_a_plan(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    def abe(dialog: EventDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("abe-interview"))
        part = dialog.fields["student_part"]
        part.setCurrentIndex(part.findData("conducted"))
        dialog.refresh()
        assert "accredited ABE training" in dialog.verdict.text()
        assert not save_of(dialog).isEnabled()
        part.setCurrentIndex(part.findData("observed"))
        dialog.refresh()
        assert save_of(dialog).isEnabled()
        dialog.accept()

    drive_modal(window.visit_actions.record_event, abe)

    def plan(dialog: EventDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("plan"))
        dialog.refresh()
        assert "no one recorded as agreeing it" in dialog.verdict.text()
        qtbot.keyClicks(dialog.fields["agreed_by"], "Pat Educator")
        dialog.refresh()
        assert "Nothing in the rules stands against this." in dialog.verdict.text()
        dialog.accept()

    drive_modal(window.visit_actions.record_event, plan)
    kinds = [e.kind for e in window.workspace.placements.snapshot(window.placement_id).events]
    assert kinds == ["abe-interview", "plan"]


def test_ending_a_case_as_transferred_asks_for_the_sign_off_and_endings_shows_it(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.workspace.as_of = date(2026, 4, 10)  # in the placement's last three weeks
    window.reload()

    def end(dialog: EndCaseDialog) -> None:
        assert not dialog.signed_off.isVisible()  # asked for a transfer only
        dialog.ending.setCurrentIndex(dialog.ending.findData("transferred"))
        assert dialog.signed_off.isVisible() and dialog.signed_off.value() is None
        qtbot.keyClicks(dialog.handover, "Kim Newworker")
        dialog.signed_off.today_button.click()
        dialog.accept()

    drive_modal(lambda: window.case_actions.end_case("D-7"), end)
    ended = window.workspace.cases.case(window.placement_id, "D-7")
    assert ended.transfer_signed_off == date(2026, 4, 10)
    assert "both managers signed the transfer off 10 Apr 2026" in window.cases.details.toPlainText()
    endings = shown(window, window.endings)
    status = endings.cases.item(0, 2).text()
    assert status == "Transferred 10 Apr 2026 · signed off 10 Apr 2026"


def test_the_overview_counts_high_complexity_cases_against_their_limit(
    demo_window: MainWindow,
) -> None:
    card = seen(demo_window, demo_window.overview).caseload_card
    assert "High complexity 0 of at most 2." in card.detail.text()
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    from dataclasses import replace

    for ref in ("D-1042", "D-1150", "D-1101"):
        ws.cases.update(pid, ref, replace(ws.cases.case(pid, ref), complexity="high"), ws.as_of)
    demo_window.reload()
    detail = seen(demo_window, demo_window.overview).caseload_card.detail.text()
    assert "High complexity 3 of at most 2 (D-1042, D-1101, D-1150)." in detail
    chart = demo_window.overview.chart
    assert chart.series is not None and chart.series.high_limit == 2
    today = (chart.series.as_of - chart.series.days[0]).days
    assert "high complexity 3 of at most 2" in chart.describe_day(today)


def test_the_agenda_lists_the_next_visit_the_childs_plan_asks(window: MainWindow) -> None:
    from app.policy.snapshot import Event

    def visit_lines() -> list[str]:
        agenda = seen(window, window.overview).agenda_texts()
        return [line for line in agenda if "Visit D-7: the child's plan says every 2 weeks" in line]

    assert visit_lines()  # never visited since allocation: overdue
    pid = window.placement_id
    assert pid is not None
    window.workspace.recording.save_event(
        pid, Event("", "home-visit", TODAY, case="D-7", after_hours=False, checked_in=False)
    )
    window.reload()
    assert visit_lines() == []  # next due 6 Mar, beyond the coming week
