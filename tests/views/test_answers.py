"""The PE answers the yes/no facts the rules read; the form never answers for them (#19).

"Educator consulted" and "caseload discussed" used to start ticked, so a hurried record
looked compliant whether or not it was. Now each starts unanswered and Save waits.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.policy.snapshot import Case, Supervision
from app.services.workspace import Workspace
from app.views.cases.dialogs import CaseDialog
from app.views.main_window import MainWindow
from app.views.supervision.session import SessionDialog
from app.views.visits.page import EventDialog
from tests.conftest import sam_placement
from tests.views.conftest import answer, drive_modal, findings

OPENS = date(2026, 1, 19)


@pytest.fixture
def window(qtbot, workspace: Workspace, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    pid = workspace.placements.create(sam_placement(host_team_average_caseload=16))
    workspace.cases.allocate(
        pid, Case("D-7", "cin", "lead", OPENS, True, initials="AB", rationale="Fits."), OPENS
    )
    workspace.as_of = date(2026, 2, 2)
    w = MainWindow(workspace, settings)
    qtbot.addWidget(w)
    w.show()
    return w


def save_of(dialog: CaseDialog | SessionDialog | EventDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_a_new_allocation_waits_for_every_answer_given_from_the_keyboard(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    def allocate(dialog: CaseDialog) -> None:
        assert [q.value() for q in dialog.questions] == [None, None, None, None]
        qtbot.keyClicks(dialog.ref, "D-8")
        qtbot.keyClicks(dialog.initials, "CD")
        qtbot.keyClicks(dialog.rationale, "A second child in the family.")
        dialog.refresh()
        assert not save_of(dialog).isEnabled()
        assert dialog.waiting.text() == (
            "Answer yes or no: major transition, educator consulted, conflict of interest, "
            "risk to the worker."
        )
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.previous.setFocus()  # Tab from "previous social workers" reaches the next one
        qtbot.keyClick(dialog.previous, Qt.Key.Key_Tab)
        assert dialog.transition.isAncestorOf(QApplication.focusWidget())
        for question, key in zip(
            dialog.questions, (Qt.Key.Key_N, Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_N), strict=True
        ):
            question.setFocus()  # to its Yes button
            assert question.isAncestorOf(QApplication.focusWidget())
            qtbot.keyClick(QApplication.focusWidget(), key)
        dialog.refresh()
        assert [q.value() for q in dialog.questions] == [False, True, False, False]
        assert dialog.waiting.text() == "" and save_of(dialog).isEnabled()
        dialog.accept()

    drive_modal(window.case_actions.allocate_case, allocate)
    assert [c.ref for c in window.workspace.placements.snapshot(window.placement_id).cases] == [
        "D-7",
        "D-8",
    ]


def test_answering_no_to_consulted_shows_the_breach_on_the_compliance_page(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    assert "allocation.not-consulted" not in findings(window)

    def allocate(dialog: CaseDialog) -> None:
        qtbot.keyClicks(dialog.ref, "D-9")
        qtbot.keyClicks(dialog.rationale, "Duty allocation while the educator was away.")
        answer(qtbot, dialog.consulted, yes=False)
        answer(qtbot, dialog.transition, yes=False)
        answer(qtbot, dialog.conflict, yes=False)
        answer(qtbot, dialog.risk_to_worker, yes=False)
        dialog.refresh()
        assert "without consulting the practice educator" in dialog.findings.text()
        dialog.override_box.setChecked(True)
        qtbot.keyClicks(dialog.override_reason, "Educator on leave; manager consulted instead")
        dialog.review_by.setDate(QDate(2026, 2, 16))
        dialog.refresh()
        dialog.accept()

    drive_modal(window.case_actions.allocate_case, allocate)
    assert "allocation.not-consulted" in findings(window)


def test_editing_a_case_shows_its_stored_answers(window: MainWindow) -> None:
    dialog = window.case_actions.case_dialog(
        window.workspace.placements.snapshot(window.placement_id).cases[0]
    )
    assert dialog is not None
    assert [q.value() for q in dialog.questions] == [False, True, False, False]
    dialog.refresh()
    assert save_of(dialog).isEnabled()
    dialog.close()


def test_a_new_session_waits_and_no_shows_the_finding(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_page_named("Supervision")

    def write(dialog: SessionDialog) -> None:
        dialog.date.setDate(QDate(2026, 1, 23))
        assert dialog.caseload_discussed.value() is None
        assert dialog.decisions_recorded.value() is None
        assert not save_of(dialog).isEnabled()
        assert "caseload discussed, decisions recorded" in dialog.waiting.text()
        dialog.accept()  # Ctrl+Enter or a forced accept: refused with the reason
        assert "Answer yes or no" in dialog.error.text() and dialog.isVisible()
        answer(qtbot, dialog.caseload_discussed, yes=False)
        assert not save_of(dialog).isEnabled()
        answer(qtbot, dialog.decisions_recorded, yes=True)
        assert save_of(dialog).isEnabled()
        dialog.accept()

    drive_modal(window.supervision.new_button.click, write)
    assert window.supervision.table.rowCount() == 1
    assert "supervision.caseload-not-discussed" in findings(window)


def test_drafts_keep_unanswered_as_unanswered(window: MainWindow) -> None:
    dialog = window.supervision_actions.session_dialog()
    assert dialog.draft_content()["caseload_discussed"] is None
    old = {**dialog.draft_content()}
    del old["caseload_discussed"]  # a draft saved before the question was asked
    old["decisions_recorded"] = False  # and one answered "no"
    dialog.close()
    again = window.supervision_actions.session_dialog(draft=old)
    assert again.caseload_discussed.value() is None
    assert again.decisions_recorded.value() is False
    again.close()


def test_an_edited_session_shows_its_stored_answers(window: MainWindow) -> None:
    pid = window.placement_id
    sid = window.workspace.supervision.save(
        pid, Supervision("", date(2026, 1, 23), "one-to-one", False, [], True)
    )
    dialog = window.supervision_actions.session_dialog(sid)
    assert dialog.caseload_discussed.value() is False
    assert dialog.decisions_recorded.value() is True
    assert save_of(dialog).isEnabled()
    dialog.close()


@pytest.mark.parametrize(
    ("kind", "keys"),
    [
        ("home-visit", ["after_hours", "checked_in"]),
        ("chair-assessment", ["competent"]),
        ("decision", ["recorded"]),
    ],
)
def test_event_facts_start_unanswered(window: MainWindow, kind: str, keys: list[str]) -> None:
    dialog = window.visit_actions.event_dialog(kind=kind)
    assert [dialog.fields[k].value() for k in keys] == [None] * len(keys)  # type: ignore[attr-defined]
    dialog.refresh()
    assert not save_of(dialog).isEnabled() and "Answer yes or no" in dialog.verdict.text()
    dialog.close()


def test_a_statutory_visit_asks_whether_anyone_went(window: MainWindow) -> None:
    dialog = window.visit_actions.event_dialog(kind="statutory-visit")
    assert dialog.accompanied is not None and dialog.accompanied.value() is None
    assert not dialog.fields["accompanied_by"].isEnabled()
    dialog.accompanied.yes.click()
    assert dialog.fields["accompanied_by"].isEnabled()
    dialog.close()
