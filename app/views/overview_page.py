"""The overview: the page a practice educator opens every morning."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.policy.agenda import AgendaItem
from app.policy.calendar import uk_date
from app.policy.growth import CaseloadSeries
from app.policy.vocabulary import SETTINGS
from app.policy.wording import counted
from app.services.placements import Overview
from app.views.caseload_chart import CaseloadChart
from app.views.theme import tone

PHASES = {
    "not-started": "Not started yet",
    "induction": "Induction fortnight",
    "placement": "On placement",
    "ended": "Placement ended",
}
SETTING_LABELS = dict(
    zip(SETTINGS, ("Early help", "Children in need", "Other setting"), strict=True)
)

OK, WARN, BAD = "green", "amber", "red"  # theme.tone names


class Card(QFrame):
    """A titled box with a large figure and a line of detail."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        heading = QLabel(title.upper())
        heading.setObjectName("cardTitle")
        self.figure = QLabel()
        self.figure.setObjectName("cardFigure")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("cardDetail")
        layout.addWidget(heading)
        layout.addWidget(self.figure)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_value(self, figure: str, detail: str, colour: str | None = None) -> None:
        self.figure.setText(figure)
        self.figure.setStyleSheet(f"color: {tone(colour)};" if colour else "")
        self.detail.setText(detail)


def privacy_line(fields: int, short: bool = False) -> str:
    """How many fields hold something that looks identifying (short: for a card)."""
    if fields == 0:
        return (
            "Privacy: none found."
            if short
            else "Privacy: nothing typed looks like a name or a number."
        )
    if short:
        return f"Privacy: {counted(fields, 'field')} to check."
    return f"Privacy: {counted(fields, 'field')} hold{'s' if fields == 1 else ''} something that looks identifying."


