"""Supervision: the sessions, how often they happen, and what each one decided."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.policy.calendar import uk_date
from app.policy.vocabulary import SUPERVISION_FORMAT_LABELS
from app.policy.wording import counted
from app.services.supervision import SessionRow, WeekMark
from app.views.theme import tone
from app.views.underline import watch
from app.views.widgets import (
    EmptyHint,
    beside,
    date_edit,
    from_qdate,
    ruled_table,
    select_key,
    selected_key,
)

COLUMNS = ("Date", "Format", "Days since previous", "Cases", "Signed", "Addenda")
GAP_TONES = {"ok": "green", "late": "amber", "overdue": "red"}
SIGNED = {
    "signed": "Signed by both",
    "educator": "Educator only",
    "student": "Student only",
    "unsigned": "Not signed",
}
FORMATS = SUPERVISION_FORMAT_LABELS


class SignDialog(QDialog):
    def __init__(self, names: dict[str, str], default_day, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle("Sign the supervision record")
        form = QFormLayout(self)
        self.who = QComboBox()
        for who, name in names.items():
            self.who.addItem(f"{name} ({who})", who)
        self.on = date_edit(default_day)
        form.addRow("Signed by", self.who)
        form.addRow("On", self.on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self):  # type: ignore[no-untyped-def]
        return str(self.who.currentData()), from_qdate(self.on.date())


class AddendumDialog(QDialog):
    def __init__(self, author: str, default_day, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle("Add an addendum")
        form = QFormLayout(self)
        form.addRow(
            QLabel("The signed record stays as it was; the addendum is dated and shown beneath it.")
        )
        self.on = date_edit(default_day)
        self.author = QLineEdit(author)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        form.addRow("Date", self.on)
        form.addRow("Author", self.author)
        form.addRow("Text", self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        watch(self)  # what looks like a name or a number is underlined

    def values(self):  # type: ignore[no-untyped-def]
        return from_qdate(self.on.date()), self.author.text(), self.text.toPlainText()


class SupervisionPage(QWidget):
    new_requested = Signal()
    edit_requested = Signal(str)
    sign_requested = Signal(str)
    addendum_requested = Signal(str)
    pdf_requested = Signal(str)
    word_requested = Signal(str)
    print_requested = Signal(str)
    delete_requested = Signal(str)
    ics_requested = Signal()
    history_requested = Signal(str)  # the session's history (Placement › History, on it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SessionRow] = []
        self.editable = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        head = QHBoxLayout()
        title = QLabel("Supervision")
        title.setObjectName("pageTitle")
        self.ics_button = QPushButton("Export dates (.ics)…")
        self.pdf_button = QPushButton("Export PDF…")
        self.word_button = QPushButton("Export Word…")
        self.print_button = QPushButton("Print…")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.pdf_button)
        head.addWidget(self.word_button)
        head.addWidget(self.print_button)
        head.addWidget(self.ics_button)
        layout.addLayout(head)
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")
        self.summary.setWordWrap(True)
        self.history_button = QPushButton("History…")
        self.history_button.setToolTip("Who created, changed and signed this session, and when")
        layout.addLayout(beside(self.summary, self.history_button))
        self.strip = QHBoxLayout()
        self.strip.setSpacing(2)
        self.strip.setContentsMargins(0, 0, 0, 0)
        strip_box = QWidget()
        strip_box.setLayout(self.strip)
        strip_scroll = QScrollArea()  # a two-year placement has a hundred weeks
        strip_scroll.setAccessibleName("Supervision week by week")
        strip_scroll.setWidget(strip_box)
        strip_scroll.setWidgetResizable(True)
        strip_scroll.setFrameShape(QFrame.Shape.NoFrame)
        strip_scroll.setFixedHeight(40)
        layout.addWidget(strip_scroll)

        actions = QHBoxLayout()
        self.new_button = QPushButton("New session…")
        self.edit_button = QPushButton("Edit…")
        self.sign_button = QPushButton("Sign…")
        self.addendum_button = QPushButton("Add addendum…")
        self.delete_button = QPushButton("Delete")
        for b in (
            self.new_button,
            self.edit_button,
            self.sign_button,
            self.addendum_button,
            self.delete_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.table = ruled_table(COLUMNS)
        self.table.setAccessibleName("Supervision sessions")
        self.table.setObjectName("sessionsTable")  # its columns are remembered
        self.empty_hint = EmptyHint(
            self.table,
            "No supervision sessions yet. Agree the pattern on the Induction page "
            "(Supervision agreement…), then record each session with New session….",
        )
        self.details = QTextBrowser()
        self.details.setAccessibleName("The session: what was discussed and decided")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("supervisionSplitter")  # its sizes are remembered
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([300, 320])
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_requested)
        self.ics_button.clicked.connect(self.ics_requested)
        for button, signal in (
            (self.edit_button, self.edit_requested),
            (self.sign_button, self.sign_requested),
            (self.addendum_button, self.addendum_requested),
            (self.pdf_button, self.pdf_requested),
            (self.word_button, self.word_requested),
            (self.print_button, self.print_requested),
            (self.delete_button, self.delete_requested),
            (self.history_button, self.history_requested),
        ):
            button.clicked.connect(lambda _c=False, s=signal: self._emit(s))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self._emit(self.edit_requested))
        self.show_rows([], [], editable=False)

    def show_rows(
        self, rows: list[SessionRow], strip: list[WeekMark], editable: bool = True
    ) -> None:
        selected = self.selected_id()
        self.rows = rows
        self.new_button.setEnabled(editable)
        self.ics_button.setEnabled(editable)
        self.editable = editable
        self.table.setRowCount(0)
        for row in reversed(rows):  # newest first
            self._add(row)
        held = sum(1 for w in strip if w.held)
        # the week in progress counts once it has a session (or is already overdue)
        past = sum(1 for w in strip if not w.future and (w.held or w.breach or not w.current))
        unsigned = sum(1 for r in rows if r.signed != "signed")
        self.summary.setText(
            f"{counted(len(rows), 'session')}; {held} of {counted(past, 'week')} so far had "
            f"supervision; {counted(unsigned, 'record')} awaiting a signature."
        )
        self._show_strip(strip)
        if not (selected and self.select(selected)) and self.table.rowCount():
            self.table.selectRow(0)
        self._selection_changed()

    def _add(self, row: SessionRow) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        s = row.supervision
        days = "first" if row.days_since_previous is None else str(row.days_since_previous)
        values = (
            uk_date(s.date),
            FORMATS.get(s.format, s.format),
            days,
            str(len(s.cases_discussed)),
            SIGNED[row.signed],
            str(len(s.addenda)) if s.addenda else "",
        )
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setData(Qt.ItemDataRole.UserRole, s.id)
            if c == 2 and row.gap_state in GAP_TONES:
                cell.setForeground(QColor(tone(GAP_TONES[row.gap_state])))
            if c == 4 and row.signed != "signed":
                cell.setForeground(QColor(tone("amber")))
            self.table.setItem(r, c, cell)

    def _show_strip(self, strip: list[WeekMark]) -> None:
        while self.strip.count():
            item = self.strip.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.strip.addWidget(QLabel("Weeks:"))
        for n, week in enumerate(strip, start=1):
            box = QLabel(str(n))
            box.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.setFixedSize(24, 20)
            if week.future:
                box.setStyleSheet(
                    f"border: 1px solid {tone('rule')}; color: {tone('muted')}; border-radius: 3px;"
                )
                state = "still to come"
            elif week.current and not week.held and not week.breach:
                box.setStyleSheet(
                    f"border: 2px solid {tone('muted')}; color: {tone('ink')}; border-radius: 3px; "
                    "font-weight: bold;"
                )
                state = "in progress"
            else:
                colour = tone("green" if week.held else ("rule" if week.absent else "red"))
                box.setStyleSheet(
                    f"background: {colour}; color: {tone('on-fill')}; border-radius: 3px;"
                )
                state = "supervision held" if week.held else "no supervision"
                if week.absent and not week.held:
                    state = "student absent"
            box.setToolTip(f"Week {n}, from {uk_date(week.monday)}: {state}")
            box.setProperty("held", week.held)
            box.setProperty("state", state)
            self.strip.addWidget(box)
        self.strip.addStretch(1)

    def week_labels(self) -> list[str]:
        """What each week of the strip says (held, in progress, no supervision, …)."""
        return [
            str(self.strip.itemAt(i).widget().property("state"))
            for i in range(1, self.strip.count() - 1)
        ]

    def week_states(self) -> list[bool]:
        return [
            bool(self.strip.itemAt(i).widget().property("held"))
            for i in range(1, self.strip.count() - 1)
        ]

    def selected_id(self) -> str | None:
        return selected_key(self.table)

    def select(self, sid: str) -> bool:
        return select_key(self.table, sid)

    def selected_row(self) -> SessionRow | None:
        sid = self.selected_id()
        return next((r for r in self.rows if r.supervision.id == sid), None)

    def _emit(self, signal) -> None:  # type: ignore[no-untyped-def]
        sid = self.selected_id()
        if sid:
            signal.emit(sid)

    def _selection_changed(self) -> None:
        row = self.selected_row()
        editable = self.editable
        self.edit_button.setEnabled(editable and row is not None and not row.locked)
        self.sign_button.setEnabled(editable and row is not None and not row.locked)
        self.addendum_button.setEnabled(editable and row is not None and row.signed != "unsigned")
        self.delete_button.setEnabled(editable and row is not None and row.signed == "unsigned")
        for b in (self.pdf_button, self.word_button, self.print_button, self.history_button):
            b.setEnabled(row is not None)
        self.details.setHtml(session_html(row) if row else "<p>No session selected.</p>")


def session_html(row: SessionRow) -> str:
    s = row.supervision
    parts = [
        f"<h3>{uk_date(s.date)} · {FORMATS.get(s.format, s.format)}</h3>",
        f"<p>Attendees: {escape(', '.join(s.attendees)) or '—'}. {SIGNED[row.signed]}"
        f"{' (read-only; changes are addenda)' if row.locked else ''}.</p>",
    ]
    for d in s.case_direction:
        actions = "".join(
            f"<li>{escape(a.action)}{' — ' + escape(a.owner) if a.owner else ''}"
            f"{', due ' + uk_date(a.due) if a.due else ''}{', done ' + uk_date(a.done) if a.done else ''}</li>"
            for a in d.actions
        )
        parts.append(
            f"<p><b>{escape(d.case)}</b>: {escape(d.discussion)}<br><i>Decision:</i> "
            f"{escape(d.decision) or '—'}</p>{'<ul>' + actions + '</ul>' if actions else ''}"
        )
    if s.wellbeing:
        parts.append(f"<p><i>Wellbeing:</i> {escape(s.wellbeing)}</p>")
    if s.learning:
        parts.append(f"<p><i>Learning:</i> {escape(s.learning)}</p>")
    for a in s.addenda:
        parts.append(
            f"<p><b>Addendum {uk_date(a.date)}, {escape(a.author)}:</b> {escape(a.text)}</p>"
        )
    return "".join(parts)
