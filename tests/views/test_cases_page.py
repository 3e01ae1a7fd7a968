"""The Cases page and the allocation dialog, driven as a practice educator would."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.workspace import Workspace
from app.views.caseload_chart import TODAY
from app.views.cases.dialogs import CaseDialog, EndCaseDialog, OverrideReviewDialog
from app.views.main_window import MainWindow
from app.views.theme import tone
from tests.conftest import sam_placement
from tests.views.conftest import answer, drive_modal, seen, shown

START, OPENS = date(2026, 1, 5), date(2026, 1, 19)


@pytest.fixture
def window(qtbot, workspace: Workspace, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    workspace.placements.create(
        sam_placement(host_team_average_caseload=16)
    )  # fmt: skip
    workspace.as_of = date(2026, 2, 2)
    w = MainWindow(workspace, settings)
    qtbot.addWidget(w)
    w.show()
    w.show_page_named("Cases")
    return w


def fill(qtbot, dialog: CaseDialog, ref: str, case_type: str, role: str, allocated: date) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.ref, ref)
    qtbot.keyClicks(dialog.initials, "ab")
    dialog.type.setCurrentIndex(dialog.type.findData(case_type))
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.allocated.setDate(QDate(allocated.year, allocated.month, allocated.day))
    qtbot.keyClicks(dialog.rationale, "Suits the learning plan.")
    answer(qtbot, dialog.consulted, yes=True)
    answer(qtbot, dialog.transition, yes=False)
    answer(qtbot, dialog.conflict, yes=False)
    answer(qtbot, dialog.risk_to_worker, yes=False)
    dialog.briefed.today_button.click()
    dialog.refresh()


def save_button(dialog: CaseDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_allocation_during_induction_is_refused_with_the_reason(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def try_it(dialog: CaseDialog) -> None:
        fill(qtbot, dialog, "D-1", "cin", "lead", date(2026, 1, 14))
        assert "during the induction fortnight" in dialog.findings.text()
        assert "GCC student allocation guidance §5" in dialog.findings.text()
        assert not save_button(dialog).isEnabled()
        assert "Manager override: needed" in dialog.override_box.title()
        dialog.accept()  # pressing Enter anyway: refused, with the reason
        assert "breaches policy" in dialog.error.text()
        assert dialog.isVisible()

    drive_modal(window.case_actions.allocate_case, try_it)
    assert window.cases.visible_refs() == []


def test_child_protection_as_lead_is_refused_and_co_working_accepted(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    def try_it(dialog: CaseDialog) -> None:
        fill(qtbot, dialog, "D-2", "cp", "lead", OPENS)
        assert dialog.keyworker.isVisible()  # asked for whenever the type is statutory
        text = dialog.findings.text()
        assert "No keyworker named" in text and "needs its keyworker named" in text
        assert not dialog.make_co_worker.isVisible()  # co-working needs a keyworker too
        qtbot.keyClicks(dialog.keyworker, "Alex Keyworker")
        dialog.refresh()
        text = dialog.findings.text()
        assert "keyworker" not in text.lower()
        assert "statutory case" in text and "can never lead" in text
        assert not dialog.override_box.isEnabled()  # no override can allow this
        assert dialog.make_co_worker.isVisible() and dialog.make_shadow.isVisible()
        assert not save_button(dialog).isEnabled()
        qtbot.mouseClick(dialog.make_co_worker, Qt.MouseButton.LeftButton)
        assert dialog.role.currentData() == "co-worker"
        assert save_button(dialog).isEnabled()
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    drive_modal(window.case_actions.allocate_case, try_it)
    assert window.cases.visible_refs() == ["D-2"]
    row = window.cases.selected_row()
    assert row is not None and row.case.student_role == "co-worker" and row.case.initials == "AB"
    assert "Co-worker" in window.cases.details.toPlainText()
    assert row.case.keyworker == "Alex Keyworker"


def test_override_is_saved_with_its_reason_and_the_finding_stays_visible(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    def try_it(dialog: CaseDialog) -> None:
        fill(qtbot, dialog, "D-3", "cin", "lead", OPENS)
        answer(qtbot, dialog.conflict, yes=True)
        dialog.refresh()
        assert "Conflict of interest" in dialog.findings.text()
        assert not save_button(dialog).isEnabled()
        dialog.override_box.setChecked(True)
        qtbot.keyClicks(dialog.override_reason, "Only Welsh-speaking worker available")
        dialog.refresh()
        assert save_button(dialog).isEnabled()
        dialog.accept()

    drive_modal(window.case_actions.allocate_case, try_it)
    assert window.cases.visible_refs() == ["D-3"]
    assert "Only Welsh-speaking worker available" in window.cases.details.toPlainText()
    window.show_page_named("Compliance")
    page = window.compliance
    row = page.visible_rules().index("allocation.conflict")
    assert "(manager override)" in str(page.proxy.index(row, 4).data())
    page.table.selectRow(row)
    assert "Only Welsh-speaking worker available" in page.details.toPlainText()


def test_override_review_comes_up_on_the_agenda_and_is_recorded(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    def allocate(dialog: CaseDialog) -> None:
        fill(qtbot, dialog, "D-4", "cin", "lead", OPENS)
        answer(qtbot, dialog.consulted, yes=False)
        dialog.override_box.setChecked(True)
        qtbot.keyClicks(dialog.override_reason, "Educator on leave; manager consulted instead")
        dialog.review_by.setDate(QDate(2026, 2, 6))
        dialog.accept()

    drive_modal(window.case_actions.allocate_case, allocate)
    agenda = seen(window, window.overview).agenda_texts()
    assert any("Override review" in line and "D-4" in line for line in agenda)
    item = window.overview.due_list.item(
        next(i for i, t in enumerate(agenda) if "Override review" in t)
    )
    window.overview.due_list.itemClicked.emit(item)
    assert window.page_titles()[window.nav.currentRow()] == "Cases"
    assert window.cases.selected_ref() == "D-4"
    assert window.cases.review_button.isEnabled()

    def review(dialog: OverrideReviewDialog) -> None:
        dialog.reviewed.setDate(QDate(2026, 2, 2))
        dialog.accept()

    drive_modal(lambda: window.case_actions.review_override("D-4"), review)
    assert not any(
        "Override review" in line for line in seen(window, window.overview).agenda_texts()
    )
    assert "reviewed 2 Feb 2026" in window.cases.details.toPlainText()


def test_ending_a_case_moves_it_to_ended(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    drive_modal(
        window.case_actions.allocate_case,
        lambda d: (fill(qtbot, d, "D-5", "early-help", "lead", OPENS), d.accept()),
    )

    def end(dialog: EndCaseDialog) -> None:
        dialog.ending.setCurrentIndex(dialog.ending.findData("closed"))
        qtbot.keyClicks(dialog.handover, "Pat Educator")
        dialog.accept()

    drive_modal(lambda: window.case_actions.end_case("D-5"), end)
    assert window.cases.selected_ref() == "D-5"
    window.cases.show_filter.setCurrentIndex(window.cases.show_filter.findData("open"))
    assert window.cases.visible_refs() == []
    window.cases.show_filter.setCurrentIndex(window.cases.show_filter.findData("ended"))
    assert window.cases.visible_refs() == ["D-5"]
    assert window.cases.select("D-5")
    assert not window.cases.end_button.isEnabled()  # already ended
    assert "handed over to Pat Educator" in window.cases.details.toPlainText()


def test_cases_table_sorts_and_shows_joint_visit_status(demo_window: MainWindow) -> None:
    page = shown(demo_window, demo_window.cases)
    assert page.visible_refs() == [
        "D-1042",
        "D-1123",
        "D-1101",
        "D-1150",
    ]  # by allocation date; D-1057 was transferred last week
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert page.visible_refs() == ["D-1042", "D-1101", "D-1123", "D-1150"]
    texts = {
        page.proxy.index(r, 0).data(): page.proxy.index(r, 8).data()
        for r in range(page.proxy.rowCount())
    }
    assert texts["D-1150"] == "Due by 27 Nov 2026" and texts["D-1042"].startswith("Done")
    assert texts["D-1123"] == "—"  # shadowing needs no joint visit


def test_chart_shows_caseload_by_day_and_hover_names_the_cases(demo_window: MainWindow) -> None:
    chart = demo_window.overview.chart
    series = chart.series
    assert series is not None and series.cap == 6
    today = (series.as_of - series.days[0]).days
    assert chart.describe_day(today) == "23 Nov 2026: 3 of 6: D-1042, D-1101, D-1150"
    transferred = (date(2026, 11, 17) - series.days[0]).days  # the day before D-1057 left
    assert chart.describe_day(transferred) == "17 Nov 2026: 4 of 6: D-1042, D-1057, D-1101, D-1150"
    assert "induction" in chart.describe_day(0)
    assert "still to come" in chart.describe_day(today + 1)
    christmas = series.days.index(date(2026, 12, 25))
    assert date(2026, 12, 25) in series.bank_holidays and christmas > today


def test_pointing_at_the_chart_names_the_day_and_its_cases(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo_window.show_page_named("Overview")
    chart = demo_window.overview.chart
    series = chart.series
    assert series is not None
    today = (series.as_of - series.days[0]).days
    x = round(chart.plot.x_at(today + 0.5))
    qtbot.mouseMove(chart.plot, QPoint(x, 120))
    qtbot.waitUntil(lambda: chart.hover.text().startswith("23 Nov 2026: 3 of 6"))
    assert chart.plot.toolTip() == chart.hover.text()
    image = chart.plot.grab().toImage()  # the today line is drawn where the mouse points
    assert image.pixelColor(x, 60).name() == tone(TODAY)
