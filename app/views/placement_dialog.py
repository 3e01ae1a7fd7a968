"""New placement: the details every rule depends on, with the induction end shown as you type."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from app.policy.calendar import WorkingCalendar, uk_date
from app.policy.snapshot import Placement
from app.services.placements import InvalidInput, new_placement, validate_placement


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


class NewPlacementDialog(QDialog):
    """Collects a placement's details; ``placement()`` returns them once accepted."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New placement")
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.student = QLineEdit()
        self.student.setPlaceholderText("Student's full name")
        self.programme = QLineEdit()
        self.programme.setPlaceholderText("e.g. BA Social Work, Year 2")
        self.kind = QComboBox()
        self.kind.addItem("First placement (70 days, cap 6)", "first")
        self.kind.addItem("Final placement (100 days, cap 10)", "final")
        self.setting = QComboBox()
        for label, value in (
            ("Early help", "early-help"),
            ("Children in need", "cin"),
            ("Other", "other"),
        ):
            self.setting.addItem(label, value)
        start = today - timedelta(days=today.weekday())
        self.start = date_edit(start)
        self.end = date_edit(start + timedelta(days=16 * 7 - 3))
        self.average = QDoubleSpinBox()
        self.average.setRange(0, 60)
        self.average.setDecimals(1)
        self.average.setSpecialValueText("not known")
        self.educator = QLineEdit()
        self.onsite = QCheckBox("Educator works on site")
        self.onsite.setChecked(True)
        self.supervisor = QLineEdit()
        self.supervisor.setPlaceholderText("Needed when the educator is off site")
        self.manager = QLineEdit()
        self.required = QSpinBox()
        self.required.setRange(1, 400)
        self.required.setValue(70)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        form.addRow("&Student", self.student)
        form.addRow("&Programme", self.programme)
        form.addRow("&Kind", self.kind)
        form.addRow("Se&tting", self.setting)
        form.addRow("Start", self.start)
        form.addRow("End", self.end)
        form.addRow("Required &days", self.required)
        form.addRow("Host team average caseload", self.average)
        form.addRow("Practice &educator", self.educator)
        form.addRow("", self.onsite)
        form.addRow("On-site s&upervisor", self.supervisor)
        form.addRow("Team &manager", self.manager)
        form.addRow(self.summary)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._update_summary)
        self._update_summary()

    def _kind_changed(self) -> None:
        self.required.setValue(100 if self.kind.currentData() == "final" else 70)

    def _update_summary(self) -> None:
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        cal = WorkingCalendar()
        if end <= start:
            self.summary.setText(
                "<span style='color:#c62828'>The end must be after the start.</span>"
            )
            return
        last = cal.induction_last_day(start)
        self.summary.setText(
            f"Induction runs to {uk_date(last)} (10 working days, bank holidays skipped); "
            f"cases can be allocated from {uk_date(cal.next_working_day(last))}. "
            f"{cal.working_days(start, end)} working days in all."
        )

    def placement(self) -> Placement:
        average = self.average.value()
        return new_placement(
            student=self.student.text(),
            kind=str(self.kind.currentData()),
            setting=str(self.setting.currentData()),
            start=from_qdate(self.start.date()),
            end=from_qdate(self.end.date()),
            educator=self.educator.text(),
            team_manager=self.manager.text(),
            programme=self.programme.text(),
            educator_onsite=self.onsite.isChecked(),
            onsite_supervisor=self.supervisor.text(),
            host_team_average_caseload=average if average > 0 else None,
            required_days=self.required.value(),
        )

    def accept(self) -> None:
        try:
            validate_placement(self.placement())
        except InvalidInput as exc:
            QMessageBox.warning(self, "Check the placement details", str(exc))
            return
        super().accept()
