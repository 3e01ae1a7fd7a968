"""Undo and Redo through Qt's undo stack: Edit › Undo and Redo say what they will do, every
undone change can be made again, and edits that are cheap to reverse are undoable too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt

from app.policy.snapshot import Case, ChecklistEntry, Event
from app.services.workspace import Workspace
from app.views.cases.dialogs import CaseDialog
from app.views.item_dialog import ItemDialog
from app.views.main_window import MainWindow
from app.views.visits.page import EventDialog
from tests.conftest import sam_placement
from tests.views.conftest import drive_modal, findings, shown

OPENS = date(2026, 1, 19)


@pytest.fixture
def window(qtbot, workspace: Workspace, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    pid = workspace.placements.create(sam_placement())
    workspace.cases.allocate(
        pid,
        Case("D-1", "cin", "lead", OPENS, True, initials="AB", rationale="Fits.", briefed=OPENS),
        OPENS,
    )
    workspace.recording.save_event(
        pid, Event("jv-1", "joint-visit", date(2026, 1, 27), case="D-1", notes="First visit.")
    )
    workspace.as_of = date(2026, 3, 6)
    w = MainWindow(workspace, settings)
    qtbot.addWidget(w)
    w.show()
    return w


def notes_of(window: MainWindow, key: str) -> str | None:
    pid = window.placement_id
    assert pid is not None
    return next(e for e in window.workspace.placements.snapshot(pid).events if e.id == key).notes


def test_an_undone_delete_can_be_redone_from_the_menu_and_the_keyboard(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = shown(window, window.events)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    page.select_event("jv-1")
    page.delete_button.click()
    assert page.visible_events() == [] and "visit.joint-within-6-weeks" in findings(window)
    assert window.undo_action.text() == "&Undo event deleted"
    window.undo_action.trigger()
    assert page.visible_events() == ["jv-1"]
    assert window.redo_action.isEnabled() and window.redo_action.text() == "&Redo event deleted"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # Redo
    assert page.visible_events() == []
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Undo again
    assert page.visible_events() == ["jv-1"]
    qtbot.keyClick(
        page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )  # Redo, the other way
    assert page.visible_events() == []
    assert [a.shortcut().toString() for a in (window.undo_action,)] == ["Ctrl+Z"]
    assert {s.toString() for s in window.redo_action.shortcuts()} == {"Ctrl+Shift+Z", "Ctrl+Y"}


def test_editing_a_visit_can_be_undone_and_redone(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    shown(window, window.events)

    def edit(dialog: EventDialog) -> None:
        dialog.notes.setPlainText("Visit moved to the family centre.")
        dialog.accept()

    drive_modal(lambda: window.visit_actions.edit_event("jv-1"), edit)
    assert notes_of(window, "jv-1") == "Visit moved to the family centre."
    assert window.undo_action.text() == "&Undo edited the joint visit of 27 Jan 2026"
    window.undo()
    assert notes_of(window, "jv-1") == "First visit."
    window.redo()
    assert notes_of(window, "jv-1") == "Visit moved to the family centre."


def test_editing_an_allocation_can_be_undone_and_redone(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pid = window.placement_id
    assert pid is not None

    def edit(dialog: CaseDialog) -> None:
        dialog.rationale.setPlainText("Fits the learning plan; a sibling is known to us.")
        dialog.complexity.setCurrentIndex(dialog.complexity.findData("medium"))
        dialog.risk_to_worker.set_value(False)
        dialog.refresh()
        dialog.accept()

    drive_modal(lambda: window.case_actions.edit_case("D-1"), edit)
    edited = window.workspace.cases.case(pid, "D-1")
    assert edited.complexity == "medium" and edited.rationale.startswith("Fits the learning")
    assert window.undo_action.text() == "&Undo edited D-1"
    window.undo()
    back = window.workspace.cases.case(pid, "D-1")
    assert (back.complexity, back.rationale) == ("low", "Fits.")
    assert window.cases.selected_ref() == "D-1"
    window.redo()
    assert window.workspace.cases.case(pid, "D-1") == edited


def test_recording_an_induction_date_can_be_undone_and_redone(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = shown(window, window.induction).view
    assert view is not None
    row = next(r for r in view.rows if r.entry is None)

    def record(dialog: ItemDialog) -> None:
        dialog.done_on.setDate(QDate(2026, 1, 8))
        dialog.accept()

    drive_modal(lambda: window.induction_actions.record_induction_item(row.item), record)

    def entry() -> ChecklistEntry | None:
        pid = window.placement_id
        assert pid is not None
        return window.workspace.placements.snapshot(pid).induction.get(row.item)

    assert entry() is not None and entry().date == date(2026, 1, 8)  # type: ignore[union-attr]
    window.undo()
    assert entry() is None
    window.redo()
    assert entry() is not None


def test_another_database_leaves_nothing_to_undo_or_redo(
    window: MainWindow, tmp_path: Path
) -> None:
    page = shown(window, window.events)
    page.select_event("jv-1")
    page.delete_button.click()
    window.undo()
    assert window.redo_action.isEnabled()
    page.select_event("jv-1")
    page.delete_button.click()
    assert window.undo_action.isEnabled()
    assert window.database_actions.switch_database(tmp_path / "other.sqlite")
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()


def test_undo_that_no_longer_fits_is_explained_and_dropped(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    shown_messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown_messages.append(text))
    page = shown(window, window.events)
    page.select_event("jv-1")
    page.delete_button.click()
    pid = window.placement_id
    assert pid is not None
    # meanwhile the visit was recorded again (from an import, say): the old one cannot come back
    window.workspace.recording.save_event(
        pid, Event("jv-1", "joint-visit", date(2026, 1, 27), case="D-1")
    )
    window.undo()
    assert shown_messages and "already an event jv-1" in shown_messages[0]
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()


def test_a_transition_item_and_learning_evidence_can_be_undone_and_redone(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    pid = window.placement_id
    assert pid is not None

    def snapshot():  # type: ignore[no-untyped-def]
        return window.workspace.placements.snapshot(pid)

    def goodbye() -> bool:
        return any("goodbye-session" in t.items for t in snapshot().transitions if t.case == "D-1")

    shown(window, window.endings).select_case("D-1")

    def tick(dialog: ItemDialog) -> None:
        dialog.done_on.setDate(QDate(2026, 3, 2))
        dialog.accept()

    drive_modal(
        lambda: window.ending_actions.record_transition_item("D-1", "goodbye-session"), tick
    )
    assert goodbye()
    window.undo()
    assert not goodbye()
    window.redo()
    assert goodbye()

    shown(window, window.pcf)

    def evidence(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.evidence.setText("Genogram drawn with the family")
        dialog.accept()

    drive_modal(lambda: window.learning_actions.record_learning("genogram"), evidence)
    assert [x.item for x in snapshot().learning] == ["genogram"]
    assert window.undo_action.text() == "&Undo evidence recorded"
    window.undo()
    assert snapshot().learning == []
    window.redo()
    assert [x.evidence for x in snapshot().learning] == ["Genogram drawn with the family"]
