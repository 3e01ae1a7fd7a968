"""Induction: the first fortnight's checklist, the PE's own items and the two agreements."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.policy.calendar import uk_date
from app.policy.snapshot import PlacementAgreement, SupervisionAgreement
from app.policy.sources import cited
from app.policy.vocabulary import WEEKDAYS
from app.services.induction import InductionRow, InductionView
from app.views.item_dialog import save_cancel, text_or_none
from app.views.theme import tone
from app.views.underline import FREE_TEXT, watch
from app.views.widgets import (
    EmptyHint,
    date_edit,
    from_qdate,
    ruled_table,
    select_key,
    selected_key,
)

COLUMNS = ("Item", "Source", "Done", "By", "Note")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class PlacementAgreementDialog(QDialog):
    def __init__(
        self,
        agreement: PlacementAgreement | None,
        held: date | None,
        default_day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Placement agreement")
        self.setMinimumWidth(520)
        a = agreement or PlacementAgreement()
        form = QFormLayout(self)
        self.held = QCheckBox("The agreement meeting has been held")
        self.held.setChecked(held is not None)
        self.held_on = date_edit(held or default_day)
        self.learning_needs = QPlainTextEdit(a.learning_needs or "")
        self.learning_needs.setPlaceholderText("The student's learning needs agreed at the meeting")
        self.after_hours = QLineEdit(a.after_hours_contact or "")
        self.after_hours.setProperty(FREE_TEXT, True)  # the privacy guard reads it
        self.after_hours.setPlaceholderText(
            cited("Who the student calls after an after-hours visit (000 §19)")
        )
        self.notes = QPlainTextEdit(a.notes or "")
        form.addRow(self.held)
        form.addRow("Held on", self.held_on)
        form.addRow("&Learning needs", self.learning_needs)
        form.addRow("&After-hours contact", self.after_hours)
        form.addRow("&Notes", self.notes)
        form.addRow(save_cancel(self))
        watch(self)  # what looks like a name or a number is underlined

    def agreement(self) -> PlacementAgreement:
        return PlacementAgreement(
            text_or_none(self.learning_needs),
            text_or_none(self.after_hours),
            text_or_none(self.notes),
        )

    def held_date(self) -> date | None:
        return from_qdate(self.held_on.date()) if self.held.isChecked() else None


class SupervisionAgreementDialog(QDialog):
    def __init__(
        self,
        agreement: SupervisionAgreement | None,
        agreed: date | None,
        default_day: date,
        educator_onsite: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Supervision agreement")
        self.setMinimumWidth(520)
        a = agreement or SupervisionAgreement()
        form = QFormLayout(self)
        self.agreed = QCheckBox("The supervision agreement has been made")
        self.agreed.setChecked(agreed is not None)
        self.agreed_on = date_edit(agreed or default_day)
        self.weekday = QComboBox()
        self.weekday.addItem("No fixed day", None)
        for name, label in zip(WEEKDAYS, DAY_NAMES, strict=True):
            self.weekday.addItem(label, name)
        self.weekday.setCurrentIndex(self.weekday.findData(a.weekday) if a.weekday else 0)
        self.every = QSpinBox()
        self.every.setRange(1, 60)
        self.every.setValue(a.every_days)
        self.every.setSuffix(" days")
        self.time = QLineEdit(a.time or "")
        self.time.setPlaceholderText("e.g. 14:00")
        self.three_way = QPlainTextEdit(a.three_way or "")
        self.three_way.setPlaceholderText(
            "How three-way supervision with the on-site supervisor works"
            if not educator_onsite
            else "Only needed when the educator is off site"
        )
        self.notes = QPlainTextEdit(a.notes or "")
        form.addRow(self.agreed)
        form.addRow("Agreed on", self.agreed_on)
        form.addRow("&Day", self.weekday)
        form.addRow("&Every", self.every)
        form.addRow("&Time", self.time)
        form.addRow("T&hree-way", self.three_way)
        form.addRow("&Notes", self.notes)
        form.addRow(save_cancel(self))
        watch(self)  # what looks like a name or a number is underlined

    def agreement(self) -> SupervisionAgreement:
        return SupervisionAgreement(
            self.weekday.currentData(),
            self.every.value(),
            text_or_none(self.time),
            text_or_none(self.three_way),
            text_or_none(self.notes),
        )

    def agreed_date(self) -> date | None:
        return from_qdate(self.agreed_on.date()) if self.agreed.isChecked() else None


class InductionPage(QWidget):
    record_requested = Signal(str)
    clear_requested = Signal(str)
    add_requested = Signal()
    remove_requested = Signal(str)
    placement_agreement_requested = Signal()
    supervision_agreement_requested = Signal()
    link_worker_requested = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: InductionView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        head = QHBoxLayout()
        title = QLabel("Induction")
        title.setObjectName("pageTitle")
        self.print_button = QPushButton("Print induction record…")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.print_button)
        layout.addLayout(head)
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.days = QLabel()
        self.days.setWordWrap(True)
        layout.addWidget(self.days)
        self.alert = QLabel()
        self.alert.setWordWrap(True)
        self.alert.setProperty("tone", "red")
        layout.addWidget(self.alert)
        self.link_button = QPushButton("Name the link worker…")
        layout.addWidget(self.link_button, alignment=Qt.AlignmentFlag.AlignLeft)

        actions = QHBoxLayout()
        self.record_button = QPushButton("Record done…")
        self.clear_button = QPushButton("Clear")
        self.add_button = QPushButton("Add own item…")
        self.remove_button = QPushButton("Remove own item")
        for b in (self.record_button, self.clear_button, self.add_button, self.remove_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.table = ruled_table(COLUMNS)
        self.table.setAccessibleName("Induction items")
        self.empty_hint = EmptyHint(self.table, "The induction's items are listed here.")
        layout.addWidget(self.table, 1)

        agreements = QHBoxLayout()
        self.placement_agreement = QLabel()
        self.supervision_agreement = QLabel()
        for label in (self.placement_agreement, self.supervision_agreement):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
        pa_box, sa_box = QVBoxLayout(), QVBoxLayout()
        self.pa_button = QPushButton("Placement agreement…")
        self.sa_button = QPushButton("Supervision agreement…")
        pa_box.addWidget(self.placement_agreement)
        pa_box.addWidget(self.pa_button, alignment=Qt.AlignmentFlag.AlignLeft)
        sa_box.addWidget(self.supervision_agreement)
        sa_box.addWidget(self.sa_button, alignment=Qt.AlignmentFlag.AlignLeft)
        agreements.addLayout(pa_box, 1)
        agreements.addLayout(sa_box, 1)
        layout.addLayout(agreements)

        self.record_button.clicked.connect(lambda: self._emit(self.record_requested))
        self.clear_button.clicked.connect(lambda: self._emit(self.clear_requested))
        self.remove_button.clicked.connect(lambda: self._emit(self.remove_requested))
        self.add_button.clicked.connect(self.add_requested)
        self.pa_button.clicked.connect(self.placement_agreement_requested)
        self.sa_button.clicked.connect(self.supervision_agreement_requested)
        self.link_button.clicked.connect(self.link_worker_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self._emit(self.record_requested))
        self.show_view(None)

    def show_view(self, view: InductionView | None, editable: bool = True) -> None:
        self.view = view
        selected = self.selected_item()
        for w in (
            self.record_button,
            self.clear_button,
            self.add_button,
            self.remove_button,
            self.pa_button,
            self.sa_button,
            self.print_button,
            self.link_button,
        ):
            w.setEnabled(view is not None and editable)
        self.table.setRowCount(0)
        if view is None:
            self.summary.setText("No placement yet.")
            for label in (
                self.days,
                self.alert,
                self.placement_agreement,
                self.supervision_agreement,
            ):
                label.setText("")
            self.link_button.hide()
            return
        days = view.working_days
        self.summary.setText(
            f"{view.done} of {view.required} required items done. The induction's {len(days)} working days run "
            f"{uk_date(days[0]) if days else ''} to {uk_date(days[-1]) if days else ''}; "
            f"cases can be allocated from {uk_date(view.allocations_open)}."
        )
        strip = " · ".join(f"{d:%a} {d.day}" for d in days)
        skipped = ", ".join(uk_date(d) for d in view.skipped_holidays)
        self.days.setText(
            f"Working days: {strip}" + (f"  (bank holidays skipped: {skipped})" if skipped else "")
        )
        alerts = []
        if view.finding is not None:
            alerts.append(f"{view.finding.message} [{cited(view.finding.source)}]")
        if view.link_worker_needed:
            alerts.append(
                cited(
                    "The practice educator is also the team manager: name a link worker (002 §2)."
                )
            )
        if view.pattern_warning:
            alerts.append(view.pattern_warning)
        self.alert.setText("\n".join(alerts))
        self.link_button.setVisible(view.link_worker_needed)
        for row in view.rows:
            self._add_row(row)
        self._show_agreements(view)
        if selected:
            self.select(selected)
        self._selection_changed()

    def _add_row(self, row: InductionRow) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        e = row.entry
        values = (
            row.label,
            row.source,
            uk_date(e.date) if e else "Not done",
            (e.by or "") if e else "",
            (e.note or "") if e else "",
        )
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setData(Qt.ItemDataRole.UserRole, row.item)
            if c == 2 and e is None:
                cell.setForeground(QColor(tone("red")))
            self.table.setItem(r, c, cell)

    def _show_agreements(self, view: InductionView) -> None:
        pa, sa = view.placement_agreement, view.supervision_agreement
        held = next((r.entry for r in view.rows if r.item == "placement-agreement"), None)
        agreed = next((r.entry for r in view.rows if r.item == "supervision-agreement"), None)
        self.placement_agreement.setText(
            f"<b>Placement agreement</b> — {'held ' + uk_date(held.date) if held else 'not held yet'}<br>"
            f"Learning needs: {escape(pa.learning_needs or '—') if pa else '—'}<br>"
            f"After-hours contact: {escape(pa.after_hours_contact or '—') if pa else '—'}"
        )
        pattern = "—"
        if sa is not None:
            day = DAY_NAMES[WEEKDAYS.index(sa.weekday)] + "s" if sa.weekday else "no fixed day"
            pattern = (
                f"every {sa.every_days} days, {day}{' at ' + escape(sa.time) if sa.time else ''}"
            )
        three_way = (
            ""
            if view.educator_onsite
            else (
                f"<br>Three-way: {escape(sa.three_way) if sa and sa.three_way else '<b>not agreed yet</b>'}"
            )
        )
        self.supervision_agreement.setText(
            f"<b>Supervision agreement</b> — {'made ' + uk_date(agreed.date) if agreed else 'not made yet'}<br>"
            f"Pattern: {pattern}{three_way}"
        )

    def selected_item(self) -> str | None:
        return selected_key(self.table)

    def select(self, item: str) -> bool:
        return select_key(self.table, item)

    def item_texts(self) -> dict[str, str]:
        """Each item's label and what the Done column says (for tests and screen readers alike)."""
        return {
            self.table.item(r, 0).text(): self.table.item(r, 2).text()
            for r in range(self.table.rowCount())
        }

    def _selection_changed(self) -> None:
        item = self.selected_item()
        editable = self.view is not None and self.add_button.isEnabled()
        row = (
            next((r for r in self.view.rows if r.item == item), None)
            if self.view and item
            else None
        )
        self.record_button.setEnabled(editable and row is not None)
        self.clear_button.setEnabled(editable and row is not None and row.entry is not None)
        self.remove_button.setEnabled(editable and row is not None and not row.required)

    def _emit(self, signal: Signal) -> None:  # type: ignore[type-arg]
        item = self.selected_item()
        if item:
            signal.emit(item)  # type: ignore[attr-defined]
