"""Visits & observations: every kind of event, filtered by case and kind; and absences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.policy.calendar import uk_date
from app.policy.observations import empty_sections
from app.policy.snapshot import Absence, Case, Event
from app.policy.sources import cited
from app.policy.vocabulary import (
    ABSENCE_WHO_LABELS,
    BOOLEAN_EVENT_KEYS,
    EVENT_ENUMS,
    EVENT_KIND_LABELS,
    EVENT_KINDS,
    OBSERVATION_KEYS,
    PCF_DOMAINS,
    PCF_POINT_KINDS,
)
from app.policy.wording import counted
from app.services.placements import InvalidInput
from app.services.records_of_work import EventCheck
from app.views.table_model import RowsModel
from app.views.theme import tone
from app.views.underline import FREE_TEXT, watch
from app.views.widgets import (
    EmptyHint,
    YesNo,
    date_edit,
    findings_list,
    from_qdate,
    ruled_table,
    ruled_view,
    selected_key,
    unanswered,
)

FIELD_LABELS = {
    "with": "With",
    "observer": "Observer",
    "feedback": "Observer's feedback",
    "after_hours": "After hours",
    "checked_in": "Checked in with the agreed contact afterwards",
    "accompanied_by": "Accompanied by",
    "meeting": "Meeting",
    "chaired_by": "Chaired by",
    "competent": "Assessed as competent to chair",
    "authorised_by": "Authorised by",
    "report": "Report",
    "overseen_by": "Overseen by",
    "recorded": "Recorded on the child's record",
    "by": "By",
    "agreed_by": "Agreed by",
    "student_part": "The student's part",
}
CHOICE_LABELS = {
    "tac": "TAC",
    "review": "Review",
    "cin": "CIN",
    "strategy": "Strategy",
    "other": "Other",
    "student": "Student",
    "educator": "Practice educator",
    "onsite_supervisor": "On-site supervisor",
    "team_manager": "Team manager",
    "court": "Court",
    "conference": "Conference",
    "s7": "Section 7",
    "observed": "Observed",
    "conducted": "Conducted",
}
WHO = ABSENCE_WHO_LABELS
NO_CASE = "__none__"
# Yes/no facts of an event, as the PE is asked them (question, short name for "Answer …").
QUESTIONS = {
    "after_hours": ("Was the visit after hours?", "after hours"),
    "checked_in": (
        "Did the student check in with the agreed contact afterwards?",
        "checked in",
    ),
    "competent": ("Was the student assessed as competent to chair?", "competent to chair"),
    "recorded": ("Is the decision recorded on the child's record?", "recorded"),
    "accompanied_by": (
        "Did a qualified worker go with the student?",
        "accompanied",
    ),
}


def _attr(key: str) -> str:
    return {"with": "with_"}.get(key, key)


class EventDialog(QDialog):
    """One event; the fields follow its kind, and the rules' verdict shows before saving."""

    def __init__(
        self,
        cases: list[Case],
        check: Callable[[Event], EventCheck],
        save: Callable[[Event], None],
        default_day: date,
        event: Event | None = None,
        kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check, self._save, self.existing = check, save, event
        self.setWindowTitle("Edit event" if event else "Record an event")
        self.setMinimumWidth(520)
        self.kind = QComboBox()
        for value, label in EVENT_KIND_LABELS.items():
            self.kind.addItem(label, value)
        self.kind.setCurrentIndex(
            self.kind.findData(event.kind if event else kind or "joint-visit")
        )
        self.kind.setEnabled(event is None)
        self.day = date_edit(event.date if event else default_day)
        self.case = QComboBox()
        self.case.addItem("No case (duty, group work…)", NO_CASE)
        for c in cases:
            self.case.addItem(f"{c.ref} ({c.initials or '—'})", c.ref)
        if event and event.case:
            self.case.setCurrentIndex(self.case.findData(event.case))
        self.notes = QPlainTextEdit(event.notes or "" if event else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(54)
        self.fields: dict[str, QWidget] = {}
        self.questions: list[YesNo] = []
        self.accompanied: YesNo | None = None  # statutory visits: alone, or with whom
        self.form = QFormLayout()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setProperty("tone", "red")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QFormLayout()
        top.addRow("&Kind", self.kind)
        top.addRow("&Date", self.day)
        top.addRow("&Case", self.case)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        bottom = QFormLayout()
        bottom.addRow("&Notes", self.notes)
        layout.addLayout(bottom)
        layout.addWidget(self.verdict)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self._build_fields)
        self.day.dateChanged.connect(self._timer.start)
        self.case.currentIndexChanged.connect(self._timer.start)
        self._build_fields()
        if event:
            self._fill(event)
        self.refresh()
        watch(self)  # what looks like a name or a number is underlined

    def _build_fields(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields, self.questions, self.accompanied = {}, [], None
        required, optional = EVENT_KINDS[str(self.kind.currentData())]
        self.case.setEnabled("case" in required or "case" in optional)
        if "case" in required and self.case.currentData() == NO_CASE and self.case.count() > 1:
            self.case.setCurrentIndex(
                1
            )  # this kind is always about a child: start with the first case
        for key in (*required, *optional):
            if key == "case" or key in OBSERVATION_KEYS:  # the report has its own form
                continue
            widget: QWidget
            if key in BOOLEAN_EVENT_KEYS:
                question = YesNo(*QUESTIONS[key])
                question.changed.connect(self._timer.start)
                self.questions.append(question)
                widget = question
                self.form.addRow(widget)
            elif key == "accompanied_by":
                self.accompanied = YesNo(*QUESTIONS[key])
                self.questions.append(self.accompanied)
                line = QLineEdit()
                line.setPlaceholderText("Their name")
                line.setEnabled(False)
                self.accompanied.changed.connect(
                    lambda line=line: line.setEnabled(self.accompanied_answer() is True)
                )
                self.accompanied.changed.connect(self._timer.start)
                line.textChanged.connect(self._timer.start)
                self.form.addRow(self.accompanied)
                self.form.addRow(FIELD_LABELS[key], line)
                widget = line
            elif key in EVENT_ENUMS:
                combo = QComboBox()
                for value in EVENT_ENUMS[key]:
                    combo.addItem(CHOICE_LABELS.get(value, value), value)
                if key == "chaired_by":
                    combo.setCurrentIndex(
                        combo.findData("educator")
                    )  # the usual chair, not the student
                combo.currentIndexChanged.connect(self._timer.start)
                widget = combo
                self.form.addRow(FIELD_LABELS[key], widget)
            elif key == "feedback":
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(60)
                widget = edit
                self.form.addRow(FIELD_LABELS[key], widget)
            else:
                line = QLineEdit()
                line.textChanged.connect(self._timer.start)
                widget = line
                self.form.addRow(FIELD_LABELS[key], widget)
            self.fields[key] = widget
        self._tab_in_reading_order()
        self._timer.start()

    def _tab_in_reading_order(self) -> None:
        """The fields of a kind are made after the notes below them: Tab still goes down."""
        chain: list[QWidget] = [self.kind, self.day, self.case]
        for widget in self.fields.values():
            if isinstance(widget, YesNo):
                chain += [widget.yes, widget.no]
            else:
                chain.append(widget)
            if widget is self.fields.get("accompanied_by") and self.accompanied is not None:
                chain[-1:-1] = [self.accompanied.yes, self.accompanied.no]
        chain += [self.notes, *self.buttons.buttons()]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _fill(self, e: Event) -> None:
        self.notes.setPlainText(e.notes or "")
        if self.accompanied is not None:  # a stored visit was answered: alone, or with whom
            self.accompanied.set_value(bool(e.accompanied_by))
        for key, widget in self.fields.items():
            value = getattr(e, _attr(key))
            if isinstance(widget, YesNo):
                widget.set_value(value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QLineEdit):
                widget.setText(value or "")

    def draft(self) -> Event:
        kind = str(self.kind.currentData())
        case = self.case.currentData()
        e = Event(
            id=self.existing.id if self.existing else "",
            kind=kind,
            date=from_qdate(self.day.date()),
            case=None if case == NO_CASE or not self.case.isEnabled() else str(case),
            notes=self.notes.toPlainText().strip() or None,
        )
        if self.existing is not None and self.existing.kind == kind:  # keep what this form
            e = replace(self.existing, date=e.date, case=e.case, notes=e.notes)  # does not show
        for key, widget in self.fields.items():
            if isinstance(widget, YesNo):
                value: object = widget.value()
            elif isinstance(widget, QComboBox):
                value = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                value = widget.toPlainText().strip() or None
            else:
                assert isinstance(widget, QLineEdit)
                value = widget.text().strip() or None
                if key == "accompanied_by" and self.accompanied_answer() is not True:
                    value = None  # alone (or not yet said)
            setattr(e, _attr(key), value)
        return e

    def accompanied_answer(self) -> bool | None:
        return self.accompanied.value() if self.accompanied is not None else None

    def waiting_for(self) -> str | None:
        """What Save waits for: every yes/no answered, and who went when someone did."""
        left = unanswered(self.questions)
        if left:
            return left
        line = self.fields.get("accompanied_by")
        named = not isinstance(line, QLineEdit) or bool(line.text().strip())
        return (
            "Name who went with the student." if self.accompanied_answer() and not named else None
        )

    def refresh(self) -> None:
        self._timer.stop()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        waiting = self.waiting_for()
        if waiting:
            self.verdict.setText(escape(waiting))
            save.setEnabled(False)
            return
        draft = self.draft()
        if not draft.id:
            draft.id = "new-event"
        try:
            check = self._check(draft)
        except InvalidInput as exc:
            self.verdict.setText(escape(str(exc)))
            return
        self.last_check = check
        forbidden = {x.rule for x in check.forbidden}
        self.verdict.setText(
            findings_list(
                check.findings,
                lambda f: tone("red" if f.rule in forbidden else "amber"),
                "Nothing in the rules stands against this.",
                after=check.reasons,
            )
        )
        save.setEnabled(not check.forbidden)

    def accept(self) -> None:
        self.refresh()
        waiting = self.waiting_for()
        if waiting:
            self.error.setText(waiting)
            return
        try:
            self._save(self.draft())
        except InvalidInput as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class AbsenceDialog(QDialog):
    def __init__(
        self, default_day: date, absence: Absence | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.existing = absence
        self.setWindowTitle("Absence")
        form = QFormLayout(self)
        self.who = QComboBox()
        for value, label in WHO.items():
            self.who.addItem(label, value)
        self.first = date_edit(absence.from_ if absence else default_day)
        self.last = date_edit(absence.to if absence else default_day)
        self.reason = QLineEdit(absence.reason or "" if absence else "")
        self.reason.setProperty(FREE_TEXT, True)  # the privacy guard reads it
        self.cover = QLineEdit(absence.cover or "" if absence else "")
        self.cover.setPlaceholderText(cited("Who covers the educator or supervisor (003 §8.2)"))
        if absence:
            self.who.setCurrentIndex(self.who.findData(absence.who))
        form.addRow("&Who", self.who)
        form.addRow("&From", self.first)
        form.addRow("&To", self.last)
        form.addRow("&Reason", self.reason)
        form.addRow("&Cover", self.cover)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        watch(self)  # what looks like a name or a number is underlined

    def absence(self) -> Absence:
        return Absence(
            self.existing.id if self.existing else "",
            str(self.who.currentData()),
            from_qdate(self.first.date()),
            from_qdate(self.last.date()),
            self.reason.text(),
            self.cover.text(),
        )


CHAIRED_BY = {
    "student": "the student",
    "educator": "the practice educator",
    "onsite_supervisor": "the on-site supervisor",
    "team_manager": "the team manager",
    "other": "someone else",
}


def _phrase(e: Event, key: str, value: object) -> str | None:
    """One fact of an event as a PE would say it ("Not yet on the child's record")."""
    match key:
        case "with":
            return f"With {value}"
        case "observer":
            return f"Observed by {value}"
        case "feedback":
            return f"Feedback: {value}"
        case "after_hours":
            if not value:
                return "In working hours"
            return (
                "After hours, checked in afterwards" if e.checked_in else "After hours, no check-in"
            )
        case "checked_in":
            return None  # said with after_hours
        case "accompanied_by":
            return f"With {value}"
        case "meeting":
            return f"{CHOICE_LABELS.get(str(value), value)} meeting"
        case "chaired_by":
            return f"chaired by {CHAIRED_BY.get(str(value), value)}"
        case "competent":
            return "Assessed as competent to chair" if value else "Not yet competent to chair"
        case "authorised_by":
            return f"Authorised by {value}"
        case "report":
            return f"{CHOICE_LABELS.get(str(value), value)} report"
        case "overseen_by":
            return f"Overseen by {value}"
        case "recorded":
            return "On the child's record" if value else "Not yet on the child's record"
        case "by" | "agreed_by":
            return f"{'By' if key == 'by' else 'Agreed by'} {value}"
        case "student_part":
            return "The student observed" if value == "observed" else "The student conducted it"
    if key in OBSERVATION_KEYS:
        return None  # the report, said once in report_summary
    return f"{FIELD_LABELS.get(key, key)}: {value}"


def report_summary(e: Event) -> str | None:
    """A direct observation's report in a line: what is written, the PCF domains, signatures."""
    if e.kind != "direct-observation":
        return None
    empty = empty_sections(e)
    still = ", ".join(title[:1].lower() + title[1:] for title in empty)
    parts = ["Report complete" if not empty else f"Still to write: {still}"]
    if e.pcf_points:
        parts.append(
            "PCF: "
            + ", ".join(
                f"{PCF_DOMAINS[p.domain]} ({PCF_POINT_KINDS[p.point].lower()})"
                for p in e.pcf_points
            )
        )
    if e.before_midpoint:
        parts.append("The observation before the midpoint")
    signed = [
        f"by the {who} on {uk_date(day)}"
        for who, day in (("student", e.student_signed), ("observer", e.observer_signed))
        if day is not None
    ]
    if signed:
        parts.append("Signed " + " and ".join(signed))
    return ". ".join(parts)


def event_summary(e: Event) -> str:
    """An event's details in words: "TAC meeting, chaired by the practice educator. …"."""
    required, optional = EVENT_KINDS[e.kind]
    phrases: list[str] = []
    for key in sorted((*required, *optional), key=lambda k: k != "with"):  # who came first
        value = getattr(e, _attr(key))
        if key == "case" or value is None:
            continue
        phrase = _phrase(e, key, value)
        if phrase is None:
            continue
        if key == "chaired_by" and phrases:
            phrases[-1] = f"{phrases[-1]}, {phrase}"  # "TAC meeting, chaired by …"
        else:
            phrases.append(phrase)
    report = report_summary(e)
    if report:
        phrases.append(report)
    if e.notes:
        phrases.append(e.notes)
    return ". ".join(p.rstrip(".") for p in phrases) + ("." if phrases else "")


class EventsModel(RowsModel[Event]):
    """Events newest first; a cell's text is worked out only when the view shows it."""

    columns = ("Date", "Kind", "Case", "Details")

    def cell(self, row: Event, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case 0:
                    return uk_date(row.date)
                case 1:
                    return EVENT_KIND_LABELS[row.kind]
                case 2:
                    return row.case or "—"
                case _:
                    return event_summary(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class EventsPage(QWidget):
    new_event_requested = Signal()
    edit_event_requested = Signal(str)
    delete_event_requested = Signal(str)
    new_absence_requested = Signal()
    edit_absence_requested = Signal(str)
    delete_absence_requested = Signal(str)
    report_requested = Signal(str)  # a direct observation: its report form
    paper_requested = Signal(str, str)  # a direct observation's report: "print", "pdf", "word"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events: list[Event] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel("Visits & observations")
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Visits and observations, or absences")
        layout.addWidget(self.tabs, 1)

        events = QWidget()
        ev = QVBoxLayout(events)
        filters = QHBoxLayout()
        self.case_filter = QComboBox()
        self.kind_filter = QComboBox()
        filters.addWidget(QLabel("Case:"))
        filters.addWidget(self.case_filter)
        filters.addWidget(QLabel("Kind:"))
        filters.addWidget(self.kind_filter)
        filters.addStretch(1)
        ev.addLayout(filters)
        actions = QHBoxLayout()
        self.new_button = QPushButton("Record event…")
        self.edit_button = QPushButton("Edit…")
        self.delete_button = QPushButton("Delete")
        self.report_button = QPushButton("Observation report…")
        self.report_button.setToolTip(
            "The direct observation's report: both halves, the service user's feedback, "
            "the PCF domains and the signatures"
        )
        self.paper_button = QPushButton("Print")
        self.paper_button.setToolTip("Print the observation's report, or export it as PDF or Word")
        paper = QMenu(self.paper_button)
        for text, form in (("Print…", "print"), ("Export PDF…", "pdf"), ("Export Word…", "word")):
            paper.addAction(text, lambda f=form: self._emit_paper(f))
        self.paper_button.setMenu(paper)
        for b in (self.new_button, self.edit_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.report_button)
        actions.addWidget(self.paper_button)
        ev.addLayout(actions)
        # A model, not a table of items: a two-year placement has ~20,000 events, and the
        # view asks only for the rows on screen.
        self.model = EventsModel()
        self.table = ruled_view(self.model)
        self.table.setAccessibleName("Visits and observations")
        self.table.setObjectName("eventsTable")  # its columns are remembered
        self.table.setAccessibleName("Events")
        self.empty_hint = EmptyHint(
            self.table,
            "Nothing to show. Record a joint visit, a direct observation, a meeting or any "
            "other piece of work with Record event….",
        )
        ev.addWidget(self.table, 1)
        self.tabs.addTab(events, "Events")

        absences = QWidget()
        ab = QVBoxLayout(absences)
        ab_actions = QHBoxLayout()
        self.new_absence = QPushButton("Record absence…")
        self.edit_absence = QPushButton("Edit…")
        self.delete_absence = QPushButton("Delete")
        for b in (self.new_absence, self.edit_absence, self.delete_absence):
            ab_actions.addWidget(b)
        ab_actions.addStretch(1)
        ab.addLayout(ab_actions)
        self.absence_summary = QLabel()
        self.absence_summary.setWordWrap(True)
        ab.addWidget(self.absence_summary)
        self.absence_table = ruled_table(("From", "To", "Who", "Reason", "Cover"))
        self.absence_table.setAccessibleName("Absences")
        self.absence_hint = EmptyHint(
            self.absence_table,
            "No absences recorded. Record the student's, your own or the on-site "
            "supervisor's with Record absence…, so working days and cover are counted.",
        )
        ab.addWidget(self.absence_table, 1)
        self.tabs.addTab(absences, "Absences")

        self.new_button.clicked.connect(self.new_event_requested)
        self.edit_button.clicked.connect(lambda: self._emit_event(self.edit_event_requested))
        self.delete_button.clicked.connect(lambda: self._emit_event(self.delete_event_requested))
        self.table.doubleClicked.connect(lambda _i: self._emit_event(self.edit_event_requested))
        self.new_absence.clicked.connect(self.new_absence_requested)
        self.edit_absence.clicked.connect(
            lambda: self._emit(self.absence_table, self.edit_absence_requested)
        )
        self.delete_absence.clicked.connect(
            lambda: self._emit(self.absence_table, self.delete_absence_requested)
        )
        self.absence_table.cellDoubleClicked.connect(
            lambda _r, _c: self._emit(self.absence_table, self.edit_absence_requested)
        )
        self.case_filter.currentIndexChanged.connect(self._fill_events)
        self.kind_filter.currentIndexChanged.connect(self._fill_events)
        self.report_button.clicked.connect(lambda: self._emit_event(self.report_requested))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._observation_chosen())
        self.model.modelReset.connect(self._observation_chosen)
        self._observation_chosen()

    def _observation_chosen(self) -> None:
        """The report's buttons are for a direct observation only."""
        key = self.selected_event()
        chosen = next((e for e in self.model.rows if e.id == key), None) if key else None
        is_one = chosen is not None and chosen.kind == "direct-observation"
        self.report_button.setEnabled(is_one)
        self.paper_button.setEnabled(is_one)

    def _emit_paper(self, form: str) -> None:
        key = self.selected_event()
        if key:
            self.paper_requested.emit(key, form)

    def _emit_event(self, signal: Signal) -> None:  # type: ignore[type-arg]
        key = self.selected_event()
        if key:
            signal.emit(key)  # type: ignore[attr-defined]

    def kind_of(self, key: str) -> str | None:
        """The kind of the event ``key`` on the page (None: not among them)."""
        return next((e.kind for e in self.events if e.id == key), None)

    def selected_event(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].id if rows else None

    def _emit(self, table: QTableWidget, signal: Signal) -> None:  # type: ignore[type-arg]
        key = selected_key(table)
        if key:
            signal.emit(key)  # type: ignore[attr-defined]

    def show_data(
        self,
        events: list[Event],
        cases: list[Case],
        absences: list[Absence],
        working_days_lost: int,
        editable: bool = True,
    ) -> None:
        self.events = sorted(events, key=lambda e: e.date, reverse=True)
        for b in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.new_absence,
            self.edit_absence,
            self.delete_absence,
        ):
            b.setEnabled(editable)
        case, kind = self.case_filter.currentData(), self.kind_filter.currentData()
        for combo in (self.case_filter, self.kind_filter):
            combo.blockSignals(True)
            combo.clear()
        self.case_filter.addItem("All", None)
        self.case_filter.addItem("No case", NO_CASE)
        for c in cases:
            self.case_filter.addItem(c.ref, c.ref)
        self.kind_filter.addItem("All", None)
        for value, label in EVENT_KIND_LABELS.items():
            self.kind_filter.addItem(label, value)
        self.case_filter.setCurrentIndex(max(0, self.case_filter.findData(case)))
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))
        for combo in (self.case_filter, self.kind_filter):
            combo.blockSignals(False)
        self._fill_events()
        self.absence_table.setRowCount(0)
        for a in sorted(absences, key=lambda a: a.from_):
            self._row(
                self.absence_table,
                a.id,
                (uk_date(a.from_), uk_date(a.to), WHO[a.who], a.reason or "", a.cover or ""),
            )
        self.absence_summary.setText(
            f"The student's absences cost {counted(working_days_lost, 'working day')} of the "
            "placement; the overview's working-day count allows for them."
        )

    def set_filters(self, case: str | None = None, kind: str | None = None) -> None:
        self.case_filter.setCurrentIndex(max(0, self.case_filter.findData(case)))
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))

    def _fill_events(self) -> None:
        case, kind = self.case_filter.currentData(), self.kind_filter.currentData()
        self.model.set_rows(
            [
                e
                for e in self.events
                if (case is None or (e.case or NO_CASE) == case)
                and (kind is None or e.kind == kind)
            ]
        )

    @staticmethod
    def _row(table: QTableWidget, key: str, values: tuple[str, ...]) -> None:
        r = table.rowCount()
        table.insertRow(r)
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, cell)

    def visible_events(self) -> list[str]:
        return [e.id for e in self.model.rows]

    def select_event(self, key: str) -> bool:
        for r, e in enumerate(self.model.rows):
            if e.id == key:
                self.table.selectRow(r)
                return True
        return False
