"""File › Backups…: the list a PE sees, and a restore that reopens the window on the backup."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.demo import load_demo
from app.services.safekeeping import back_up_now, backup_rows, verify_database
from app.views.main_window import MainWindow
from app.views.operation import Operation


def test_backups_are_listed_and_one_restores_after_confirmation(
    demo_window: MainWindow, monkeypatch, as_of
) -> None:  # type: ignore[no-untyped-def]
    ws = demo_window.workspace
    back_up_now(ws.path)  # one placement in it
    load_demo(ws.db, as_of)  # then a second placement, not in the backup
    demo_window.reload()
    assert demo_window.placement_box.count() == 2

    dialog = demo_window.database_actions.show_backups()
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(4)]
    assert cells[1] == "made by you" and cells[3] == "1" and cells[2].endswith("KB")

    dialog.back_up_now().wait()  # Back up now: a second row, newest first, both placements
    assert dialog.table.rowCount() == 2 and dialog.table.item(0, 3).text() == "2"

    asked: list[str] = []

    def answer(*args, **_kw):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return (
            QMessageBox.StandardButton.Cancel if len(asked) == 1 else QMessageBox.StandardButton.Yes
        )

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.table.selectRow(1)  # the older one
    assert dialog.restore_selected() is None  # Cancel: nothing happens
    assert demo_window.placement_box.count() == 2 and dialog.isVisible()
    dialog.restore_selected().wait()  # Yes: done in a worker, the window drawing meanwhile
    assert "backed up first" in asked[-1]
    assert demo_window.placement_box.count() == 1  # reopened on the restored file
    assert demo_window.workspace is not ws
    reasons = [r.reason for r in backup_rows(demo_window.workspace.path)]
    assert "before-restore" in reasons
    assert "Restored" in demo_window.statusBar().currentMessage()
    demo_window.workspace.close()


def test_a_damaged_backup_is_listed_but_cannot_be_restored(demo_window: MainWindow) -> None:
    made = back_up_now(demo_window.workspace.path)
    made.write_bytes(b"\0" * 2048)
    dialog = demo_window.database_actions.show_backups()
    assert dialog.table.item(0, 3).text().startswith("damaged")
    assert not dialog.restore_button.isEnabled()
    dialog.close()


def test_a_damaged_database_at_start_gets_a_dialog_naming_the_backup(
    qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.db.storage import make_backup
    from app.services.workspace import Workspace
    from app.views.start import run_gui

    path = tmp_path / "placements.sqlite"
    ws = Workspace.open(path, date(2026, 11, 23))
    load_demo(ws.db, date(2026, 11, 23))
    ws.close()
    good = make_backup(path, "daily")
    path.write_bytes(b"\x00" * 8192)  # the laptop's disk gave up
    shown: list[tuple[str, str, list[str]]] = []

    def answer_with(choice: str) -> None:
        """When the start-up dialog opens, note what it says and press ``choice``."""

        def press() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(10, press)
                return
            shown.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
            next(b for b in box.buttons() if b.text() == choice).click()

        QTimer.singleShot(0, press)

    answer_with("&Quit")
    assert run_gui(db_path=str(path), as_of=date(2026, 11, 23)) == 2
    title, text, buttons = shown[0]
    assert title == "Cannot open database" and good.name in text
    assert sorted(buttons) == ["&Quit", "&Restore the newest backup"]
    assert path.read_bytes() == b"\x00" * 8192  # left as found

    answer_with("&Restore the newest backup")
    monkeypatch.setattr("app.views.app._show", lambda *_args: 0)  # the window, not its event loop
    assert run_gui(db_path=str(path), as_of=date(2026, 11, 23)) == 0
    assert verify_database(path) == []
    kept = [p for p in (tmp_path / "backups").iterdir() if p.suffix == ".damaged"]
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00" * 8192  # nothing thrown away


def test_verify_from_the_file_menu_says_the_database_is_sound(
    demo_window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **_k: said.append(a[1]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: said.append(a[1]))
    [action] = [a for a in demo_window.actions() if a.text() == "&Verify database"]
    action.trigger()
    operation = demo_window.findChildren(Operation)[-1]
    operation.wait()
    assert said == ["Database sound"]
