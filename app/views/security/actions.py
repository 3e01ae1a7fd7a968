"""Encryption, the passphrase, and the lock (by hand and after idle)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from app.services.safekeeping import (
    back_up_now,
    backup_rows,
    change_passphrase,
)
from app.services.workspace import DatabaseError, WrongPassphrase
from app.views.board import Board
from app.views.operation import Operation
from app.views.security.lock import (
    IDLE_DEFAULT,
    IDLE_SETTING,
    Cover,
    IdleWatcher,
    NewPassphraseDialog,
    PassphraseDialog,
)

log = logging.getLogger(__name__)


def backups(count: int) -> str:
    return {0: "Its backups (none yet) are", 1: "Its one backup is"}.get(
        count, f"Its {count} backups are"
    )


class SecurityActions:
    """Encryption, the passphrase, and the lock (by hand and after idle)."""

    def __init__(self, board: Board, parent: QWidget) -> None:
        self.w = board
        self.idle = IdleWatcher(self.lock, parent)
        self.covered: list[tuple[QDialog, Cover]] = []  # forms under the lock's cover

    def idle_minutes(self) -> int:
        return int(self.w.settings.value(IDLE_SETTING, IDLE_DEFAULT))

    def start_idle_lock(self) -> None:
        if self.w.workspace.encrypted and not self.w.workspace.locked:
            self.idle.start(self.idle_minutes())
        else:
            self.idle.stop()

    def edit_idle_lock(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self.w,
            "Lock after idle",
            "Lock an encrypted database after this many minutes without use (0: never):",
            self.idle_minutes(),
            0,
            240,
        )
        if ok:
            self.w.settings.setValue(IDLE_SETTING, minutes)
            self.start_idle_lock()

    def lock(self) -> None:
        """Hide every record and drop the key. Open forms stay as they are, covered and
        disabled; the supervision form saves its draft (encrypted) first."""
        ws = self.w.workspace
        if not ws.encrypted or ws.locked:
            return
        self.idle.stop()
        self.covered = []
        for dialog in self.w.findChildren(QDialog):
            if dialog.isVisible() and not isinstance(dialog, PassphraseDialog):
                pause = getattr(dialog, "pause_drafts", None)
                if callable(pause):
                    pause()
                dialog.setEnabled(False)
                self.covered.append((dialog, Cover(dialog)))
        ws.lock_records()
        self.w.show_locked(True)
        QTimer.singleShot(0, self.unlock)

    def unlock(self) -> bool:
        ws = self.w.workspace
        if not ws.locked:
            return True

        def attempt(passphrase: str) -> str | None:
            try:
                ws.unlock(passphrase)
            except WrongPassphrase:
                return "Wrong passphrase. Try again."
            except DatabaseError as exc:
                return str(exc)
            return None

        dialog = PassphraseDialog(
            "Unlock",
            f"The records in {ws.path.name} are locked. Type the passphrase to go on.",
            attempt,
            self.w,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or ws.locked:
            return False
        self.w.show_locked(False)
        for form, cover in self.covered:
            cover.deleteLater()
            form.setEnabled(True)
        self.covered = []
        self.w.reload()
        self.start_idle_lock()
        return True

    def encrypt_database(self) -> Operation | None:
        ws = self.w.workspace
        count = len(backup_rows(ws.path))
        dialog = NewPassphraseDialog(
            "Encrypt the database",
            f"The database is written out again, encrypted, and checked before it replaces "
            f"the readable file, which is then overwritten. {backups(count)} re-made "
            "encrypted with the same passphrase, so no readable copy stays behind; a backup "
            "that cannot be read is removed. Exported files and PDFs you saved stay as they are.",
            back_up=lambda: back_up_now(ws.path),
            parent=self.w,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return self._change_encryption(None, dialog.passphrase(), "Encrypted")
        return None

    def decrypt_database(self) -> Operation | None:
        ws = self.w.workspace
        answer = QMessageBox.question(
            self.w,
            "Decrypt the database?",
            "The database and its backups are written out again without encryption: anyone "
            "who has this laptop could then read them. Do this only when the laptop's disk is "
            "encrypted, or to move the records somewhere that cannot open encrypted files.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            return self._change_encryption(ws.db.key, None, "Decrypted")
        return None

    def change_passphrase(self) -> Operation | None:
        ws = self.w.workspace
        current = ws.db.key
        dialog = PassphraseDialog(
            "Change passphrase",
            "Type the current passphrase first.",
            lambda text: None if text == current else "That is not the current passphrase.",
            self.w,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        new = NewPassphraseDialog(
            "New passphrase",
            f"The database is re-made with the new passphrase, and "
            f"{backups(len(backup_rows(ws.path, current))).lower()} too; the old passphrase "
            "will no longer open them.",
            parent=self.w,
        )
        if new.exec() == QDialog.DialogCode.Accepted:
            return self._change_encryption(current, new.passphrase(), "New passphrase set for")
        return None

    def _change_encryption(self, old: str | None, new: str | None, done: str) -> Operation:
        """Let go of the database, re-write it and its backups in the background (a progress
        dialog holds the window meanwhile), and open it again."""
        ws = self.w.workspace
        path, as_of, profile = ws.path, ws.as_of, ws.profile
        ws.close(backup=False)

        def finished(notes: list[str]) -> None:
            self.w.reopen(path, as_of, profile, new)
            detail = "\n".join(f"• {note}" for note in notes) or "There were no backups."
            QMessageBox.information(self.w, done.split()[0], f"{done} {path.name}.\n\n{detail}")

        def failed(error: BaseException) -> None:
            self.w.reopen(path, as_of, profile, old)
            if isinstance(error, DatabaseError):
                QMessageBox.warning(self.w, "Nothing changed", str(error))
            else:
                QMessageBox.critical(
                    self.w,
                    "Nothing changed",
                    "An unexpected problem stopped it; "
                    "the database is as it was. The details are in the log file.",
                )

        return Operation(
            self.w,
            "Re-writing the database",
            lambda: change_passphrase(path, old, new),
            finished,
            failed,
            (DatabaseError,),
        ).start()
