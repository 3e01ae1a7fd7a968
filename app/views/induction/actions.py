"""The induction checklist, the agreements and the link worker."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtWidgets import QDialog, QInputDialog

from app.policy.snapshot import ChecklistEntry
from app.policy.sources import cited
from app.views.board import Board
from app.views.induction.page import (
    InductionPage,
    PlacementAgreementDialog,
    SupervisionAgreementDialog,
)
from app.views.item_dialog import ItemDialog

log = logging.getLogger(__name__)


class InductionActions:
    """The induction checklist, the agreements and the link worker."""

    def __init__(self, board: Board) -> None:
        self.w = board
        self.page = InductionPage()
        self.page.record_requested.connect(self.record_induction_item)
        self.page.clear_requested.connect(self.clear_induction_item)
        self.page.add_requested.connect(self.add_own_induction_item)
        self.page.remove_requested.connect(self.remove_own_induction_item)
        self.page.placement_agreement_requested.connect(self.edit_placement_agreement)
        self.page.supervision_agreement_requested.connect(self.edit_supervision_agreement)
        self.page.link_worker_requested.connect(self.name_link_worker)

    def record_induction_item(self, item: str) -> None:
        assert self.w.placement_id is not None and self.w.current_page(self.page).view is not None
        pid, ws = self.w.placement_id, self.w.workspace
        row = next(r for r in self.w.current_page(self.page).view.rows if r.item == item)
        dialog = ItemDialog(row.label, row.entry, ws.as_of, parent=self.w)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            entry, old = dialog.entry(), row.entry
            self.w.changes.run(
                lambda: ws.induction.record(pid, item, entry),
                f"Recorded: {row.label}",
                lambda: ws.induction.record(pid, item, old),
                lambda: self.page.select(item),
            )

    def _induction_entry(self, item: str) -> ChecklistEntry | None:
        view = self.w.current_page(self.page).view
        row = next((r for r in view.rows if r.item == item), None) if view else None
        return row.entry if row else None

    def clear_induction_item(self, item: str) -> None:
        assert self.w.placement_id is not None
        pid, ws, old = self.w.placement_id, self.w.workspace, self._induction_entry(item)
        undo = (lambda: ws.induction.record(pid, item, old)) if old else None
        self.w.changes.run(
            lambda: ws.induction.record(pid, item, None), "Cleared the item's date", undo
        )

    def add_own_induction_item(self) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        dialog = ItemDialog("Add your own item", None, ws.as_of, ask_name=True, parent=self.w)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, entry = dialog.name.text(), dialog.entry()
            self.w.changes.run(lambda: ws.induction.add_own_item(pid, name, entry), f"Added {name}")

    def remove_own_induction_item(self, item: str) -> None:
        assert self.w.placement_id is not None
        pid, ws, old = self.w.placement_id, self.w.workspace, self._induction_entry(item)
        undo = (lambda: ws.induction.record(pid, item, old)) if old else None
        self.w.changes.run(
            lambda: ws.induction.remove_own_item(pid, item), "Removed your item", undo
        )

    def _checklist_date(self, item: str) -> date | None:
        view = self.w.current_page(self.page).view
        row = next((r for r in view.rows if r.item == item), None) if view else None
        return row.entry.date if row and row.entry else None

    def edit_placement_agreement(self) -> None:
        assert self.w.placement_id is not None and self.w.current_page(self.page).view is not None
        pid, ws = self.w.placement_id, self.w.workspace
        dialog = PlacementAgreementDialog(
            self.w.current_page(self.page).view.placement_agreement,
            self._checklist_date("placement-agreement"),
            ws.as_of,
            self.w,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            agreement, held = dialog.agreement(), dialog.held_date()
            self.w.changes.run(
                lambda: ws.induction.save_placement_agreement(pid, agreement, held),
                "Saved the placement agreement",
            )

    def edit_supervision_agreement(self) -> None:
        assert self.w.placement_id is not None and self.w.current_page(self.page).view is not None
        pid, ws, view = self.w.placement_id, self.w.workspace, self.w.current_page(self.page).view
        dialog = SupervisionAgreementDialog(
            view.supervision_agreement,
            self._checklist_date("supervision-agreement"),
            ws.as_of,
            view.educator_onsite,
            self.w,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            agreement, agreed = dialog.agreement(), dialog.agreed_date()
            self.w.changes.run(
                lambda: ws.induction.save_supervision_agreement(pid, agreement, agreed),
                "Saved the supervision agreement",
            )

    def name_link_worker(self) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        name, ok = QInputDialog.getText(
            self.w, "Link worker", cited("The link worker for this placement (002 §2):")
        )
        if ok and name.strip():
            self.w.changes.run(
                lambda: ws.induction.set_link_worker(pid, name), f"Link worker: {name.strip()}"
            )
