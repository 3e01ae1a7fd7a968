"""A direct observation as the PE and the student write it: the Direct Observation Report,
section by section (the student's half before and after, the observer's, the service user's
voice, the student's reflection on both), the PCF domains it evidences, and both signatures.
Keyboard only is enough: Tab goes down the report in reading order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.policy.observations import empty_sections
from app.policy.snapshot import Case, Event, PcfPoint
from app.policy.vocabulary import OBSERVATION_SECTIONS, PCF_DOMAINS, PCF_POINT_KINDS
from app.services.errors import InvalidInput
from app.views.underline import FREE_TEXT, watch
from app.views.widgets import date_edit, from_qdate

NO_CASE = ""


def _text_box(label: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on down the report; the text keeps no tabs
    box.setFixedHeight(64)
    box.setAccessibleName(label)
    box.setProperty(FREE_TEXT, True)
    return box


class SignedOn(QWidget):
    """A signature: not yet, or signed on a day."""

    def __init__(self, who: str, day: date | None, default: date) -> None:
        super().__init__()
        row = QGridLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.signed = QCheckBox(f"Signed by {who}")
        self.day = date_edit(day or default)
        self.day.setAccessibleName(f"Day {who} signed")
        self.signed.setChecked(day is not None)
        self.day.setEnabled(day is not None)
        self.signed.toggled.connect(self.day.setEnabled)
        row.addWidget(self.signed, 0, 0)
        row.addWidget(self.day, 0, 1)

    def value(self) -> date | None:
        return from_qdate(self.day.date()) if self.signed.isChecked() else None


class ObservationDialog(QDialog):
    """The report of one direct observation (see the module's docstring)."""

    def __init__(
        self,
        event: Event,
        cases: list[Case],
        save: Callable[[Event], object],
        level: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.observation, self._save = event, save
        self.setWindowTitle(f"Direct observation report — {event.date:%d %b %Y}")
        self.resize(760, 720)
        outer = QVBoxLayout(self)
        self.still_empty = QLabel()
        self.still_empty.setWordWrap(True)
        self.still_empty.setObjectName("pageSubtitle")
        outer.addWidget(self.still_empty)

        body = QWidget()
        layout = QVBoxLayout(body)
        head = QFormLayout()
        self.day = date_edit(event.date)
        self.case = QComboBox()
        self.case.addItem("No case", NO_CASE)
        for c in cases:
            self.case.addItem(f"{c.ref} ({c.initials or '—'})", c.ref)
        self.case.setCurrentIndex(max(0, self.case.findData(event.case or NO_CASE)))
        self.observer = QLineEdit(event.observer or "")
        self.before_midpoint = QCheckBox("This is the observation before the midpoint")
        self.before_midpoint.setChecked(bool(event.before_midpoint))
        head.addRow("&Date", self.day)
        head.addRow("&Case", self.case)
        head.addRow("&Observer", self.observer)
        head.addRow(self.before_midpoint)
        layout.addLayout(head)

        self.texts: dict[str, QPlainTextEdit] = {}
        self.sections: dict[str, QGroupBox] = {}
        for title, keys in OBSERVATION_SECTIONS:
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            for key, label in keys:
                edit = _text_box(label)
                edit.setPlainText(getattr(event, key) or "")
                edit.textChanged.connect(self._show_empty)
                form.addRow(label, edit)
                self.texts[key] = edit
            self.sections[title] = box
            layout.addWidget(box)

        self.pcf_box = QGroupBox(f"PCF domains this observation evidences, at {level}")
        grid = QGridLayout(self.pcf_box)
        grid.addWidget(QLabel("<b>Domain</b>"), 0, 0)
        grid.addWidget(QLabel("<b>A strength, or to develop</b>"), 0, 1)
        grid.addWidget(QLabel("<b>In the observer's words</b>"), 0, 2)
        held = {p.domain: p for p in event.pcf_points}
        self.points: dict[str, tuple[QComboBox, QLineEdit]] = {}
        for row, (domain, label) in enumerate(PCF_DOMAINS.items(), start=1):
            kind = QComboBox()
            kind.setAccessibleName(f"{label}: strength or to develop")
            kind.addItem("—", "")
            for value, words in PCF_POINT_KINDS.items():
                kind.addItem(words, value)
            words_box = QLineEdit()
            words_box.setAccessibleName(f"{label}: the observer's words")
            words_box.setProperty(FREE_TEXT, True)
            if domain in held:
                kind.setCurrentIndex(kind.findData(held[domain].point))
                words_box.setText(held[domain].text)
            kind.currentIndexChanged.connect(self._show_empty)
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(kind, row, 1)
            grid.addWidget(words_box, row, 2)
            self.points[domain] = (kind, words_box)
        grid.setColumnStretch(2, 1)
        layout.addWidget(self.pcf_box)

        signatures = QGroupBox("Signatures")
        sign = QVBoxLayout(signatures)
        self.student_signed = SignedOn("the student", event.student_signed, today)
        self.observer_signed = SignedOn("the observer", event.observer_signed, today)
        for s in (self.student_signed, self.observer_signed):
            s.signed.toggled.connect(self._show_empty)
            sign.addWidget(s)
        layout.addWidget(signatures)
        self.notes = _text_box("Notes")
        self.notes.setPlainText(event.notes or "")
        notes_box = QFormLayout()
        notes_box.addRow("&Notes", self.notes)
        layout.addLayout(notes_box)

        scroll = QScrollArea()
        scroll.setAccessibleName("The direct observation report")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setProperty("tone", "red")
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._show_empty()
        watch(self)  # what looks like a name or a number is underlined

    def draft(self) -> Event:
        """The observation as the form now says (the rest of the event as it was)."""
        case = self.case.currentData()
        points = tuple(
            PcfPoint(domain, str(kind.currentData()), words.text().strip())
            for domain, (kind, words) in self.points.items()
            if kind.currentData()
        )
        texts = {key: edit.toPlainText().strip() or None for key, edit in self.texts.items()}
        return replace(
            self.observation,
            date=from_qdate(self.day.date()),
            case=None if case == NO_CASE else str(case),
            observer=self.observer.text().strip() or None,
            before_midpoint=True if self.before_midpoint.isChecked() else None,
            pcf_points=points,
            student_signed=self.student_signed.value(),
            observer_signed=self.observer_signed.value(),
            notes=self.notes.toPlainText().strip() or None,
            **texts,
        )

    def _show_empty(self) -> None:
        empty = empty_sections(self.draft())
        for title, box in self.sections.items():
            box.setTitle(f"{title}{' — still empty' if title in empty else ''}")
        self.still_empty.setText(
            "Still empty: " + ", ".join(empty) + "."
            if empty
            else "Every section is written and both have signed."
        )

    def accept(self) -> None:
        try:
            self._save(self.draft())
        except InvalidInput as exc:
            self.error.setText(str(exc))
            return
        super().accept()
