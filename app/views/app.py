"""The slow part of start-up (``app.views.start`` has the frame up meanwhile): the database,
the window, the screenshot mode."""

from __future__ import annotations

import gc
import logging
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import PASSPHRASE_ENV
from app.services.safekeeping import (
    inspect_database,
    needs_passphrase,
    newest_usable_backup,
    restore_database,
)
from app.services.workspace import (
    DatabaseError,
    DatabaseInUse,
    Workspace,
    WrongPassphrase,
    default_db_path,
)
from app.views.frame import DEFAULT_SIZE, Frame, OpeningFrame, save_picture
from app.views.main_window import MainWindow
from app.views.security.lock import PassphraseDialog

log = logging.getLogger(__name__)

SCREENSHOT_SIZE = DEFAULT_SIZE


def open_workspace(
    db_path: str | None,
    demo: bool,
    as_of: date,
    scratch: Path | None = None,
    key: str | None = None,
) -> Workspace:
    """The real database, or a throwaway one for ``--demo`` (unless ``--db`` names one).

    The throwaway database goes in ``scratch``, a folder the caller removes at exit.
    """
    if demo and not db_path:
        folder = scratch or Path(tempfile.mkdtemp(prefix="placement-demo-"))
        db_path = str(folder / "demo.sqlite")
    workspace = Workspace.open(db_path, as_of, key=key)
    if demo:
        from app.services.demo import load_demo  # invented data: loaded only when asked for

        load_demo(workspace.db, as_of)
    return workspace


def ask_passphrase(path: Path, unattended: bool) -> str | None:
    """The passphrase of an encrypted database: from the environment, else asked for until it
    opens the file (Cancel: None). With --screenshot only the environment is used."""
    given = os.environ.get(PASSPHRASE_ENV)

    def attempt(passphrase: str) -> str | None:
        try:
            inspect_database(path, passphrase)
        except WrongPassphrase:
            return "Wrong passphrase. Try again."
        except DatabaseError as exc:
            return str(exc)
        return None

    if given and attempt(given) is None:
        return given
    if unattended:
        problem = "wrong passphrase in" if given else "no passphrase; set"
        print(
            f"placement-tracker: {path} is encrypted: {problem} {PASSPHRASE_ENV}.", file=sys.stderr
        )
        return None
    chosen: list[str] = []

    def remember(passphrase: str) -> str | None:
        problem = attempt(passphrase)
        if problem is None:
            chosen.append(passphrase)
        return problem

    dialog = PassphraseDialog(
        "Encrypted database",
        f"{path.name} is encrypted. Type its passphrase to open it.",
        remember,
    )
    dialog.exec()
    return chosen[0] if chosen else None


