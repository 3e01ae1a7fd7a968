"""New placement wizard (also used to edit a placement's details later).

It works out, as the PE types, what the rules will use: the induction's end (10 working
days, bank holidays skipped), the midpoint, working days available against required,
and the caseload cap in force.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.policy.calendar import WorkingCalendar, midpoint, uk_date
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Placement
from app.policy.sources import cited
from app.policy.terms import caseload_cap
from app.policy.vocabulary import DEFAULT_REQUIRED_DAYS, DEFAULT_WORKING_DAYS, WEEKDAYS
from app.services.placements import InvalidInput, new_placement, validate_placement
from app.views.theme import tone
from app.views.widgets import date_edit, from_qdate, to_qdate

DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class PlacementWizard(QWizard):
    """Three pages of details and a summary; ``placement()`` gives the result once accepted."""

    def __init__(
        self,
        today: date,
        profile: PolicyProfile,
        existing: Placement | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.existing = existing
        self.setWindowTitle("Edit placement details" if existing else "New placement")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(620, 480)

        # -- page 1: the student
        self.student = QLineEdit()
        self.student.setPlaceholderText("Student's full name")
        self.programme = QLineEdit()
        self.programme.setPlaceholderText("e.g. BA Social Work, Year 2")
        self.kind = QComboBox()
        self.kind.addItem("First placement", "first")
        self.kind.addItem("Final placement", "final")
        self.setting = QComboBox()
        for label, value in (
            ("Early help", "early-help"),
            ("Children in need", "cin"),
            ("Other", "other"),
        ):
            self.setting.addItem(label, value)
        student_page = self._page(
            "The student", "Who is on placement, and which placement this is."
        )
        form = QFormLayout(student_page)
        form.addRow("&Student", self.student)
        form.addRow("&Programme", self.programme)
        form.addRow("&Kind", self.kind)
        form.addRow("Se&tting", self.setting)

        # -- page 2: dates
        start = today - timedelta(days=today.weekday())
        self.start = date_edit(start)
        self.end = date_edit(start + timedelta(days=16 * 7 - 3))
        self.day_boxes = []
        days_row = QHBoxLayout()
        for name, label in zip(WEEKDAYS, DAY_LABELS, strict=True):
            box = QCheckBox(label)
            box.setChecked(name in DEFAULT_WORKING_DAYS)
            box.setProperty("day", name)
            self.day_boxes.append(box)
            days_row.addWidget(box)
        self.required = QSpinBox()
        self.required.setRange(1, 400)
        self.required.setValue(DEFAULT_REQUIRED_DAYS["first"])
        self.average = QDoubleSpinBox()
        self.average.setRange(0, 60)
        self.average.setDecimals(1)
        self.average.setSpecialValueText("not known")
        dates_page = self._page("Dates", "The placement's dates and the student's working week.")
        form = QFormLayout(dates_page)
        form.addRow("Start", self.start)
        form.addRow("End", self.end)
        form.addRow("Working days", days_row)
        form.addRow("Required &days", self.required)
        form.addRow("Host team's average caseload", self.average)

        # -- page 3: people
        self.educator = QLineEdit()
        self.onsite = QCheckBox("The practice educator works on site")
        self.onsite.setChecked(True)
        self.supervisor = QLineEdit()
        self.supervisor.setPlaceholderText(
            "Needed when the educator is off site (three-way supervision)"
        )
        self.manager = QLineEdit()
        self.link_worker = QLineEdit()
        self.link_worker.setPlaceholderText(
            cited("Needed when the educator is also the team manager (002 §2)")
        )
        people_page = self._page("People", "The educator stays the named worker for every child.")
        form = QFormLayout(people_page)
        form.addRow("Practice &educator", self.educator)
        form.addRow("", self.onsite)
        form.addRow("On-site s&upervisor", self.supervisor)
        form.addRow("Team &manager", self.manager)
        form.addRow("&Link worker", self.link_worker)

        # -- page 4: what the rules will use
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        summary_page = self._page(
            "Summary", "What the rules will work with. Go back to change anything."
        )
        form = QFormLayout(summary_page)
        form.addRow(self.summary)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (
            self.start.dateChanged,
            self.end.dateChanged,
            self.required.valueChanged,
            self.average.valueChanged,
            self.kind.currentIndexChanged,
        ):
            signal.connect(self.update_summary)
        for box in self.day_boxes:
            box.toggled.connect(self.update_summary)
        if existing:
            self._fill(existing)
        self.update_summary()

    def _page(self, title: str, subtitle: str) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(title)
        page.setSubTitle(subtitle)
        self.addPage(page)
        return page

    def _fill(self, p: Placement) -> None:
        self.student.setText(p.student)
        self.programme.setText(p.programme or "")
        self.kind.setCurrentIndex(self.kind.findData(p.kind))
        self.setting.setCurrentIndex(self.setting.findData(p.setting))
        self.start.setDate(to_qdate(p.start))
        self.end.setDate(to_qdate(p.end))
        for box in self.day_boxes:
            box.setChecked(box.property("day") in p.working_days)
        self.required.setValue(p.required_days)
        self.average.setValue(p.host_team_average_caseload or 0)
        self.educator.setText(p.educator)
        self.onsite.setChecked(p.educator_onsite)
        self.supervisor.setText(p.onsite_supervisor or "")
        self.manager.setText(p.team_manager)
        self.link_worker.setText(p.link_worker or "")

    def _kind_changed(self) -> None:
        self.required.setValue(DEFAULT_REQUIRED_DAYS[str(self.kind.currentData())])

    def working_days(self) -> tuple[str, ...]:
        return tuple(str(b.property("day")) for b in self.day_boxes if b.isChecked())

    def placement(self) -> Placement:
        average = self.average.value()
        base = self.existing
        p = new_placement(
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
            link_worker=self.link_worker.text(),
            host_team_average_caseload=average if average > 0 else None,
            required_days=self.required.value(),
            working_days=self.working_days(),
            induction_days=base.induction_days if base else 10,
        )
        if base:
            p.archived, p.close_reason = base.archived, base.close_reason
        return p

    def update_summary(self) -> None:
        p = self.placement()
        if p.end <= p.start:
            self.summary.setText(
                f"<span style='color:{tone('red')}'>The end must be after the start.</span>"
            )
            return
        if not p.working_days:
            self.summary.setText(
                f"<span style='color:{tone('red')}'>Choose at least one working day.</span>"
            )
            return
        cal = WorkingCalendar(p.working_days)
        last = cal.induction_last_day(p.start, p.induction_days)
        available = cal.working_days(p.start, p.end)
        short = available < p.required_days
        colour = tone("red" if short else "green")
        self.summary.setText(
            f"<p><b>Induction</b> runs {uk_date(p.start)} to {uk_date(last)} ({p.induction_days} working days, "
            f"bank holidays skipped); cases can be allocated from <b>{uk_date(cal.next_working_day(last))}</b>.</p>"
            f"<p><b>Midpoint</b> {uk_date(midpoint(p.start, p.end))}.</p>"
            f"<p><b>Working days</b> available <span style='color:{colour}'>{available}</span> against "
            f"{p.required_days} required{' — too few' if short else ''}.</p>"
            f"<p><b>Caseload cap</b> in force: {caseload_cap(p, self.profile)} children"
            f"{' (half the team average)' if p.host_team_average_caseload is not None and caseload_cap(p, self.profile) < (self.profile.final_placement_cap if p.kind == 'final' else self.profile.first_placement_cap) else ''}.</p>"
        )

    def validateCurrentPage(self) -> bool:  # noqa: N802
        if self.currentId() != self.pageIds()[-1]:
            return True
        try:
            validate_placement(self.placement())
        except InvalidInput as exc:
            QMessageBox.warning(self, "Check the placement details", str(exc))
            return False
        return True
