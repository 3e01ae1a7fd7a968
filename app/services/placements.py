"""Use cases around whole placements: list, create, switch, and the morning overview."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select

from app.interchange.free_text import typed_text_fields
from app.models import PlacementRecord
from app.policy.agenda import AgendaItem, agenda
from app.policy.calendar import WorkingCalendar
from app.policy.findings import Finding
from app.policy.growth import CaseloadSeries, caseload_series
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Placement, PlacementSnapshot
from app.policy.terms import (
    absent_working_days,
    allocations_open,
    as_of_view,
    calendar_for,
    caseload_cap,
    caseload_on,
    high_complexity_limit,
    is_high_complexity,
    placement_midpoint,
)
from app.policy.vocabulary import (
    DEFAULT_INDUCTION_DAYS,
    DEFAULT_REQUIRED_DAYS,
    DEFAULT_WORKING_DAYS,
    INDUCTION_ITEMS,
    PLACEMENT_KINDS,
    SETTINGS,
    required_learning_outcomes,
)
from app.services.audit import changed_answers, record_change
from app.services.checking import findings_for, profile_for
from app.services.compliance import ComplianceCounts, ComplianceItem, count, explain
from app.services.context import Service
from app.services.errors import InvalidInput
from app.services.snapshot import (
    apply_placement,
    load_placement,
    load_snapshot,
    placement_for_change,
    store_snapshot,
    stored_profile,
)


@dataclass(frozen=True, slots=True)
class PlacementSummary:
    id: int
    student: str
    kind: str
    start: date
    end: date
    archived: date | None

    @property
    def label(self) -> str:
        return (
            f"{self.student} — {self.kind} placement, {self.start:%d/%m/%Y} to {self.end:%d/%m/%Y}"
        )


@dataclass(frozen=True, slots=True)
class Overview:
    """What a practice educator sees first thing in the morning."""

    placement_id: int
    as_of: date
    student: str
    programme: str | None
    kind: str
    setting: str
    educator: str
    educator_onsite: bool
    onsite_supervisor: str | None
    team_manager: str
    start: date
    end: date
    midpoint: date
    phase: str  # not-started | induction | placement | ended
    working_day: int  # working days of the placement up to as_of (0 before the start)
    working_days_total: int
    required_days: int
    induction_last_day: date
    allocations_open: date
    induction_items_done: int
    induction_items_required: int
    caseload: int
    cap: int
    open_case_refs: tuple[str, ...]
    shadow_cases: int
    high_complexity_refs: tuple[str, ...]  # open caseload cases of high complexity or risk
    high_complexity_limit: int
    last_supervision: date | None
    supervisions_held: int
    archived: date | None
    counts: ComplianceCounts = ComplianceCounts(0, 0, 0)
    induction_finding: str | None = None  # induction.incomplete, once allocations have opened
    absent_days: int = 0  # the student's absent working days so far
    learning_done: int = 0
    learning_required: int = 0
    profile: str = "default"  # the policy profile it is checked under, by name
    rules_off: int = 0  # how many rules that profile switches off

    @property
    def days_since_supervision(self) -> int | None:
        if self.last_supervision is None:
            return None
        return (self.as_of - self.last_supervision).days


def build_overview(
    placement_id: int,
    snapshot: PlacementSnapshot,
    as_of: date,
    profile: PolicyProfile,
    findings: list[Finding] | None = None,
) -> Overview:
    p = snapshot.placement
    seen = as_of_view(snapshot, as_of)
    required_outcomes = required_learning_outcomes(p.kind, p.setting)
    cal: WorkingCalendar = calendar_for(p)
    induction_last = cal.induction_last_day(p.start, p.induction_days)
    if as_of < p.start:
        phase = "not-started"
    elif as_of > p.end:
        phase = "ended"
    elif as_of <= induction_last:
        phase = "induction"
    else:
        phase = "placement"
    working_day = cal.working_days(p.start, min(as_of, p.end)) if as_of >= p.start else 0
    caseload = caseload_on(seen.cases, min(as_of, p.end))
    supervisions = sorted(s.date for s in seen.supervisions)
    return Overview(
        profile=profile.name,
        rules_off=len(profile.rules_off),
        placement_id=placement_id,
        as_of=as_of,
        student=p.student,
        programme=p.programme,
        kind=p.kind,
        setting=p.setting,
        educator=p.educator,
        educator_onsite=p.educator_onsite,
        onsite_supervisor=p.onsite_supervisor,
        team_manager=p.team_manager,
        start=p.start,
        end=p.end,
        midpoint=placement_midpoint(p),
        phase=phase,
        working_day=working_day,
        working_days_total=cal.working_days(p.start, p.end),
        required_days=p.required_days,
        induction_last_day=induction_last,
        allocations_open=allocations_open(p),
        induction_items_done=sum(1 for k in INDUCTION_ITEMS if k in seen.induction),
        induction_items_required=len(INDUCTION_ITEMS),
        caseload=len(caseload),
        cap=caseload_cap(p, profile),
        open_case_refs=tuple(c.ref for c in caseload),
        high_complexity_refs=tuple(c.ref for c in caseload if is_high_complexity(c)),
        high_complexity_limit=high_complexity_limit(p, profile),
        shadow_cases=sum(
            1
            for c in seen.cases
            if c.student_role == "shadow" and (c.ended is None or c.ended > as_of)
        ),
        last_supervision=supervisions[-1] if supervisions else None,
        supervisions_held=len(supervisions),
        archived=p.archived,
        counts=count(findings or []),
        absent_days=absent_working_days(p, seen.absences),
        learning_done=sum(1 for x in seen.learning if x.item in required_outcomes),
        learning_required=len(required_outcomes),
        induction_finding=next(
            (f.message for f in findings or [] if f.rule == "induction.incomplete"), None
        ),
    )


def validate_placement(p: Placement) -> None:
    """Refuse details no placement can have, with a sentence that says what to change."""
    if not p.student.strip():
        raise InvalidInput("Enter the student's name.")
    if not p.educator.strip():
        raise InvalidInput("Enter the practice educator's name.")
    if not p.team_manager.strip():
        raise InvalidInput("Enter the team manager's name.")
    if p.kind not in PLACEMENT_KINDS:
        raise InvalidInput(f"Placement kind must be one of {', '.join(PLACEMENT_KINDS)}.")
    if p.setting not in SETTINGS:
        raise InvalidInput(f"Setting must be one of {', '.join(SETTINGS)}.")
    if p.end <= p.start:
        raise InvalidInput("The end date must be after the start date.")
    if (p.end - p.start).days > 3 * 366:
        raise InvalidInput("A placement cannot last more than three years: check the dates.")
    if not p.working_days:
        raise InvalidInput("Choose at least one working day a week.")
    if p.required_days <= 0:
        raise InvalidInput("Required days must be a positive number.")
    if p.host_team_average_caseload is not None and p.host_team_average_caseload < 0:
        raise InvalidInput("The host team's average caseload cannot be negative.")


def new_placement(
    *,
    student: str,
    kind: str,
    setting: str,
    start: date,
    end: date,
    educator: str,
    team_manager: str,
    programme: str | None = None,
    educator_onsite: bool = True,
    onsite_supervisor: str | None = None,
    link_worker: str | None = None,
    host_team_average_caseload: float | None = None,
    required_days: int | None = None,
    working_days: tuple[str, ...] = DEFAULT_WORKING_DAYS,
    induction_days: int = DEFAULT_INDUCTION_DAYS,
) -> Placement:
    """A placement's details with the documented defaults filled in."""
    return Placement(
        student=student.strip(),
        kind=kind,
        setting=setting,
        start=start,
        end=end,
        educator=educator.strip(),
        team_manager=team_manager.strip(),
        required_days=required_days or DEFAULT_REQUIRED_DAYS.get(kind, 70),
        programme=(programme or "").strip() or None,
        working_days=working_days,
        induction_days=induction_days,
        host_team_average_caseload=host_team_average_caseload,
        educator_onsite=educator_onsite,
        onsite_supervisor=(onsite_supervisor or "").strip() or None,
        link_worker=(link_worker or "").strip() or None,
    )


