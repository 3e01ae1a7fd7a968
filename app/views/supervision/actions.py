"""Supervision sessions: the form and its drafts, signing, addenda, dates."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.services.records import write_pdf
from app.views.board import Board
from app.views.operation import Operation, in_background
from app.views.supervision.page import AddendumDialog, SignDialog, SupervisionPage
from app.views.supervision.session import SessionDialog

log = logging.getLogger(__name__)


class SupervisionActions:
    """Supervision sessions: the form and its drafts, signing, addenda, dates."""

    def __init__(self, board: Board) -> None:
        self.w = board
        self.page = SupervisionPage()
        self.page.new_requested.connect(self.new_supervision)
        self.page.edit_requested.connect(self.edit_supervision)
        self.page.sign_requested.connect(self.sign_supervision)
        self.page.addendum_requested.connect(self.add_addendum)
        self.page.delete_requested.connect(self.delete_supervision)
        self.page.ics_requested.connect(self.export_supervision_dates)

    def session_dialog(
        self, sid: str | None = None, draft: dict[str, object] | None = None
    ) -> SessionDialog:
        """The session form for a new session (or for ``sid``), wired to the services."""
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        existing = ws.supervision.get(pid, sid) if sid else None
        form = ws.supervision.form(pid, existing.date if existing else ws.as_of)
        snap = ws.placements.snapshot(pid)
        key = f"supervision:{sid or 'new'}"
        return SessionDialog(
            form,
            snap.cases,
            save=lambda s, done: ws.supervision.save(pid, s, done),
            save_draft=lambda content: ws.supervision.save_draft(pid, key, content),
            onsite_supervisor=snap.placement.onsite_supervisor,
            existing=existing,
            draft=draft,
            parent=self.w,
        )

    def _run_session(self, dialog: SessionDialog, key: str) -> None:
        assert self.w.placement_id is not None
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            self.w.workspace.supervision.discard_draft(self.w.placement_id, key)
        self.w.reload()
        if accepted:
            self.w.show_page_named("Supervision")

    def new_supervision(self) -> None:
        if self.w.placement_id is None:
            return
        self._run_session(self.session_dialog(), "supervision:new")

    def edit_supervision(self, sid: str) -> None:
        self._run_session(self.session_dialog(sid), f"supervision:{sid}")

    def offer_drafts(self) -> None:
        """After a crash: offer back any session that was being written."""
        if self.w.placement_id is None:
            return
        for key, saved_at, content in self.w.workspace.supervision.drafts(self.w.placement_id):
            if not key.startswith("supervision:"):
                continue
            answer = QMessageBox.question(
                self.w,
                "Unsaved supervision",
                f"A supervision record you were writing was not saved (last typed {saved_at:%d %b %Y %H:%M}). "
                "Open it to finish it? Choose No to throw it away.",
            )
            sid = key.partition(":")[2]
            if answer == QMessageBox.StandardButton.Yes:
                self._run_session(self.session_dialog(None if sid == "new" else sid, content), key)
            else:
                self.w.workspace.supervision.discard_draft(self.w.placement_id, key)

    def sign_supervision(self, sid: str) -> None:
        assert self.w.placement_id is not None
        pid, ws, p = self.w.placement_id, self.w.workspace, self.w.current_placement
        dialog = SignDialog({"educator": p.educator, "student": p.student}, ws.as_of, self.w)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            who, on = dialog.values()
            self.w.changes.run(
                lambda: ws.supervision.sign(pid, sid, who, on), f"Signed by the {who}"
            )
            self.page.select(sid)

    def add_addendum(self, sid: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        dialog = AddendumDialog(self.w.current_placement.educator, ws.as_of, self.w)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            on, author, text = dialog.values()
            self.w.changes.run(
                lambda: ws.supervision.add_addendum(pid, sid, author, text, on), "Addendum added"
            )
            self.page.select(sid)

    def delete_supervision(self, sid: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        answer = QMessageBox.question(
            self.w, "Delete session", "Delete this unsigned session record?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            old = ws.supervision.get(pid, sid)
            self.w.changes.run(
                lambda: ws.supervision.delete(pid, sid),
                "Session deleted",
                lambda: ws.supervision.save(pid, old),
            )

    def export_supervision_dates(self) -> None:
        if self.w.placement_id is None or not self.w.cleared_to_leave("calendar", "the calendar"):
            return
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            self.w.plain_copy_title("Save supervision dates"),
            str(Path.home() / "supervision-dates.ics"),
            "Calendar (*.ics)",
        )
        if path:
            self.save_supervision_dates(Path(path))

    def save_supervision_dates(self, path: Path) -> Operation:
        assert self.w.placement_id is not None
        ws, pid = self.w.workspace, self.w.placement_id
        return in_background(
            self.w,
            f"Saving {path.name}",
            lambda: write_pdf(path, ws.supervision.ics(pid, ws.as_of)),
            f"Saved {path}",
            "Dates not saved",
            then=lambda: ws.history.note_paper(pid, "calendar", "ics"),
        )
