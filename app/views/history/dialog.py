"""Placement › History: when, what, which record and who, newest first; narrowed by case,
kind of change, dates and a search; a double-click goes to the record. Nothing in it can be
edited: it only reads what the services give it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.policy.calendar import uk_date
from app.policy.history import KINDS, HistoryFilter, HistoryLine, select
from app.views.table_model import RowsModel
from app.views.widgets import EmptyHint

ANY_DAY = QDate(2000, 1, 1)  # a date box at this day shows "any": no limit


class HistoryModel(RowsModel[HistoryLine]):
    columns = ("When", "What", "Record", "Who")

    def cell(self, row: HistoryLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return (row.at.isoformat(), row.what, row.record, row.who)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            when = f"{uk_date(row.at.date())} {row.at:%H:%M}"
            return (when, row.what, row.record, row.who)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return row.what
        return None


def _day_box(label: str) -> QDateEdit:
    box = QDateEdit()
    box.setCalendarPopup(True)
    box.setDisplayFormat("d MMM yyyy")
    box.setMinimumDate(ANY_DAY)
    box.setSpecialValueText("any day")  # shown at the minimum: no limit that way
    box.setDate(ANY_DAY)
    box.setAccessibleName(label)
    return box


def _day(box: QDateEdit) -> date | None:
    return None if box.date() == ANY_DAY else box.date().toPython()  # type: ignore[no-any-return]


class HistoryDialog(QDialog):
    """The history of the placement on screen (see the module's docstring)."""

    record_requested = Signal(object)  # a HistoryLine: go to its record
    print_requested = Signal(object)  # the HistoryFilter shown
    pdf_requested = Signal(object)
    word_requested = Signal(object)

    def __init__(
        self,
        title: str,
        chosen: HistoryFilter = HistoryFilter(),  # noqa: B008 - frozen
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("historyDialog")
        self.resize(1000, 620)
        self.lines: list[HistoryLine] = []
        self.shown: list[HistoryLine] = []
        self._record = (chosen.subject, chosen.subject_name)
        layout = QVBoxLayout(self)

        self.intro = QLabel(
            "Every change made to this placement's records, newest first. It cannot be "
            "edited: undoing a change adds a line. Notes typed into records are not repeated."
        )
        self.intro.setWordWrap(True)
        self.intro.setObjectName("pageSubtitle")
        layout.addWidget(self.intro)

        self.on_record = QLabel()
        self.show_all = QPushButton("Show all changes")
        self.show_all.clicked.connect(self._forget_record)
        record_row = QHBoxLayout()
        record_row.addWidget(self.on_record, 1)
        record_row.addWidget(self.show_all)
        layout.addLayout(record_row)

        self.case_box = QComboBox()
        self.case_box.setAccessibleName("Case")
        self.case_box.addItem("All cases", None)
        if chosen.case is not None:
            self.case_box.addItem(chosen.case, chosen.case)
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName("Kind of change")
        self.kind_box.addItem("All kinds of change", None)
        for key, label in KINDS.items():
            self.kind_box.addItem(label, key)
        self.since_box, self.until_box = _day_box("From"), _day_box("To")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search what, record or who (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search")
        filters = QHBoxLayout()
        for label, widget in (
            ("&Case", self.case_box),
            ("&Kind", self.kind_box),
            ("F&rom", self.since_box),
            ("&To", self.until_box),
        ):
            tag = QLabel(label)
            tag.setBuddy(widget)
            filters.addWidget(tag)
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

        self.model = HistoryModel()
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName("History")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 420, 250)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self._open_current)
        self.empty_hint = EmptyHint(self.table, "Reading the history…")
        layout.addWidget(self.table, 1)

        self.count = QLabel()
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton("Print…", QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = buttons.addButton("Export PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        self.word_button = buttons.addButton("Export Word…", QDialogButtonBox.ButtonRole.ActionRole)
        self.go_button = buttons.addButton("Go to record", QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button, signal in (
            (self.print_button, self.print_requested),
            (self.pdf_button, self.pdf_requested),
            (self.word_button, self.word_requested),
        ):
            button.clicked.connect(lambda _c=False, s=signal: s.emit(self.chosen()))
        self.go_button.clicked.connect(self._open_current)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        if chosen.case is not None:
            self.case_box.setCurrentIndex(max(0, self.case_box.findData(chosen.case)))
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)  # one filtering after a burst of typing, not one a key
        self._typing.timeout.connect(self.refilter)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        for box in (self.case_box, self.kind_box):
            box.currentIndexChanged.connect(lambda _i: self.refilter())
        for day in (self.since_box, self.until_box):
            day.dateChanged.connect(lambda _d: self.refilter())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self._show_record()
        self._buttons()

    # ------------------------------------------------------------------ filling

    def show_lines(self, lines: list[HistoryLine]) -> None:
        """The whole history, read in the background; shown as the filters say."""
        self.lines = lines
        subject, name = self._record
        if subject is not None and not name:  # the record as its lines name it
            self._record = (subject, next((x.record for x in lines if x.subject == subject), ""))
            self._show_record()
        keep = self.case_box.currentData()
        self.case_box.blockSignals(True)
        self.case_box.clear()
        self.case_box.addItem("All cases", None)
        for ref in sorted({ref for x in lines for ref in x.cases} | ({keep} if keep else set())):
            self.case_box.addItem(ref, ref)
        self.case_box.setCurrentIndex(max(0, self.case_box.findData(keep)))
        self.case_box.blockSignals(False)
        self.empty_hint.first_step = (
            "No change matches what you chose: clear the search or a filter."
            if lines
            else "No change has been recorded for this placement yet."
        )
        self.refilter()

    def chosen(self) -> HistoryFilter:
        subject, name = self._record
        return HistoryFilter(
            case=self.case_box.currentData(),
            kind=self.kind_box.currentData(),
            since=_day(self.since_box),
            until=_day(self.until_box),
            text=self.search.text(),
            subject=subject,
            subject_name=name,
        )

    def refilter(self) -> None:
        self.shown = select(self.lines, self.chosen())
        self.model.set_rows(self.shown)
        total = len(self.lines)
        self.count.setText(
            f"{len(self.shown)} of {total} change{'s' if total != 1 else ''} shown"
            if len(self.shown) != total
            else f"{total} change{'s' if total != 1 else ''}"
        )
        if self.shown:
            self.table.selectRow(0)
        self._buttons()

    def _buttons(self) -> None:
        has = bool(self.shown)
        for b in (self.print_button, self.pdf_button, self.word_button):
            b.setEnabled(has)
        self.go_button.setEnabled(self.table.currentIndex().isValid() and has)

    def _show_record(self) -> None:
        subject, name = self._record
        self.on_record.setText(f"<b>Only the changes to: {name}</b>" if subject else "")
        self.on_record.setVisible(subject is not None)
        self.show_all.setVisible(subject is not None)

    def _forget_record(self) -> None:
        self._record = (None, "")
        self._show_record()
        self.refilter()

    def _open_current(self) -> None:
        if self.table.currentIndex().isValid():
            self._open(self.table.currentIndex().row())

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.record_requested.emit(self.model.rows[row])
