"""Progress and endings: PCF reviews, learning outcomes, goodbyes and handovers (000 §9–11; 001 §3–4; 003)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from app.policy.calendar import uk_date
from app.policy.findings import BREACH, WARNING, EvaluationContext, Finding, rule
from app.policy.terms import absent_working_days, is_caseload, is_open_on
from app.policy.vocabulary import TRANSITION_ITEMS, required_learning_outcomes
from app.policy.wording import counted


@rule(
    "pcf.midpoint-review",
    WARNING,
    "001 §3–4; programme requirement",
    "No midpoint PCF review a week after the midpoint.",
    ("review_grace_days",),
)
def midpoint_review(ctx: EvaluationContext) -> Iterator[Finding]:
    due = ctx.midpoint + timedelta(days=ctx.profile.review_grace_days)
    if ctx.as_of > due and not any(r.stage == "midpoint" for r in ctx.snapshot.pcf_reviews):
        yield midpoint_review.finding(
            "placement", due, f"No midpoint PCF review (midpoint {uk_date(ctx.midpoint)})."
        )


@rule(
    "pcf.final-review", BREACH, "001 §3–4; programme requirement", "No final PCF review at the end."
)
def final_review(ctx: EvaluationContext) -> Iterator[Finding]:
    end = ctx.placement.end
    if ctx.as_of >= end and not any(r.stage == "final" for r in ctx.snapshot.pcf_reviews):
        yield final_review.finding("placement", end, "No final PCF review recorded.")


@rule(
    "learning.outcomes",
    WARNING,
    "000 §10–11",
    "Required learning outcomes without evidence near the end.",
    ("transition_notice_days",),
)
def learning_outcomes(ctx: EvaluationContext) -> Iterator[Finding]:
    p = ctx.placement
    from_day = p.end - timedelta(days=ctx.profile.transition_notice_days)
    if ctx.as_of < from_day:
        return
    evidenced = {x.item for x in ctx.snapshot.learning}
    required = required_learning_outcomes(p.kind, p.setting)
    missing = [label.lower() for key, label in required.items() if key not in evidenced]
    if missing:
        yield learning_outcomes.finding(
            "placement",
            from_day,
            f"{counted(len(missing), 'learning outcome')} without evidence: {'; '.join(missing)}.",
        )


def _transition_notice(ctx: EvaluationContext):  # type: ignore[no-untyped-def]
    return ctx.placement.end - timedelta(days=ctx.profile.transition_notice_days)


@rule(
    "ending.transition-plan",
    WARNING,
    "000 §9",
    "An open case without a transition record in the last weeks of the placement.",
    ("transition_notice_days",),
)
def transition_plan(ctx: EvaluationContext) -> Iterator[Finding]:
    end = ctx.placement.end
    if not (_transition_notice(ctx) <= ctx.as_of < end):
        return
    planned = {t.case for t in ctx.snapshot.transitions}
    for c in ctx.snapshot.cases:
        if is_caseload(c) and c.ended is None and c.ref not in planned:
            yield transition_plan.finding(
                f"case:{c.ref}",
                end,
                f"No transition plan yet for {c.ref}; the placement ends {uk_date(end)}.",
                override=c.manager_override,
            )


@rule(
    "ending.transition-incomplete",
    BREACH,
    "000 §9",
    "A case open in the last weeks has no complete transition record at the end.",
)
def transition_incomplete(ctx: EvaluationContext) -> Iterator[Finding]:
    end = ctx.placement.end
    if ctx.as_of < end:
        return
    notice = _transition_notice(ctx)
    records = {t.case: t for t in ctx.snapshot.transitions}
    for c in ctx.snapshot.cases:
        if not is_caseload(c) or not (is_open_on(c, notice) or c.allocated > notice):
            continue
        record = records.get(c.ref)
        missing = [k for k in TRANSITION_ITEMS if record is None or k not in record.items]
        if missing:
            what = (
                "no transition record"
                if record is None
                else f"{counted(len(missing), 'required item')} not done"
            )
            yield transition_incomplete.finding(
                f"case:{c.ref}",
                end,
                f"Transition for {c.ref}: {what}.",
                override=c.manager_override,
            )


@rule(
    "ending.case-open", BREACH, "003 §3.7, §5.2", "A case still open when the placement has ended."
)
def case_open(ctx: EvaluationContext) -> Iterator[Finding]:
    end = ctx.placement.end
    if ctx.as_of < end:
        return
    for c in ctx.snapshot.cases:
        if is_caseload(c) and c.ended is None:
            yield case_open.finding(
                f"case:{c.ref}",
                end,
                f"{c.ref} has no end date: record whether it closed, transferred or "
                "stays with the named worker.",
                override=c.manager_override,
            )


@rule(
    "ending.transfer-not-signed-off",
    BREACH,
    "003 §3.6, §3.7",
    "A case transferred before both managers signed the transfer off.",
)
def transfer_not_signed_off(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in ctx.snapshot.cases:  # ended on or before the as-of date (later is still open)
        if not is_caseload(c) or c.ending != "transferred" or c.ended is None:
            continue
        signed = c.transfer_signed_off
        if signed is None or signed > c.ended:
            when = "" if signed is None else f" (signed off {uk_date(signed)}, after it)"
            yield transfer_not_signed_off.finding(
                f"case:{c.ref}",
                c.ended,
                f"{c.ref} was transferred on {uk_date(c.ended)} without both managers' "
                f"sign-off first{when}.",
                override=c.manager_override,
            )


@rule(
    "placement.days-short",
    WARNING,
    "programme requirement",
    "The placement's working days, less the student's absences, fall short of the days required.",
)
def days_short(ctx: EvaluationContext) -> Iterator[Finding]:
    p = ctx.placement
    available = ctx.calendar.working_days(p.start, p.end)
    lost = absent_working_days(p, ctx.snapshot.absences)
    if available - lost < p.required_days:
        yield days_short.finding(
            "placement",
            p.end,
            f"{available - lost} working days available ({available} less {lost} absent); "
            f"{p.required_days} required.",
        )
