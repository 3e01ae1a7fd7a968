"""A checklist item's date, who did it and a note: the induction's and every child's
transition checklist alike (shared, so neither area imports the other)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.policy.snapshot import ChecklistEntry
from app.views.underline import FREE_TEXT, watch
from app.views.widgets import date_edit, from_qdate


def save_cancel(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def text_or_none(edit: QLineEdit | QPlainTextEdit) -> str | None:
    value = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
    return value.strip() or None


class ItemDialog(QDialog):
    """When an item was done, by whom, and a note; a name too for a new own item."""

    def __init__(
        self,
        title: str,
        entry: ChecklistEntry | None,
        default_day: date,
        ask_name: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Parking permit")
        if ask_name:
            form.addRow("&Item", self.name)
        self.done_on = date_edit(entry.date if entry else default_day)
        self.by = QLineEdit(entry.by if entry and entry.by else "")
        self.note = QLineEdit(entry.note if entry and entry.note else "")
        self.note.setProperty(FREE_TEXT, True)  # the privacy guard reads it
        form.addRow("&Done on", self.done_on)
        form.addRow("&By", self.by)
        form.addRow("&Note", self.note)
        form.addRow(save_cancel(self))
        watch(self)  # what looks like a name or a number is underlined

    def entry(self) -> ChecklistEntry:
        return ChecklistEntry(
            from_qdate(self.done_on.date()), text_or_none(self.by), text_or_none(self.note)
        )