class OverviewPage(QScrollArea):
    """Student, dates, day N of M, induction, caseload against the cap, supervision."""

    new_placement_requested = Signal()
    compliance_requested = Signal()
    agenda_item_activated = Signal(object)  # AgendaItem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Overview")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 20)

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        layout.addWidget(self.progress)

        grid = QGridLayout()
        grid.setSpacing(12)
        self.phase_card = Card("Phase")
        self.induction_card = Card("Induction")
        self.caseload_card = Card("Caseload")
        self.supervision_card = Card("Supervision")
        self.people_card = Card("People")
        self.compliance_card = Card("Compliance")
        self.cards = (
            self.phase_card,
            self.induction_card,
            self.caseload_card,
            self.supervision_card,
            self.people_card,
            self.compliance_card,
        )
        for i, card in enumerate(self.cards):
            grid.addWidget(card, i // 3, i % 3)
        layout.addLayout(grid)

        self.chart_heading = QLabel("Caseload growth")
        self.chart_heading.setObjectName("sectionTitle")
        self.chart = CaseloadChart()
        layout.addWidget(self.chart_heading)
        layout.addWidget(self.chart)

        self.due_heading = QLabel("Due in the next 7 days")
        self.due_heading.setObjectName("sectionTitle")
        self.due_list = QListWidget()
        self.due_list.setAccessibleName("Due in the next 7 days")
        self.due_list.setObjectName("dueList")
        self.due_list.setMinimumHeight(84)  # three items: the page fits 1280×800 unscrolled
        self.due_list.setMaximumHeight(150)
        self.due_list.itemActivated.connect(self._agenda_activated)
        self.due_list.itemClicked.connect(self._agenda_activated)
        layout.addWidget(self.due_heading)
        layout.addWidget(self.due_list)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        message = QLabel(
            "<h2>No placement yet</h2><p>Start by recording your student's placement: "
            "dates, educator and team. Choose <b>File › New placement…</b> (Ctrl+N).</p>"
        )
        message.setWordWrap(True)
        button = QPushButton("New placement…")
        button.clicked.connect(self.new_placement_requested)
        empty_layout.addWidget(message)
        empty_layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty)
        layout.addStretch(1)
        self.show_overview(None)

    def _agenda_activated(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data is not None:
            self.agenda_item_activated.emit(data)

    def agenda_texts(self) -> list[str]:
        return [self.due_list.item(i).text() for i in range(self.due_list.count())]

    def show_overview(
        self,
        o: Overview | None,
        series: CaseloadSeries | None = None,
        agenda: list[AgendaItem] | None = None,
        privacy_fields: int = 0,
    ) -> None:
        has = o is not None
        self.empty.setVisible(not has)
        for w in (
            self.title,
            self.subtitle,
            self.progress,
            *self.cards,
            self.due_heading,
            self.due_list,
            self.chart_heading,
            self.chart,
        ):
            w.setVisible(has)
        if o is None:
            return
        self.title.setText(o.student)
        kind = "First" if o.kind == "first" else "Final"
        programme = f"{o.programme} · " if o.programme else ""
        archived = f" · closed {uk_date(o.archived)}" if o.archived else ""
        self.subtitle.setText(
            f"{programme}{kind} placement · {SETTING_LABELS.get(o.setting, o.setting)} · "
            f"{uk_date(o.start)} to {uk_date(o.end)} · as of {uk_date(o.as_of)}{archived} · "
            f"policy profile: {o.profile}"
        )
        self.progress.setRange(0, max(o.working_days_total, 1))
        self.progress.setValue(min(o.working_day, o.working_days_total))
        absent = f" · {o.absent_days} absent" if o.absent_days else ""
        self.progress.setFormat(f"Working day {o.working_day} of {o.working_days_total}{absent}")

        phase_detail = {
            "not-started": f"Starts {uk_date(o.start)}.",
            "induction": f"Induction ends {uk_date(o.induction_last_day)}; no cases before "
            f"{uk_date(o.allocations_open)}.",
            "placement": f"Midpoint {uk_date(o.midpoint)}; ends {uk_date(o.end)}."
            + (
                f" Learning outcomes {o.learning_done} of {o.learning_required} evidenced."
                if o.learning_required
                else ""
            ),
            "ended": f"Ended {uk_date(o.end)}.",
        }[o.phase]
        self.phase_card.show_value(PHASES[o.phase], phase_detail)

        done, need = o.induction_items_done, o.induction_items_required
        if o.induction_finding:
            self.induction_card.show_value("Incomplete", o.induction_finding, BAD)
        else:
            self.induction_card.show_value(
                f"{done} of {need} items",
                f"10 working days to {uk_date(o.induction_last_day)}; allocations open "
                f"{uk_date(o.allocations_open)}.",
                OK if done == need else WARN,
            )

        high, limit = len(o.high_complexity_refs), o.high_complexity_limit
        colour = BAD if o.caseload > o.cap else (WARN if o.caseload == o.cap else OK)
        if high > limit and colour is OK:
            colour = WARN
        refs = ", ".join(o.open_case_refs) or "none"
        shadow = f"; shadowing {o.shadow_cases}" if o.shadow_cases else ""
        which = f" ({', '.join(o.high_complexity_refs)})" if high else ""
        self.caseload_card.show_value(
            f"{o.caseload} of {o.cap}",
            f"Cap in force {o.cap}. Open: {refs}{shadow}. "
            f"High complexity {high} of at most {limit}{which}.",
            colour,
        )

        days = o.days_since_supervision
        if days is None:
            self.supervision_card.show_value("None yet", "No supervision recorded.", WARN)
        else:
            colour = OK if days <= 7 else (WARN if days <= 14 else BAD)
            plural = "day" if days == 1 else "days"
            self.supervision_card.show_value(
                f"{days} {plural} ago",
                f"Last on {uk_date(o.last_supervision)}; {o.supervisions_held} held. "
                "Weekly expected, fortnightly at most.",
                colour,
            )

        where = "on site" if o.educator_onsite else "off site"
        lines = [f"Educator: {o.educator} ({where})"]
        if o.onsite_supervisor:
            lines.append(f"On-site supervisor: {o.onsite_supervisor}")
        lines.append(f"Team manager: {o.team_manager}")
        self.people_card.show_value(o.educator, "<br>".join(lines))
        c = o.counts
        privacy = privacy_line(privacy_fields, short=True)
        if c.total == 0:
            self.compliance_card.show_value(
                "All in order", f"No breach, warning or deadline. {privacy}", OK
            )
        else:
            if c.breaches:
                figure = f"{c.breaches} breach{'es' if c.breaches != 1 else ''}"
            elif c.warnings:
                figure = f"{c.warnings} warning{'s' if c.warnings != 1 else ''}"
            else:
                figure = f"{c.due} due soon"
            self.compliance_card.show_value(
                figure,
                f"{counted(c.breaches, 'breach')}, {counted(c.warnings, 'warning')}, {c.due} due soon. "
                f"{privacy} See the Compliance page (Ctrl+2).",
                BAD if c.breaches else WARN,
            )

        if series is not None:
            self.chart.show_series(series)
        self.chart.setVisible(series is not None)
        self.chart_heading.setVisible(series is not None)

        self.due_list.clear()
        for entry in agenda or []:
            late = entry.overdue(o.as_of)
            when = f"overdue since {uk_date(entry.day)}" if late else uk_date(entry.day)
            row = QListWidgetItem(f"{when} · {entry.what} · {entry.text}")
            row.setData(Qt.ItemDataRole.UserRole, entry)
            row.setToolTip("Open the place where this is done")
            if late:
                row.setForeground(QColor(tone(BAD)))
            self.due_list.addItem(row)
        if self.due_list.count() == 0:
            self.due_list.addItem("Nothing falls due in the next 7 days.")
