"""Endings: every child's transition checklist, the end-of-placement records, closing the placement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.policy.calendar import uk_date
from app.policy.snapshot import Case
from app.policy.sources import cited
from app.policy.vocabulary import (
    CASE_TYPE_LABELS,
    OPTIONAL_TRANSITION_ITEMS,
    TRANSITION_ITEMS,
    transition_item_label,
)
from app.services.endings import EndingsView, TransitionRow
from app.services.errors import InvalidInput
from app.views.theme import tone
from app.views.underline import watch
from app.views.widgets import (
    EmptyHint,
    date_edit,
    from_qdate,
    ruled_table,
    select_key,
    selected_key,
)


class ClosePlacementDialog(QDialog):
    """The guided finish: what is still open, and the reason to close anyway if there is any."""

    def __init__(
        self,
        problems: list[str],
        default_day: date,
        close: Callable[[date, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._close = close
        self.setWindowTitle("Close the placement")
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        if problems:
            listing = "".join(f"<li>{p}</li>" for p in problems)
            intro = QLabel(
                f"<p><b>Not everything is finished:</b></p><ul>{listing}</ul>"
                "<p>Finish these first, or record why the placement closes anyway.</p>"
            )
        else:
            intro = QLabel("Every case has ended and every transition checklist is complete.")
        intro.setWordWrap(True)
        form.addRow(intro)
        self.closed_on = date_edit(default_day)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            "Why it closes now (needed when something above is unfinished)"
        )
        form.addRow("Closed on", self.closed_on)
        form.addRow("Reason", self.reason)
        form.addRow(
            QLabel(
                "A closed placement is kept read-only: you can still browse, print and export it."
            )
        )
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setProperty("tone", "red")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Close placement")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        watch(self)  # what looks like a name or a number is underlined

    def values(self) -> tuple[date, str]:
        return from_qdate(self.closed_on.date()), self.reason.toPlainText()

    def accept(self) -> None:
        try:
            self._close(*self.values())
        except InvalidInput as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class EndingsPage(QWidget):
    record_requested = Signal(str, str)  # case, item
    clear_requested = Signal(str, str)
    add_item_requested = Signal(str)
    end_case_requested = Signal(str)
    transition_pdf_requested = Signal()
    summary_pdf_requested = Signal()
    close_requested = Signal()
    asye_requested = Signal(str)  # "pdf", "word" or "json"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: EndingsView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        head = QHBoxLayout()
        title = QLabel("Endings")
        title.setObjectName("pageTitle")
        self.transition_button = QPushButton("Print checklists…")
        self.summary_button = QPushButton("Placement summary…")
        self.close_button = QPushButton("Close placement…")
        # A final placement's ASYE hand-over, once its final PCF review is recorded.
        self.asye_button = QPushButton("ASYE hand-over")
        asye = QMenu(self.asye_button)
        for label, form in (
            ("Print preview…", "pdf"),
            ("Save as a Word document…", "word"),
            ("Save as a file for the new employer (.json)…", "json"),
        ):
            asye.addAction(label, lambda form=form: self.asye_requested.emit(form))
        self.asye_button.setMenu(asye)
        self.asye_button.setVisible(False)
        head.addWidget(title)
        head.addStretch(1)
        for b in (self.asye_button, self.transition_button, self.summary_button, self.close_button):
            head.addWidget(b)
        layout.addLayout(head)
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.cases = ruled_table(("Case", "Type", "Status", "Checklist"))
        self.cases.setAccessibleName("Children and their transition checklists")
        self.items = ruled_table(("Item", "Done", "By", "Note"))
        self.items.setAccessibleName("The checklist for the selected child")
        self.empty_hint = EmptyHint(
            self.cases,
            "No cases yet. Each child the student works with is listed here, with their "
            "transition checklist for the ending.",
        )
        self.items_hint = EmptyHint(self.items, "Select a child to see their checklist.")
        case_actions = QHBoxLayout()
        self.end_button = QPushButton("End case…")
        case_actions.addWidget(QLabel("<b>Children</b>"))
        case_actions.addStretch(1)
        case_actions.addWidget(self.end_button)
        item_actions = QHBoxLayout()
        self.record_button = QPushButton("Record done…")
        self.clear_button = QPushButton("Clear")
        self.add_button = QPushButton("Add item…")
        item_actions.addWidget(QLabel("<b>Checklist</b>"))
        item_actions.addStretch(1)
        for b in (self.record_button, self.clear_button, self.add_button):
            item_actions.addWidget(b)
        left, right = QWidget(), QWidget()
        lv, rv = QVBoxLayout(left), QVBoxLayout(right)
        lv.setContentsMargins(0, 0, 0, 0)
        rv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(case_actions)
        lv.addWidget(self.cases)
        rv.addLayout(item_actions)
        rv.addWidget(self.items)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("endingsSplitter")  # its sizes are remembered
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 600])
        layout.addWidget(splitter, 1)

        self.cases.itemSelectionChanged.connect(self._show_items)
        self.items.itemSelectionChanged.connect(self._buttons)
        self.record_button.clicked.connect(lambda: self._emit_item(self.record_requested))
        self.clear_button.clicked.connect(lambda: self._emit_item(self.clear_requested))
        self.items.cellDoubleClicked.connect(lambda _r, _c: self._emit_item(self.record_requested))
        self.add_button.clicked.connect(lambda: self._emit_case(self.add_item_requested))
        self.end_button.clicked.connect(lambda: self._emit_case(self.end_case_requested))
        self.transition_button.clicked.connect(self.transition_pdf_requested)
        self.summary_button.clicked.connect(self.summary_pdf_requested)
        self.close_button.clicked.connect(self.close_requested)
        self.editable = False

    def show_view(self, view: EndingsView | None, editable: bool = True) -> None:
        selected = selected_key(self.cases) if self.cases.selectionModel() else None
        self.view, self.editable = view, editable and view is not None
        self.cases.setRowCount(0)
        for b in (self.transition_button, self.summary_button):
            b.setEnabled(view is not None)
        self.close_button.setEnabled(self.editable)
        self.asye_button.setVisible(view is not None and view.handover)
        if view is None:
            self.summary.setText("No placement yet.")
            self._show_items()
            return
        if view.archived:
            reason = f": {view.close_reason}" if view.close_reason else ""
            self.summary.setText(
                f"Closed {uk_date(view.archived)}{reason}. Kept read-only; print or export it."
            )
        else:
            self.summary.setText(
                cited(
                    f"The placement ends {uk_date(view.end)}. Plan every child's goodbye from "
                    f"{uk_date(view.planning_from)} (000 §9). Overall {view.done} of "
                    f"{view.required} required items done."
                )
            )
        for row in view.rows:
            r = self.cases.rowCount()
            self.cases.insertRow(r)
            status = ending_status(row.case) if not row.is_open else "Open"
            values = (
                f"{row.case.ref} ({row.case.initials or '—'})",
                CASE_TYPE_LABELS[row.case.type],
                status,
                f"{row.done} of {row.required}",
            )
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, row.case.ref)
                if c == 3:
                    cell.setForeground(QColor(tone("green" if row.complete else "amber")))
                self.cases.setItem(r, c, cell)
        if not (selected and self.select_case(selected)) and self.cases.rowCount():
            self.cases.selectRow(0)
        self._show_items()

    def select_case(self, ref: str) -> bool:
        return select_key(self.cases, ref)

    def select_item(self, item: str) -> bool:
        return select_key(self.items, item)

    def current_row(self) -> TransitionRow | None:
        ref = selected_key(self.cases)
        return (
            next((r for r in self.view.rows if r.case.ref == ref), None)
            if self.view and ref
            else None
        )

    def item_texts(self) -> dict[str, str]:
        return {
            self.items.item(r, 0).text(): self.items.item(r, 1).text()
            for r in range(self.items.rowCount())
        }

    def _show_items(self) -> None:
        row = self.current_row()
        self.items.setRowCount(0)
        if row is not None:
            extra = [
                k
                for k in row.items
                if k not in TRANSITION_ITEMS and k not in OPTIONAL_TRANSITION_ITEMS
            ]
            for item in [*TRANSITION_ITEMS, *OPTIONAL_TRANSITION_ITEMS, *extra]:
                entry = row.items.get(item)
                label = transition_item_label(item)
                if item not in TRANSITION_ITEMS:
                    label += " (optional)"
                r = self.items.rowCount()
                self.items.insertRow(r)
                values = (
                    label,
                    uk_date(entry.date) if entry else "Not done",
                    (entry.by or "") if entry else "",
                    (entry.note or "") if entry else "",
                )
                for c, value in enumerate(values):
                    cell = QTableWidgetItem(value)
                    cell.setData(Qt.ItemDataRole.UserRole, item)
                    if c == 1 and entry is None and item in TRANSITION_ITEMS:
                        cell.setForeground(QColor(tone("red")))
                    self.items.setItem(r, c, cell)
        self._buttons()

    def _buttons(self) -> None:
        row = self.current_row()
        item = selected_key(self.items) if row else None
        self.end_button.setEnabled(self.editable and row is not None and row.is_open)
        self.add_button.setEnabled(self.editable and row is not None)
        self.record_button.setEnabled(self.editable and item is not None)
        self.clear_button.setEnabled(
            self.editable and item is not None and row is not None and item in row.items
        )

    def _emit_case(self, signal: Signal) -> None:  # type: ignore[type-arg]
        row = self.current_row()
        if row:
            signal.emit(row.case.ref)  # type: ignore[attr-defined]

    def _emit_item(self, signal: Signal) -> None:  # type: ignore[type-arg]
        row = self.current_row()
        item = selected_key(self.items)
        if row and item:
            signal.emit(row.case.ref, item)  # type: ignore[attr-defined]


def ending_status(c: Case) -> str:
    """How a case ended, in a few words; a transfer says whether both managers signed it off."""
    if c.ended is None:
        return "Open"
    if c.ending != "transferred":
        return f"Ended {uk_date(c.ended)}"
    signed = (
        f"signed off {uk_date(c.transfer_signed_off)}"
        if c.transfer_signed_off
        else "no sign-off recorded"
    )
    return f"Transferred {uk_date(c.ended)} · {signed}"
