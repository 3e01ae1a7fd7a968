"""Caseload: the cap, and gradual growth rather than a sudden load (000 §3, §5; 002 §2)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from app.policy.calendar import uk_date
from app.policy.findings import BREACH, WARNING, EvaluationContext, Finding, rule
from app.policy.snapshot import Case
from app.policy.terms import (
    caseload_cap,
    high_complexity_limit,
    is_caseload,
    is_high_complexity,
)


def _runs_over(
    ctx: EvaluationContext, limit: int, counts: Callable[[Case], bool] | None = None
) -> Iterator[tuple[date, list[int], Case]]:
    """Each run of days whose caseload (the cases ``counts`` accepts, else all) holds more
    than ``limit``: its first day, the cases open then, and the one whose allocation began
    the run (latest allocated; same day, the last in file order)."""
    cases = ctx.snapshot.cases
    counted_positions = (
        None if counts is None else frozenset(i for i, c in enumerate(cases) if counts(c))
    )
    in_run = False
    for day, open_positions in ctx.caseload_days.items():
        counted = (
            open_positions
            if counted_positions is None
            else [i for i in open_positions if i in counted_positions]
        )
        over = len(counted) > limit
        if over and not in_run:
            trigger = cases[max(counted, key=lambda i: (cases[i].allocated, i))]
            yield day, counted, trigger
        in_run = over


@rule(
    "caseload.over-cap",
    BREACH,
    "000 §3, 002 §2",
    "The caseload is above the cap in force.",
    ("first_placement_cap", "final_placement_cap"),
    at_allocation=True,
)
def over_cap(ctx: EvaluationContext) -> Iterator[Finding]:
    cap = caseload_cap(ctx.placement, ctx.profile)
    for day, counted, trigger in _runs_over(ctx, cap):
        yield over_cap.finding(
            f"case:{trigger.ref}",
            day,
            f"Caseload {len(counted)} from {uk_date(day)}, above the cap of {cap}.",
            override=trigger.manager_override,
        )


@rule(
    "caseload.complexity",
    WARNING,
    "000 §8, 001 §4, 002 §2b",
    "More high-complexity cases at once than a student should carry.",
    ("max_high_first", "max_high_final"),
    at_allocation=True,
)
def complexity(ctx: EvaluationContext) -> Iterator[Finding]:
    limit = high_complexity_limit(ctx.placement, ctx.profile)
    for day, counted, trigger in _runs_over(ctx, limit, is_high_complexity):
        yield complexity.finding(
            f"case:{trigger.ref}",
            day,
            f"{len(counted)} high-complexity cases from {uk_date(day)}; "
            f"at most {limit} at once on a {ctx.placement.kind} placement.",
            override=trigger.manager_override,
        )


@rule(
    "caseload.too-fast",
    WARNING,
    "000 §5",
    "More new caseload allocations in seven days than the gradual build-up allows.",
    ("max_new_per_week",),
    at_allocation=True,
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
