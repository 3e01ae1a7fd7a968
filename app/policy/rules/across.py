"""Across placements: a practice educator normally supervises one student at a time (002 §2).

Only where several placements are looked at together (the app's database) are the others
known; a single file never raises it.
"""

from __future__ import annotations

from collections.abc import Iterator

from app.policy.calendar import uk_date
from app.policy.findings import WARNING, EvaluationContext, Finding, rule


def same_person(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


@rule(
    "educator.one-student",
    WARNING,
    "002 §2",
    "The practice educator supervises another student's placement at the same time.",
)
def one_student(ctx: EvaluationContext) -> Iterator[Finding]:
    p = ctx.placement
    for other in ctx.others:
        if (
            same_person(p.educator, other.educator)
            and p.start <= other.end
            and other.start <= p.end
        ):
            yield one_student.finding(
                "placement",
                max(p.start, other.start),
                f"{p.educator} also supervises {other.student} "
                f"({uk_date(other.start)} to {uk_date(other.end)}), a placement that overlaps "
                "this one: a PE normally has one student at a time.",
            )
