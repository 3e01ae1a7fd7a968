"""The privacy guard's dialogs: what a record about to leave holds, and the preferences."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.interchange.free_text import FieldHit
from app.policy.identifying import KINDS
from app.policy.wording import counted
from app.services.privacy import PrivacySettings
from app.views.item_dialog import save_cancel
from app.views.widgets import ruled_table

ON_SETTING = "privacy/on"
KINDS_OFF_SETTING = "privacy/kinds_off"
NEVER_SETTING = "privacy/never"


def load_privacy(settings: QSettings) -> PrivacySettings:
    """The guard's preferences as kept in the settings; on, with every kind, at first."""
    off = settings.value(KINDS_OFF_SETTING, [])
    never = settings.value(NEVER_SETTING, [])
    as_list = lambda v: [v] if isinstance(v, str) else list(v or [])  # noqa: E731
    return PrivacySettings(
        on=str(settings.value(ON_SETTING, "true")).lower() != "false",
        kinds_off=frozenset(k for k in as_list(off) if k in KINDS),
        never=tuple(w for w in as_list(never) if isinstance(w, str) and w.strip()),
    )


def save_privacy(settings: QSettings, privacy: PrivacySettings) -> None:
    settings.setValue(ON_SETTING, "true" if privacy.on else "false")
    settings.setValue(KINDS_OFF_SETTING, sorted(privacy.kinds_off))
    settings.setValue(NEVER_SETTING, list(privacy.never))


class LeavingDialog(QDialog):
    """Before a record leaves the app: what in it looks identifying, where, and a choice."""

    GO_TO, LEAVE = 2, 3

    def __init__(
        self,
        what: str,
        hits: list[FieldHit],
        where: Callable[[FieldHit], tuple[str, str]],
        parent: QWidget | None = None,
        leaving: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check before it leaves" if leaving else "What looks identifying")
        self.hits = hits
        fields = len({h.field.path for h in hits})
        intro = QLabel(
            f"<p>{what[:1].upper() + what[1:]} holds {counted(len(hits), 'thing')} in "
            f"{counted(fields, 'field')} that look{'s' if len(hits) == 1 else ''} like a "
            "name, an address or a number. Records name children by initials and case "
            "reference only, so that printed and shared copies stay safe to carry.</p>"
            + (
                "<p><b>Go to</b> opens the record to change it; <b>Leave it as it is</b> goes "
                "on (the history notes that you chose to, and how many, never the text).</p>"
                if leaving
                else "<p><b>Go to</b> opens the record to change it.</p>"
            )
        )
        intro.setWordWrap(True)
        self.table = ruled_table(("Record", "Field", "Looks like", "Text"))
        self.table.setAccessibleName("What looks identifying")
        for row, h in enumerate(hits):
            self.table.insertRow(row)
            record, field = where(h)
            for column, value in enumerate((record, field, h.hit.looks_like, h.hit.text)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if hits:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go_to = QPushButton("Go to")
        self.leave = QPushButton("Leave it as it is")
        buttons.addButton(self.go_to, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.leave, QDialogButtonBox.ButtonRole.AcceptRole)
        self.leave.setVisible(leaving)
        self.go_to.clicked.connect(lambda: self.done(self.GO_TO))
        self.leave.clicked.connect(lambda: self.done(self.LEAVE))
        buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(lambda _i: self.done(self.GO_TO))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def chosen(self) -> FieldHit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.hits[rows[0].row()] if rows else (self.hits[0] if self.hits else None)


class PreferencesDialog(QDialog):
    """Edit › Preferences › Privacy: the guard on or off, the kinds it looks for, and the
    words it never flags."""

    def __init__(self, privacy: PrivacySettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Privacy")
        layout = QVBoxLayout(self)
        self.on = QCheckBox("Look for names, addresses and numbers in what I type (recommended)")
        self.on.setChecked(privacy.on)
        layout.addWidget(self.on)
        layout.addWidget(QLabel("Look for:"))
        self.kinds: dict[str, QCheckBox] = {}
        for kind, looks_like in KINDS.items():
            box = QCheckBox(
                looks_like[:1].upper() + looks_like[1:].removeprefix("a ").removeprefix("an ")
            )
            box.setChecked(kind not in privacy.kinds_off)
            self.kinds[kind] = box
            layout.addWidget(box)
        layout.addWidget(
            QLabel("Never flag these words (one a line: a school, a colleague, a team):")
        )
        self.never = QPlainTextEdit("\n".join(privacy.never))
        self.never.setAccessibleName("Words never to flag")
        self.never.setTabChangesFocus(True)
        layout.addWidget(self.never)
        self.on.toggled.connect(self._enable)
        self._enable(privacy.on)
        layout.addWidget(save_cancel(self))

    def _enable(self, on: bool) -> None:
        for box in self.kinds.values():
            box.setEnabled(on)

    def privacy(self) -> PrivacySettings:
        words = [w.strip() for w in self.never.toPlainText().splitlines() if w.strip()]
        return PrivacySettings(
            on=self.on.isChecked(),
            kinds_off=frozenset(k for k, box in self.kinds.items() if not box.isChecked()),
            never=tuple(dict.fromkeys(words)),
        )


__all__ = ["LeavingDialog", "PreferencesDialog", "load_privacy", "save_privacy"]
