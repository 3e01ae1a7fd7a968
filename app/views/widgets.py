"""Small pieces shared by the forms: date fields in UK format, QDate conversions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from html import escape

from PySide6.QtCore import QAbstractItemModel, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QWidget,
)

from app.policy.findings import Finding
from app.policy.sources import cited

# Columns fit their contents as judged from this many rows: every row of a two-year
# placement would take seconds, 200 took 80 ms a refresh, 50 reads the same.
SIZED_FROM_ROWS = 50


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(day: date) -> QDateEdit:
    """A date field with a calendar pop-up, shown as 6 Feb 2026."""
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


class OptionalDate(QWidget):
    """A date the PE gives when it has happened, and leaves at "Not yet" until then; a
    Today button fills in today. ``value()`` is None while nothing is given."""

    changed = Signal()

    def __init__(self, today: date, name: str, empty: str = "Not yet") -> None:
        super().__init__()
        self.today = today
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMM yyyy")
        # the day before the earliest date a PE could mean stands for "not given yet"
        self.edit.setMinimumDate(to_qdate(date(today.year - 10, 1, 1)))
        self.edit.setSpecialValueText(empty)
        self.edit.setDate(self.edit.minimumDate())
        self.edit.setAccessibleName(name)
        self.today_button = QPushButton("&Today")
        self.today_button.setAccessibleName(f"{name}: today")
        self.today_button.clicked.connect(lambda: self.set_value(self.today))
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.setFocusProxy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.today_button)

    def value(self) -> date | None:
        day = self.edit.date()
        return None if day == self.edit.minimumDate() else from_qdate(day)

    def set_value(self, day: date | None) -> None:
        self.edit.setDate(self.edit.minimumDate() if day is None else to_qdate(day))


class EveryDays(QWidget):
    """How often something happens, in days or weeks, or not at all (``value()`` None)."""

    changed = Signal()

    def __init__(self, name: str, empty: str = "No visiting plan") -> None:
        super().__init__()
        self.count = QSpinBox()
        self.count.setRange(0, 52)
        self.count.setSpecialValueText(empty)
        self.count.setAccessibleName(name)
        self.unit = QComboBox()
        self.unit.addItem("weeks", 7)
        self.unit.addItem("days", 1)
        self.unit.setAccessibleName(f"{name}: days or weeks")
        self.count.valueChanged.connect(lambda _v: self.changed.emit())
        self.unit.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.setFocusProxy(self.count)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("every"))
        row.addWidget(self.count, 1)
        row.addWidget(self.unit)

    def value(self) -> int | None:
        n = self.count.value()
        return n * int(self.unit.currentData()) if n else None

    def set_value(self, days: int | None) -> None:
        if not days:
            self.count.setValue(0)
            return
        weeks = days % 7 == 0
        self.unit.setCurrentIndex(0 if weeks else 1)
        self.count.setMaximum(max(52, days))
        self.count.setValue(days // 7 if weeks else days)


def _rows_only[T: QTableView](table: T) -> T:
    """Read-only whole rows, one selectable at a time, last column stretched; columns fit
    their contents, judged from the first rows only (every row of thousands would take
    seconds)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setResizeContentsPrecision(SIZED_FROM_ROWS)
    return table


NO_PLACEMENT_HINT = (
    "No placement yet. Start with File › New placement… (Ctrl+N), "
    "or bring one in with File › Import placement…"
)


class EmptyHint(QLabel):
    """What to do first, written over a list while it is empty ("No cases yet. Allocate
    the first with …"), or, before there is any placement, how to make one."""

    def __init__(self, view: QAbstractItemView, first_step: str) -> None:
        super().__init__(view.viewport())
        self.view, self.first_step = view, first_step
        self.no_placement = False
        self.setObjectName("emptyHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.columnsInserted,
            model.columnsRemoved,
            model.modelReset,
            model.layoutChanged,
        ):
            signal.connect(self.refresh)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def set_no_placement(self, none: bool) -> None:
        self.no_placement = none
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.setText(NO_PLACEMENT_HINT if self.no_placement else self.first_step)
        model = self.view.model()
        self.setVisible(model.rowCount() == 0 or model.columnCount() == 0)
        self._place()

    def _place(self) -> None:
        area = self.view.viewport().rect().adjusted(24, 24, -24, -24)
        self.setGeometry(area.x(), area.y(), area.width(), self.heightForWidth(area.width()))