class PlacementService(Service):
    """Placements in one database, and the overview of one of them as of a date."""

    def list_placements(self) -> list[PlacementSummary]:
        t = PlacementRecord.__table__  # Core, not the ORM: read before the first paint
        query = select(t.c.id, t.c.student, t.c.kind, t.c.start, t.c.end, t.c.archived)
        with self.db.unit_of_work() as session:
            rows = session.execute(query.order_by(t.c.start.desc()))
            return [PlacementSummary(*r) for r in rows]

    def create(self, placement: Placement) -> int:
        validate_placement(placement)
        with self.db.unit_of_work() as session:
            record = store_snapshot(session, PlacementSnapshot(placement=placement))
            record_change(
                session,
                "placement.created",
                placement_id=record.id,
                subject="placement",
                detail={"student": placement.student, "kind": placement.kind},
            )
            return record.id

    def update(self, placement_id: int, placement: Placement) -> None:
        validate_placement(placement)
        with self.db.unit_of_work() as session:
            record = placement_for_change(session, placement_id)
            before = load_placement(session, placement_id)
            apply_placement(record, placement)
            record_change(
                session,
                "placement.updated",
                placement_id=placement_id,
                subject="placement",
                detail=changed_answers(
                    asdict(before), asdict(placement), typed_text_fields(Placement)
                ),
            )

    def set_profile(self, placement_id: int, profile: PolicyProfile | None) -> None:
        """Check this placement under a profile of its own (a student from another
        authority), or (None) under the app's again; the history says which."""
        with self.db.unit_of_work() as session:
            record = placement_for_change(session, placement_id)
            record.profile = stored_profile(profile)
            record_change(
                session,
                "placement.profile",
                placement_id=placement_id,
                subject="placement",
                detail={"profile": profile.name if profile is not None else None},
            )

    def others(self, placement_id: int) -> tuple[Placement, ...]:
        """Every other placement in this database (for the rules across placements)."""
        t = PlacementRecord.__table__
        with self.db.unit_of_work() as session:
            ids = session.scalars(select(t.c.id).where(t.c.id != placement_id)).all()
            return tuple(load_placement(session, other) for other in ids)

    def snapshot(self, placement_id: int) -> PlacementSnapshot:
        with self.db.unit_of_work() as session:
            return load_snapshot(session, placement_id)

    def overview(self, placement_id: int, as_of: date) -> Overview:
        snap = self.snapshot(placement_id)
        profile = profile_for(snap, self.profile)
        return build_overview(
            placement_id, snap, as_of, profile, findings_for(snap, as_of, self.profile)
        )

    def agenda(self, placement_id: int, as_of: date, horizon: int = 7) -> list[AgendaItem]:
        """What falls due in the next ``horizon`` days (and what is already late), soonest first."""
        snap = self.snapshot(placement_id)
        return agenda(snap, as_of, profile_for(snap, self.profile), horizon)

    def caseload_series(self, placement_id: int, as_of: date) -> CaseloadSeries:
        snap = self.snapshot(placement_id)
        return caseload_series(snap, as_of, profile_for(snap, self.profile))

    def profile_for(self, snapshot: PlacementSnapshot) -> PolicyProfile:
        """The profile in force for this placement: settings, then its own overrides."""
        return profile_for(snapshot, self.profile)

    def compliance(self, placement_id: int, as_of: date) -> list[ComplianceItem]:
        snap = self.snapshot(placement_id)
        return explain(findings_for(snap, as_of, self.profile), snap)

    def findings(self, placement_id: int, as_of: date) -> list[Finding]:
        """The rule engine's findings for a stored placement: the same as ``check`` on its export."""
        return findings_for(self.snapshot(placement_id), as_of, self.profile)


__all__ = [
    "InvalidInput",
    "Overview",
    "PlacementService",
    "PlacementSummary",
    "build_overview",
    "new_placement",
    "validate_placement",
]
