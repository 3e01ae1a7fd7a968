"""Encryption in the window: the passphrase prompt, the new-passphrase form, the idle lock.

The passphrase only passes through these widgets to the services; it is never stored in
settings or written to the log.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

IDLE_SETTING = "security/idle_lock_minutes"
IDLE_DEFAULT = 15
LOST_WARNING = (
    "<b>A lost passphrase means lost records.</b> Nobody, us included, can open the database "
    "without it. Write it down somewhere safe, away from the laptop."
)


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class PassphraseDialog(QDialog):
    """Asks for the passphrase and tries it with ``attempt``; a wrong one says so and asks again.

    ``attempt`` returns None when the passphrase opened the database, or the sentence to show.
    """

    def __init__(
        self,
        title: str,
        message: str,
        attempt: Callable[[str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._attempt = attempt
        intro = QLabel(message)
        intro.setWordWrap(True)
        self.passphrase = _password_field("Passphrase")
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setProperty("tone", "red")
        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_passphrase)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def try_passphrase(self) -> None:
        text = self.passphrase.text()
        problem = self._attempt(text) if text else "Type the passphrase first."
        self.passphrase.clear()
        if problem is None:
            self.accept()
            return
        self.problem.setText(problem)
        self.passphrase.setFocus()


class NewPassphraseDialog(QDialog):
    """A new passphrase, typed twice, with what it means for the records and their backups."""

    def __init__(
        self,
        title: str,
        backups_note: str,
        back_up: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        warning = QLabel(LOST_WARNING)
        warning.setWordWrap(True)
        note = QLabel(backups_note)
        note.setWordWrap(True)
        self.first = _password_field("New passphrase")
        self.second = _password_field("New passphrase again")
        form = QFormLayout()
        form.addRow("&New passphrase:", self.first)
        form.addRow("&Again:", self.second)
        self.problem = QLabel()
        self.problem.setProperty("tone", "red")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if back_up is not None:
            suggestion = QLabel(
                "Before you start, a backup is wise: <b>Back up now</b> makes one in the "
                "backups folder (it is re-made encrypted with the rest)."
            )
            suggestion.setWordWrap(True)
            now = self.buttons.addButton("&Back up now", QDialogButtonBox.ButtonRole.ActionRole)
            now.clicked.connect(
                lambda: (back_up(), now.setEnabled(False), now.setText("Backed up"))
            )
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        if back_up is not None:
            layout.addWidget(suggestion)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.first, self.second):
            field.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        first, second = self.first.text(), self.second.text()
        problem = ""
        if not first:
            problem = "Type the new passphrase twice."
        elif len(first) < 8:
            problem = "Use at least 8 characters; a short sentence is easy to remember."
        elif first != second:
            problem = "The two passphrases differ."
        self.problem.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)
        ok.setToolTip(problem)

    def passphrase(self) -> str:
        return self.first.text()


class IdleWatcher(QObject):
    """Calls ``on_idle`` after ``minutes`` with no key press or mouse use anywhere in the app."""

    INPUT = {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }

    def __init__(self, on_idle: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)

    def start(self, minutes: int) -> None:
        if minutes <= 0:
            self.stop()
            return
        self.timer.setInterval(minutes * 60_000)
        self.timer.start()
        # Watch every event only while there is something to time: a filter on the whole
        # app is a Python call for each of its events (thousands at every repaint).
        QCoreApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        self.timer.stop()
        QCoreApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self.INPUT and self.timer.isActive():
            self.timer.start()  # start again from now
        return False


class LockScreen(QWidget):
    """What the window shows while locked: no records, one way back in."""

    def __init__(self, unlock: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Placement Tracker is locked")
        title.setObjectName("pageTitle")
        text = QLabel(
            "The records are hidden and the database is closed until you type its passphrase."
        )
        button = QPushButton("&Unlock…")
        button.clicked.connect(lambda: unlock())
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text, button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class Cover(QWidget):
    """An opaque sheet over an open form while the app is locked: what was typed stays in the
    form, unseen and untouchable, and comes back as it was after the passphrase."""

    def __init__(self, form: QWidget) -> None:
        super().__init__(form)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        label = QLabel("Locked")
        label.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        self.setGeometry(form.rect())
        form.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False
