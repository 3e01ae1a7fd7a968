"""Everything the main window shows for one placement, built from one read and one evaluation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.policy.agenda import AgendaItem, agenda
from app.policy.engine import evaluate
from app.policy.growth import CaseloadSeries, caseload_series
from app.policy.observations import Observed, observed_domains
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Placement, PlacementSnapshot
from app.services.cases import CaseRow, case_rows
from app.services.checking import profile_for
from app.services.compliance import ComplianceItem, explain
from app.services.endings import EndingsView, endings_view
from app.services.induction import InductionView, induction_view
from app.services.placements import Overview, PlacementService, build_overview
from app.services.privacy import PrivacyView, privacy_view
from app.services.supervision import SessionRow, WeekMark, frequency_strip, session_rows


@dataclass(frozen=True, slots=True)
class PlacementScreen:
    """Everything the window shows of one placement, worked out in one go (on any thread)."""

    placement_id: int
    snapshot: PlacementSnapshot
    placement: Placement
    profile: PolicyProfile
    overview: Overview
    series: CaseloadSeries
    agenda: list[AgendaItem]
    compliance: list[ComplianceItem]
    cases: list[CaseRow]
    induction: InductionView
    sessions: list[SessionRow]
    weeks: list[WeekMark]
    endings: EndingsView
    privacy: PrivacyView
    observed: dict[str, list[Observed]]  # the PCF domains each direct observation evidences


def placement_screen(service: PlacementService, placement_id: int, as_of: date) -> PlacementScreen:
    snap = service.snapshot(placement_id)
    profile = profile_for(snap, service.profile)
    findings = evaluate(snap, as_of, profile, service.others(placement_id))
    return PlacementScreen(
        placement_id=placement_id,
        snapshot=snap,
        placement=snap.placement,
        profile=profile,
        overview=build_overview(placement_id, snap, as_of, profile, findings),
        series=caseload_series(snap, as_of, profile),
        agenda=agenda(snap, as_of, profile),
        compliance=explain(findings, snap),
        cases=case_rows(snap, as_of, profile, findings),
        induction=induction_view(snap, as_of, profile, findings),
        sessions=session_rows(snap, profile),
        weeks=frequency_strip(snap, as_of, findings),
        endings=endings_view(snap, as_of, profile),
        privacy=privacy_view(snap, service.context.privacy),
        observed=observed_domains(snap),
    )
