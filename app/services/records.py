"""Printed records: which placement, from a file or the database, rendered by app/reports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.policy.calendar import uk_date
from app.policy.profile import DEFAULT_PROFILE, PolicyProfile
from app.policy.snapshot import PlacementSnapshot
from app.services.checking import profile_for, read_placement_file

Renderer = Callable[[PlacementSnapshot, PolicyProfile, date, str | None], bytes]


# The records a PE can print, with what each is for (``pdf --help`` lists these).
RECORDS = {
    "induction": "the induction record: the first fortnight's items, agreements and signatures",
    "supervision": "one supervision session with its case direction and signatures (--date)",
    "pcf": "the PCF reviews against the nine domains, with the learning outcomes' evidence",
    "transition": "the end-of-placement transition checklist, a section per child",
    "summary": "the placement summary: caseload chart, supervision, visits and endings",
    "asye": "the ASYE hand-over of a final placement, once its final PCF review is recorded",
    "observation": "one direct observation's report: both halves, the service user's feedback, "
    "the PCF domains (--id)",
}


class RecordProblem(ValueError):
    """The record cannot be made (no such supervision, nothing to print): a sentence says why."""


def renderers(word: bool = False) -> dict[str, Renderer]:
    """The records ``placement-tracker pdf KIND`` can print, as PDFs or (``word``) as Word
    documents of the same content (ReportLab and python-docx load only when asked)."""
    from app.policy.handover import NoHandover
    from app.reports.asye import asye_handover
    from app.reports.endings import placement_summary, transition_checklist
    from app.reports.house import build_pdf
    from app.reports.induction import induction_record
    from app.reports.observation import observation_report
    from app.reports.pcf import pcf_summary
    from app.reports.supervision import RecordNotFound, supervision_record

    build = build_pdf
    if word:
        from app.reports.word import build_docx

        build = build_docx

    def induction(
        snap: PlacementSnapshot, profile: PolicyProfile, printed: date, record_id: str | None
    ) -> bytes:
        return induction_record(snap, profile, printed, build)

    def supervision(
        snap: PlacementSnapshot, profile: PolicyProfile, printed: date, record_id: str | None
    ) -> bytes:
        if not record_id:
            raise RecordProblem(f"Name the session with --date. {sessions_on_record(snap)}")
        try:
            return supervision_record(snap, record_id, profile, printed, build)
        except RecordNotFound as exc:
            raise RecordProblem(str(exc)) from None

    def pcf(
        snap: PlacementSnapshot, profile: PolicyProfile, printed: date, record_id: str | None
    ) -> bytes:
        return pcf_summary(snap, profile, printed, build)

    def transition(
        snap: PlacementSnapshot, profile: PolicyProfile, printed: date, record_id: str | None
    ) -> bytes:
        return transition_checklist(snap, profile, printed, build)

    def summary(
        snap: PlacementSnapshot, profile: PolicyProfile, printed: date, record_id: str | None
    ) -> bytes:
        return placement_summary(snap, profile, printed, build)

    def observation(
        snap: PlacementSnapshot, profile: PolicyProfile, printed: date, record_id: str | None
    ) -> bytes:
        if not record_id:
            raise RecordProblem(f"Name the observation with --id. {observations_on_record(snap)}")
        try:
            return observation_report(snap, record_id, profile, printed, build)
        except RecordNotFound as exc:
            raise RecordProblem(f"{exc} {observations_on_record(snap)}") from None

    def asye(
        snap: PlacementSnapshot, profile: PolicyProfile, printed: date, record_id: str | None
    ) -> bytes:
        try:
            return asye_handover(snap, profile, printed, build)
        except NoHandover as exc:
            raise RecordProblem(str(exc)) from None

    return {
        "induction": induction,
        "supervision": supervision,
        "pcf": pcf,
        "transition": transition,
        "summary": summary,
        "asye": asye,
        "observation": observation,
    }


def sessions_on_record(snap: PlacementSnapshot) -> str:
    """The sessions a PE can choose from, by date (what they know a session by)."""
    if not snap.supervisions:
        return "This placement has no supervision sessions yet."
    days = ", ".join(s.date.isoformat() for s in sorted(snap.supervisions, key=lambda s: s.date))
    return f"Sessions on record: {days}."


def observations_on_record(snap: PlacementSnapshot) -> str:
    """The direct observations a PE can choose from: id and day."""
    from app.policy.observations import observations

    held = observations(snap)
    if not held:
        return "This placement has no direct observations yet."
    return (
        "Observations on record: " + ", ".join(f"{e.id} ({e.date.isoformat()})" for e in held) + "."
    )


def supervision_on(snap: PlacementSnapshot, day: date) -> str:
    """The id of the session held on ``day``; a sentence listing the dates when there is none,
    or naming the ids when two sessions share the day."""
    found = [s for s in snap.supervisions if s.date == day]
    if not found:
        raise RecordProblem(
            f"There is no supervision session on {uk_date(day)}. {sessions_on_record(snap)}"
        )
    if len(found) > 1:
        ids = ", ".join(s.id for s in found)
        raise RecordProblem(
            f"{len(found)} sessions were held on {uk_date(day)}; name one with --id ({ids})."
        )
    return found[0].id


def snapshot_from(
    input_file: Path | None,
    db_path: str | None,
    placement_id: int | None,
    key: str | None = None,
) -> PlacementSnapshot:
    """The placement to print: a placement file, or one placement of a database."""
    if input_file is not None:
        return read_placement_file(input_file)
    from app.db import Database, default_db_path
    from app.services.placement_files import choose_placement
    from app.services.placements import PlacementService

    db = Database(default_db_path(db_path), create=False, key=key)
    try:
        return PlacementService(db).snapshot(choose_placement(db, placement_id))
    finally:
        db.close()


def render(
    kind: str,
    snapshot: PlacementSnapshot,
    printed: date,
    base: PolicyProfile = DEFAULT_PROFILE,
    record_id: str | None = None,
    record_date: date | None = None,
    word: bool = False,
) -> bytes:
    """A record's PDF, or its Word document (``word``); a supervision is chosen by
    ``record_id`` or by the day it was held."""
    table = renderers(word)
    if kind not in table:
        raise RecordProblem(f"There is no {kind!r} record; choose one of {', '.join(table)}.")
    if record_date is not None:
        if kind != "supervision":
            raise RecordProblem(
                f"--date chooses a supervision session; leave it out for the {kind} record."
            )
        if record_id is None:
            record_id = supervision_on(snapshot, record_date)
    return table[kind](snapshot, profile_for(snapshot, base), printed, record_id)


def write_pdf(path: Path, data: bytes) -> None:
    from app.services.placement_files import write_atomically_bytes

    write_atomically_bytes(path, data)


def asye_file_text(snapshot: PlacementSnapshot) -> str:
    """``export --asye``: the hand-over as ``placement-tracker-asye/1``."""
    from app.interchange.asye_file import asye_json
    from app.policy.handover import NoHandover, handover

    try:
        return asye_json(handover(snapshot))
    except NoHandover as exc:
        raise RecordProblem(str(exc)) from None
