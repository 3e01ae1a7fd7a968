"""Help › About, Keyboard shortcuts and the placement file's description: where things are
kept, how to reach them, and how a placement file is written."""

from __future__ import annotations

import platform
from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.paths import DOCS, current_log_file
from app.services.licences import PackageLicence, packages
from app.services.safekeeping import backups_dir
from app.services.workspace import Workspace
from app.views.widgets import ruled_table


def open_folder(folder: Path) -> None:
    """Show ``folder`` in the system's file manager (made first if it is not there yet)."""
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    """Help › About: the version, what it runs on, and where the records, backups and log
    are kept, each with a button that opens its folder."""

    def __init__(
        self,
        version: str,
        database: Path,
        backups: Path,
        log_file: Path,
        profile: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Placement Tracker")
        self.setMinimumWidth(560)
        intro = QLabel(
            f"<h2>Placement Tracker {escape(version)}</h2>"
            "<p>Keeps a social work student's placement safe, lawful and evidenced.</p>"
            f"<p>Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {pyside_version}</p>"
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.places: dict[str, Path] = {}
        rows = (
            ("Database", database, database.parent),
            ("Backups", backups, backups),
            ("Log file", log_file, log_file.parent),
        )
        for r, (what, path, folder) in enumerate(rows):
            name = QLabel(f"<b>{what}</b>")
            where = QLabel(escape(str(path)))
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setWordWrap(True)
            button = QPushButton("Open folder")
            button.setAccessibleName(f"Open the folder of the {what.lower()}")
            button.clicked.connect(lambda _c=False, f=folder: open_folder(f))
            name.setBuddy(button)
            grid.addWidget(name, r, 0)
            grid.addWidget(where, r, 1)
            grid.addWidget(button, r, 2)
            self.places[what] = path
        grid.addWidget(QLabel("<b>Policy profile</b>"), len(rows), 0)
        self.profile = QLabel(escape(profile))
        grid.addWidget(self.profile, len(rows), 1, 1, 2)
        grid.setColumnStretch(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.licences_button = QPushButton("Open-source licences")
        buttons.addButton(self.licences_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.licences_button.clicked.connect(self.show_licences)
        self.licences: LicencesDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def show_licences(self) -> LicencesDialog:
        self.licences = LicencesDialog(packages(), self)
        self.licences.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.licences.show()
        return self.licences


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """Every action that has a shortcut, as (what it does, the keys), from the actions
    themselves: the list can never fall out of step with the menus."""
    rows = []
    for action in actions:
        keys = action.shortcut()
        if keys.isEmpty():
            continue
        what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        rows.append((what, keys.toString(QKeySequence.SequenceFormat.NativeText)))
    return rows


class LicencesDialog(QDialog):
    """Help › About › Open-source licences: every package inside the app, its version and
    licence; choosing one shows its licence text."""

    def __init__(self, found: list[PackageLicence], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open-source licences")
        self.found = found
        intro = QLabel(
            "Placement Tracker is built on these open-source packages. Qt (PySide6) is used "
            "under the LGPL v3 and kept as separate, replaceable libraries."
        )
        intro.setWordWrap(True)
        self.table = ruled_table(("Package", "Version", "Licence"))
        self.table.setAccessibleName("Open-source packages")
        for row, p in enumerate(found):
            self.table.insertRow(row)
            for column, value in enumerate((p.name, p.version, p.licence)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.text = QTextBrowser()
        self.text.setAccessibleName("Licence text")
        self.table.itemSelectionChanged.connect(self._show_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(760, 620)
        if found:
            self.table.selectRow(0)

    def _show_text(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.text.setPlainText(self.found[rows[0].row()].text)


class ShortcutsDialog(QDialog):
    """Help › Keyboard shortcuts."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(460, 520)
        self.rows = shortcut_rows(actions)
        self.table = ruled_table(["Action", "Keys"])
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setRowCount(len(self.rows))
        for r, (what, keys) in enumerate(self.rows):
            self.table.setItem(r, 0, QTableWidgetItem(what))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Every shortcut, as the menus have them. Ctrl+1 to Ctrl+9 open the pages.")
        )
        layout.addWidget(self.table)
        layout.addWidget(buttons)


def open_about(window: QWidget, workspace: Workspace) -> AboutDialog:
    """Help › About: versions, and where the database, its backups and the log are kept."""
    dialog = AboutDialog(
        __version__,
        workspace.path,
        backups_dir(workspace.path),
        current_log_file(),
        workspace.profile.label(),
        window,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_shortcuts(window: QWidget) -> ShortcutsDialog:
    """Help › Keyboard shortcuts, read from the window's actions themselves."""
    dialog = ShortcutsDialog(window.actions(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class GuideDialog(QDialog):
    """A page of the project's own docs/, shown in the app: it ships with the app and reads
    the same offline."""

    def __init__(self, page: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        try:
            self.browser.setMarkdown(page.read_text(encoding="utf-8"))
            self.setWindowTitle(self.browser.document().firstBlock().text() or page.stem)
        except OSError:
            self.browser.setPlainText(
                f"The page {page.name} is missing from this copy of the app. "
                "Install the app again to get it back."
            )
            self.setWindowTitle(page.stem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 640)


def open_guide(window: QWidget, page: str) -> GuideDialog:
    """A page of docs/ in the app: Help › The placement file, Help › Commands."""
    dialog = GuideDialog(DOCS / page, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
