"""The database: opening another, recent files, backups, restore, verify."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.policy.wording import counted
from app.services.safekeeping import (
    back_up_now,
    backup_rows,
    restore_database,
    verify_database,
)
from app.services.workspace import DatabaseError, Workspace
from app.views.board import Board
from app.views.database.backups import BackupsDialog
from app.views.operation import Operation, refusal

log = logging.getLogger(__name__)

RECENT_SETTING, RECENT_KEPT = "files/recent", 6  # File › Open recent


class DatabaseActions:
    """The database: opening another, recent files, backups, restore, verify."""

    def __init__(self, board: Board) -> None:
        self.w = board

    def open_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            "Open or create a database",
            str(self.w.workspace.path.parent),
            "Placement Tracker database (*.sqlite *.db);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.switch_database(Path(path))

    def recent_databases(self) -> list[Path]:
        """The databases opened lately, newest first (the one open now included)."""
        saved = self.w.settings.value(RECENT_SETTING, [])
        paths = [saved] if isinstance(saved, str) else list(saved or [])
        return [Path(p) for p in paths if isinstance(p, str) and p]

    def remember_database(self, path: Path) -> None:
        here = path.expanduser().resolve()
        others = [p for p in self.recent_databases() if p.resolve() != here]
        self.w.settings.setValue(RECENT_SETTING, [str(p) for p in [here, *others][:RECENT_KEPT]])

    def fill_recent(self, menu: QMenu) -> None:
        """File › Open recent, as it opens: the databases opened lately but this one."""
        menu.clear()
        current = self.w.workspace.path.resolve()
        shown = [p for p in self.recent_databases() if p.resolve() != current]
        for n, path in enumerate(shown, start=1):
            action = menu.addAction(f"&{n} {path.name} — {path.parent}")
            action.setEnabled(path.exists())
            action.setToolTip(str(path) if path.exists() else f"{path} is not there any more")
            action.triggered.connect(lambda _c=False, p=path: self.switch_database(p))
        if not shown:
            menu.addAction("No other database opened lately").setEnabled(False)

    def switch_database(self, path: Path) -> bool:
        if path.expanduser().resolve() == self.w.workspace.path.resolve():
            self.w.reload()  # already the one open: opening it again would meet our own lock
            return True
        try:
            workspace = Workspace.open(path, self.w.workspace.as_of, self.w.workspace.profile)
        except DatabaseError as exc:
            log.warning("could not open a database: %s", type(exc).__name__)
            QMessageBox.warning(self.w, "Cannot open database", str(exc))
            return False
        self.w.workspace.close()
        self.w.workspace = workspace
        self.remember_database(workspace.path)
        self.w.placement_id = None
        self.w.changes.forget()
        self.w.reload()
        return True

    def show_backups(self) -> BackupsDialog:
        path, key = self.w.workspace.path, self.w.workspace.db.key
        dialog = BackupsDialog(
            path,
            lambda: backup_rows(path, key),
            lambda then: self._back_up(path, then),
            self.restore_backup,
            self.w,
        )
        dialog.open()
        return dialog

    def _back_up(self, path: Path, then: Callable[[], None]) -> Operation:
        """Back up now (File › Backups…), in a worker; ``then`` refreshes the list."""
        key = self.w.workspace.db.key

        def done(made: Path) -> None:
            self.w.statusBar().showMessage(f"Backed up to {made.name}", 5000)
            then()

        return Operation(
            self.w,
            "Backing up",
            lambda: back_up_now(path, key),
            done,
            refusal(self.w, "No backup made"),
            (DatabaseError,),
        ).start()

    def restore_backup(self, backup: Path) -> Operation:
        """Let go of the database, put the backup in its place (in a worker), open it again."""
        ws = self.w.workspace
        path, as_of, profile, key = ws.path, ws.as_of, ws.profile, ws.db.key
        ws.close(backup=False)  # the restore backs the current file up itself
        self.w.hold(True)

        def reopen(message: str | None) -> None:
            self.w.hold(False)
            self.w.placement_id = None  # the restored file may hold other placements
            self.w.reopen(path, as_of, profile, key)
            if message:
                self.w.statusBar().showMessage(message, 10000)

        def done(saved: Path | None) -> None:
            kept = f" The database it replaced is kept as {saved.name}." if saved else ""
            reopen(f"Restored {backup.name}.{kept}")

        def failed(error: BaseException) -> None:
            reopen(None)
            refusal(self.w, "Not restored")(error)

        return Operation(
            self.w,
            "Restoring the backup",
            lambda: restore_database(backup, path, force=True, key=key),
            done,
            failed,
            (DatabaseError,),
        ).start()

    def verify(self) -> Operation:
        """File › Verify database: the full check, as `verify` does it, in a worker."""
        path, key = self.w.workspace.path, self.w.workspace.db.key

        def done(problems: list[str]) -> None:
            if not problems:
                QMessageBox.information(
                    self.w,
                    "Database sound",
                    f"{path.name} is sound: the file's integrity, the links between records, "
                    "and every placement read back and checked as an import would.",
                )
                return
            QMessageBox.warning(
                self.w,
                "Problems found",
                f"{path.name}: {counted(len(problems), 'problem')} found:\n\n"
                + "\n".join(problems[:20])
                + "\n\nFile › Backups… lists the backups you can restore.",
            )

        return Operation(
            self.w,
            "Verifying the database",
            lambda: verify_database(path, key),
            done,
            refusal(self.w, "Not verified"),
            (DatabaseError,),
        ).start()
