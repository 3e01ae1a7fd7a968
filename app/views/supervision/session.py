"""The supervision session form: quicker than the Word template, keyboard only, never loses text.

Every open case is already on the form; last week's open actions are listed to tick off;
what is typed is saved as a draft a moment later, and offered back after a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.policy.calendar import uk_date
from app.policy.snapshot import Action, Case, CaseDirection, Supervision
from app.policy.sources import cited
from app.policy.vocabulary import CASE_TYPE_LABELS, ROLE_LABELS
from app.services.placements import InvalidInput
from app.services.supervision import CarriedAction, SessionForm
from app.views.theme import tone
from app.views.underline import watch
from app.views.widgets import YesNo, date_edit, from_qdate, to_qdate, unanswered

FORMATS = (("One-to-one", "one-to-one"), ("Three-way", "three-way"), ("Group", "group"))
ACTIONS_HELP = (
    "One action per line: what; who; by when — e.g. Book joint visit; student; 27/11/2026"
)

Saver = Callable[[Supervision, dict[tuple[str, str, int], date]], None]
DraftSaver = Callable[[dict[str, object]], None]


def parse_actions(case: str, value: str) -> list[Action]:
    """Lines of ``what; who; dd/mm/yyyy`` as actions; a clear message for a bad date."""
    actions = []
    for n, line in enumerate(value.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(";")]
        due = None
        if len(parts) > 2 and parts[2]:
            try:
                due = datetime.strptime(parts[2], "%d/%m/%Y").date()
            except ValueError:
                raise InvalidInput(
                    f"{case}, action line {n}: {parts[2]!r} is not a date (dd/mm/yyyy)."
                ) from None
        actions.append(Action(parts[0], (parts[1] if len(parts) > 1 else "") or None, due))
    return actions


def format_actions(actions: list[Action]) -> str:
    return "\n".join(
        "; ".join([a.action, a.owner or "", a.due.strftime("%d/%m/%Y") if a.due else ""]).rstrip(
            "; "
        )
        for a in actions
    )


class CaseDirectionBox(QGroupBox):
    """Discussion, decision and actions for one child."""

    def __init__(
        self, case: Case, direction: CaseDirection | None, stepped_up: bool = False
    ) -> None:
        since = (
            f" · stepped up {uk_date(case.stepped_up.date)} since the last session: discuss it"
            if stepped_up and case.stepped_up
            else ""
        )
        super().__init__(
            f"{case.ref} ({case.initials or '—'}) · {CASE_TYPE_LABELS[case.type]} · "
            f"{ROLE_LABELS[case.student_role]}{since}"
        )
        self.stepped_up = bool(since)
        self.case = case
        self.setCheckable(True)
        self.setChecked(True)
        self.setToolTip("Untick if this child was not discussed")
        form = QFormLayout(self)
        self.discussion = QPlainTextEdit(direction.discussion if direction else "")
        self.discussion.setTabChangesFocus(True)
        self.discussion.setFixedHeight(70)
        self.decision = QPlainTextEdit(direction.decision if direction else "")
        self.decision.setTabChangesFocus(True)
        self.decision.setFixedHeight(46)
        self.actions = QPlainTextEdit(format_actions(direction.actions) if direction else "")
        self.actions.setTabChangesFocus(True)
        self.actions.setFixedHeight(46)
        self.actions.setPlaceholderText(ACTIONS_HELP)
        form.addRow("Discussion", self.discussion)
        form.addRow("Decision", self.decision)
        form.addRow("Actions", self.actions)

    def direction(self) -> CaseDirection | None:
        if not self.isChecked():
            return None
        return CaseDirection(
            self.case.ref,
            self.discussion.toPlainText().strip(),
            self.decision.toPlainText().strip(),
            parse_actions(self.case.ref, self.actions.toPlainText()),
        )


def _answer(saved: object) -> bool | None:
    """A yes/no kept in a draft: a draft from before the question was asked, or saved before
    it was answered, comes back unanswered, never as a yes."""
    return saved if isinstance(saved, bool) else None


class SessionDialog(QDialog):
    def __init__(
        self,
        form: SessionForm,
        cases: list[Case],
        save: Saver,
        save_draft: DraftSaver,
        onsite_supervisor: str | None,
        existing: Supervision | None = None,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save, self._save_draft = save, save_draft
        self.form_data, self.existing, self.onsite_supervisor = form, existing, onsite_supervisor
        self.setWindowTitle(
            f"Supervision on {uk_date(existing.date)}" if existing else "New supervision session"
        )
        self.resize(820, 760)
        s = existing
        self.date = date_edit(s.date if s else form.day)
        self.format = QComboBox()
        for label, value in FORMATS:
            self.format.addItem(label, value)
        self.format.setCurrentIndex(self.format.findData(s.format if s else form.format))
        self.attendees = QLineEdit(", ".join(s.attendees if s else form.attendees))
        self.caseload = QLabel(
            f"Caseload on this date: <b>{form.caseload} of {form.cap}</b>"
            + (
                f" — <span style='color:{tone('red')}'>over the cap</span>"
                if form.caseload > form.cap
                else ""
            )
        )
        self.caseload_discussed = YesNo(
            cited("Was the caseload as a whole discussed? (002 §2c)"), "caseload discussed"
        )
        self.caseload_discussed.set_value(s.caseload_discussed if s else None)

        directions = {d.case: d for d in s.case_direction} if s else {}
        shown = [c for c in cases if c.ref in directions] if s else list(form.open_cases)
        self.case_boxes = [
            CaseDirectionBox(c, directions.get(c.ref), c.ref in form.stepped_up) for c in shown
        ]

        self.carried: list[tuple[CarriedAction, QCheckBox]] = []
        carried_box = QGroupBox("Open actions from earlier sessions: tick what is done")
        carried_layout = QVBoxLayout(carried_box)
        for item in form.carried if not s else []:
            a = item.action
            due = f", due {uk_date(a.due)}" if a.due else ""
            box = QCheckBox(
                f"{item.case}: {a.action} ({a.owner or 'no owner'}{due}; set {uk_date(item.supervision_date)})"
            )
            self.carried.append((item, box))
            carried_layout.addWidget(box)
        if not self.carried:
            carried_layout.addWidget(QLabel("None open."))

        self.wellbeing = QPlainTextEdit(s.wellbeing or "" if s else "")
        self.learning = QPlainTextEdit(s.learning or "" if s else "")
        for edit in (self.wellbeing, self.learning):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(60)
        self.decisions_recorded = YesNo(
            cited("Have the decisions been recorded on each child's record? (000 §17)"),
            "decisions recorded",
        )
        self.decisions_recorded.set_value(s.decisions_recorded if s else None)
        self.questions = [self.caseload_discussed, self.decisions_recorded]
        self.next = date_edit(s.next if s and s.next else form.next)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote what was typed
        self.error.setWordWrap(True)
        self.error.setProperty("tone", "red")
        self.draft_note = QLabel()
        self.draft_note.setObjectName("pageSubtitle")

        body = QWidget()
        layout = QVBoxLayout(body)
        top = QFormLayout()
        top.addRow("&Date", self.date)
        top.addRow("&Format", self.format)
        top.addRow("&Attendees", self.attendees)
        layout.addLayout(top)
        layout.addWidget(self.caseload)
        layout.addWidget(self.caseload_discussed)
        layout.addWidget(QLabel("<b>Case direction</b> — every open case is listed"))
        for box in self.case_boxes:
            layout.addWidget(box)
        if not self.case_boxes:
            layout.addWidget(QLabel("No open cases on this date."))
        layout.addWidget(carried_box)
        rest = QFormLayout()
        rest.addRow("&Wellbeing", self.wellbeing)
        rest.addRow("&Learning and PCF", self.learning)
        rest.addRow(self.decisions_recorded)
        rest.addRow("&Next session", self.next)
        layout.addLayout(rest)
        scroll = QScrollArea()
        scroll.setAccessibleName("The session, case by case")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.waiting = QLabel()  # what Save waits for, in words
        self.waiting.setObjectName("pageSubtitle")
        bottom = QVBoxLayout()
        bottom.addWidget(self.draft_note)
        bottom.addWidget(self.waiting)
        bottom.addWidget(self.buttons)
        outer.addLayout(bottom)

        if draft:
            self.restore(draft)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(800)
        self._timer.timeout.connect(self.save_draft_now)
        for w in self.findChildren(QPlainTextEdit) + self.findChildren(QLineEdit):
            w.textChanged.connect(self._timer.start)
        for w in self.findChildren(QCheckBox) + self.findChildren(QGroupBox):
            w.toggled.connect(self._timer.start)
        self.date.dateChanged.connect(self._timer.start)
        self.next.dateChanged.connect(self._timer.start)
        for question in self.questions:
            question.changed.connect(self._timer.start)
            question.changed.connect(self._update_save)
        self._update_save()
        watch(self)  # what looks like a name or a number is underlined

    # ------------------------------------------------------------------ values

    def _format_changed(self) -> None:
        names = [n.strip() for n in self.attendees.text().split(",") if n.strip()]
        supervisor = self.onsite_supervisor
        if supervisor and self.format.currentData() == "three-way" and supervisor not in names:
            names.append(supervisor)
        self.attendees.setText(", ".join(names))

    def supervision(self) -> Supervision:
        directions = [d for d in (box.direction() for box in self.case_boxes) if d is not None]
        s = self.existing
        return Supervision(
            id=s.id if s else "",
            date=from_qdate(self.date.date()),
            format=str(self.format.currentData()),
            caseload_discussed=self.caseload_discussed.value() is True,
            cases_discussed=[d.case for d in directions],
            decisions_recorded=self.decisions_recorded.value() is True,
            attendees=[n.strip() for n in self.attendees.text().split(",") if n.strip()],
            case_direction=directions,
            wellbeing=self.wellbeing.toPlainText().strip() or None,
            learning=self.learning.toPlainText().strip() or None,
            signed_by_educator=s.signed_by_educator if s else None,
            signed_by_student=s.signed_by_student if s else None,
            addenda=list(s.addenda) if s else [],
            next=from_qdate(self.next.date()),
        )

    def done_actions(self) -> dict[tuple[str, str, int], date]:
        day = from_qdate(self.date.date())
        return {
            (item.supervision_id, item.case, item.index): day
            for item, box in self.carried
            if box.isChecked()
        }

    # ------------------------------------------------------------------ drafts

    def draft_content(self) -> dict[str, object]:
        return {
            "date": from_qdate(self.date.date()).isoformat(),
            "format": self.format.currentData(),
            "attendees": self.attendees.text(),
            "caseload_discussed": self.caseload_discussed.value(),  # None: not answered yet
            "cases": {
                b.case.ref: {
                    "included": b.isChecked(),
                    "discussion": b.discussion.toPlainText(),
                    "decision": b.decision.toPlainText(),
                    "actions": b.actions.toPlainText(),
                }
                for b in self.case_boxes
            },
            "carried_done": [
                f"{i.supervision_id}|{i.case}|{i.index}"
                for i, box in self.carried
                if box.isChecked()
            ],
            "wellbeing": self.wellbeing.toPlainText(),
            "learning": self.learning.toPlainText(),
            "decisions_recorded": self.decisions_recorded.value(),
            "next": from_qdate(self.next.date()).isoformat(),
        }

    def restore(self, d: dict[str, Any]) -> None:
        self.date.setDate(to_qdate(date.fromisoformat(str(d["date"]))))
        self.format.setCurrentIndex(max(0, self.format.findData(d.get("format"))))
        self.attendees.setText(str(d.get("attendees", "")))
        self.caseload_discussed.set_value(_answer(d.get("caseload_discussed")))
        cases = d.get("cases") or {}
        for box in self.case_boxes:
            saved = cases.get(box.case.ref)
            if saved:
                box.setChecked(bool(saved.get("included", True)))
                box.discussion.setPlainText(str(saved.get("discussion", "")))
                box.decision.setPlainText(str(saved.get("decision", "")))
                box.actions.setPlainText(str(saved.get("actions", "")))
        done = set(d.get("carried_done") or [])
        for item, box in self.carried:
            box.setChecked(f"{item.supervision_id}|{item.case}|{item.index}" in done)
        self.wellbeing.setPlainText(str(d.get("wellbeing", "")))
        self.learning.setPlainText(str(d.get("learning", "")))
        self.decisions_recorded.set_value(_answer(d.get("decisions_recorded")))
        if d.get("next"):
            self.next.setDate(to_qdate(date.fromisoformat(str(d["next"]))))
        self.draft_note.setText("Restored from the draft saved before the app closed.")

    def pause_drafts(self) -> None:
        """The app is locking: save what is typed now, and nothing more until it is unlocked
        (typing resumes the saving)."""
        self.save_draft_now()
        self._timer.stop()

    def save_draft_now(self) -> None:
        self._timer.stop()
        self._save_draft(self.draft_content())
        self.draft_note.setText(f"Draft saved {datetime.now():%H:%M:%S}.")

    # ------------------------------------------------------------------ save

    def _update_save(self) -> None:
        left = unanswered(self.questions)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(left is None)
        save.setToolTip(left or "")
        self.waiting.setText(left or "")

    def accept(self) -> None:
        left = unanswered(self.questions)
        if left:
            self.error.setText(left)
            return
        try:
            self._save(self.supervision(), self.done_actions())
        except InvalidInput as exc:
            self.error.setText(str(exc))
            return
        self._timer.stop()
        super().accept()

    def reject(self) -> None:
        self._timer.stop()
        super().reject()
