"""Induction: the first fortnight's agreements and arrangements (000 §1, §5, §6, §19; 001 §5, §6)."""

from __future__ import annotations

from collections.abc import Iterator

from app.policy.calendar import uk_date
from app.policy.findings import WARNING, EvaluationContext, Finding, rule
from app.policy.vocabulary import INDUCTION_ITEMS


@rule(
    "induction.incomplete",
    WARNING,
    "000 §1, §5, §6, §19; 001 §5, §6",
    "Required induction items still have no date once allocations open.",
)
def induction_incomplete(ctx: EvaluationContext) -> Iterator[Finding]:
    if ctx.as_of < ctx.allocations_open:
        return
    missing = [item for item in INDUCTION_ITEMS if item not in ctx.snapshot.induction]
    if missing:
        names = ", ".join(INDUCTION_ITEMS[m][0].lower() for m in missing)
        yield induction_incomplete.finding(
            "placement",
            ctx.allocations_open,
            f"Induction not complete when allocations opened ({uk_date(ctx.allocations_open)}): "
            f"missing {names}.",
        )
