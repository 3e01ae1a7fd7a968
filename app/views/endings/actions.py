"""Every child's transition checklist, and closing the placement."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog

from app.views.board import Board
from app.views.endings.page import ClosePlacementDialog, EndingsPage
from app.views.item_dialog import ItemDialog

log = logging.getLogger(__name__)


class EndingActions:
    """Every child's transition checklist, and closing the placement."""

    def __init__(self, board: Board) -> None:
        self.w = board
        self.page = EndingsPage()
        self.page.record_requested.connect(self.record_transition_item)
        self.page.clear_requested.connect(self.clear_transition_item)
        self.page.add_item_requested.connect(self.add_transition_item)
        self.page.close_requested.connect(self.close_placement)

    def record_transition_item(self, case: str, item: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        row = self.w.current_page(self.page).current_row()
        entry = row.items.get(item) if row else None
        dialog = ItemDialog(f"{case}: {item.replace('-', ' ')}", entry, ws.as_of, parent=self.w)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            done = dialog.entry()

            def show() -> None:
                self.page.select_case(case)
                self.page.select_item(item)

            self.w.changes.run(
                lambda: ws.endings.record_item(pid, case, item, done),
                "Recorded",
                lambda: ws.endings.record_item(pid, case, item, entry),
                show,
            )

    def clear_transition_item(self, case: str, item: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        row = self.w.current_page(self.page).current_row()
        old = row.items.get(item) if row else None
        undo = (lambda: ws.endings.record_item(pid, case, item, old)) if old else None
        if self.w.changes.run(
            lambda: ws.endings.record_item(pid, case, item, None), "Cleared", undo
        ):
            self.page.select_case(case)

    def add_transition_item(self, case: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        dialog = ItemDialog(f"{case}: your own item", None, ws.as_of, ask_name=True, parent=self.w)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, entry = dialog.name.text(), dialog.entry()
            if self.w.changes.run(
                lambda: ws.endings.add_own_item(pid, case, name, entry), f"Added {name}"
            ):
                self.page.select_case(case)

    def close_placement(self) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        dialog = ClosePlacementDialog(
            ws.endings.problems(pid, ws.as_of),
            ws.as_of,
            lambda day, why: ws.endings.close(pid, day, why, ws.as_of),
            self.w,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.w.reload()
            self.w.statusBar().showMessage("Placement closed and kept read-only", 8000)
        dialog.deleteLater()
