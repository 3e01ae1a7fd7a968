"""The window's menus: each entry is an area's action (or the window's own). Built here so
the main window stays a switchboard; the handles an area enables and disables (Undo, Lock,
Allocate case, the encryption entries) are kept on the window as before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from app.views.help_dialogs import open_guide
from app.views.theme import SCHEME_SETTING, SCHEMES


def build_menus(w: Any) -> None:
    """The menus: each entry is an area's action (or the window's own); what an area
    enables and disables it keeps a handle on."""
    key = QKeySequence

    def add(
        menu: QMenu,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, w)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        w.addAction(action)  # shortcuts work even where the menu bar is native or hidden
        return action

    std = QKeySequence.StandardKey
    db, sec, pr, pl = (
        w.database_actions,
        w.security_actions,
        w.print_actions,
        w.placement_actions,
    )
    cases = w.case_actions
    file_menu = w.menus["&File"]
    w.new_action = add(file_menu, "&New placement…", std.New, pl.new_placement)
    add(file_menu, "&Open database…", std.Open, db.open_database)
    w.recent_menu = file_menu.addMenu("Open &recent")
    w.recent_menu.aboutToShow.connect(lambda: db.fill_recent(w.recent_menu))
    file_menu.addSeparator()
    add(file_menu, "&Import placement file…", key("Ctrl+I"), w.file_actions.import_file)
    w.export_action = add(
        file_menu, "&Export placement file…", key("Ctrl+E"), w.file_actions.export_file
    )
    file_menu.addSeparator()
    add(file_menu, "&Print…", std.Print, pr.print_current)
    add(file_menu, "Export P&DF…", key("Ctrl+Shift+E"), pr.export_current_pdf)
    add(file_menu, "Export &Word document…", None, pr.export_current_word)
    file_menu.addSeparator()
    add(file_menu, "&Backups…", key("Ctrl+Shift+B"), db.show_backups)
    add(file_menu, "&Verify database", None, db.verify)
    security = file_menu.addMenu("&Security")
    w.encrypt_action = add(security, "&Encrypt database…", None, sec.encrypt_database)
    w.decrypt_action = add(security, "&Decrypt database…", None, sec.decrypt_database)
    w.rekey_action = add(security, "&Change passphrase…", None, sec.change_passphrase)
    security.addSeparator()
    add(security, "Lock after &idle…", None, sec.edit_idle_lock)
    file_menu.addSeparator()
    add(file_menu, "&Quit", key("Ctrl+Q"), w.close)

    edit_menu = w.menus["&Edit"]
    w.undo_action = w.changes.stack.createUndoAction(w, "&Undo")
    w.undo_action.setShortcut(std.Undo)
    w.redo_action = w.changes.stack.createRedoAction(w, "&Redo")
    w.redo_action.setShortcuts([key("Ctrl+Shift+Z"), key("Ctrl+Y")])
    for action in (w.undo_action, w.redo_action):
        edit_menu.addAction(action)
        w.addAction(action)  # the shortcut works wherever the focus is
    edit_menu.addSeparator()
    add(edit_menu, "&Placement details…", None, pl.edit_placement)
    add(edit_menu, "P&olicy profile…", key("Ctrl+,"), pl.edit_policy)
    preferences = edit_menu.addMenu("Pre&ferences")
    add(preferences, "&Privacy…", None, w.privacy_actions.preferences)

    placement_menu = w.menus["&Placement"]
    add(placement_menu, "&History…", key("Ctrl+H"), w.history_actions.open_history)
    placement_menu.addSeparator()
    w.lock_action = add(placement_menu, "&Lock", key("Ctrl+L"), sec.lock)

    cases_menu = w.menus["&Cases"]
    w.allocate_action = add(cases_menu, "&Allocate case…", key("Ctrl+Shift+N"), cases.allocate_case)
    for text, act in (
        ("&Edit selected case…", cases.edit_case),
        ("E&nd selected case…", cases.end_case),
        ("Record &step-up…", cases.record_step_up),
    ):
        add(cases_menu, text, None, lambda a=act: cases.on_selected(a))

    view_menu = w.menus["&View"]
    add(view_menu, "&Refresh", std.Refresh, w.reload)
    appearance = view_menu.addMenu("&Appearance")
    chosen = str(w.settings.value(SCHEME_SETTING, "system"))
    w.scheme_actions = QActionGroup(w)
    for scheme, label in zip(SCHEMES, ("As the &system", "&Light", "&Dark"), strict=True):
        action = add(appearance, label, None, lambda s=scheme: w.set_scheme(s))
        action.setCheckable(True)
        action.setChecked(scheme == chosen)
        action.setData(scheme)
        w.scheme_actions.addAction(action)
    view_menu.addSeparator()
    for row, title in enumerate(w.page_titles()):
        add(view_menu, title, key(f"Ctrl+{row + 1}"), lambda r=row: w.show_page(r))

    help_menu = w.menus["&Help"]
    add(help_menu, "&Keyboard shortcuts", key(std.HelpContents), w.show_shortcuts)
    add(help_menu, "&Policy sources", None, pl.show_sources)
    add(help_menu, "The placement &file", None, lambda: open_guide(w, "placement-file.md"))
    add(help_menu, "Commands for a &terminal", None, lambda: open_guide(w, "commands.md"))
    help_menu.addSeparator()
    add(help_menu, "&About Placement Tracker", None, w.show_about)
