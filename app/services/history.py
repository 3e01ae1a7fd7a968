"""Placement › History: the audit log of one placement, read back in a PE's words, and the
lines the app adds when something leaves it (an export, a print)."""

from __future__ import annotations

from datetime import date

from app.db import Database
from app.policy.history import HistoryFilter, HistoryLine, history, select
from app.policy.naming import RecordNames
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Placement, PlacementSnapshot
from app.services.audit import audit_trail, record_change
from app.services.checking import profile_for
from app.services.context import Service
from app.services.snapshot import load_snapshot

__all__ = ["HistoryFilter", "HistoryLine", "HistoryService", "history_document"]


class HistoryService(Service):
    def lines(self, placement_id: int) -> list[HistoryLine]:
        """Every line of the placement's history (and the whole database's), oldest first."""
        return read_history(self.db, placement_id)

    def note_paper(
        self, placement_id: int, record: str, form: str, record_id: str | None = None
    ) -> None:
        """A record left the app (``form`` pdf, docx, json, ics): the history says which and
        how, never what it held. ``record_id``: the supervision session or the direct
        observation it was, whose own history then shows it too."""
        detail: dict[str, object] = {"record": record, "form": form}
        subject = "placement"
        with self.db.unit_of_work() as session:
            if record_id is not None:
                snap = load_snapshot(session, placement_id)
                held = snap.supervisions if record == "supervision" else snap.events
                found = next((x for x in held if x.id == record_id), None)
                if found is not None:
                    detail["date"] = found.date.isoformat()
                    kind = "supervision" if record == "supervision" else "event"
                    subject = f"{kind}:{record_id}"
            record_change(
                session,
                "record.exported",
                placement_id=placement_id,
                subject=subject,
                detail=detail,
            )

    def document(
        self,
        placement_id: int,
        chosen: HistoryFilter,
        printed: date,
        word: bool = False,
    ) -> bytes:
        """The history as shown (filtered, newest first), as a PDF or a Word document."""
        snap, lines = _read(self.db, placement_id)
        return history_document(
            snap.placement,
            select(lines, chosen),
            chosen,
            profile_for(snap, self.profile),
            printed,
            word,
        )


def read_history(db: Database, placement_id: int) -> list[HistoryLine]:
    return _read(db, placement_id)[1]


def _read(db: Database, placement_id: int) -> tuple[PlacementSnapshot, list[HistoryLine]]:
    """The placement and its history in words, from one unit of work."""
    with db.unit_of_work() as session:
        snap = load_snapshot(session, placement_id)
        changes = audit_trail(session, placement_id, whole_database=True)
    return snap, history(changes, RecordNames(snap), snap.placement)


def history_document(
    placement: Placement,
    lines: list[HistoryLine],
    chosen: HistoryFilter,
    profile: PolicyProfile,
    printed: date,
    word: bool = False,
) -> bytes:
    from app.reports.history import history_record  # ReportLab loads only when printing
    from app.reports.house import build_pdf

    build = build_pdf
    if word:
        from app.reports.word import build_docx

        build = build_docx
    return history_record(placement, lines, chosen, profile, printed, build)
