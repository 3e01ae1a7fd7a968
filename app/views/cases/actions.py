"""Allocating, editing, ending and stepping up cases, and override reviews."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox

from app.policy.snapshot import Case
from app.views.board import Board
from app.views.cases.dialogs import CaseDialog, EndCaseDialog, OverrideReviewDialog, StepUpDialog
from app.views.cases.page import CasesPage

log = logging.getLogger(__name__)


class CaseActions:
    """Allocating, editing, ending and stepping up cases, and override reviews."""

    def __init__(self, board: Board) -> None:
        self.w = board
        self.page = CasesPage()
        self.page.allocate_requested.connect(self.allocate_case)
        self.page.edit_requested.connect(self.edit_case)
        self.page.end_requested.connect(self.end_case)
        self.page.review_requested.connect(self.review_override)
        self.page.step_up_requested.connect(self.record_step_up)

    def case_dialog(self, case: Case | None = None) -> CaseDialog | None:
        """The allocation dialog wired to the services for the placement on screen."""
        pid = self.w.placement_id
        if pid is None:
            QMessageBox.information(self.w, "No placement", "Create or import a placement first.")
            return None
        ws = self.w.workspace
        snap = ws.placements.snapshot(pid)
        replacing = case.ref if case else None
        if case is None:
            save: Callable[[Case], None] = lambda draft: ws.cases.allocate(pid, draft, ws.as_of)  # noqa: E731
        else:
            save = lambda draft: ws.cases.update(pid, replacing or draft.ref, draft, ws.as_of)  # noqa: E731
        default_day = min(max(ws.as_of, snap.placement.start), snap.placement.end)
        return CaseDialog(
            check=lambda draft: ws.cases.check(pid, draft, ws.as_of, replacing),
            save=save,
            default_day=default_day,
            team_manager=snap.placement.team_manager,
            case=case,
            learning=ws.cases.learning_choices(pid, ws.as_of),
            parent=self.w,
        )

    def allocate_case(self) -> None:
        self._run_case_dialog(self.case_dialog())

    def edit_case(self, ref: str) -> None:
        assert self.w.placement_id is not None
        self._run_case_dialog(
            self.case_dialog(self.w.workspace.cases.case(self.w.placement_id, ref))
        )

    def _run_case_dialog(self, dialog: CaseDialog | None) -> None:
        if dialog is None:
            return
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        case, old = dialog.draft(), dialog.editing
        dialog.deleteLater()
        if not accepted:
            return
        self.w.show_page_named("Cases")
        if old is None:  # a new allocation: the case is ended or edited, not taken back
            self.w.reload()
            self.page.select(case.ref)
            return
        pid, ws = self.w.placement_id, self.w.workspace
        assert pid is not None
        self.w.changes.made(
            f"Edited {case.ref}",
            lambda: ws.cases.update(pid, old.ref, case, ws.as_of),
            lambda: ws.cases.update(pid, case.ref, old, ws.as_of),
            lambda: self.page.select(case.ref),
        )

    def end_case(self, ref: str) -> None:
        assert self.w.placement_id is not None
        ws = self.w.workspace
        case = ws.cases.case(self.w.placement_id, ref)
        dialog = EndCaseDialog(case, ws.as_of, self.w)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pid, (ended, ending, handover) = self.w.placement_id, dialog.values()
        signed = dialog.transfer_signed_off()

        def show() -> None:
            self.w.fill_page(self.page)  # ended from the Endings page: Cases shows it next time
            self.page.select(ref)

        self.w.changes.run(
            lambda: ws.cases.end_case(pid, ref, ended, ending, handover, ws.as_of, signed),
            f"Ended {ref}",
            then=show,
            refused="Case not ended",
        )

    def record_step_up(self, ref: str) -> None:
        """The case became statutory: the dialog asks when, to what, and the keyworker."""
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        dialog = StepUpDialog(ws.cases.case(pid, ref), ws.as_of, self.w)
        dialog.save = lambda on, kind, keyworker, role: ws.cases.record_step_up(
            pid, ref, on, kind, keyworker, ws.as_of, role
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.w.reload()
        self.w.show_page_named("Cases")
        self.page.select(ref)
        self.w.statusBar().showMessage(f"Recorded the step-up of {ref}.", 5000)

    def review_override(self, ref: str) -> None:
        assert self.w.placement_id is not None
        ws = self.w.workspace
        case = ws.cases.case(self.w.placement_id, ref)
        if case.manager_override is None:
            return
        dialog = OverrideReviewDialog(case, ws.as_of, self.w)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pid, reviewed = self.w.placement_id, dialog.value()
        self.w.changes.run(
            lambda: ws.cases.record_review(pid, ref, reviewed, ws.as_of),
            f"Recorded the override review of {ref}",
            then=lambda: self.page.select(ref),
            refused="Review not recorded",
        )

    def on_selected(self, action: Callable[[str], None]) -> None:
        self.w.fill_page(self.page)  # the Cases menu works from any page
        ref = self.page.selected_ref()
        if ref is None:
            self.w.show_page_named("Cases")
            self.w.statusBar().showMessage("Select a case on the Cases page first.", 5000)
            return
        action(ref)
