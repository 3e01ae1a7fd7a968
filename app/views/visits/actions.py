"""Visits, observations and every other event, and absences."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog

from app.policy.calendar import uk_date
from app.policy.vocabulary import EVENT_KIND_LABELS
from app.views.board import Board
from app.views.visits.observation import ObservationDialog
from app.views.visits.page import AbsenceDialog, EventDialog, EventsPage

log = logging.getLogger(__name__)


class VisitActions:
    """Visits, observations and every other event, and absences."""

    def __init__(self, board: Board) -> None:
        self.w = board
        self.page = EventsPage()
        self.page.new_event_requested.connect(lambda: self.record_event())
        self.page.edit_event_requested.connect(self.edit_event)
        self.page.delete_event_requested.connect(self.delete_event)
        self.page.new_absence_requested.connect(lambda: self.record_absence())
        self.page.edit_absence_requested.connect(self.record_absence)
        self.page.delete_absence_requested.connect(self.delete_absence)
        self.page.report_requested.connect(self.edit_observation)

    def event_dialog(self, key: str | None = None, kind: str | None = None) -> EventDialog:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        snap = ws.placements.snapshot(pid)
        existing = next((e for e in snap.events if e.id == key), None) if key else None
        default_day = min(max(ws.as_of, snap.placement.start), snap.placement.end)
        return EventDialog(
            snap.cases,
            check=lambda e: ws.recording.check_event(pid, e, key),
            save=lambda e: ws.recording.save_event(pid, e, key),
            default_day=default_day,
            event=existing,
            kind=kind,
            parent=self.w,
        )

    def record_event(self, kind: str | None = None) -> None:
        if self.w.placement_id is None:
            return
        dialog = self.event_dialog(kind=kind)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.w.reload()
            self.w.show_page_named("Visits & observations")
        dialog.deleteLater()

    def observation_dialog(self, key: str) -> ObservationDialog:
        """A direct observation's report form, saved through the services like any event."""
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        snap = ws.placements.snapshot(pid)
        event = next(e for e in snap.events if e.id == key)
        level = (
            "the end of a "
            + ("first" if snap.placement.kind == "first" else "final")
            + " placement"
        )
        return ObservationDialog(
            event,
            snap.cases,
            save=lambda e: ws.recording.save_event(pid, e, key),
            level=level,
            today=ws.as_of,
            parent=self.w,
        )

    def edit_observation(self, key: str) -> None:
        """The report form; saved, it can be undone like any edit."""
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        dialog = self.observation_dialog(key)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            old, new = dialog.observation, dialog.draft()
            self.w.changes.made(
                f"Saved the direct observation report of {uk_date(new.date)}",
                lambda: ws.recording.save_event(pid, new, old.id),
                lambda: ws.recording.save_event(pid, old, new.id),
                lambda: self.page.select_event(new.id),
            )
        dialog.deleteLater()

    def edit_event(self, key: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        if self.page.kind_of(key) == "direct-observation":
            self.edit_observation(key)  # laid out as the report
            return
        dialog = self.event_dialog(key)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.existing is not None:
            old, new = dialog.existing, dialog.draft()
            self.w.changes.made(
                f"Edited the {EVENT_KIND_LABELS[new.kind].lower()} of {uk_date(new.date)}",
                lambda: ws.recording.save_event(pid, new, old.id),
                lambda: ws.recording.save_event(pid, old, new.id),
                lambda: self.page.select_event(new.id),
            )
        dialog.deleteLater()

    def delete_event(self, key: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        old = next(e for e in ws.placements.snapshot(pid).events if e.id == key)
        self.w.changes.run(
            lambda: ws.recording.delete_event(pid, key),
            "Event deleted",
            lambda: ws.recording.save_event(pid, old),
        )

    def record_absence(self, key: str | None = None) -> None:
        if self.w.placement_id is None:
            return
        pid, ws = self.w.placement_id, self.w.workspace
        existing = (
            next((a for a in ws.placements.snapshot(pid).absences if a.id == key), None)
            if key
            else None
        )
        dialog = AbsenceDialog(ws.as_of, existing, self.w)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            absence = dialog.absence()
            self.w.changes.run(
                lambda: ws.recording.save_absence(pid, absence, key), "Absence saved"
            )

    def delete_absence(self, key: str) -> None:
        assert self.w.placement_id is not None
        pid, ws = self.w.placement_id, self.w.workspace
        old = next(a for a in ws.placements.snapshot(pid).absences if a.id == key)
        self.w.changes.run(
            lambda: ws.recording.delete_absence(pid, key),
            "Absence deleted",
            lambda: ws.recording.save_absence(pid, old),
        )
