"""Caseload growth day by day, with the planned ramp the chart draws it against.

The planned ramp is our reading of "gradual growth" (000 §5): nothing during the
induction, then a straight climb from the day allocations open to the cap at the
midpoint, then the cap. The cap is the one the rules use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.policy.calendar import days_between, is_bank_holiday
from app.policy.profile import PolicyProfile
from app.policy.snapshot import PlacementSnapshot
from app.policy.terms import (
    allocations_open,
    as_of_view,
    calendar_for,
    caseload_by_day,
    caseload_cap,
    high_complexity_limit,
    is_high_complexity,
    placement_midpoint,
)


@dataclass(frozen=True, slots=True)
class CaseloadSeries:
    days: tuple[date, ...]  # every calendar day of the placement
    actual: tuple[int | None, ...]  # caseload on each day up to as_of, None after
    open_refs: tuple[tuple[str, ...], ...]  # the cases behind each count (empty after as_of)
    high: tuple[int | None, ...]  # of them, high-complexity cases (complexity or risk high)
    high_limit: int
    planned: tuple[float, ...]
    cap: int
    induction: tuple[date, date]  # first and last day of the induction
    allocations_open: date
    bank_holidays: tuple[date, ...]
    absences: tuple[tuple[date, date, str], ...]  # (from, to, who), cut at as_of
    as_of: date


def planned_caseload(day: date, opens: date, mid: date, cap: int) -> float:
    if day < opens:
        return 0.0
    if day >= mid or mid <= opens:
        return float(cap)
    return cap * (day - opens).days / (mid - opens).days


def caseload_series(
    snapshot: PlacementSnapshot, as_of: date, profile: PolicyProfile
) -> CaseloadSeries:
    p = snapshot.placement
    seen = as_of_view(snapshot, as_of)
    cap = caseload_cap(p, profile)
    opens = allocations_open(p)
    mid = placement_midpoint(p)
    days = tuple(days_between(p.start, p.end))
    last_actual = min(as_of, p.end)
    daily = caseload_by_day(seen.cases, p.start, last_actual) if last_actual >= p.start else {}
    actual = tuple(len(daily[d]) if d in daily else None for d in days)
    refs = tuple(tuple(seen.cases[i].ref for i in daily[d]) if d in daily else () for d in days)
    high_cases = {i for i, c in enumerate(seen.cases) if is_high_complexity(c)}
    high = tuple(sum(1 for i in daily[d] if i in high_cases) if d in daily else None for d in days)
    cal = calendar_for(p)
    return CaseloadSeries(
        days=days,
        actual=actual,
        open_refs=refs,
        high=high,
        high_limit=high_complexity_limit(p, profile),
        planned=tuple(planned_caseload(d, opens, mid, cap) for d in days),
        cap=cap,
        induction=(p.start, cal.induction_last_day(p.start, p.induction_days)),
        allocations_open=opens,
        bank_holidays=tuple(d for d in days if is_bank_holiday(d)),
        absences=tuple((a.from_, a.to, a.who) for a in seen.absences),
        as_of=as_of,
    )
