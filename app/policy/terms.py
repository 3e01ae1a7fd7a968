"""The defined terms of policy-rules.md: caseload, cap, window end, what exists as of a date.

Rules and the overview both use these, so "caseload on a day" means one thing everywhere.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from app.policy.calendar import WorkingCalendar, days_between, midpoint
from app.policy.profile import PolicyProfile
from app.policy.snapshot import (
    Absence,
    Case,
    ChecklistEntry,
    Placement,
    PlacementSnapshot,
    Supervision,
    Transition,
)
from app.policy.vocabulary import CASELOAD_ROLES


def caseload_cap(placement: Placement, profile: PolicyProfile) -> int:
    """6 (first) or 10 (final), and at most half the host team's average (000 §3, 002 §2)."""
    cap = profile.final_placement_cap if placement.kind == "final" else profile.first_placement_cap
    if placement.host_team_average_caseload is not None:
        cap = min(cap, int(placement.host_team_average_caseload // 2))
    return cap


def is_caseload(case: Case) -> bool:
    """Lead and co-worker cases count; shadowing is a learning opportunity, not caseload."""
    return case.student_role in CASELOAD_ROLES


def is_open_on(case: Case, day: date) -> bool:
    return case.allocated <= day and (case.ended is None or case.ended > day)


def caseload_on(cases: list[Case], day: date) -> list[Case]:
    """The student's caseload on ``day``: lead/co-worker cases allocated and not yet ended."""
    return [c for c in cases if is_caseload(c) and is_open_on(c, day)]


def joint_visit_deadline(case: Case, profile: PolicyProfile) -> date:
    """The last day for the first joint visit: allocation + ``joint_visit_days`` (001 §8)."""
    return case.allocated + timedelta(days=profile.joint_visit_days)


def window_end(placement: Placement, as_of: date) -> date:
    return min(as_of, placement.end)


def placement_midpoint(placement: Placement) -> date:
    return midpoint(placement.start, placement.end)


def calendar_for(placement: Placement) -> WorkingCalendar:
    return WorkingCalendar(placement.working_days)


def allocations_open(placement: Placement) -> date:
    return calendar_for(placement).allocations_open(placement.start, placement.induction_days)


def _entries_as_of(items: dict[str, ChecklistEntry], as_of: date) -> dict[str, ChecklistEntry]:
    return {k: v for k, v in items.items() if v.date <= as_of}


def _supervision_as_of(s: Supervision, as_of: date) -> Supervision:
    signed_e = (
        s.signed_by_educator if s.signed_by_educator and s.signed_by_educator <= as_of else None
    )
    signed_s = s.signed_by_student if s.signed_by_student and s.signed_by_student <= as_of else None
    if signed_e == s.signed_by_educator and signed_s == s.signed_by_student:
        return s
    return replace(s, signed_by_educator=signed_e, signed_by_student=signed_s)


def _case_as_of(c: Case, as_of: date) -> Case:
    changed = c
    if c.ended is not None and c.ended > as_of:
        changed = replace(changed, ended=None, ending=None)
    o = c.manager_override
    if o is not None and o.reviewed is not None and o.reviewed > as_of:
        changed = replace(changed, manager_override=replace(o, reviewed=None))
    return changed


def as_of_view(snapshot: PlacementSnapshot, as_of: date) -> PlacementSnapshot:
    """The placement as it stood on ``as_of``: what is dated later does not exist yet."""
    absences = [
        a if a.to <= as_of else Absence(a.id, a.who, a.from_, as_of, a.reason, a.cover)
        for a in snapshot.absences
        if a.from_ <= as_of
    ]
    return replace(
        snapshot,
        induction=_entries_as_of(snapshot.induction, as_of),
        absences=absences,
        cases=[_case_as_of(c, as_of) for c in snapshot.cases if c.allocated <= as_of],
        events=[e for e in snapshot.events if e.date <= as_of],
        supervisions=[
            _supervision_as_of(s, as_of) for s in snapshot.supervisions if s.date <= as_of
        ],
        pcf_reviews=[r for r in snapshot.pcf_reviews if r.date <= as_of],
        learning=[x for x in snapshot.learning if x.evidenced <= as_of],
        transitions=[
            Transition(t.case, _entries_as_of(t.items, as_of)) for t in snapshot.transitions
        ],
    )


def student_absence_days(absences: list[Absence]) -> set[date]:
    """Every calendar day on which the student was absent."""
    days: set[date] = set()
    for a in absences:
        if a.who == "student":
            days.update(days_between(a.from_, a.to))
    return days


def absent_working_days(placement: Placement, absences: list[Absence]) -> int:
    """The student's absent days that were working days of the placement."""
    cal = calendar_for(placement)
    return sum(
        1
        for d in student_absence_days(absences)
        if placement.start <= d <= placement.end and cal.is_working_day(d)
    )
