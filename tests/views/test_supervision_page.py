"""The Supervision page and the session form, used with the keyboard as a PE would."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.policy.snapshot import Case
from app.services.workspace import Workspace
from app.views.main_window import MainWindow
from app.views.supervision.page import AddendumDialog, SignDialog
from app.views.supervision.session import SessionDialog, parse_actions
from tests.conftest import sam_placement
from tests.views.conftest import answer, drive_modal, shown

START = date(2026, 1, 5)


@pytest.fixture
def window(qtbot, workspace: Workspace, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    pid = workspace.placements.create(sam_placement())
    workspace.cases.allocate(pid, Case("D-7", "cin", "lead", date(2026, 1, 19), True, initials="AB",
                                       rationale="Fits."), date(2026, 1, 19))  # fmt: skip
    workspace.as_of = date(2026, 1, 23)
    w = MainWindow(workspace, settings)
    qtbot.addWidget(w)
    w.show()
    w.show_page_named("Supervision")
    return w


def write_session(qtbot, dialog: SessionDialog) -> None:  # type: ignore[no-untyped-def]
    """Type a whole session with the keyboard: Tab moves from box to box."""
    assert [b.case.ref for b in dialog.case_boxes] == ["D-7"]  # every open case is on the form
    assert "1 of 6" in dialog.caseload.text()
    box = dialog.case_boxes[0]
    dialog.activateWindow()
    box.discussion.setFocus()
    qtbot.waitUntil(box.discussion.hasFocus)
    qtbot.keyClicks(box.discussion, "First home visit went well.")
    qtbot.keyClick(box.discussion, Qt.Key.Key_Tab)
    assert box.decision.hasFocus()  # Tab moves on rather than typing a tab into the text
    qtbot.keyClicks(box.decision, "Carry on with the plan.")
    qtbot.keyClick(box.decision, Qt.Key.Key_Tab)
    qtbot.keyClicks(box.actions, "Book joint visit; student; 27/01/2026")
    qtbot.keyClicks(dialog.wellbeing, "Settling in.")
    answer(qtbot, dialog.caseload_discussed, yes=True)
    answer(qtbot, dialog.decisions_recorded, yes=True)


def test_a_session_is_written_saved_and_listed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def write(dialog: SessionDialog) -> None:
        write_session(qtbot, dialog)
        qtbot.keyClick(
            dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )  # nothing odd happens
        dialog.accept()

    drive_modal(window.supervision.new_button.click, write)
    page = window.supervision
    assert page.table.rowCount() == 1
    assert "First home visit went well." in page.details.toPlainText()
    assert "Book joint visit — student, due 27 Jan 2026" in page.details.toPlainText()
    assert page.week_states()[:3] == [False, False, True]
    assert any("Supervision" in line for line in window.overview.agenda_texts())


def test_signing_locks_the_record_and_addenda_follow(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    drive_modal(
        window.supervision.new_button.click, lambda d: (write_session(qtbot, d), d.accept())
    )
    page = window.supervision
    page.table.selectRow(0)
    for who in ("educator", "student"):

        def sign(dialog: SignDialog, who: str = who) -> None:
            dialog.who.setCurrentIndex(dialog.who.findData(who))
            dialog.accept()

        drive_modal(page.sign_button.click, sign)
    page.table.selectRow(0)
    assert page.selected_row() is not None and page.selected_row().locked
    assert not page.edit_button.isEnabled() and not page.sign_button.isEnabled()
    assert "read-only" in page.details.toPlainText()

    def amend(dialog: AddendumDialog) -> None:
        qtbot.keyClicks(dialog.text, "Joint visit moved to 28 Jan.")
        dialog.accept()

    drive_modal(page.addendum_button.click, amend)
    assert (
        "Addendum 23 Jan 2026, Pat Educator: Joint visit moved to 28 Jan."
        in page.details.toPlainText()
    )
    out = tmp_path / "record.pdf"
    assert window.print_actions.save_record("supervision", out, page.selected_id()).wait()
    assert out.read_bytes()[:4] == b"%PDF"


def test_typed_text_survives_a_crash_as_a_draft(
    qtbot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    dialog = window.supervision_actions.session_dialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.case_boxes[0].discussion, "Half-written before the battery died")
    qtbot.waitUntil(
        lambda: bool(window.workspace.supervision.drafts(window.placement_id)), timeout=3000
    )
    dialog.close()  # the laptop dies: no Save, no Cancel
    asked: list[str] = []

    def answer_yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)

    def finish(restored: SessionDialog) -> None:
        assert (
            restored.case_boxes[0].discussion.toPlainText()
            == "Half-written before the battery died"
        )
        assert "Restored" in restored.draft_note.text()
        assert restored.caseload_discussed.value() is None  # never answered: still not
        answer(qtbot, restored.caseload_discussed, yes=True)
        answer(qtbot, restored.decisions_recorded, yes=True)
        restored.accept()

    drive_modal(window.supervision_actions.offer_drafts, finish)
    assert asked and "was not saved" in asked[0]
    assert window.supervision.table.rowCount() == 1
    assert window.workspace.supervision.drafts(window.placement_id) == []


def test_bad_action_date_is_explained_and_nothing_saved(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def write(dialog: SessionDialog) -> None:
        qtbot.keyClicks(dialog.case_boxes[0].actions, "Call school; PE; 31/02/2026")
        dialog.date.setDate(QDate(2026, 1, 23))
        answer(qtbot, dialog.caseload_discussed, yes=True)
        answer(qtbot, dialog.decisions_recorded, yes=True)
        dialog.accept()
        assert "'31/02/2026' is not a date" in dialog.error.text()
        assert dialog.isVisible()

    drive_modal(window.supervision.new_button.click, write)
    assert window.supervision.table.rowCount() == 0


def test_ics_export(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "dates.ics"
    assert window.supervision_actions.save_supervision_dates(out).wait()
    assert out.read_text().count("BEGIN:VEVENT") >= 10


def test_actions_parse_from_lines() -> None:
    actions = parse_actions("D-7", "Call school; Pat; 26/01/2026\nWrite chronology\n\n")
    assert [(a.action, a.owner, a.due) for a in actions] == [
        ("Call school", "Pat", date(2026, 1, 26)),
        ("Write chronology", None, None),
    ]
    assert QApplication.instance() is not None


def test_the_current_week_is_in_progress_not_a_failure(demo_window: MainWindow) -> None:
    """Monday 23 Nov 2026, last session Friday 20 Nov: this week is not over, nor overdue."""
    labels = shown(demo_window, demo_window.supervision).week_labels()
    as_of, start = demo_window.workspace.as_of, demo_window.current_placement.start
    this_week = (as_of - (start - timedelta(days=start.weekday()))).days // 7
    assert labels[this_week] == "in progress"
    assert labels[this_week - 1] == "supervision held"
    assert labels[this_week + 1] == "still to come"
    assert "in progress" not in labels[:this_week]


def test_the_current_week_turns_red_only_when_the_fortnight_is_exceeded(
    workspace, settings, qtbot, as_of
) -> None:  # type: ignore[no-untyped-def]
    from app.policy.snapshot import Supervision
    from app.services.placements import PlacementService
    from tests.conftest import sam_placement

    pid = PlacementService(workspace.db).create(sam_placement())
    workspace.supervision.save(
        pid, Supervision("s1", date(2026, 1, 9), "one-to-one", True, [], True)
    )
    workspace.as_of = date(2026, 1, 20)  # Tuesday of week 3, 11 days on: within the fortnight
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    assert shown(window, window.supervision).week_labels()[:3] == [
        "supervision held",
        "no supervision",
        "in progress",
    ]
    workspace.as_of = date(2026, 1, 28)  # Wednesday of week 4, 19 days on: a real breach
    window.reload()
    assert window.supervision.week_labels()[:4] == [
        "supervision held",
        "no supervision",
        "no supervision",
        "no supervision",
    ]
