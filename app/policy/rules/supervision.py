"""Supervision and case direction: regular, recorded, signed (000 §8, §15, §17, §18; 001 §6; 002 §2c, §3)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from app.policy.calendar import uk_date
from app.policy.findings import BREACH, WARNING, EvaluationContext, Finding, Rule, rule
from app.policy.gaps import gaps_over
from app.policy.snapshot import ManagerOverride
from app.policy.terms import (
    discussed_after_step_up,
    is_caseload,
    is_empty,
    step_up_deadline,
    student_absence_days,
)
from app.policy.vocabulary import CASE_TYPE_LABELS


def gap_findings(
    r: Rule,
    ctx: EvaluationContext,
    subject: str,
    start: date,
    end: date,
    dates: list[date],
    limit: int,
    what: str,
    absences: bool = False,
    override: ManagerOverride | None = None,
) -> Iterator[Finding]:
    """A finding for each gap longer than ``limit`` (policy-rules.md, gap rules)."""
    absent = student_absence_days(ctx.snapshot.absences) if absences else set()
    for gap in gaps_over(start, end, dates, limit, absent):
        assert gap.overdue_from is not None
        discounted = (
            " (student absences not counted)"
            if absences and gap.length != (gap.ends - gap.begins).days
            else ""
        )
        yield r.finding(
            subject,
            gap.overdue_from,
            f"{gap.length} days without {what} from {uk_date(gap.begins)} to "
            f"{uk_date(gap.ends)}{discounted}; the limit is {limit}.",
            override=override,
        )


def _supervision_dates(ctx: EvaluationContext, three_way_only: bool = False) -> list[date]:
    return [
        s.date for s in ctx.snapshot.supervisions if not three_way_only or s.format == "three-way"
    ]


@rule(
    "supervision.weekly",
    WARNING,
    "001 §6",
    "More than a week between formal supervisions.",
    ("supervision_days",),
)
def weekly(ctx: EvaluationContext) -> Iterator[Finding]:
    yield from gap_findings(
        weekly,
        ctx,
        "placement",
        ctx.placement.start,
        ctx.window_end,
        _supervision_dates(ctx),
        ctx.profile.supervision_days,
        "supervision",
        absences=True,
    )


@rule(
    "supervision.fortnightly",
    BREACH,
    "000 §15",
    "More than a fortnight between formal supervisions.",
    ("supervision_max_days",),
)
def fortnightly(ctx: EvaluationContext) -> Iterator[Finding]:
    yield from gap_findings(
        fortnightly,
        ctx,
        "placement",
        ctx.placement.start,
        ctx.window_end,
        _supervision_dates(ctx),
        ctx.profile.supervision_max_days,
        "supervision",
        absences=True,
    )


@rule(
    "supervision.three-way",
    WARNING,
    "001 §6; programme requirement",
    "An off-site educator needs regular three-way supervision with the on-site supervisor.",
    ("three_way_days",),
)
def three_way(ctx: EvaluationContext) -> Iterator[Finding]:
    p = ctx.placement
    if p.educator_onsite or not p.onsite_supervisor:
        return
    yield from gap_findings(
        three_way,
        ctx,
        "placement",
        p.start,
        ctx.window_end,
        _supervision_dates(ctx, three_way_only=True),
        ctx.profile.three_way_days,
        "three-way supervision",
        absences=True,
    )


@rule(
    "supervision.caseload-not-discussed", WARNING, "002 §2c, §3", "The caseload was not discussed."
)
def caseload_not_discussed(ctx: EvaluationContext) -> Iterator[Finding]:
    for s in ctx.snapshot.supervisions:
        if not s.caseload_discussed:
            yield caseload_not_discussed.finding(
                f"supervision:{s.id}", s.date, "Caseload not discussed in this supervision."
            )


@rule(
    "supervision.decisions-not-recorded",
    WARNING,
    "000 §17",
    "Decisions about cases were not put on the child's record.",
)
def decisions_not_recorded(ctx: EvaluationContext) -> Iterator[Finding]:
    for s in ctx.snapshot.supervisions:
        if s.cases_discussed and not s.decisions_recorded:
            yield decisions_not_recorded.finding(
                f"supervision:{s.id}",
                s.date,
                "Case decisions from this supervision not recorded on the children's records.",
            )


@rule(
    "supervision.unsigned",
    WARNING,
    "good practice",
    "A supervision record not signed by both people.",
    ("sign_within_days",),
)
def unsigned(ctx: EvaluationContext) -> Iterator[Finding]:
    for s in ctx.snapshot.supervisions:
        if (ctx.as_of - s.date).days > ctx.profile.sign_within_days and not (
            s.signed_by_educator and s.signed_by_student
        ):
            yield unsigned.finding(
                f"supervision:{s.id}",
                s.date,
                "Supervision record not signed by both educator and student.",
            )


def _discussed_on(ctx: EvaluationContext) -> dict[str, list[date]]:
    by_case: dict[str, list[date]] = defaultdict(list)
    for s in ctx.snapshot.supervisions:
        for ref in s.cases_discussed:
            by_case[ref].append(s.date)
    return by_case


def _events_on(ctx: EvaluationContext, kind: str) -> dict[str, list[date]]:
    by_case: dict[str, list[date]] = defaultdict(list)
    for e in ctx.snapshot.events:
        if e.kind == kind and e.case:
            by_case[e.case].append(e.date)
    return by_case


def case_end(ctx: EvaluationContext, ended: date | None) -> date:
    return min(ended, ctx.window_end) if ended else ctx.window_end


@rule(
    "case.direction",
    BREACH,
    "000 §8, §15",
    "A child on the caseload not discussed in supervision for more than a fortnight.",
    ("direction_days",),
)
def direction(ctx: EvaluationContext) -> Iterator[Finding]:
    discussed = _discussed_on(ctx)
    for c in ctx.snapshot.cases:
        if is_caseload(c):
            yield from gap_findings(
                direction,
                ctx,
                f"case:{c.ref}",
                c.allocated,
                case_end(ctx, c.ended),
                discussed.get(c.ref, []),
                ctx.profile.direction_days,
                "case direction in supervision",
                override=c.manager_override,
            )


@rule(
    "case.manager-oversight",
    WARNING,
    "000 §8",
    "A child on the caseload without recorded manager oversight for too long.",
    ("oversight_days",),
)
def manager_oversight(ctx: EvaluationContext) -> Iterator[Finding]:
    oversight = _events_on(ctx, "manager-oversight")
    for c in ctx.snapshot.cases:
        if is_caseload(c):
            yield from gap_findings(
                manager_oversight,
                ctx,
                f"case:{c.ref}",
                c.allocated,
                case_end(ctx, c.ended),
                oversight.get(c.ref, []),
                ctx.profile.oversight_days,
                "manager oversight",
                override=c.manager_override,
            )


@rule(
    "case.step-up-discussed",
    WARNING,
    "003 §4.1, §4.2",
    "A case stepped up to a statutory type not discussed in supervision soon after.",
    ("step_up_days",),
)
def step_up_discussed(ctx: EvaluationContext) -> Iterator[Finding]:
    days = ctx.profile.step_up_days
    discussed = _discussed_on(ctx)
    for c in ctx.snapshot.cases:
        if not is_caseload(c) or c.stepped_up is None:
            continue
        stepped = c.stepped_up.date
        deadline = step_up_deadline(stepped, ctx.profile)
        if ctx.as_of <= deadline or (c.ended is not None and c.ended < deadline):
            continue
        if discussed_after_step_up(stepped, discussed.get(c.ref, []), ctx.profile):
            continue
        yield step_up_discussed.finding(
            f"case:{c.ref}",
            deadline,
            f"Stepped up to {CASE_TYPE_LABELS[c.type]} on {uk_date(stepped)} and not discussed "
            f"in supervision within {days} days.",
            override=c.manager_override,
        )


@rule(
    "supervisor.supervision",
    WARNING,
    "000 §18",
    "The on-site supervisor's own supervision is overdue.",
    ("oversight_days",),
)
def supervisor_supervision(ctx: EvaluationContext) -> Iterator[Finding]:
    if not ctx.placement.onsite_supervisor:
        return
    dates = [e.date for e in ctx.snapshot.events if e.kind == "supervisor-supervision"]
    yield from gap_findings(
        supervisor_supervision,
        ctx,
        "placement",
        ctx.placement.start,
        ctx.window_end,
        dates,
        ctx.profile.oversight_days,
        "supervision of the on-site supervisor",
    )


@rule(
    "absence.cover",
    WARNING,
    "003 §8.2",
    "A long absence of the educator or on-site supervisor with no cover named.",
    ("absence_cover_days",),
)
def absence_cover(ctx: EvaluationContext) -> Iterator[Finding]:
    limit = ctx.profile.absence_cover_days
    for a in ctx.snapshot.absences:
        if (
            a.who in ("educator", "onsite_supervisor")
            and is_empty(a.cover)
            and (a.to - a.from_).days + 1 > limit
        ):
            who = "Educator" if a.who == "educator" else "On-site supervisor"
            yield absence_cover.finding(
                f"absence:{a.id}",
                a.from_ + timedelta(days=limit),
                f"{who} absent from {uk_date(a.from_)} for more than {limit} days "
                "with no cover named.",
            )
