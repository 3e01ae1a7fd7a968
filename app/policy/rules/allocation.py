"""Allocation: which children a student may work with, and how the decision is made."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from app.policy.calendar import uk_date
from app.policy.findings import BREACH, WARNING, EvaluationContext, Finding, Rule, rule
from app.policy.snapshot import Case
from app.policy.terms import is_caseload, is_empty, is_high_complexity, is_statutory, statutory_from
from app.policy.vocabulary import CASE_TYPE_LABELS


def subject(case: Case) -> str:
    return f"case:{case.ref}"


def _caseload(ctx: EvaluationContext) -> Iterator[Case]:
    return (c for c in ctx.snapshot.cases if is_caseload(c))


def _finding(r: Rule, case: Case, message: str, day: date | None = None) -> Finding:
    return r.finding(subject(case), day or case.allocated, message, override=case.manager_override)


@rule(
    "allocation.during-induction",
    BREACH,
    "000 §5",
    "A caseload case allocated before the induction ends.",
    ("induction_days",),
    at_allocation=True,
)
def during_induction(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in _caseload(ctx):
        if c.allocated < ctx.allocations_open:
            yield _finding(
                during_induction,
                c,
                f"Allocated {uk_date(c.allocated)}, during the induction fortnight; "
                f"allocations open {uk_date(ctx.allocations_open)}.",
            )


@rule(
    "allocation.not-consulted",
    BREACH,
    "000 §4, 002 §2",
    "The practice educator was not consulted.",
    at_allocation=True,
)
def not_consulted(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in ctx.snapshot.cases:
        if not c.educator_consulted:
            yield _finding(not_consulted, c, "Allocated without consulting the practice educator.")


@rule(
    "allocation.no-rationale",
    WARNING,
    "004 §1.7",
    "No rationale recorded for the allocation.",
    at_allocation=True,
)
def no_rationale(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in ctx.snapshot.cases:
        if is_empty(c.rationale):
            yield _finding(no_rationale, c, "No rationale recorded for this allocation.")


@rule(
    "allocation.statutory-lead",
    BREACH,
    "000 §12, 001 §10, 004 §2.1",
    "A student leads a statutory case (co-working and shadowing are allowed).",
    at_allocation=True,
    never="A student can never lead a statutory case (001 §10, 004 §2.1): "
    "make the student a co-worker or let them shadow.",
)
def statutory_lead(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in ctx.snapshot.cases:  # as of the as-of date: a later step-up has not happened
        if is_statutory(c.type) and c.student_role == "lead":
            yield _finding(
                statutory_lead,
                c,
                f"Student is lead on a statutory case ({CASE_TYPE_LABELS[c.type]}"
                f"{_since_step_up(c)}); co-work or shadow instead.",
                statutory_from(c),
            )


def _since_step_up(c: Case) -> str:
    s = c.stepped_up
    return f" since {uk_date(s.date)}, stepped up from {CASE_TYPE_LABELS[s.from_]}" if s else ""


@rule(
    "allocation.statutory-keyworker",
    BREACH,
    "001 §10, 003 §4.1, 004 §2.5",
    "A statutory case with no keyworker named for the student to work beside.",
    at_allocation=True,
    never="A statutory case needs its keyworker named (001 §10, 004 §2.5): the qualified "
    "social worker who holds it and under whose direct supervision the student works.",
)
def statutory_keyworker(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in _caseload(ctx):
        if is_statutory(c.type) and is_empty(c.keyworker):
            yield _finding(
                statutory_keyworker,
                c,
                f"No keyworker named for a statutory case ({CASE_TYPE_LABELS[c.type]}"
                f"{_since_step_up(c)}): the student works on it only beside one.",
                statutory_from(c),
            )


@rule(
    "allocation.pre-birth",
    BREACH,
    "004 §2.4",
    "A student leads or co-works a pre-birth assessment.",
    at_allocation=True,
    never="A student can never lead or co-work a pre-birth assessment (004 §2.4): "
    "let the student shadow instead.",
)
def pre_birth(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in _caseload(ctx):
        if c.type == "pre-birth":
            yield _finding(pre_birth, c, f"Student is {c.student_role} on a pre-birth assessment.")


@rule(
    "allocation.many-workers",
    WARNING,
    "000 §7",
    "The child has had many social workers already.",
    ("many_workers",),
    at_allocation=True,
)
def many_workers(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in _caseload(ctx):
        if c.previous_social_workers >= ctx.profile.many_workers:
            yield _finding(
                many_workers,
                c,
                f"The child has had {c.previous_social_workers} social workers; "
                "consider whether a student is right.",
            )


@rule(
    "allocation.late-transition",
    WARNING,
    "000 §7",
    "A child in major transition allocated near the end of the placement.",
    ("late_days",),
    at_allocation=True,
)
def late_transition(ctx: EvaluationContext) -> Iterator[Finding]:
    end = ctx.placement.end
    for c in _caseload(ctx):
        if c.major_transition and 0 <= (end - c.allocated).days <= ctx.profile.late_days:
            yield _finding(
                late_transition,
                c,
                f"Child in major transition allocated {(end - c.allocated).days} days "
                "before the placement ends.",
            )


@rule("allocation.conflict", BREACH, "004 §1.4", "A conflict of interest.", at_allocation=True)
def conflict(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in ctx.snapshot.cases:
        if c.conflict_of_interest:
            yield _finding(conflict, c, "Conflict of interest recorded for this allocation.")


@rule(
    "allocation.complex-early",
    WARNING,
    "000 §5, §8",
    "High complexity or risk allocated in the first weeks after induction.",
    ("early_days",),
    at_allocation=True,
)
def complex_early(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in _caseload(ctx):
        if (
            is_high_complexity(c)
            and 0 <= (c.allocated - ctx.allocations_open).days <= ctx.profile.early_days
        ):
            yield _finding(
                complex_early,
                c,
                f"High complexity or risk allocated {uk_date(c.allocated)}, within "
                f"{ctx.profile.early_days} days of allocations opening.",
            )


@rule(
    "allocation.no-briefing",
    WARNING,
    "004 §1.3, §1.5",
    "No one-to-one briefing on the child and family before the allocation.",
    at_allocation=True,
)
def no_briefing(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in _caseload(ctx):
        if c.briefed is None or c.briefed > c.allocated:
            when = "" if c.briefed is None else f" (briefed {uk_date(c.briefed)}, after it)"
            yield _finding(
                no_briefing,
                c,
                f"No one-to-one briefing on the child and family before the allocation{when}.",
            )


@rule(
    "allocation.previous-worker",
    WARNING,
    "004 §1.5",
    "The child's previous social worker was not consulted.",
    at_allocation=True,
)
def previous_worker(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in _caseload(ctx):
        if c.previous_social_workers >= 1 and c.previous_worker_consulted is not True:
            said = "not" if c.previous_worker_consulted is False else "not recorded as"
            yield _finding(
                previous_worker,
                c,
                f"The child has had {c.previous_social_workers} social worker"
                f"{'s' if c.previous_social_workers != 1 else ''}; the previous one was "
                f"{said} consulted.",
            )


@rule(
    "allocation.worker-risk",
    WARNING,
    "004 §1.4, 000 §19",
    "A risk to the student with no safety plan recorded.",
    at_allocation=True,
)
def worker_risk(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in ctx.snapshot.cases:
        if c.risk_to_worker and is_empty(c.safety_plan):
            yield _finding(
                worker_risk,
                c,
                "A risk to the student is recorded with no safety plan (how it is managed).",
            )


@rule(
    "allocation.educator-absent",
    BREACH,
    "003 §6.4, 000 §4",
    "A case allocated while the practice educator was away, with no cover named.",
    at_allocation=True,
)
def educator_absent(ctx: EvaluationContext) -> Iterator[Finding]:
    away = [a for a in ctx.snapshot.absences if a.who == "educator" and is_empty(a.cover)]
    for c in _caseload(ctx):
        for a in away:
            if a.from_ <= c.allocated <= a.to:
                yield _finding(
                    educator_absent,
                    c,
                    f"Allocated {uk_date(c.allocated)} while the practice educator was away "
                    f"({uk_date(a.from_)} to {uk_date(a.to)}) with no cover named.",
                )
                break


@rule(
    "allocation.override-review",
    WARNING,
    "002 §3",
    "A manager override whose review date has passed without a review.",
)
def override_review(ctx: EvaluationContext) -> Iterator[Finding]:
    for c in ctx.snapshot.cases:
        o = c.manager_override
        if o is None or c.ended is not None:
            continue
        if ctx.as_of > o.review_by and o.reviewed is None:
            yield _finding(
                override_review,
                c,
                f"Manager override by {o.by} was due for review on {uk_date(o.review_by)}.",
                o.review_by,
            )


@rule(
    "placement.link-worker",
    BREACH,
    "002 §2",
    "The educator is also the team manager and no link worker is named.",
)
def link_worker(ctx: EvaluationContext) -> Iterator[Finding]:
    p = ctx.placement
    if p.educator.strip().casefold() == p.team_manager.strip().casefold() and is_empty(
        p.link_worker
    ):
        yield link_worker.finding(
            "placement",
            p.start,
            "The practice educator is also the team manager: name a link worker.",
        )
