"""Compliance: every finding of the rule engine, with its rule, clause, date and explanation."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
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
from app.policy.profile import PolicyProfile
from app.policy.sources import cited
from app.policy.wording import counted
from app.services.compliance import ComplianceItem
from app.services.privacy import PrivacyView
from app.views.overview_page import privacy_line
from app.views.table_model import RowsFilter, RowsModel
from app.views.theme import severity_colour
from app.views.widgets import SIZED_FROM_ROWS, EmptyHint

COLUMNS = ("Severity", "Date", "Finding", "About", "What was found", "Source")
Index = QModelIndex | QPersistentModelIndex
WRAPPED = 4  # "What was found" wraps: it is the column a PE reads


class FindingsModel(RowsModel[ComplianceItem]):
    columns = COLUMNS

    @property
    def items(self) -> list[ComplianceItem]:
        return self.rows

    def set_items(self, items: list[ComplianceItem]) -> None:
        self.set_rows(items)

    def cell(self, item: ComplianceItem, column: int, role: int) -> Any:
        f = item.finding
        if role == Qt.ItemDataRole.DisplayRole:
            override = " (manager override)" if f.override else ""
            return (
                f.severity.capitalize(),
                uk_date(f.date),
                item.title,
                item.about,
                f.message + override,
                cited(f.source),
            )[column]
        if role == Qt.ItemDataRole.UserRole:  # sort key: severity in its order, then date
            rank = item.order()
            return (
                rank,
                (f.date.isoformat(), rank),
                (item.title, rank),
                (item.about, rank),
                (f.message, rank),
                (f.source, rank),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2:
                return f"{item.explanation} (rule {f.rule})"
            if column == 5:
                return cited(f.source)
            return f"{f.message}\n\nWhat to do next: {item.next_step}"
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(severity_colour(f.severity))
        return None


class SeverityFilter(RowsFilter):
    def __init__(self) -> None:
        super().__init__()
        self.severity: str | None = None
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_severity(self, severity: str | None) -> None:
        self.beginFilterChange()
        self.severity = severity
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        if self.severity is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, FindingsModel)
        return model.items[row].finding.severity == self.severity


class CompliancePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel("Compliance")
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        for label, value in (
            ("All findings", None),
            ("Breaches", "breach"),
            ("Warnings", "warning"),
            ("Due soon", "due"),
        ):
            self.filter.addItem(label, value)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel("Show:"))
        head.addWidget(self.filter)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        privacy_row = QHBoxLayout()
        self.privacy_label = QLabel()
        self.privacy_label.setObjectName("pageSubtitle")
        self.privacy_button = QPushButton("Show what looks identifying…")
        self.privacy_button.setVisible(False)
        privacy_row.addWidget(self.privacy_label)
        privacy_row.addWidget(self.privacy_button)
        privacy_row.addStretch(1)
        layout.addLayout(privacy_row)
        self.privacy: PrivacyView | None = None

        self.model = FindingsModel()
        self.proxy = SeverityFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName("Findings")
        self.table.setObjectName(f"{type(self).__name__}Table")  # its columns are remembered
        self.table.setModel(self.proxy)
        self.empty_hint = EmptyHint(
            self.table, "Nothing to show: every rule the app checks is met on this date."
        )
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # breaches first, by date
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Two lines a row, wrapped: sizing each row to its text would measure every finding
        # of a long placement (thousands: seconds); the whole text is in the tooltip and
        # the detail pane.
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * self.table.fontMetrics().lineSpacing() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(SIZED_FROM_ROWS)
        header.setSectionResizeMode(WRAPPED, QHeaderView.ResizeMode.Stretch)
        for column, width in ((3, 220), (5, 200)):  # records and titles are long: they wrap
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.details = QTextBrowser()
        self.details.setAccessibleName("What the rule asks")
        self.details.setMinimumHeight(110)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("complianceSplitter")  # its sizes are remembered
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([420, 140])
        layout.addWidget(splitter, 1)

        self.filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_severity(self.filter.currentData())
        )
        self.table.selectionModel().currentRowChanged.connect(self._show_details)

    def show_items(
        self,
        items: list[ComplianceItem],
        placement: bool = True,
        privacy: PrivacyView | None = None,
        profile: PolicyProfile | None = None,
    ) -> None:
        """``profile``: the one the placement is checked under; the summary says how many of
        its rules are switched off, so an empty list is never mistaken for a clean one."""
        self.model.set_items(items)  # in the order the PE last chose (breaches first at first)
        counts = {
            s: sum(1 for i in items if i.finding.severity == s)
            for s in ("breach", "warning", "due")
        }
        if not placement:
            self.summary.setText("")  # the list itself says how to begin
        elif not items:
            self.summary.setText(
                "No findings: everything the rules check is in order on this date."
            )
        else:
            self.summary.setText(
                f"{counted(counts['breach'], 'breach')}, {counted(counts['warning'], 'warning')}, "
                f"{counts['due']} due soon. "
                "Select a finding to see what the rule asks."
            )
        if placement and profile is not None and profile.rules_off:
            off = len(profile.rules_off)
            self.summary.setText(
                f"{self.summary.text()} Policy profile {profile.name}: "
                f"{counted(off, 'rule')} switched off (Help › Policy sources lists them)."
            )
        self.privacy = privacy
        fields = privacy.fields if privacy else 0
        self.privacy_label.setText(privacy_line(fields) if placement else "")
        self.privacy_button.setVisible(fields > 0)
        self.details.setHtml("")
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def visible_rules(self) -> list[str]:
        """The rule ids of the rows shown, top to bottom."""
        return [self.item_at(r).finding.rule for r in range(self.proxy.rowCount())]

    def item_at(self, row: int) -> ComplianceItem:
        return self.model.items[self.proxy.mapToSource(self.proxy.index(row, 0)).row()]

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        item = self.model.items[self.proxy.mapToSource(current).row()]
        f = item.finding
        override = ""
        if f.override:
            o = f.override
            reviewed = f", reviewed {uk_date(o.reviewed)}" if o.reviewed else ""
            override = (
                f"<p><b>Manager override</b> by {escape(o.by)}: {escape(o.reason)} (review by "
                f"{uk_date(o.review_by)}{reviewed}). The finding stays visible.</p>"
            )
        colour = severity_colour(f.severity)
        day = uk_date(f.date)
        when = "" if item.about.endswith(day) else f" · {day}"
        self.details.setHtml(
            f"<p><b style='color:{colour}'>{f.severity.capitalize()}</b> · "
            f"<b>{escape(item.title)}</b> · {escape(item.about)}{when}</p>"
            f"<p>{escape(f.message)}</p>"
            f"<p><i>What the rule asks:</i> {escape(item.explanation)} "
            f"({escape(cited(f.source))}; rule <code>{f.rule}</code>)</p>"
            f"<p><i>What to do next:</i> {escape(item.next_step)}</p>{override}"
        )