def offer_restore(path: Path, problem: DatabaseError) -> bool:
    """The database cannot be used: say why, and offer its newest good backup in its place.

    Returns True once the backup is in place (the damaged file is kept in the backups folder).
    """
    backup = newest_usable_backup(path) if path.exists() else None
    if backup is None:
        QMessageBox.critical(None, "Cannot open database", str(problem))
        return False
    box = QMessageBox(QMessageBox.Icon.Critical, "Cannot open database", str(problem))
    restore = box.addButton("&Restore the newest backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        restore_database(backup, path, force=True)
    except DatabaseError as exc:
        QMessageBox.critical(None, "Not restored", str(exc))
        return False
    log.info("restored the newest backup at start")
    return True


def settle_memory() -> None:
    """Once the window is up: move everything made so far out of the garbage collector's
    sight. The app lives for hours, and a full collection over the start-up objects would
    otherwise pause the window whenever slow work in a worker triggers one."""
    gc.collect()
    gc.freeze()


def take_frames_place(window: MainWindow, frame: Frame, screenshot: bool) -> None:
    """The window goes up where the frame stood (even if it was moved meanwhile; at the
    picture's size for a screenshot), and the frame goes."""
    if screenshot:
        window.resize(*SCREENSHOT_SIZE)
    elif not (frame.isMaximized() or frame.isFullScreen()):
        window.setGeometry(frame.geometry())
    window.show()
    frame.close()
    window.activateWindow()


def save_screenshot(window: MainWindow, path: Path) -> None:
    QApplication.processEvents()
    save_picture(window, path)


SCREENSHOT_DIALOGS = ("allocate", "history", "profile", "observation")


def save_dialog_screenshot(window: MainWindow, name: str, path: Path) -> None:
    """A dialog as a PE would see it mid-task (for docs): the allocation dialog showing a
    breach, Placement › History, Edit › Policy profile… changed here, or a direct
    observation's report."""
    if name == "profile":  # Stockport's ready-made profile, one rule switched back on
        from app.interchange.profile_file import read_profile
        from app.views.placement.policy import READY_MADE

        policy = window.placement_actions.policy_dialog()
        policy.load(read_profile(READY_MADE / "stockport.json"))
        policy.rule_items["report.s7-early"].setCheckState(0, Qt.CheckState.Checked)
        policy.tabs.setCurrentIndex(1)  # the rules, on and off
        policy.show()
        QApplication.processEvents()
        save_picture(policy, path)
        return
    if name == "observation":  # the demo's second report, half written
        report = window.visit_actions.observation_dialog("obs-2")
        report.show()
        QApplication.processEvents()
        save_picture(report, path)
        return
    if name == "history":
        history = window.history_actions.open_history()
        if history is None or window.history_actions.reading is None:
            raise SystemExit("placement-tracker: the dialog needs a placement (try --demo)")
        window.history_actions.reading.wait()
        save_picture(history, path)
        return
    dialog = window.case_actions.case_dialog()
    if dialog is None:
        raise SystemExit("placement-tracker: the dialog needs a placement (try --demo)")
    dialog.ref.setText("D-1207")
    dialog.initials.setText("KM")
    dialog.type.setCurrentIndex(dialog.type.findData("cp"))
    dialog.role.setCurrentIndex(dialog.role.findData("lead"))
    dialog.complexity.setCurrentIndex(dialog.complexity.findData("high"))
    dialog.rationale.setPlainText("Sibling of a child the student already works with.")
    dialog.keyworker.setText("Sam Adeyemi")
    dialog.previous.setValue(1)
    dialog.previous_consulted.set_value(True)
    dialog.consulted.set_value(True)
    dialog.briefed.set_value(dialog.briefed.today)
    dialog.transition.set_value(False)
    dialog.conflict.set_value(False)
    dialog.risk_to_worker.set_value(False)
    dialog.learning.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.refresh()
    dialog.show()
    QApplication.processEvents()
    save_picture(dialog, path)


def open_and_show(
    qt_app: QCoreApplication,
    scratch: Path,
    settings: QSettings,
    frame: OpeningFrame,
    *,
    db_path: str | None,
    as_of: date,
    demo: bool,
    screenshot: Path | None,
    page: str | None,
    dialog: str | None,
    appearance: str | None,
) -> int:
    """The slow part of start-up, with the frame on screen: open the database (asking for
    its passphrase, or offering a backup when it is damaged), build the window in the
    frame's place, and run it. If the PE closes the frame meanwhile, the app ends there."""
    frame.keep_up()
    key = None
    path = default_db_path(db_path) if db_path or not demo else None
    if path is not None and needs_passphrase(path):
        key = ask_passphrase(path, screenshot is not None)
        if key is None:
            return 2
    try:
        workspace = open_workspace(db_path, demo, as_of, scratch, key)
    except DatabaseError as exc:
        log.error("cannot open the database: %s", type(exc).__name__)
        if screenshot:
            print(f"placement-tracker: {exc}", file=sys.stderr)
            return 2
        if isinstance(exc, DatabaseInUse):
            QMessageBox.critical(None, "Already open", str(exc))
            return 2
        if not offer_restore(default_db_path(db_path), exc):
            return 2
        try:
            workspace = open_workspace(db_path, demo, as_of, scratch, key)
        except DatabaseError as again:
            QMessageBox.critical(None, "Cannot open database", str(again))
            return 2
    window = MainWindow(workspace, settings, appearance)
    try:
        frame.keep_up()
        if frame.dismissed:
            return 0
        return _show(qt_app, window, frame, screenshot, page, dialog)
    finally:
        window.workspace.close()  # the window may have switched database meanwhile


def _show(
    qt_app: QCoreApplication,
    window: MainWindow,
    frame: Frame,
    screenshot: Path | None,
    page: str | None,
    dialog: str | None,
) -> int:
    if page:
        titles = [t.lower() for t in window.page_titles()]
        if page.lower() not in titles:
            print(
                f"placement-tracker: no page called {page!r}; pages: {', '.join(window.page_titles())}",
                file=sys.stderr,
            )
            return 2
        window.show_page(titles.index(page.lower()))
    take_frames_place(window, frame, screenshot is not None)
    if screenshot and dialog:
        if dialog not in SCREENSHOT_DIALOGS:
            print(
                f"placement-tracker: no dialog called {dialog!r}; dialogs: {', '.join(SCREENSHOT_DIALOGS)}",
                file=sys.stderr,
            )
            return 2
        save_dialog_screenshot(window, dialog, screenshot)
        print(f"Saved {screenshot}")
        return 0
    if screenshot:
        save_screenshot(window, screenshot)
        print(f"Saved {screenshot}")
        return 0
    settle_memory()
    QTimer.singleShot(0, window.raise_)
    QTimer.singleShot(
        0, window.supervision_actions.offer_drafts
    )  # after a crash: offer back what was being typed
    return int(qt_app.exec())
