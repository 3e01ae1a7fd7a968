"""The Compliance page and the overview show the engine's findings; files come in and go out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.interchange.placement_file import dumps, to_document
from app.policy.calendar import uk_date
from app.services.demo import demo_snapshot
from app.views.compliance_page import COLUMNS
from app.views.main_window import MainWindow
from tests.policy.builders import compliant
from tests.views.conftest import findings, shown


def test_compliance_page_lists_findings_with_rule_clause_date_and_explanation(
    demo_window: MainWindow,
) -> None:
    demo_window.show_page(1)
    page = demo_window.compliance
    assert page.visible_rules() == [
        "decision.not-recorded",
        "supervision.unsigned",
        "visit.joint-within-6-weeks",
    ]
    assert "0 breaches, 2 warnings, 1 due soon" in page.summary.text()
    row = page.visible_rules().index("visit.joint-within-6-weeks")
    page.table.selectRow(row)
    details = page.details.toPlainText()
    assert (
        "Stockport case holding procedures for students §8" in details and "Case D-1150" in details
    )
    assert "No joint visit within six weeks of allocation." in details  # the rule in plain words

    page.filter.setCurrentIndex(page.filter.findData("due"))
    assert page.visible_rules() == ["visit.joint-within-6-weeks"]
    page.filter.setCurrentIndex(page.filter.findData("breach"))
    assert page.visible_rules() == []


def test_the_list_reads_in_a_pe_s_words(demo_window: MainWindow) -> None:
    """The rule by its title, the record as a PE knows it, and what to do next."""
    page = shown(demo_window, demo_window.compliance)
    row = page.visible_rules().index("decision.not-recorded")
    cells = [page.proxy.index(row, c).data() for c in range(len(COLUMNS))]
    assert cells[2] == "Decision not recorded" and "decision.not-recorded" not in cells
    snap = demo_window.workspace.placements.snapshot(demo_window.placement_id)
    decision = next(e for e in snap.events if e.kind == "decision")
    assert cells[3] == f"Decision with {decision.with_}, {decision.case}, {uk_date(decision.date)}"
    assert "decision.not-recorded" in page.proxy.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    page.table.selectRow(row)
    details = page.details.toPlainText()
    assert "What the rule asks:" in details and "What to do next:" in details
    assert "Put the decision on the child's record" in details
    assert "rule decision.not-recorded" in details  # the id, for whoever needs it
    assert page.table.wordWrap()  # a long finding wraps rather than being cut off


def test_breaches_come_first_whatever_their_date(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    from app.policy.engine import evaluate
    from app.services.compliance import explain

    snap = compliant()
    snap.cases[0].educator_consulted = False  # a breach on the day of the allocation
    items = explain(evaluate(snap, date(2026, 6, 30)), snap)
    severities = [i.finding.severity for i in items]
    assert severities[0] == "breach" and severities == sorted(
        severities, key=("breach", "warning", "due").index
    )
    for severity in set(severities):
        days = [i.finding.date for i in items if i.finding.severity == severity]
        assert days == sorted(days)
    assert all(not i.about.startswith(("Event ", "event:")) for i in items)


def test_overview_counts_and_due_list_come_from_the_engine(demo_window: MainWindow) -> None:
    o = demo_window.overview
    assert o.compliance_card.figure.text() == "2 warnings"  # no breach: the warnings lead
    assert "0 breaches, 2 warnings, 1 due soon" in o.compliance_card.detail.text()
    assert o.agenda_texts() == [
        "27 Nov 2026 · Joint visit · First joint visit for D-1150 (allocated 16 Oct 2026)",
        "27 Nov 2026 · Supervision · Next supervision (planned at the last one)",
        "30 Nov 2026 · Visit · Visit D-1042: the child's plan says every 2 weeks",
    ]


def test_import_shows_the_placement_and_its_findings(
    demo_window: MainWindow, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    snap = compliant()
    snap.cases[0].educator_consulted = False
    f = tmp_path / "sam.json"
    f.write_text(dumps(snap))
    demo_window.workspace.as_of = date(2026, 3, 2)
    assert demo_window.file_actions.import_path(f).wait() is not None
    demo_window.show_page_named("Compliance")  # filled when first shown after an import
    assert demo_window.overview.title.text() == "Sam Student"
    assert demo_window.placement_box.count() == 2
    assert findings(demo_window) == ["allocation.not-consulted"]
    assert demo_window.overview.compliance_card.figure.text() == "1 breach"


def test_import_of_a_bad_file_explains_and_stores_nothing(
    demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    doc = to_document(demo_snapshot(date(2026, 11, 23)))
    doc["cases"][1]["allocated"] = "2026-13-01"  # type: ignore[index]
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(doc))
    assert demo_window.file_actions.import_path(f).wait() is None
    assert (
        'cases[1] (D-1057).allocated: not a date: "2026-13-01" (write it as YYYY-MM-DD' in shown[0]
        and "nothing was stored" in shown[0]
    )
    assert demo_window.placement_box.count() == 1


def test_export_writes_the_placement_on_screen(demo_window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    assert demo_window.file_actions.export_path(out).wait()
    assert json.loads(out.read_text())["placement"]["student"] == "Robin Ashdown"


def test_policy_settings_change_the_findings_and_are_remembered(
    qtbot,
    demo_window: MainWindow,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    from app.views.placement.policy import PolicyDialog, load_profile
    from tests.views.conftest import drive_modal

    def tighten(dialog: PolicyDialog) -> None:
        assert isinstance(dialog, PolicyDialog)
        dialog.boxes["first_placement_cap"].setValue(2)
        dialog.accept()

    drive_modal(demo_window.placement_actions.edit_policy, tighten)
    assert demo_window.overview.caseload_card.figure.text() == "3 of 2"
    assert "caseload.over-cap" in findings(demo_window)
    assert load_profile(settings).first_placement_cap == 2

    dialog = PolicyDialog(load_profile(settings))
    qtbot.addWidget(dialog)
    dialog.restore_defaults()
    demo_window.placement_actions.apply_profile(dialog.profile())
    assert demo_window.overview.caseload_card.figure.text() == "3 of 6"
    assert "caseload.over-cap" not in findings(demo_window)


def test_sorting_by_a_column_and_keeping_it_after_a_refresh(demo_window: MainWindow) -> None:
    page = shown(demo_window, demo_window.compliance)
    severities = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert severities == ["Warning", "Warning", "Due"]  # breaches, warnings, then what is due
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # the PE clicks "Date" twice
    dates = [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]
    assert dates == ["27 Nov 2026", "13 Nov 2026", "13 Nov 2026"]
    demo_window.reload()
    assert [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())] == dates


def test_two_overlapping_placements_of_one_educator_each_show_the_warning(
    demo_window: MainWindow, tmp_path: Path
) -> None:
    """educator.one-student (002 §2): the app checks each placement against the others in
    its database, and both say so on their Overview and Compliance pages."""
    doc = to_document(demo_snapshot(date(2026, 11, 23)))
    doc["placement"]["student"] = "Sam Second"  # type: ignore[index]
    second = tmp_path / "sam.json"
    second.write_text(json.dumps(doc))
    assert demo_window.file_actions.import_path(second).wait() is not None
    for index in range(demo_window.placement_box.count()):
        demo_window.placement_box.setCurrentIndex(index)
        demo_window.placement_box.activated.emit(index)
        assert "educator.one-student" in findings(demo_window)
        assert "3 warnings" in demo_window.overview.compliance_card.detail.text()
