"""The ASYE hand-over: what a final placement found, for the assessor of the student's first
year in practice (the Assessed and Supported Year in Employment).

One plain record built from the placement, which the PDF, the Word document and the JSON
document all show: the final rating in each PCF domain with the evidence cited, the
strengths, the development needs the final review records, the range of work done, and
how often supervision was held.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from app.policy.naming import RecordNames, named
from app.policy.snapshot import PlacementSnapshot
from app.policy.terms import is_statutory
from app.policy.vocabulary import PCF_DOMAINS


class NoHandover(ValueError):
    """The placement cannot have a hand-over yet: the sentence says why."""


@dataclass(frozen=True, slots=True)
class DomainResult:
    domain: str  # the PCF domain's key
    rating: str | None  # not-yet | developing | meeting | exceeding, or none given
    evidence: tuple[str, ...]  # the records cited, named as a PE knows them


@dataclass(frozen=True, slots=True)
class Handover:
    student: str
    programme: str | None
    setting: str
    start: date
    end: date
    educator: str
    onsite_supervisor: str | None
    team_manager: str
    final_review: date
    pcf: tuple[DomainResult, ...]
    strengths: tuple[str, ...]  # the domains rated exceeding, then meeting
    assessment: str | None  # the final review's notes
    development_needs: str | None
    cases: dict[tuple[str, str], int] = field(default_factory=dict)  # (type, role) → cases
    statutory_co_worked: int = 0  # statutory cases the student co-worked
    statutory_visits: int = 0  # statutory visits made with a qualified worker
    meetings_chaired: int = 0
    observations: int = 0
    reports: dict[str, int] = field(default_factory=dict)  # court | conference | s7 → count
    supervision_sessions: int = 0
    supervision_every_days: float | None = None  # the mean gap between sessions


def handover(snap: PlacementSnapshot) -> Handover:
    """The hand-over of a final placement whose final PCF review is recorded."""
    p = snap.placement
    if p.kind != "final":
        raise NoHandover("The ASYE hand-over is made at the end of a final placement.")
    finals = sorted((r for r in snap.pcf_reviews if r.stage == "final"), key=lambda r: r.date)
    if not finals:
        raise NoHandover("Record the final PCF review first: the hand-over starts from it.")
    final = finals[-1]
    names = RecordNames(snap)
    pcf = tuple(
        DomainResult(
            domain,
            final.ratings.get(domain),
            tuple(named(names, ref) for ref in final.evidence.get(domain, [])),
        )
        for domain in PCF_DOMAINS
    )
    strengths = tuple(
        PCF_DOMAINS[r.domain]
        for level in ("exceeding", "meeting")
        for r in pcf
        if r.rating == level
    )
    cases = Counter((c.type, c.student_role) for c in snap.cases)
    statutory = {c.ref for c in snap.cases if is_statutory(c.type)}
    days = sorted(s.date for s in snap.supervisions)
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    return Handover(
        student=p.student,
        programme=p.programme,
        setting=p.setting,
        start=p.start,
        end=p.end,
        educator=p.educator,
        onsite_supervisor=p.onsite_supervisor,
        team_manager=p.team_manager,
        final_review=final.date,
        pcf=pcf,
        strengths=strengths,
        assessment=final.notes,
        development_needs=final.development_needs,
        cases=dict(cases),
        statutory_co_worked=sum(
            1 for c in snap.cases if c.ref in statutory and c.student_role == "co-worker"
        ),
        statutory_visits=sum(
            1 for e in snap.events if e.kind == "statutory-visit" and e.accompanied_by
        ),
        meetings_chaired=sum(
            1 for e in snap.events if e.kind == "meeting" and e.chaired_by == "student"
        ),
        observations=sum(1 for e in snap.events if e.kind == "direct-observation"),
        reports=dict(Counter(str(e.report) for e in snap.events if e.kind == "report")),
        supervision_sessions=len(days),
        supervision_every_days=round(sum(gaps) / len(gaps), 1) if gaps else None,
    )
