"""File › Backups…: the database's backups (date, size, placements in each), one restored on request.

The dialog lists and asks; the main window does the restoring, because it must let go of
the database first and open it again after.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.safekeeping import BackupRow
from app.views.widgets import ruled_table, selected_key

REASONS = {
    "daily": "on closing",
    "before-import": "before an import",
    "before-migration": "before an update of the app",
    "before-restore": "before a restore",
    "by-hand": "made by you",
}


def file_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def when(row: BackupRow) -> str:
    return f"{row.taken.day} {row.taken:%b %Y, %H:%M}"


class BackupsDialog(QDialog):
    """Lists backups; Restore asks for confirmation, then hands the chosen file to ``restore``."""

    def __init__(
        self,
        db_path: Path,
        rows: Callable[[], list[BackupRow]],
        back_up: Callable[[Callable[[], None]], object],
        restore: Callable[[Path], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.resize(640, 380)
        self.db_path, self._rows, self._back_up, self._restore = db_path, rows, back_up, restore
        folder = db_path.parent / "backups"
        intro = QLabel(
            f"Backups of <b>{db_path.name}</b>, newest first, kept in {folder}. One is made "
            "when you close the app after a change (at most one a day), and before every "
            "import, update and restore; the last ten and one a month for a year are kept."
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = ruled_table(["Taken", "Why", "Size", "Placements"])
        self.table.setAccessibleName("Backups")
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.restore_button = QPushButton("&Restore this backup…")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        now = QPushButton("&Back up now")
        now.clicked.connect(self.back_up_now)
        folder_button = QPushButton("Open &folder")
        folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        )
        for button in (self.restore_button, now, folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self._rows()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = [
                when(row),
                REASONS.get(row.reason, row.reason),
                file_size(row.size),
                str(row.placements) if row.usable else "damaged: cannot be used",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, str(row.path))
                self.table.setItem(r, c, item)
        if self.rows:
            self.table.selectRow(0)
        self._selection_changed()

    def selected(self) -> BackupRow | None:
        key = selected_key(self.table)
        return next((r for r in self.rows if str(r.path) == key), None)

    def _selection_changed(self) -> None:
        row = self.selected()
        self.restore_button.setEnabled(row is not None and row.usable)

    def back_up_now(self) -> object:
        """Back up now; the list shows the new backup once it is made (the operation)."""
        return self._back_up(self.refresh)

    def restore_selected(self) -> object:
        """After a Yes: the restore (an operation in the window); None when nothing happens."""
        row = self.selected()
        if row is None or not row.usable:
            return None
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Put the backup of {when(row)} ({row.placements} placement"
            f"{'' if row.placements == 1 else 's'}) in place of the database you have open?\n\n"
            "Everything recorded since then is replaced. The database as it is now is backed up "
            "first, so this can be undone by restoring that backup.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        self.accept()
        return self._restore(row.path)
