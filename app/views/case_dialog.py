"""Allocate or edit a case: the findings it would cause are shown while the PE types.

A breach blocks Save until a manager override (who, why, review date) is filled in; the
two breaches no override can allow are explained, with co-working or shadowing offered.
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
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.policy.allocation import INVALID, NEVER
from app.policy.calendar import uk_date
from app.policy.snapshot import Case, ManagerOverride
from app.policy.sources import cited
from app.policy.vocabulary import CASE_TYPE_LABELS, LEVELS, STATUTORY_CASE_TYPES, STUDENT_ROLES
from app.services.cases import ENDING_LABELS, AllocationCheck
from app.services.errors import InvalidInput
from app.views.theme import severity_colour
from app.views.widgets import YesNo, date_edit, from_qdate, to_qdate, unanswered

ROLE_LABELS = {"lead": "Lead", "co-worker": "Co-worker", "shadow": "Shadow"}

Checker = Callable[[Case], AllocationCheck]
Saver = Callable[[Case], None]


class CaseDialog(QDialog):
    """Every field of a case, a live policy check, and the manager override when needed."""

    def __init__(
        self,
        check: Checker,
        save: Saver,
        default_day: date,
        team_manager: str,
        case: Case | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check_fn, self._save_fn = check, save
        self.editing = case
        self.last_check: AllocationCheck | None = None
        self.setWindowTitle(f"Edit case {case.ref}" if case else "Allocate a case")
        self.setMinimumWidth(640)

        self.ref = QLineEdit()
        self.ref.setPlaceholderText("Case-record number, e.g. D-1042 (never a name)")
        self.initials = QLineEdit()
        self.initials.setMaxLength(4)
        self.initials.setPlaceholderText("e.g. AB")
        self.type = QComboBox()
        for value, label in CASE_TYPE_LABELS.items():
            self.type.addItem(label, value)
        self.role = QComboBox()
        for value in STUDENT_ROLES:
            self.role.addItem(ROLE_LABELS[value], value)
        self.allocated = date_edit(default_day)
        self.complexity = QComboBox()
        self.risk = QComboBox()
        for box in (self.complexity, self.risk):
            for level in LEVELS:
                box.addItem(level.capitalize(), level)
        self.consulted = YesNo(
            cited("Was the practice educator consulted about this allocation? (000 §4)"),
            "educator consulted",
        )
        self.rationale = QPlainTextEdit()
        self.rationale.setPlaceholderText(
            cited("Why this child, why now, what the student will learn (004 §1.7)")
        )
        self.rationale.setFixedHeight(64)
        self.previous = QSpinBox()
        self.previous.setRange(0, 50)
        self.transition = YesNo(
            "Is the child in a major transition (e.g. coming into care)?", "major transition"
        )
        self.conflict = YesNo(
            "Is there a conflict of interest for the student?", "conflict of interest"
        )
        self.questions = [self.consulted, self.transition, self.conflict]
        self.keyworker = QLineEdit()
        self.keyworker.setPlaceholderText(
            "The qualified social worker who holds the case and works beside the student"
        )
        self.keyworker.setAccessibleName("Keyworker")

        self.override_box = QGroupBox("Manager override (recorded, never silent)")
        self.override_box.setCheckable(True)
        self.override_box.setChecked(False)
        self.override_by = QLineEdit(team_manager)
        self.override_reason = QPlainTextEdit()
        self.override_reason.setFixedHeight(54)
        self.override_reason.setPlaceholderText("Why the manager allows this allocation")
        self.review_by = date_edit(default_day + timedelta(days=28))
        override_form = QFormLayout(self.override_box)
        override_form.addRow("Manager", self.override_by)
        override_form.addRow("Reason", self.override_reason)
        override_form.addRow("Review by", self.review_by)

        self.findings = QLabel()
        self.findings.setObjectName("findingsPanel")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.findings.setMinimumHeight(60)
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

        form = QFormLayout()
        form.addRow("&Reference", self.ref)
        form.addRow("&Initials", self.initials)
        form.addRow("&Type", self.type)
        form.addRow("Student's r&ole", self.role)
        form.addRow("&Allocated", self.allocated)
        form.addRow("&Complexity", self.complexity)
        form.addRow("Ris&k", self.risk)
        form.addRow("Key&worker", self.keyworker)
        self._form = form
        form.addRow(self.consulted)
        form.addRow("Rationale", self.rationale)
        form.addRow("Previous social workers", self.previous)
        form.addRow(self.transition)
        form.addRow(self.conflict)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>What this allocation would mean</b>"))
        layout.addWidget(self.findings)
        layout.addLayout(alternatives)
        layout.addWidget(self.override_box)
        layout.addWidget(self.error)
        self.waiting = QLabel()  # what Save waits for, in words
        self.waiting.setObjectName("pageSubtitle")
        layout.addWidget(self.waiting)
        layout.addWidget(self.buttons)

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
            self.rationale.textChanged,
            self.previous.valueChanged,
            self.transition.changed,
            self.conflict.changed,
            self.keyworker.textChanged,
            self.override_box.toggled,
            self.override_by.textChanged,
            self.override_reason.textChanged,
            self.review_by.dateChanged,
        ):
            signal.connect(self._timer.start)
        self.refresh()

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
        self.rationale.setPlainText(c.rationale)
        self.previous.setValue(c.previous_social_workers)
        self.transition.set_value(c.major_transition)
        self.conflict.set_value(c.conflict_of_interest)
        if c.manager_override:
            o = c.manager_override
            self.override_box.setChecked(True)
            self.override_by.setText(o.by)
            self.override_reason.setPlainText(o.reason)
            self.review_by.setDate(to_qdate(o.review_by))

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
        # What the dialog does not ask (the end, a step-up, what the case offers, ...) is
        # kept as it was, so editing a case never loses a fact of it.
        return replace(
            base,
            ref=self.ref.text().strip(),
            type=str(self.type.currentData()),
            student_role=str(self.role.currentData()),
            allocated=from_qdate(self.allocated.date()),
            # Unanswered, a question counts as the answer that raises no finding: the panel
            # shows what the answers given mean, and Save waits for the rest.
            educator_consulted=self.consulted.value() is not False,
            initials=self.initials.text().strip().upper() or None,
            complexity=str(self.complexity.currentData()),
            risk=str(self.risk.currentData()),
            rationale=self.rationale.toPlainText().strip(),
            previous_social_workers=self.previous.value(),
            major_transition=self.transition.value() is True,
            conflict_of_interest=self.conflict.value() is True,
            keyworker=self.keyworker.text().strip() or None,
            manager_override=override,
        )

    def _set_role(self, role: str) -> None:
        self.role.setCurrentIndex(self.role.findData(role))
        self.refresh()

    # ------------------------------------------------------------------ live check

    def refresh(self) -> None:
        """Re-check the draft against the rules and update the panel and the Save button."""
        self._timer.stop()
        draft = self.draft()
        if not draft.ref:
            draft.ref = "new-case-1"
        try:
            check = self._check_fn(draft)
        except InvalidInput as exc:
            self.findings.setText(escape(str(exc)))
            return
        self.last_check = check
        statutory = draft.type in STATUTORY_CASE_TYPES
        self.keyworker.setVisible(statutory)
        self._form.labelForField(self.keyworker).setVisible(statutory)
        lines = []
        if check.problem:
            lines.append(f"<li><b>{escape(check.problem)}</b></li>")
        for f in check.findings:
            old = "" if check.is_new(f) else " (already on record)"
            lines.append(
                f"<li><b style='color:{severity_colour(f.severity)}'>{f.severity.capitalize()}</b> "
                f"{escape(f.message)} <span style='color:gray'>[{escape(cited(f.source))}]</span>{old}</li>"
            )
        lines += [f"<li><b>{escape(reason)}</b></li>" for reason in check.never_reasons()]
        self.findings.setText(
            f"<ul>{''.join(lines)}</ul>"
            if lines
            else "Nothing in the rules stands against this allocation."
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
        self.waiting.setText(unanswered(self.questions) or "")

    def override_complete(self) -> bool:
        return (
            self.override_box.isChecked()
            and bool(self.override_by.text().strip())
            and bool(self.override_reason.toPlainText().strip())
        )

    def can_save(self) -> bool:
        check = self.last_check
        if check is None or unanswered(self.questions):
            return False
        if check.verdict in (INVALID, NEVER) or not self.ref.text().strip():
            return False
        return not check.breaches or self.override_complete()

    def blocked_reason(self) -> str:
        check, left = self.last_check, unanswered(self.questions)
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
    """How the student's work on a case ended, when, and who took it over."""

    def __init__(self, case: Case, default_day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"End case {case.ref}")
        self.ended = date_edit(max(default_day, case.allocated))
        self.ending = QComboBox()
        for value, label in ENDING_LABELS.items():
            self.ending.addItem(label, value)
        self.handover = QLineEdit(case.handover_to or "")
        self.handover.setPlaceholderText("The worker who takes over (or the named worker)")
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                f"Case {case.ref} ({case.initials or 'no initials'}), allocated {uk_date(case.allocated)}."
            )
        )
        form.addRow("Ended on", self.ended)
        form.addRow("Ending", self.ending)
        form.addRow("Handed over to", self.handover)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[date, str, str]:
        return from_qdate(self.ended.date()), str(self.ending.currentData()), self.handover.text()


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

    def value(self) -> date:
        return from_qdate(self.reviewed.date())
