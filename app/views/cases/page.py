"""Cases: every child the student works with, sortable and filterable, with a details pane."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.policy.calendar import uk_date
from app.policy.snapshot import Case
from app.policy.sources import cited
from app.policy.vocabulary import (
    CASE_TYPE_LABELS,
    ROLE_LABELS,
    STATUTORY_CASE_TYPES,
    learning_item_label,
)
from app.policy.wording import every
from app.services.cases import CaseRow
from app.views.table_model import RowsFilter, RowsModel
from app.views.theme import tone
from app.views.widgets import SIZED_FROM_ROWS, EmptyHint, beside

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    "Ref",
    "Initials",
    "Type",
    "Role",
    "Allocated",
    "Days open",
    "Complexity",
    "Risk",
    "Joint visit",
    "Last case direction",
    "Ending",
)
JOINT_TONES = {"done": "green", "due": "blue", "overdue": "red"}


def _cell(row: CaseRow, column: int) -> tuple[str, Any]:
    """(text shown, sort key) for one cell."""
    c = row.case
    match column:
        case 0:
            return c.ref, c.ref
        case 1:
            return c.initials or "", c.initials or ""
        case 2:
            return row.type_label, row.type_label
        case 3:
            return ROLE_LABELS[c.student_role], c.student_role
        case 4:
            return uk_date(c.allocated), c.allocated.isoformat()
        case 5:
            return str(row.days_open), row.days_open
        case 6:
            return c.complexity.capitalize(), ("low", "medium", "high").index(c.complexity)
        case 7:
            return c.risk.capitalize(), ("low", "medium", "high").index(c.risk)
        case 8:
            return row.joint_visit_text, row.joint_visit
        case 9:
            d = row.last_direction
            return (uk_date(d) if d else "—"), (d.isoformat() if d else "")
        case _:
            text = f"{row.ending_label} {uk_date(c.ended)}".strip() if c.ended else "Open"
            return text, (c.ended.isoformat() if c.ended else "")


class CasesModel(RowsModel[CaseRow]):
    columns = COLUMNS

    def cell(self, row: CaseRow, column: int, role: int) -> Any:
        text, key = _cell(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.UserRole:
            return key
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == 8
            and row.joint_visit in JOINT_TONES
        ):
            return QColor(tone(JOINT_TONES[row.joint_visit]))
        if role == Qt.ItemDataRole.ForegroundRole and not row.is_open:
            return QColor(tone("grey"))
        if role == Qt.ItemDataRole.ToolTipRole and row.findings:
            return "\n".join(f"{f.severity}: {f.message}" for f in row.findings)
        return None


class OpenFilter(RowsFilter):
    def __init__(self) -> None:
        super().__init__()
        self.show: str = "open"  # open | ended | all
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_show(self, show: str) -> None:
        self.beginFilterChange()
        self.show = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, CasesModel)
        is_open = model.rows[row].is_open
        return self.show == "all" or (self.show == "open") == is_open


class CasesPage(QWidget):
    """The table, the actions on the selected case, and what is known about it."""

    allocate_requested = Signal()
    edit_requested = Signal(str)
    end_requested = Signal(str)
    review_requested = Signal(str)
    step_up_requested = Signal(str)
    history_requested = Signal(str)  # the case's history (Placement › History, on it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel("Cases")
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")
        self.summary.setWordWrap(True)
        self.allocate_button = QPushButton("Allocate case…")
        self.allocate_button.setToolTip("Allocate a case to the student (Ctrl+Shift+N)")
        self.edit_button = QPushButton("Edit…")
        self.end_button = QPushButton("End case…")
        self.review_button = QPushButton("Record override review…")
        self.step_up_button = QPushButton("Step-up…")
        self.step_up_button.setToolTip(
            "Record a step-up: the case became statutory (e.g. child in need to child protection)"
        )
        self.history_button = QPushButton("History…")
        self.history_button.setToolTip(
            "Who allocated and changed this case, its overrides and reviews, and when"
        )
        self.show_filter = QComboBox()
        for label, value in (
            ("Open cases", "open"),
            ("Ended cases", "ended"),
            ("All cases", "all"),
        ):
            self.show_filter.addItem(label, value)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.show_filter)
        actions = QHBoxLayout()
        for w in (
            self.allocate_button,
            self.edit_button,
            self.end_button,
            self.step_up_button,
            self.review_button,
        ):
            actions.addWidget(w)
        actions.addStretch(1)
        layout.addLayout(head)
        layout.addLayout(beside(self.summary, self.history_button))
        layout.addLayout(actions)

        self.model = CasesModel()
        self.proxy = OpenFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName("Cases")
        self.table.setObjectName(f"{type(self).__name__}Table")  # its columns are remembered
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        self.empty_hint = EmptyHint(
            self.table,
            "No cases to show. Once the induction has ended, allocate the first with "
            "Allocate case… (Ctrl+Shift+N); ended cases are listed under All cases.",
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_FROM_ROWS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._emit_for_selected(self.edit_requested))
        self.details = QTextBrowser()
        self.details.setAccessibleName("The case: details and timeline")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("casesSplitter")  # its sizes are remembered
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([360, 260])
        layout.addWidget(splitter, 1)

        self.allocate_button.clicked.connect(self.allocate_requested)
        self.edit_button.clicked.connect(lambda: self._emit_for_selected(self.edit_requested))
        self.end_button.clicked.connect(lambda: self._emit_for_selected(self.end_requested))
        self.review_button.clicked.connect(lambda: self._emit_for_selected(self.review_requested))
        self.step_up_button.clicked.connect(lambda: self._emit_for_selected(self.step_up_requested))
        self.history_button.clicked.connect(lambda: self._emit_for_selected(self.history_requested))
        self.show_filter.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self._show_selected()

    def _filter_changed(self) -> None:
        self.proxy.set_show(self.show_filter.currentData())
        self._show_selected()

    def show_rows(self, rows: list[CaseRow], allowed: bool = True) -> None:
        selected = self.selected_ref()
        self.model.set_rows(rows)
        caseload = sum(1 for r in rows if r.is_open and r.case.student_role != "shadow")
        shadow = sum(1 for r in rows if r.is_open and r.case.student_role == "shadow")
        ended = sum(1 for r in rows if not r.is_open)
        self.summary.setText(
            f"{caseload} on the caseload, {shadow} shadowed, {ended} ended. "
            "Double-click a case to edit it."
        )
        self.allocate_button.setEnabled(allowed)
        if not (selected and self.select(selected)) and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
            self.table.selectRow(0)
        self._show_selected()

    def visible_refs(self) -> list[str]:
        return [str(self.proxy.index(r, 0).data()) for r in range(self.proxy.rowCount())]

    def select(self, ref: str) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data() == ref:
                self.table.setCurrentIndex(self.proxy.index(r, 0))
                self.table.selectRow(r)
                self._show_selected()
                return True
        if self.proxy.show != "all":
            self.show_filter.setCurrentIndex(self.show_filter.findData("all"))
            return self.select(ref)
        return False

    def selected_row(self) -> CaseRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def selected_ref(self) -> str | None:
        row = self.selected_row()
        return row.case.ref if row else None

    def _emit_for_selected(self, signal: Any) -> None:
        ref = self.selected_ref()
        if ref:
            signal.emit(ref)

    def _show_selected(self) -> None:
        row = self.selected_row()
        for button in (self.edit_button, self.end_button, self.history_button):
            button.setEnabled(row is not None)
        self.end_button.setEnabled(row is not None and row.is_open)
        self.step_up_button.setEnabled(
            row is not None
            and row.is_open
            and row.case.stepped_up is None
            and row.case.type not in STATUTORY_CASE_TYPES
        )
        self.review_button.setEnabled(
            row is not None
            and row.case.manager_override is not None
            and row.case.manager_override.reviewed is None
        )
        self.details.setHtml(
            case_details_html(row) if row else "<p>Select a case to see its details.</p>"
        )


def case_details_html(row: CaseRow) -> str:
    c = row.case
    parts = [
        f"<h3>{escape(c.ref)} · {escape(c.initials or '')} · {escape(row.type_label)}</h3>",
        f"<p>Student's role: <b>{ROLE_LABELS[c.student_role]}</b>. Allocated {uk_date(c.allocated)}; "
        f"complexity {c.complexity}, risk {c.risk}; previous social workers {c.previous_social_workers}"
        f"{_previous_worker(c)}"
        f"{'; in major transition' if c.major_transition else ''}"
        f"{'; conflict of interest' if c.conflict_of_interest else ''}. "
        f"Educator consulted: {'yes' if c.educator_consulted else '<b>no</b>'}. "
        f"Briefed: {uk_date(c.briefed) if c.briefed else '<b>not recorded</b>'}.</p>",
    ]
    if c.type in STATUTORY_CASE_TYPES or c.keyworker:
        parts.append(
            f"<p>Keyworker: {escape(c.keyworker) if c.keyworker else '<b>none named</b>'}.</p>"
        )
    if c.stepped_up:
        parts.append(
            f"<p><b>Stepped up</b> on {uk_date(c.stepped_up.date)}: "
            f"{escape(CASE_TYPE_LABELS[c.stepped_up.from_])} until then, "
            f"{escape(CASE_TYPE_LABELS[c.type])} from that day.</p>"
        )
    if c.risk_to_worker:
        plan = escape(c.safety_plan) if c.safety_plan else "<b>no safety plan recorded</b>"
        parts.append(f"<p><b>Risk to the student.</b> Safety plan: {plan}</p>")
    if c.visit_every_days:
        parts.append(f"<p>Visiting plan: every {every(c.visit_every_days)}.</p>")
    if c.learning:
        offers = ", ".join(escape(learning_item_label(i)) for i in c.learning)
        parts.append(f"<p>Offers the student: {offers}.</p>")
    parts += [
        f"<p><i>Rationale:</i> {escape(c.rationale) or '<b>none recorded</b>'}</p>",
        f"<p>Joint visit: {escape(row.joint_visit_text)}.</p>",
    ]
    if c.ended:
        signed = (
            f"; both managers signed the transfer off {uk_date(c.transfer_signed_off)}"
            if c.transfer_signed_off
            else ("; <b>no transfer sign-off recorded</b>" if c.ending == "transferred" else "")
        )
        parts.append(
            f"<p>Ended {uk_date(c.ended)}: {escape(row.ending_label)}"
            f"{', handed over to ' + escape(c.handover_to) if c.handover_to else ''}{signed}.</p>"
        )
    if c.manager_override:
        o = c.manager_override
        reviewed = (
            f"reviewed {uk_date(o.reviewed)}"
            if o.reviewed
            else f"review due {uk_date(o.review_by)}"
        )
        parts.append(
            f"<p><b>Manager override</b> by {escape(o.by)}: {escape(o.reason)} ({reviewed}).</p>"
        )
    if row.findings:
        items = "".join(
            f"<li>{escape(f.severity)}: {escape(f.message)} [{escape(cited(f.source))}]</li>"
            for f in row.findings
        )
        parts.append(f"<p><b>Findings</b></p><ul>{items}</ul>")
    if row.timeline:
        items = "".join(
            f"<li>{uk_date(t.day)} · {escape(t.what)}{' · ' + escape(t.detail) if t.detail else ''}</li>"
            for t in row.timeline
        )
        parts.append(f"<p><b>Timeline</b></p><ul>{items}</ul>")
    return "".join(parts)


def _previous_worker(c: Case) -> str:
    if c.previous_social_workers == 0:
        return ""
    answer = {True: "consulted", False: "<b>not consulted</b>", None: "<b>not asked</b>"}
    return f" (the previous one {answer[c.previous_worker_consulted]})"
