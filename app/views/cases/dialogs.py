"""Allocate or edit a case: the findings it would cause are shown while the PE types.

A breach blocks Save until a manager override (who, why, review date) is filled in; what no
override can allow is explained, with the roles that would be allowed offered instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.policy.allocation import INVALID, NEVER
from app.policy.calendar import uk_date
from app.policy.snapshot import Case, ManagerOverride
from app.policy.sources import cited
from app.policy.vocabulary import (
    CASE_TYPE_LABELS,
    LEVELS,
    ROLE_LABELS,
    STATUTORY_CASE_TYPES,
    STUDENT_ROLES,
)
from app.services.cases import ENDING_LABELS, AllocationCheck, LearningChoice
from app.services.errors import InvalidInput
from app.views.theme import severity_colour
from app.views.underline import watch
from app.views.widgets import (
    EveryDays,
    OptionalDate,
    YesNo,
    date_edit,
    findings_list,
    from_qdate,
    to_qdate,
    unanswered,
)

Checker = Callable[[Case], AllocationCheck]
Saver = Callable[[Case], None]


class CaseDialog(QDialog):
    """Every fact of a case, asked in the order a PE decides it, with a live policy check and
    the manager override when one is needed.

    Left, the child and the decision: who the child is, who holds the case, what was done
    before allocating (consulted, briefed, risks weighed). Right, what the case offers the
    student and what the rules say. Nothing a rule reads is filled in for the PE: each
    yes/no starts unanswered and Save waits for it; the briefing starts at "Not yet".
    """

    def __init__(
        self,
        check: Checker,
        save: Saver,
        default_day: date,
        team_manager: str,
        case: Case | None = None,
        learning: list[LearningChoice] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check_fn, self._save_fn = check, save
        self.editing = case
        self.last_check: AllocationCheck | None = None
        self.setWindowTitle(f"Edit case {case.ref}" if case else "Allocate a case")

        # ---- the child
        self.ref = QLineEdit()
        self.ref.setPlaceholderText("Case-record number, e.g. D-1042 (never a name)")
        self.initials = QLineEdit()
        self.initials.setMaxLength(4)
        self.initials.setPlaceholderText("e.g. AB")
        self.type = QComboBox()
        for value, label in CASE_TYPE_LABELS.items():
            self.type.addItem(label, value)
        self.complexity = QComboBox()
        self.risk = QComboBox()
        for box in (self.complexity, self.risk):
            for level in LEVELS:
                box.addItem(level.capitalize(), level)
        self.previous = QSpinBox()
        self.previous.setRange(0, 50)
        self.previous_consulted = YesNo(
            cited("Was the previous social worker consulted? (004 §1.5)"), "previous worker"
        )
        self.transition = YesNo(
            "Is the child in a major transition (e.g. coming into care)?", "major transition"
        )
        self.visits = EveryDays("Visiting plan")
        self.visits.setToolTip(
            cited("How often the child's plan says the child is visited (003 §3.1)")
        )
        child = QFormLayout()
        child.addRow("&Reference", self.ref)
        child.addRow("&Initials", self.initials)
        child.addRow("&Type", self.type)
        child.addRow("&Complexity", self.complexity)
        child.addRow("Ris&k", self.risk)
        child.addRow("Previous social workers", self.previous)
        child.addRow(self.previous_consulted)
        child.addRow(self.transition)
        child.addRow("&Visiting plan", self.visits)
        self._child_form = child

        # ---- who holds it
        self.keyworker = QLineEdit()
        self.keyworker.setPlaceholderText(
            "The qualified social worker who holds the case and works beside the student"
        )
        self.keyworker.setAccessibleName("Keyworker")
        self.role = QComboBox()
        for value in STUDENT_ROLES:
            self.role.addItem(ROLE_LABELS[value], value)
        self.allocated = date_edit(default_day)
        holds = QFormLayout()
        holds.addRow("Student's r&ole", self.role)
        holds.addRow("Key&worker", self.keyworker)
        holds.addRow("&Allocated", self.allocated)
        self._holds_form = holds

        # ---- before allocating
        self.consulted = YesNo(
            cited("Was the practice educator consulted about this allocation? (000 §4)"),
            "educator consulted",
        )
        self.briefed = OptionalDate(default_day, "One-to-one briefing")
        self.briefed.setToolTip(
            cited(
                "The student's one-to-one briefing on the child and family, history read (004 §1.3)"
            )
        )
        self.conflict = YesNo(
            "Is there a conflict of interest for the student?", "conflict of interest"
        )
        self.risk_to_worker = YesNo(
            cited("Is there a risk to the student from this family? (004 §1.4)"),
            "risk to the worker",
        )
        self.safety_plan = QPlainTextEdit()
        self.safety_plan.setTabChangesFocus(True)
        self.safety_plan.setFixedHeight(48)
        self.safety_plan.setPlaceholderText(
            "How the risk is managed: joint visits, office meetings…"
        )
        self.safety_plan.setAccessibleName("Safety plan")
        self.rationale = QPlainTextEdit()
        self.rationale.setTabChangesFocus(True)
        self.rationale.setPlaceholderText(
            cited("Why this child, why now, what the student will learn (004 §1.7)")
        )
        self.rationale.setFixedHeight(56)
        before = QFormLayout()
        before.addRow(self.consulted)
        before.addRow("&Briefed", self.briefed)
        before.addRow(self.conflict)
        before.addRow(self.risk_to_worker)
        before.addRow("Safety &plan", self.safety_plan)
        before.addRow("Rationale", self.rationale)
        self._before_form = before

        # ---- what it offers
        self.learning = QListWidget()
        self.learning.setAccessibleName("What this case offers the student")
        self.learning.setMinimumHeight(120)
        for choice in learning or []:
            item = QListWidgetItem(
                f"{choice.label} (not yet evidenced)" if choice.needed else choice.label
            )
            item.setData(Qt.ItemDataRole.UserRole, choice.item)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if choice.needed:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.learning.addItem(item)

        # ---- the rules' answer
        self.override_box = QGroupBox("Manager override (recorded, never silent)")
        self.override_box.setCheckable(True)
        self.override_box.setChecked(False)
        self.override_by = QLineEdit(team_manager)
        self.override_reason = QPlainTextEdit()
        self.override_reason.setTabChangesFocus(True)
        self.override_reason.setFixedHeight(48)
        self.override_reason.setPlaceholderText("Why the manager allows this allocation")
        self.review_by = date_edit(default_day + timedelta(days=28))
        # the override's fields show only once it is ticked: the form keeps the room till then
        override_fields = QWidget()
        override_form = QFormLayout(override_fields)
        override_form.setContentsMargins(0, 0, 0, 0)
        override_form.addRow("Manager", self.override_by)
        override_form.addRow("Reason", self.override_reason)
        override_form.addRow("Review by", self.review_by)
        QVBoxLayout(self.override_box).addWidget(override_fields)
        override_fields.setVisible(False)
        self.override_box.toggled.connect(override_fields.setVisible)

        self.findings = QLabel()
        self.findings.setObjectName("findingsPanel")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.findings.setAlignment(Qt.AlignmentFlag.AlignTop)
        findings_scroll = QScrollArea()
        findings_scroll.setWidgetResizable(True)
        findings_scroll.setWidget(self.findings)
        findings_scroll.setMinimumHeight(150)
        findings_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.make_co_worker = QPushButton("Make the student a co-worker")
        self.make_shadow = QPushButton("Let the student shadow")
        self.make_co_worker.clicked.connect(lambda: self._set_role("co-worker"))
        self.make_shadow.clicked.connect(lambda: self._set_role("shadow"))
        alternatives = QHBoxLayout()
        alternatives.addWidget(self.make_co_worker)
        alternatives.addWidget(self.make_shadow)
        alternatives.addStretch(1)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote what was typed
        self.error.setWordWrap(True)
        self.error.setProperty("tone", "red")
        self.waiting = QLabel()  # what Save waits for, in words
        self.waiting.setObjectName("pageSubtitle")
        self.waiting.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # The form scrolls on the left, read top to bottom; the rules' answer stays in view
        # on the right while the PE types; the override and Save come last, under both.
        groups = QWidget()
        left = QVBoxLayout(groups)
        for title, form in (
            ("The child", child),
            ("Who holds the case", holds),
            ("Before allocating", before),
        ):
            box = QGroupBox(title)
            box.setLayout(form)
            left.addWidget(box)
        offers = QGroupBox("What the case offers the student")
        offers_layout = QVBoxLayout(offers)
        offers_layout.addWidget(QLabel("Tick what this child's work offers; gaps come first."))
        offers_layout.addWidget(self.learning)
        left.addWidget(offers)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(groups)
        form_scroll.setMinimumWidth(groups.sizeHint().width() + 24)
        form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        answer = QVBoxLayout()
        answer.addWidget(QLabel("<b>What this allocation would mean</b>"))
        answer.addWidget(findings_scroll, 1)
        answer.addWidget(self.waiting)
        columns = QHBoxLayout()
        columns.addWidget(form_scroll, 3)
        columns.addLayout(answer, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(alternatives)
        layout.addWidget(self.override_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(1040, 700)

        if case is not None:
            self._fill(case)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        for signal in (
            self.ref.textChanged,
            self.initials.textChanged,
            self.type.currentIndexChanged,
            self.role.currentIndexChanged,
            self.allocated.dateChanged,
            self.complexity.currentIndexChanged,
            self.risk.currentIndexChanged,
            self.consulted.changed,
            self.briefed.changed,
            self.rationale.textChanged,
            self.previous.valueChanged,
            self.previous_consulted.changed,
            self.transition.changed,
            self.visits.changed,
            self.conflict.changed,
            self.risk_to_worker.changed,
            self.safety_plan.textChanged,
            self.keyworker.textChanged,
            self.learning.itemChanged,
            self.override_box.toggled,
            self.override_by.textChanged,
            self.override_reason.textChanged,
            self.review_by.dateChanged,
        ):
            signal.connect(self._timer.start)
        self._show_what_applies()
        self.refresh()
        watch(self)  # what looks like a name or a number is underlined

    @property
    def questions(self) -> list[YesNo]:
        """The yes/no questions this case asks, in reading order (Save waits for each)."""
        asked = [self.previous_consulted] if self.previous.value() > 0 else []
        return [*asked, self.transition, self.consulted, self.conflict, self.risk_to_worker]

    def _show_what_applies(self) -> None:
        """Ask only what applies: the previous worker when there was one, the keyworker for
        a statutory case, the safety plan when there is a risk."""
        shown = (
            (self._child_form, self.previous_consulted, self.previous.value() > 0),
            (self._holds_form, self.keyworker, self.type.currentData() in STATUTORY_CASE_TYPES),
            (self._before_form, self.safety_plan, self.risk_to_worker.value() is True),
        )
        for form, widget, visible in shown:
            form.setRowVisible(widget, visible)

    # ------------------------------------------------------------------ data

    def _fill(self, c: Case) -> None:
        self.ref.setText(c.ref)
        self.initials.setText(c.initials or "")
        self.type.setCurrentIndex(self.type.findData(c.type))
        self.role.setCurrentIndex(self.role.findData(c.student_role))
        self.allocated.setDate(to_qdate(c.allocated))
        self.complexity.setCurrentIndex(self.complexity.findData(c.complexity))
        self.risk.setCurrentIndex(self.risk.findData(c.risk))
        self.keyworker.setText(c.keyworker or "")
        self.consulted.set_value(c.educator_consulted)
        self.briefed.set_value(c.briefed)
        self.rationale.setPlainText(c.rationale)
        self.previous.setValue(c.previous_social_workers)
        self.previous_consulted.set_value(c.previous_worker_consulted)
        self.transition.set_value(c.major_transition)
        self.visits.set_value(c.visit_every_days)
        self.conflict.set_value(c.conflict_of_interest)
        self.risk_to_worker.set_value(c.risk_to_worker)
        self.safety_plan.setPlainText(c.safety_plan or "")
        offered = set(c.learning)
        for i in range(self.learning.count()):
            item = self.learning.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in offered:
                item.setCheckState(Qt.CheckState.Checked)
        if c.manager_override:
            o = c.manager_override
            self.override_box.setChecked(True)
            self.override_by.setText(o.by)
            self.override_reason.setPlainText(o.reason)
            self.review_by.setDate(to_qdate(o.review_by))

    def _offered(self) -> tuple[str, ...]:
        ticked = [
            str(self.learning.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.learning.count())
            if self.learning.item(i).checkState() == Qt.CheckState.Checked
        ]
        listed = {
            self.learning.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.learning.count())
        }
        # what the case offered that the list does not show (an own item) is kept
        kept = [i for i in (self.editing.learning if self.editing else ()) if i not in listed]
        return tuple(dict.fromkeys([*ticked, *kept]))

    def draft(self) -> Case:
        override = None
        if self.override_box.isChecked():
            reviewed = (
                self.editing.manager_override.reviewed
                if self.editing and self.editing.manager_override
                else None
            )
            override = ManagerOverride(
                self.override_by.text().strip(),
                self.override_reason.toPlainText().strip(),
                from_qdate(self.review_by.date()),
                reviewed,
            )
        base = self.editing or Case("", "", "", date.min, True)
        risk_to_worker = self.risk_to_worker.value() is True
        # What the dialog does not ask (the end, a step-up, ...) is kept as it was, so
        # editing a case never loses a fact of it. Unanswered, a question counts as the
        # answer that raises no finding: the panel shows what the answers given mean, and
        # Save waits for the rest.
        return replace(
            base,
            ref=self.ref.text().strip(),
            type=str(self.type.currentData()),
            student_role=str(self.role.currentData()),
            allocated=from_qdate(self.allocated.date()),
            educator_consulted=self.consulted.value() is not False,
            initials=self.initials.text().strip().upper() or None,
            complexity=str(self.complexity.currentData()),
            risk=str(self.risk.currentData()),
            rationale=self.rationale.toPlainText().strip(),
            previous_social_workers=self.previous.value(),
            previous_worker_consulted=(
                self.previous_consulted.value() if self.previous.value() > 0 else None
            ),
            major_transition=self.transition.value() is True,
            conflict_of_interest=self.conflict.value() is True,
            briefed=self.briefed.value(),
            risk_to_worker=risk_to_worker,
            safety_plan=(self.safety_plan.toPlainText().strip() or None)
            if risk_to_worker
            else None,
            keyworker=self.keyworker.text().strip() or None,
            visit_every_days=self.visits.value(),
            learning=self._offered(),
            manager_override=override,
        )

    def _set_role(self, role: str) -> None:
        self.role.setCurrentIndex(self.role.findData(role))
        self.refresh()

    # ------------------------------------------------------------------ live check

    def refresh(self) -> None:
        """Re-check the draft against the rules and update the panel and the Save button."""
        self._timer.stop()
        self._show_what_applies()
        draft = self.draft()
        if not draft.ref:
            draft.ref = "new-case-1"
        try:
            check = self._check_fn(draft)
        except InvalidInput as exc:
            self.findings.setText(escape(str(exc)))
            return
        self.last_check = check
        self.findings.setText(
            findings_list(
                check.findings,
                lambda f: severity_colour(f.severity),
                "Nothing in the rules stands against this allocation.",
                before=[check.problem] if check.problem else [],
                after=check.never_reasons(),
                note=lambda f: "" if check.is_new(f) else " (already on record)",
            )
        )
        blocked = bool(check.unoverridable)
        self.make_co_worker.setVisible(blocked and "co-worker" in check.alternatives)
        self.make_shadow.setVisible(blocked and "shadow" in check.alternatives)
        self.override_box.setEnabled(not blocked)
        if check.breaches and not blocked and not self.override_box.isChecked():
            self.override_box.setTitle("Manager override: needed to save this allocation")
        else:
            self.override_box.setTitle("Manager override (recorded, never silent)")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(self.can_save())
        save.setToolTip("" if self.can_save() else self.blocked_reason())
        self.waiting.setText(self._waiting_for() or "")

    def _waiting_for(self) -> str | None:
        left = unanswered(self.questions)
        if left:
            return left
        if self.risk_to_worker.value() is True and not self.safety_plan.toPlainText().strip():
            return "Say how the risk to the student is managed (the safety plan)."
        return None

    def override_complete(self) -> bool:
        return (
            self.override_box.isChecked()
            and bool(self.override_by.text().strip())
            and bool(self.override_reason.toPlainText().strip())
        )

    def can_save(self) -> bool:
        check = self.last_check
        if check is None or self._waiting_for():
            return False
        if check.verdict in (INVALID, NEVER) or not self.ref.text().strip():
            return False
        return not check.breaches or self.override_complete()

    def blocked_reason(self) -> str:
        check, left = self.last_check, self._waiting_for()
        if left:
            return left
        if check is None:
            return "Complete the form."
        if not self.ref.text().strip():
            return "Enter the case-record number as the reference."
        if check.problem:
            return check.problem
        if check.unoverridable:
            return " ".join(check.never_reasons())
        return "This allocation breaches policy: record the manager override (who, reason, review date)."

    def accept(self) -> None:
        self.refresh()
        if not self.can_save():
            self.error.setText(self.blocked_reason())
            return
        try:
            self._save_fn(self.draft())
        except InvalidInput as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class EndCaseDialog(QDialog):
    """How the student's work on a case ended, when, and who took it over; a transfer also
    asks the day both managers signed it off (003 §3.6, §3.7)."""

    def __init__(self, case: Case, default_day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"End case {case.ref}")
        self.ended = date_edit(max(default_day, case.allocated))
        self.ending = QComboBox()
        for value, label in ENDING_LABELS.items():
            self.ending.addItem(label, value)
        self.handover = QLineEdit(case.handover_to or "")
        self.handover.setPlaceholderText("The worker who takes over (or the named worker)")
        self.signed_off = OptionalDate(default_day, "Transfer signed off by both managers")
        self.signed_off.set_value(case.transfer_signed_off)
        self.signed_off.setToolTip(
            cited("Both managers sign a transfer off before it happens (003 §3.6)")
        )
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                f"Case {case.ref} ({case.initials or 'no initials'}), allocated {uk_date(case.allocated)}."
            )
        )
        form.addRow("Ended on", self.ended)
        form.addRow("&Ending", self.ending)
        form.addRow("Handed over to", self.handover)
        form.addRow("Transfer &signed off", self.signed_off)
        self._form = form
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ending.currentIndexChanged.connect(self._show_what_applies)
        if case.ending:
            self.ending.setCurrentIndex(self.ending.findData(case.ending))
        self._show_what_applies()
        watch(self)  # what looks like a name or a number is underlined

    def _show_what_applies(self) -> None:
        self._form.setRowVisible(self.signed_off, self.ending.currentData() == "transferred")

    def values(self) -> tuple[date, str, str]:
        return from_qdate(self.ended.date()), str(self.ending.currentData()), self.handover.text()

    def transfer_signed_off(self) -> date | None:
        """The sign-off day, for a transfer only."""
        return self.signed_off.value() if self.ending.currentData() == "transferred" else None


class StepUpDialog(QDialog):
    """A case that became statutory: from when, to what, and the keyworker the student now
    works beside; a student who led it is offered co-working (001 §10, 003 §4.2)."""

    def __init__(self, case: Case, default_day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.setWindowTitle(f"Record a step-up for {case.ref}")
        self.day = date_edit(max(default_day, case.allocated))
        self.type = QComboBox()
        for value in sorted(STATUTORY_CASE_TYPES, key=list(CASE_TYPE_LABELS).index):
            self.type.addItem(CASE_TYPE_LABELS[value], value)
        self.keyworker = QLineEdit(case.keyworker or "")
        self.keyworker.setPlaceholderText("The qualified social worker who now holds the case")
        self.role = QComboBox()
        for value in STUDENT_ROLES:
            if value != "lead":  # a student never leads a statutory case
                self.role.addItem(ROLE_LABELS[value], value)
        if case.student_role != "lead":
            self.role.setCurrentIndex(self.role.findData(case.student_role))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setProperty("tone", "red")
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                f"{escape(case.ref)} is {escape(CASE_TYPE_LABELS[case.type])} now; "
                "the case keeps that as its type until the step-up."
            )
        )
        form.addRow("Stepped up &on", self.day)
        form.addRow("&To", self.type)
        form.addRow("&Keyworker", self.keyworker)
        note = (
            cited("The student led this case and cannot lead a statutory one (001 §10).")
            if case.student_role == "lead"
            else ""
        )
        form.addRow("Student's r&ole", self.role)
        if note:
            form.addRow(QLabel(escape(note)))
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.save: Callable[[date, str, str, str], None] | None = None
        watch(self)  # what looks like a name or a number is underlined

    def values(self) -> tuple[date, str, str, str]:
        """The day, the statutory type, the keyworker and the student's role from then on."""
        return (
            from_qdate(self.day.date()),
            str(self.type.currentData()),
            self.keyworker.text().strip(),
            str(self.role.currentData()),
        )

    def accept(self) -> None:
        if not self.keyworker.text().strip():
            self.error.setText(
                cited(
                    "Name the keyworker: the student works on a statutory case only beside "
                    "the qualified worker who holds it (001 §10)."
                )
            )
            return
        if self.save is not None:
            try:
                self.save(*self.values())
            except InvalidInput as exc:
                self.error.setText(str(exc))
                return
        super().accept()


class OverrideReviewDialog(QDialog):
    """The manager reviewed an override: on which day."""

    def __init__(self, case: Case, default_day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        o = case.manager_override
        assert o is not None
        self.setWindowTitle(f"Override review for {case.ref}")
        self.reviewed = date_edit(default_day)
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                f"Override by {escape(o.by)}: {escape(o.reason)}<br>Review due {uk_date(o.review_by)}."
            )
        )
        form.addRow("Reviewed on", self.reviewed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        watch(self)  # what looks like a name or a number is underlined

    def value(self) -> date:
        return from_qdate(self.reviewed.date())
