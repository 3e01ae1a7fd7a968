"""Encryption in the window: asked for at start, set from File › Security, and the idle lock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.db.storage import is_encrypted
from app.services.demo import load_demo
from app.services.safekeeping import change_passphrase
from app.services.workspace import Workspace
from app.views.main_window import MainWindow
from app.views.security.lock import Cover, NewPassphraseDialog, PassphraseDialog
from tests.views.conftest import seen as glance

AS_OF = date(2026, 11, 23)
QUOTES = "a\"b'c;--é"


def when_modal(kind: type, act: Callable[[QWidget], None]) -> None:
    """When a modal ``kind`` opens, let ``act`` work it (as a person at the keyboard would)."""

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(10, look)
            return
        act(widget)

    QTimer.singleShot(0, look)


def type_passphrase(text: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, PassphraseDialog)
        dialog.passphrase.setText(text)
        dialog.try_passphrase()

    return act


def encrypted_demo(tmp_path: Path) -> Path:
    path = tmp_path / "placements.sqlite"
    ws = Workspace.open(path, AS_OF)
    load_demo(ws.db, AS_OF)
    ws.close()
    change_passphrase(path, None, QUOTES)
    return path


def test_the_app_asks_for_the_passphrase_and_says_when_it_is_wrong(
    qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.views import app as gui
    from app.views.start import run_gui

    path = encrypted_demo(tmp_path)
    monkeypatch.delenv("PLACEMENT_TRACKER_PASSPHRASE", raising=False)
    opened: list[MainWindow] = []
    monkeypatch.setattr(gui, "_show", lambda _app, window, *_a: opened.append(window) or 0)
    problems: list[str] = []

    def wrong_then_right(dialog: QWidget) -> None:
        type_passphrase("not it")(dialog)
        problems.append(dialog.problem.text())  # type: ignore[attr-defined]
        assert dialog.isVisible()  # still asking
        type_passphrase(QUOTES)(dialog)

    when_modal(PassphraseDialog, wrong_then_right)
    assert run_gui(db_path=str(path), as_of=AS_OF) == 0
    assert problems == ["Wrong passphrase. Try again."]
    assert opened and opened[0].overview.title.text() == "Robin Ashdown"

    when_modal(PassphraseDialog, lambda d: d.reject())  # Cancel: the app does not start
    assert run_gui(db_path=str(path), as_of=AS_OF) == 2


def test_encrypting_from_the_security_menu_and_the_idle_lock(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "placements.sqlite"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ws = Workspace.open(path, AS_OF)
    load_demo(ws.db, AS_OF)
    window = MainWindow(ws, settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.lock_action.isEnabled()  # nothing to lock in a plaintext database

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, NewPassphraseDialog)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        dialog.first.setText(QUOTES)
        dialog.second.setText(QUOTES + "x")
        assert "differ" in dialog.problem.text() and not ok.isEnabled()
        dialog.second.setText(QUOTES)
        assert ok.isEnabled()
        ok.click()

    when_modal(NewPassphraseDialog, choose)
    when_modal(QMessageBox, lambda box: box.accept())  # the summary of what became of the backups
    item = next(r.item for r in glance(window, window.induction).view.rows if r.entry is not None)
    window.induction_actions.clear_induction_item(item)
    assert window.undo_action.isEnabled()
    operation = window.security_actions.encrypt_database()
    assert operation is not None and operation.wait() is not None
    # its undo step belonged to the connection that was closed: offering it would fail
    assert not window.undo_action.isEnabled()
    assert is_encrypted(path) and window.workspace.encrypted
    assert window.lock_action.isEnabled() and window.overview.title.text() == "Robin Ashdown"

    # A session being written when the laptop is left: the idle lock covers the form,
    # saves what was typed as an (encrypted) draft, and gives the form back as it was.
    pid = window.placement_id
    dialog = window.supervision_actions.session_dialog()
    dialog.wellbeing.setPlainText("Talked about the drive home after the visit.")
    dialog.show()
    seen: dict[str, object] = {}

    def at_the_prompt(prompt: QWidget) -> None:
        """Locked: the records are gone and the key dropped, until the right passphrase."""
        assert isinstance(prompt, PassphraseDialog)
        seen["locked"] = window.workspace.locked
        seen["key"] = window.workspace.db.key
        seen["screen"] = window.screens.currentWidget() is window.lock_screen
        seen["menus"] = window.menuBar().isEnabled()
        seen["names shown"] = window.toolbar.isVisible() or "Robin" in window.windowTitle()
        seen["form usable"] = dialog.isEnabled()
        seen["form covered"] = any(c.isVisible() for c in dialog.findChildren(Cover))
        type_passphrase("wrong")(prompt)
        seen["wrong"] = prompt.problem.text()
        seen["still locked"] = window.workspace.locked
        type_passphrase(QUOTES)(prompt)

    when_modal(PassphraseDialog, at_the_prompt)
    window.security_actions.idle.timer.setInterval(50)
    window.security_actions.idle.timer.start()
    qtbot.waitUntil(lambda: "still locked" in seen and not window.workspace.locked, timeout=5000)
    assert seen == {
        "locked": True,
        "key": None,
        "screen": True,
        "menus": False,
        "names shown": False,
        "form usable": False,
        "form covered": True,
        "wrong": "Wrong passphrase. Try again.",
        "still locked": True,
    }
    assert window.screens.currentIndex() == 0 and dialog.isVisible() and dialog.isEnabled()
    assert dialog.wellbeing.toPlainText() == "Talked about the drive home after the visit."
    qtbot.waitUntil(lambda: not any(c.isVisible() for c in dialog.findChildren(Cover)))
    drafts = window.workspace.supervision.drafts(pid)  # saved while locking, in the encrypted file
    assert drafts and "drive home" in str(drafts[0][2])
    dialog.reject()

    window.close()  # the window writes its settings: never the passphrase
    settings.sync()
    assert QUOTES not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    window.workspace.close()
