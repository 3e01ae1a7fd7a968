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
from app.policy.vocabulary import CASELOAD_ROLES, STATUTORY_CASE_TYPES


def is_empty(text: str | None) -> bool:
    """A name or text that is missing or only white space names nobody and says nothing."""
    return text is None or not text.strip()


def caseload_cap(placement: Placement, profile: PolicyProfile) -> int:
    """6 (first) or 10 (final), and at most half the host team's average (000 §3, 002 §2)."""
    cap = profile.final_placement_cap if placement.kind == "final" else profile.first_placement_cap
    if placement.host_team_average_caseload is not None:
        cap = min(cap, int(placement.host_team_average_caseload // 2))
    return cap


def high_complexity_limit(placement: Placement, profile: PolicyProfile) -> int:
    """High-complexity cases a student carries at once: 2 (first) or 5 (final) (000 §8)."""
    return profile.max_high_final if placement.kind == "final" else profile.max_high_first


def is_caseload(case: Case) -> bool:
    """Lead and co-worker cases count; shadowing is a learning opportunity, not caseload."""
    return case.student_role in CASELOAD_ROLES


def type_on(case: Case, day: date) -> str:
    """The case's type on ``day``: before a step-up, the type it was stepped up from."""
    s = case.stepped_up
    return s.from_ if s is not None and day < s.date else case.type


def is_statutory(case_type: str) -> bool:
    return case_type in STATUTORY_CASE_TYPES


def statutory_from(case: Case) -> date:
    """The day a statutory case became so: its step-up, else its allocation."""
    return case.stepped_up.date if case.stepped_up is not None else case.allocated


def is_high_complexity(case: Case) -> bool:
    return "high" in (case.complexity, case.risk)


def is_open_on(case: Case, day: date) -> bool:
    return case.allocated <= day and (case.ended is None or case.ended > day)


def caseload_on(cases: list[Case], day: date) -> list[Case]:
    """The student's caseload on ``day``: lead/co-worker cases allocated and not yet ended."""
    return [c for c in cases if is_caseload(c) and is_open_on(c, day)]


def caseload_by_day(cases: list[Case], first: date, last: date) -> dict[date, list[int]]:
    """For each day from ``first`` to ``last``, the file positions of the open caseload cases."""
    openings: dict[date, list[int]] = {}
    closings: dict[date, list[int]] = {}
    for i, c in enumerate(cases):
        if not is_caseload(c):
            continue
        begins = max(c.allocated, first)
        if c.ended is not None and c.ended <= begins:
            continue
        openings.setdefault(begins, []).append(i)
        if c.ended is not None:
            closings.setdefault(c.ended, []).append(i)
    result: dict[date, list[int]] = {}
    current: list[int] = []
    day = first
    while day <= last:
        if day in closings:
            gone = set(closings[day])
            current = [i for i in current if i not in gone]
        current.extend(openings.get(day, ()))
        result[day] = list(current)
        day += timedelta(days=1)
    return result


def joint_visit_deadline(case: Case, profile: PolicyProfile) -> date:
    """The last day for the first joint visit: allocation + ``joint_visit_days`` (001 §8)."""
    return case.allocated + timedelta(days=profile.joint_visit_days)


def step_up_deadline(stepped: date, profile: PolicyProfile) -> date:
    """The last day to discuss a step-up in supervision (003 §4.1, §4.2)."""
    return stepped + timedelta(days=profile.step_up_days)


def discussed_after_step_up(stepped: date, discussed: list[date], profile: PolicyProfile) -> bool:
    """Whether a supervision from the step-up's day to its deadline discussed the case."""
    return any(stepped <= d <= step_up_deadline(stepped, profile) for d in discussed)


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
    if c.stepped_up is not None and c.stepped_up.date > as_of:  # not stepped up yet
        changed = replace(changed, type=c.stepped_up.from_, stepped_up=None)
    if c.transfer_signed_off is not None and c.transfer_signed_off > as_of:
        changed = replace(changed, transfer_signed_off=None)
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
