"""Help › About says where everything is kept; Help › Keyboard shortcuts lists every one."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from app.views.main_window import MainWindow


def test_about_names_the_versions_folders_and_profile_and_opens_them(
    demo_window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog = demo_window.show_about()
    path = demo_window.workspace.path
    assert dialog.places["Database"] == path
    assert dialog.places["Backups"] == path.parent / "backups"
    assert dialog.places["Log file"].name.endswith(".log")
    assert dialog.profile.text() == "default"
    text = " ".join(w.text() for w in dialog.findChildren(type(dialog.profile)))
    assert "Python 3." in text and "Qt 6." in text
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "Open folder"]
    assert len(buttons) == 3
    buttons[1].click()  # Backups: made if needed, then shown
    assert opened == [str(path.parent / "backups")]
    assert QUrl.fromLocalFile(opened[0]).isLocalFile()
    dialog.close()


def test_keyboard_shortcuts_are_read_from_the_actions(demo_window: MainWindow) -> None:
    dialog = demo_window.show_shortcuts()
    listed = dict(dialog.rows)
    with_keys = [a for a in demo_window.actions() if not a.shortcut().isEmpty()]
    assert len(listed) == len(with_keys) >= 15
    assert listed["Lock"] == "Ctrl+L" and listed["Quit"] == "Ctrl+Q"
    assert listed["Overview"] == "Ctrl+1" and "Keyboard shortcuts" in listed
    assert dialog.table.rowCount() == len(listed)
    dialog.close()


def test_help_shows_the_placement_file_described_key_by_key(demo_window: MainWindow) -> None:
    from app.views.help_dialogs import GuideDialog

    help_menu = demo_window.menus["&Help"]
    action = next(a for a in help_menu.actions() if a.text() == "The placement &file")
    action.trigger()
    dialogs = [d for d in demo_window.findChildren(GuideDialog) if d.isVisible()]
    assert len(dialogs) == 1
    page = dialogs[0].browser.toPlainText()
    assert dialogs[0].windowTitle() == "The placement file"
    assert "Every key" in page and "educator_consulted" in page and "What this app adds" in page
    dialogs[0].close()


def test_help_lists_every_command_for_a_terminal(demo_window: MainWindow) -> None:
    from app.cli import COMMANDS
    from app.views.help_dialogs import GuideDialog

    help_menu = demo_window.menus["&Help"]
    next(a for a in help_menu.actions() if a.text() == "Commands for a &terminal").trigger()
    dialog = next(d for d in demo_window.findChildren(GuideDialog) if d.isVisible())
    page = dialog.browser.toPlainText()
    for command in COMMANDS:
        assert command in page, command
    assert "export --asye" in page and "docx RECORD" in page
    dialog.close()


def test_about_lists_the_open_source_licences_with_their_texts(demo_window: MainWindow) -> None:
    about = demo_window.show_about()
    licences = about.show_licences()
    names = [licences.table.item(r, 0).text() for r in range(licences.table.rowCount())]
    assert {"pyside6-essentials", "reportlab", "sqlcipher3", "pypdfium2", "sqlalchemy"} <= set(
        names
    )
    assert "pytest" not in names and "pyinstaller" not in names  # tools, not inside the app
    row = names.index("pyside6-essentials")
    assert "LGPL" in licences.table.item(row, 2).text()
    licences.table.selectRow(row)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in licences.text.toPlainText()
    licences.close()
    about.close()


def test_the_list_written_beside_a_bundle(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from app.services.licences import LIST_NAME, TEXT_NAME, write_beside

    found = write_beside(tmp_path)
    listed = json.loads((tmp_path / LIST_NAME).read_text(encoding="utf-8"))
    assert [p["name"] for p in listed] == [p.name for p in found]
    text = (tmp_path / TEXT_NAME).read_text(encoding="utf-8")
    assert "pyside6-essentials 6." in text and "LGPL-3.0-only" in text
