"""PCF & learning: reviews against the nine domains over time, and the learning outcomes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.policy.calendar import uk_date
from app.policy.observations import Observed
from app.policy.snapshot import LearningEvidence, PcfReview
from app.policy.sources import cited
from app.policy.vocabulary import PCF_DOMAINS, PCF_RATINGS, PCF_STAGES
from app.services.errors import InvalidInput
from app.views.item_dialog import save_cancel
from app.views.theme import tone
from app.views.underline import FREE_TEXT, watch
from app.views.widgets import EmptyHint, date_edit, from_qdate, ruled_table, select_key

RATING_LABELS = {
    "not-yet": "Not yet",
    "developing": "Developing",
    "meeting": "Meeting",
    "exceeding": "Exceeding",
}
RATING_TONES = {
    "not-yet": "red",
    "developing": "amber",
    "meeting": "green",
    "exceeding": "blue",
}
STAGE_LABELS = {"initial": "Initial", "midpoint": "Midpoint", "final": "Final"}
EXPECTED = {
    "first": "Level expected: the end of a first placement (PCF first-placement level)",
    "final": "Level expected: the end of a final placement (ready for the ASYE)",
}


class PcfReviewDialog(QDialog):
    """A PCF review: stage, date, a rating and evidence for each domain."""

    def __init__(
        self,
        default_day: date,
        evidence_choices: list[str],
        save: Callable[[PcfReview], None],
        review: PcfReview | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.existing = review
        self.setWindowTitle("PCF review")
        self.resize(720, 640)
        self.stage = QComboBox()
        for value in PCF_STAGES:
            self.stage.addItem(STAGE_LABELS[value], value)
        self.day = date_edit(review.date if review else default_day)
        if review:
            self.stage.setCurrentIndex(self.stage.findData(review.stage))
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Domain</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Rating</b>"), 0, 1)
        grid.addWidget(QLabel("<b>Evidence (event:…, supervision:…, case:…)</b>"), 0, 2)
        self.ratings: dict[str, QComboBox] = {}
        self.evidence: dict[str, QLineEdit] = {}
        hint = "Records you can cite: " + ", ".join(evidence_choices[:60])
        for row, (domain, label) in enumerate(PCF_DOMAINS.items(), start=1):
            combo = QComboBox()
            combo.addItem("—", None)
            for value in PCF_RATINGS:
                combo.addItem(RATING_LABELS[value], value)
            line = QLineEdit()
            line.setToolTip(hint)
            if review:
                combo.setCurrentIndex(max(0, combo.findData(review.ratings.get(domain))))
                line.setText(", ".join(review.evidence.get(domain, [])))
            self.ratings[domain], self.evidence[domain] = combo, line
            combo.setAccessibleName(f"{label}: rating")
            line.setAccessibleName(f"{label}: evidence")
            name = QLabel(label)
            name.setBuddy(combo)
            grid.addWidget(name, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(line, row, 2)
        self.notes = QPlainTextEdit(review.notes or "" if review else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        # A final review's development needs go into the ASYE hand-over.
        self.development = QPlainTextEdit(review.development_needs or "" if review else "")
        self.development.setTabChangesFocus(True)
        self.development.setFixedHeight(60)
        self.development.setAccessibleName("Development needs to carry into the ASYE")
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setProperty("tone", "red")
        top = QFormLayout()
        top.addRow("&Stage", self.stage)
        top.addRow("&Date", self.day)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(top)
        inner.addLayout(grid)
        notes = QLabel("&Notes")
        notes.setBuddy(self.notes)
        inner.addWidget(notes)
        inner.addWidget(self.notes)
        development = QLabel("Development needs to carry into the &ASYE (final review)")
        development.setBuddy(self.development)
        inner.addWidget(development)
        inner.addWidget(self.development)
        self.stage.currentIndexChanged.connect(
            lambda _i: (
                development.setEnabled(self.stage.currentData() == "final")
                or self.development.setEnabled(self.stage.currentData() == "final")
            )
        )
        self.development.setEnabled(self.stage.currentData() == "final")
        development.setEnabled(self.stage.currentData() == "final")
        scroll = QScrollArea()
        scroll.setAccessibleName("The review, domain by domain")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self))
        watch(self)  # what looks like a name or a number is underlined

    def review(self) -> PcfReview:
        ratings = {d: str(c.currentData()) for d, c in self.ratings.items() if c.currentData()}
        evidence = {}
        for d, line in self.evidence.items():
            refs = [r.strip() for r in line.text().replace(";", ",").split(",") if r.strip()]
            if refs:
                evidence[d] = refs
        return PcfReview(
            self.existing.id if self.existing else "",
            from_qdate(self.day.date()),
            str(self.stage.currentData()),
            ratings,
            evidence,
            self.notes.toPlainText(),
            (self.development.toPlainText().strip() or None)
            if self.stage.currentData() == "final"
            else None,
        )

    def accept(self) -> None:
        try:
            self._save(self.review())
        except InvalidInput as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class LearningDialog(QDialog):
    def __init__(
        self,
        label: str,
        default_day: date,
        current: LearningEvidence | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(label)
        form = QFormLayout(self)
        self.day = date_edit(current.evidenced if current else default_day)
        self.evidence = QLineEdit(current.evidence or "" if current else "")
        self.evidence.setProperty(FREE_TEXT, True)  # the privacy guard reads it
        self.evidence.setPlaceholderText(
            "Where the evidence is, e.g. D-1042 genogram, supervision 13 Nov"
        )
        form.addRow("Evidenced on", self.day)
        form.addRow("Evidence", self.evidence)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        watch(self)  # what looks like a name or a number is underlined

    def values(self) -> tuple[date, str]:
        return from_qdate(self.day.date()), self.evidence.text()


class PcfPage(QWidget):
    new_review_requested = Signal()
    edit_review_requested = Signal(str)
    delete_review_requested = Signal(str)
    print_requested = Signal()
    record_learning_requested = Signal(str)
    clear_learning_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reviews: list[PcfReview] = []
        self.outcomes: dict[str, str] = {}
        self.learning: dict[str, LearningEvidence] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        head = QHBoxLayout()
        title = QLabel("PCF & learning")
        title.setObjectName("pageTitle")
        self.print_button = QPushButton("Print PCF summary…")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.print_button)
        layout.addLayout(head)
        self.expected = QLabel()
        self.expected.setObjectName("pageSubtitle")
        self.expected.setWordWrap(True)
        layout.addWidget(self.expected)
        actions = QHBoxLayout()
        self.review_box = QComboBox()
        self.new_button = QPushButton("New review…")
        self.edit_button = QPushButton("Edit…")
        self.delete_button = QPushButton("Delete")
        actions.addWidget(self.new_button)
        actions.addWidget(QLabel("Review:"))
        actions.addWidget(self.review_box)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.grid = QTableWidget(len(PCF_DOMAINS), 0)
        self.grid.setAccessibleName("PCF ratings by domain and review")
        self.grid.setVerticalHeaderLabels(list(PCF_DOMAINS.values()))
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.grid, 3)
        self.empty_hint = EmptyHint(
            self.grid,
            "No PCF review yet. Record the first with New review…: an initial review "
            "early on, then one at the midpoint and one at the end.",
        )

        learning_head = QHBoxLayout()
        self.learning_title = QLabel()
        self.learning_title.setObjectName("sectionTitle")
        self.learning_title.setWordWrap(True)
        self.record_button = QPushButton("Record evidence…")
        self.clear_button = QPushButton("Clear")
        learning_head.addWidget(self.learning_title)
        learning_head.addStretch(1)
        learning_head.addWidget(self.record_button)
        learning_head.addWidget(self.clear_button)
        layout.addLayout(learning_head)
        self.outcome_table = ruled_table(("Outcome", "Evidenced", "Evidence"))
        self.outcome_table.setAccessibleName("Learning outcomes")
        layout.addWidget(self.outcome_table, 2)

        self.new_button.clicked.connect(self.new_review_requested)
        self.edit_button.clicked.connect(lambda: self._emit_review(self.edit_review_requested))
        self.delete_button.clicked.connect(lambda: self._emit_review(self.delete_review_requested))
        self.print_button.clicked.connect(self.print_requested)
        self.record_button.clicked.connect(
            lambda: self._emit_outcome(self.record_learning_requested)
        )
        self.clear_button.clicked.connect(lambda: self._emit_outcome(self.clear_learning_requested))
        self.outcome_table.cellDoubleClicked.connect(
            lambda _r, _c: self._emit_outcome(self.record_learning_requested)
        )

    def _emit_review(self, signal: Signal) -> None:  # type: ignore[type-arg]
        key = self.review_box.currentData()
        if key:
            signal.emit(key)  # type: ignore[attr-defined]

    def _emit_outcome(self, signal: Signal) -> None:  # type: ignore[type-arg]
        rows = self.outcome_table.selectionModel().selectedRows()
        if rows:
            signal.emit(self.outcome_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))  # type: ignore[attr-defined]

    def show_data(
        self,
        kind: str,
        reviews: list[PcfReview],
        outcomes: dict[str, str],
        learning: list[LearningEvidence],
        editable: bool = True,
        observed: dict[str, list[Observed]] | None = None,
    ) -> None:
        """``observed``: the direct observations that evidence each domain (their reports'
        PCF points), cited in a column of their own beside the reviews' ratings."""
        self.reviews = sorted(reviews, key=lambda r: r.date)
        observed = {d: found for d, found in (observed or {}).items() if found}
        self.outcomes = outcomes
        self.learning = {x.item: x for x in learning}
        for b in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.record_button,
            self.clear_button,
        ):
            b.setEnabled(editable)
        self.expected.setText(
            f"{EXPECTED.get(kind, '')}. Ratings: not yet · developing · meeting · exceeding."
        )
        self.review_box.clear()
        for r in self.reviews:
            self.review_box.addItem(f"{STAGE_LABELS[r.stage]}, {uk_date(r.date)}", r.id)
        progress_column = len(self.reviews) > 1
        observed_column = len(self.reviews) + progress_column
        self.grid.setColumnCount(observed_column + (1 if observed else 0))
        headers = [f"{STAGE_LABELS[r.stage]}\n{uk_date(r.date)}" for r in self.reviews]
        if progress_column:
            headers.append("Progress")
        if observed:
            headers.append("Direct observations")
        self.grid.setHorizontalHeaderLabels(headers)
        for row, domain in enumerate(PCF_DOMAINS):
            for col, r in enumerate(self.reviews):
                rating = r.ratings.get(domain)
                cell = QTableWidgetItem(RATING_LABELS.get(rating or "", "—"))
                if rating:
                    cell.setForeground(QColor(tone(RATING_TONES[rating])))
                refs = r.evidence.get(domain)
                if refs:
                    cell.setToolTip("Evidence: " + ", ".join(refs))
                    cell.setText(cell.text() + f"  ({len(refs)} evidence)")
                self.grid.setItem(row, col, cell)
            if len(self.reviews) > 1:
                self.grid.setItem(
                    row, len(self.reviews), QTableWidgetItem(progress(self.reviews, domain))
                )
            if observed:
                found = observed.get(domain, [])
                cell = QTableWidgetItem("; ".join(x.short() for x in found) or "—")
                cell.setToolTip(
                    "\n".join(f"{x.short()}: {x.point.text}" for x in found)
                    or "No direct observation evidences this domain yet."
                )
                self.grid.setItem(row, observed_column, cell)
        self.outcome_table.setRowCount(0)
        done = 0
        for item, label in outcomes.items():
            x = self.learning.get(item)
            done += x is not None
            r = self.outcome_table.rowCount()
            self.outcome_table.insertRow(r)
            for c, value in enumerate(
                (label, uk_date(x.evidenced) if x else "Not yet", (x.evidence or "") if x else "")
            ):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, item)
                if c == 1 and x is None:
                    cell.setForeground(QColor(tone("amber")))
                self.outcome_table.setItem(r, c, cell)
        self.learning_title.setText(
            f"Learning outcomes: {done} of {len(outcomes)} evidenced"
            if outcomes
            else cited(
                "Learning outcomes: none required for this placement's kind and setting (000 §10–11)"
            )
        )

    def rating_texts(self) -> dict[str, list[str]]:
        return {
            label: [self.grid.item(r, c).text() for c in range(self.grid.columnCount())]
            for r, label in enumerate(PCF_DOMAINS.values())
        }

    def select_outcome(self, item: str) -> bool:
        return select_key(self.outcome_table, item)


def progress(reviews: list[PcfReview], domain: str) -> str:
    """First rating to latest rating for one domain, e.g. ``Developing → Meeting ↑``."""
    rated = [r.ratings[domain] for r in reviews if domain in r.ratings]
    if len(rated) < 2:
        return "—"
    first, last = rated[0], rated[-1]
    order = list(PCF_RATINGS)
    arrow = (
        "↑"
        if order.index(last) > order.index(first)
        else ("↓" if order.index(last) < order.index(first) else "=")
    )
    return f"{RATING_LABELS[first]} → {RATING_LABELS[last]} {arrow}"
