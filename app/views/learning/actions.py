"""PCF reviews and the learning outcomes' evidence."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog

from app.policy.snapshot import LearningEvidence
from app.views.board import Board
from app.views.learning.page import LearningDialog, PcfPage, PcfReviewDialog

log = logging.getLogger(__name__)


class LearningActions:
    """PCF reviews and the learning outcomes' evidence."""

    def __init__(self, board: Board) -> None:
        self.w = board
        self.page = PcfPage()
        self.page.new_review_requested.connect(lambda: self.edit_review())
        self.page.edit_review_requested.connect(self.edit_review)
        self.page.delete_review_requested.connect(self.delete_review)
        self.page.record_learning_requested.connect(self.record_learning)
        self.page.clear_learning_requested.connect(self.clear_learning)

    def edit_review(self, key: str | None = None) -> None:
        if self.w.placement_id is None:
            return
        pid, ws = self.w.placement_id, self.w.workspace
        snap = ws.placements.snapshot(pid)
        existing = next((r for r in snap.pcf_reviews if r.id == key), None) if key else None
        choices = [f"event:{e.id}" for e in snap.events] + [
            f"supervision:{s.id}" for s in snap.supervisions
        ]
        choices += [f"case:{c.ref}" for c in snap.cases]
        day = min(max(ws.as_of, snap.placement.start), snap.placement.end)
        dialog = PcfReviewDialog(
            day, choices, lambda r: ws.recording.save_review(pid, r, key), existing, self.w
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.w.reload()
        dialog.deleteLater()

    def delete_review(self, key: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        old = next(r for r in ws.placements.snapshot(pid).pcf_reviews if r.id == key)
        self.w.changes.run(
            lambda: ws.recording.delete_review(pid, key),
            "PCF review deleted",
            lambda: ws.recording.save_review(pid, old),
        )

    def record_learning(self, item: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        current = self.w.current_page(self.page).learning.get(item)
        dialog = LearningDialog(
            self.w.current_page(self.page).outcomes.get(item, item), ws.as_of, current, self.w
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            day, evidence = dialog.values()
            self.w.changes.run(
                lambda: ws.recording.record_learning(pid, LearningEvidence(item, day, evidence)),
                "Evidence recorded",
                (lambda: ws.recording.record_learning(pid, current))
                if current
                else (lambda: ws.recording.clear_learning(pid, item)),
                lambda: self.page.select_outcome(item),
            )

    def clear_learning(self, item: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        old = self.w.current_page(self.page).learning.get(item)
        undo = (lambda: ws.recording.record_learning(pid, old)) if old else None
        self.w.changes.run(lambda: ws.recording.clear_learning(pid, item), "Evidence cleared", undo)
