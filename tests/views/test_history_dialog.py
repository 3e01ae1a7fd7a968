"""Placement › History on screen: opened from the menu or a page's History… button, narrowed
by case, kind and search, a double-click goes to the record, nothing can be edited, undoing
adds a line, and the history prints and exports as shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox

from app.views.history.dialog import HistoryDialog
from app.views.main_window import MainWindow
from tests.views.conftest import shown


def opened(qtbot, window: MainWindow, dialog: HistoryDialog | None) -> HistoryDialog:  # type: ignore[no-untyped-def]
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: bool(dialog.lines), timeout=5000)
    return dialog


def whats(dialog: HistoryDialog) -> list[str]:
    model = dialog.table.model()
    return [str(model.index(r, 1).data()) for r in range(model.rowCount())]


def test_the_menu_opens_the_whole_history_newest_first_and_it_narrows(
    qtbot, demo_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    action = next(a for a in demo_window.menus["&Placement"].actions() if a.text() == "&History…")
    assert action.shortcut().toString() == "Ctrl+H"
    action.trigger()
    dialog = opened(qtbot, demo_window, demo_window.history_actions.dialog)
    all_lines = whats(dialog)
    assert all_lines[0] == "Loaded the demonstration placement"
    assert all_lines[-1].startswith("Created the placement for Robin Ashdown")
    assert dialog.count.text() == f"{len(all_lines)} changes"
    dialog.case_box.setCurrentIndex(dialog.case_box.findData("D-1101"))
    narrowed = whats(dialog)
    assert "Stepped up D-1101 (Child in need → Child protection)" in narrowed
    assert not any("D-1042 (" in w and "D-1101" not in w for w in narrowed)
    assert dialog.count.text() == f"{len(narrowed)} of {len(all_lines)} changes shown"
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("cases"))
    assert whats(dialog) == [
        "Stepped up D-1101 (Child in need → Child protection)",
        "Allocated D-1101 (Co-worker, Child in need)",
    ]
    dialog.case_box.setCurrentIndex(0)
    dialog.kind_box.setCurrentIndex(0)
    qtbot.keyClicks(dialog.search, "signed by the student")
    qtbot.waitUntil(lambda: len(whats(dialog)) < len(all_lines))
    assert whats(dialog) and all(w.startswith("Signed by the student") for w in whats(dialog))
    dialog.since_box.setDate(QDate(2100, 1, 1))
    assert whats(dialog) == [] and dialog.empty_hint.isVisible()
    assert not dialog.pdf_button.isEnabled()


def test_nothing_in_it_can_be_edited(qtbot, demo_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(qtbot, demo_window, demo_window.history_actions.open_history())
    assert dialog.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    index = dialog.table.model().index(0, 1)
    assert not dialog.table.model().flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not dialog.table.model().setData(index, "Forged", Qt.ItemDataRole.EditRole)


def test_a_double_click_goes_to_the_record(qtbot, demo_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(qtbot, demo_window, demo_window.history_actions.open_history())
    row = next(i for i, w in enumerate(whats(dialog)) if w.startswith("Signed by the student"))
    line = dialog.model.rows[row]
    dialog.table.scrollTo(dialog.table.model().index(row, 1))
    rect = dialog.table.visualRect(dialog.table.model().index(row, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert demo_window.current_title() == "Supervision"
    assert f"supervision:{demo_window.supervision.selected_id()}" == line.subject


def test_the_pages_history_buttons_open_it_on_their_case_or_session(
    qtbot, demo_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    cases = shown(demo_window, demo_window.cases)
    cases.select("D-1057")
    cases.history_button.click()
    dialog = opened(qtbot, demo_window, demo_window.history_actions.dialog)
    assert dialog.case_box.currentData() == "D-1057"
    assert "Allocated D-1057 (Lead, Child in need)" in whats(dialog)
    page = shown(demo_window, demo_window.supervision)
    sid = page.selected_id()
    assert sid is not None
    page.history_button.click()
    session = opened(qtbot, demo_window, demo_window.history_actions.dialog)
    assert session is not dialog  # one history window at a time
    assert session.on_record.text().startswith("<b>Only the changes to: ")
    assert {line.subject for line in session.shown} == {f"supervision:{sid}"}
    session.show_all.click()
    assert len(session.shown) == len(session.lines)


def test_undoing_a_change_adds_a_line_and_removes_none(
    qtbot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    before = ws.history.lines(pid)
    page = shown(demo_window, demo_window.events)
    key = page.visible_events()[0]
    page.select_event(key)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_button.click()
    demo_window.undo_action.trigger()
    assert key in page.visible_events()
    after = ws.history.lines(pid)
    assert after[: len(before)] == before  # nothing taken away
    assert [x.action for x in after[len(before) :]] == ["event.deleted", "event.saved"]
    assert after[-1].what.endswith("(Edit › Undo)")


def test_the_history_exports_as_shown_and_the_export_is_in_it(
    qtbot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "history.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr("app.views.printing.actions.open_file", lambda path: None)
    dialog = opened(qtbot, demo_window, demo_window.history_actions.open_history())
    dialog.case_box.setCurrentIndex(dialog.case_box.findData("D-1042"))
    dialog.pdf_button.click()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert target.read_bytes().startswith(b"%PDF")
    pid = demo_window.placement_id
    assert pid is not None
    qtbot.waitUntil(
        lambda: (
            demo_window.workspace.history.lines(pid)[-1].what
            == "Exported the placement history as a PDF"
        )
    )
