"""Caseload: the cap, and gradual growth rather than a sudden load (000 §3, §5; 002 §2)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from app.policy.calendar import uk_date
from app.policy.findings import BREACH, WARNING, EvaluationContext, Finding, rule
from app.policy.snapshot import Case
from app.policy.terms import caseload_cap, is_caseload


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


@rule(
    "caseload.over-cap",
    BREACH,
    "000 §3, 002 §2",
    "The caseload is above the cap in force.",
    ("first_placement_cap", "final_placement_cap"),
)
def over_cap(ctx: EvaluationContext) -> Iterator[Finding]:
    cases = ctx.snapshot.cases
    cap = caseload_cap(ctx.placement, ctx.profile)
    daily = caseload_by_day(cases, ctx.placement.start, ctx.window_end)
    in_run = False
    for day, open_positions in daily.items():
        over = len(open_positions) > cap
        if over and not in_run:
            # the case whose allocation began the run: latest allocated, same day the last in file order
            trigger = cases[max(open_positions, key=lambda i: (cases[i].allocated, i))]
            yield over_cap.finding(
                f"case:{trigger.ref}",
                day,
                f"Caseload {len(open_positions)} from {uk_date(day)}, above the cap of {cap}.",
                override=trigger.manager_override,
            )
        in_run = over


@rule(
    "caseload.too-fast",
    WARNING,
    "000 §5",
    "More new caseload allocations in seven days than the gradual build-up allows.",
    ("max_new_per_week",),
)
def too_fast(ctx: EvaluationContext) -> Iterator[Finding]:
    limit = ctx.profile.max_new_per_week
    ordered = sorted(
        ((c.allocated, i, c) for i, c in enumerate(ctx.snapshot.cases) if is_caseload(c)),
        key=lambda t: (t[0], t[1]),
    )
    for n, (day, _i, c) in enumerate(ordered):
        window_start = day - timedelta(days=6)
        rank = sum(1 for earlier, _j, _c in ordered[: n + 1] if earlier >= window_start)
        if rank > limit:
            yield too_fast.finding(
                f"case:{c.ref}",
                day,
                f"Allocation {rank} within seven days (to {uk_date(day)}); at most {limit} a week.",
                override=c.manager_override,
            )