def tell_empty_hints(root: QWidget, no_placement: bool) -> None:
    """Every list under ``root`` says how to begin: with a placement, or with its first item."""
    for hint in root.findChildren(EmptyHint):
        hint.set_no_placement(no_placement)


def ruled_table(columns: tuple[str, ...] | list[str]) -> QTableWidget:
    """A read-only table of whole rows, one selectable at a time, last column stretched."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    return _rows_only(table)


def ruled_view(model: QAbstractItemModel) -> QTableView:
    """The same, over a model that hands the view only the rows it shows."""
    table = QTableView()
    table.setModel(model)
    return _rows_only(table)


def selected_key(table: QTableWidget) -> str | None:
    """The key (UserRole of the first cell) of the selected row, if any."""
    model = table.selectionModel()
    rows = model.selectedRows() if model else []
    if not rows:
        return None
    cell = table.item(rows[0].row(), 0)
    return str(cell.data(Qt.ItemDataRole.UserRole)) if cell else None


def select_key(table: QTableWidget, key: str) -> bool:
    """Select the row whose first cell carries ``key``."""
    for r in range(table.rowCount()):
        cell = table.item(r, 0)
        if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == key:
            table.selectRow(r)
            return True
    return False


class YesNo(QWidget):
    """A yes/no fact the PE states about what happened: neither answer is chosen until they
    choose one, so a hurried record never looks compliant by default.

    Tab reaches the pair, the arrow keys or Y / N choose; ``value()`` is None until then.
    """

    changed = Signal()

    def __init__(self, question: str, short: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.short = short  # names it in "Answer …" when Save waits for it
        self.label = QLabel(question)
        self.label.setWordWrap(True)
        self.yes, self.no = QRadioButton("Yes"), QRadioButton("No")
        self.group = QButtonGroup(self)
        for button, word in ((self.yes, "yes"), (self.no, "no")):
            button.setAccessibleName(f"{question}: {word}")
            self.group.addButton(button)
            button.toggled.connect(lambda _on: self.changed.emit())
        self.label.setBuddy(self.yes)
        self.setFocusProxy(self.yes)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.yes)
        row.addWidget(self.no)

    def value(self) -> bool | None:
        if self.yes.isChecked():
            return True
        return False if self.no.isChecked() else None

    def set_value(self, value: bool | None) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot go back to neither
        self.yes.setChecked(value is True)
        self.no.setChecked(value is False)
        self.group.setExclusive(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Y, Qt.Key.Key_N):
            (self.yes if key == Qt.Key.Key_Y else self.no).click()
            return
        super().keyPressEvent(event)


def unanswered(questions: list[YesNo]) -> str | None:
    """Why Save waits, if it does: the questions still to answer, by their short names."""
    left = [q.short for q in questions if q.value() is None]
    return f"Answer yes or no: {', '.join(left)}." if left else None


def beside(text: QLabel, button: QPushButton) -> QHBoxLayout:
    """A page's summary line with a button at its end: the text wraps, so the page grows no
    wider for the button (the window fits a 1280-pixel screen, and less)."""
    row = QHBoxLayout()
    row.addWidget(text, 1)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    return row


def findings_list(
    findings: Iterable[Finding],
    colour: Callable[[Finding], str],
    nothing: str,
    *,
    before: Iterable[str] = (),
    after: Iterable[str] = (),
    note: Callable[[Finding], str] = lambda _f: "",
) -> str:
    """What the rules say of a draft (an allocation, an event), as a form shows it under
    its fields: each finding in its colour with its source, between the form's own
    sentences (``before``, ``after``); ``nothing`` when there is nothing to say."""
    lines = [f"<li><b>{escape(line)}</b></li>" for line in before]
    lines += [
        f"<li><b style='color:{colour(f)}'>{f.severity.capitalize()}</b> {escape(f.message)} "
        f"<span style='color:gray'>[{escape(cited(f.source))}]</span>{note(f)}</li>"
        for f in findings
    ]
    lines += [f"<li><b>{escape(line)}</b></li>" for line in after]
    return f"<ul>{''.join(lines)}</ul>" if lines else nothing
