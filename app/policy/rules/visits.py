"""Visits, meetings and records: what a student may do, and with whom (000 §13–16, §19; 001 §7–9)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from app.policy.calendar import uk_date
from app.policy.findings import BREACH, DUE, WARNING, EvaluationContext, Finding, rule
from app.policy.rules.supervision import case_end, gap_findings
from app.policy.snapshot import Event
from app.policy.terms import is_caseload, is_empty, is_statutory, joint_visit_deadline, type_on
from app.policy.vocabulary import CASE_TYPE_LABELS, VISIT_KINDS
from app.policy.wording import every


def _subject(e: Event) -> str:
    return f"event:{e.id}"


def _of_kind(ctx: EvaluationContext, kind: str) -> Iterator[Event]:
    return (e for e in ctx.snapshot.events if e.kind == kind)


@rule(
    "visit.joint-within-6-weeks",
    BREACH,
    "001 §8",
    "No joint visit within six weeks of allocation.",
    ("joint_visit_days",),
)
def joint_visit(ctx: EvaluationContext) -> Iterator[Finding]:
    days = ctx.profile.joint_visit_days
    visits: dict[str, list[Event]] = defaultdict(list)
    for e in _of_kind(ctx, "joint-visit"):
        if e.case:
            visits[e.case].append(e)
    for c in ctx.snapshot.cases:
        if not is_caseload(c):
            continue
        deadline = joint_visit_deadline(c, ctx.profile)
        if any(0 <= (e.date - c.allocated).days <= days for e in visits.get(c.ref, [])):
            continue
        if c.ended is not None and c.ended < deadline:
            continue
        message = (
            f"No joint visit within {days} days of allocation (allocated {uk_date(c.allocated)})."
        )
        if ctx.as_of > deadline:
            yield joint_visit.finding(
                f"case:{c.ref}", deadline, message, override=c.manager_override
            )
        elif (deadline - ctx.as_of).days <= ctx.profile.notice_days:
            yield joint_visit.finding(
                f"case:{c.ref}",
                deadline,
                f"Joint visit due by {uk_date(deadline)} (allocated {uk_date(c.allocated)}).",
                severity=DUE,
                override=c.manager_override,
            )


@rule(
    "visit.statutory-alone",
    BREACH,
    "000 §13, 001 §10, 004 §2.5",
    "A statutory visit on a statutory case made without a qualified worker.",
    never="A statutory visit on a statutory case needs a qualified worker with the student "
    "(000 §13, 001 §10): name who went.",
)
def statutory_alone(ctx: EvaluationContext) -> Iterator[Finding]:
    for e in _of_kind(ctx, "statutory-visit"):
        case = ctx.cases_by_ref.get(e.case or "")
        if case is None or not is_empty(e.accompanied_by):
            continue
        kind = type_on(case, e.date)  # a visit before a step-up is on the earlier type
        if is_statutory(kind):
            yield statutory_alone.finding(
                _subject(e),
                e.date,
                f"Statutory visit for {case.ref} ({CASE_TYPE_LABELS[kind]}) made without a "
                "qualified worker.",
            )


@rule(
    "visit.plan-frequency",
    BREACH,
    "003 §3.1",
    "A child the student leads not visited as often as the child's plan says.",
)
def plan_frequency(ctx: EvaluationContext) -> Iterator[Finding]:
    visits: dict[str, list[date]] = defaultdict(list)
    for e in ctx.snapshot.events:
        if e.kind in VISIT_KINDS and e.case:
            visits[e.case].append(e.date)
    for c in ctx.snapshot.cases:
        if c.student_role != "lead" or c.visit_every_days is None:
            continue
        yield from gap_findings(
            plan_frequency,
            ctx,
            f"case:{c.ref}",
            c.allocated,
            case_end(ctx, c.ended),
            visits.get(c.ref, []),
            c.visit_every_days,
            f"a visit (the child's plan says every {every(c.visit_every_days)})",
            override=c.manager_override,
        )


@rule(
    "visit.after-hours-checkin", BREACH, "000 §19", "An after-hours home visit without a check-in."
)
def after_hours(ctx: EvaluationContext) -> Iterator[Finding]:
    for e in _of_kind(ctx, "home-visit"):
        if e.after_hours and not e.checked_in:
            yield after_hours.finding(
                _subject(e),
                e.date,
                "After-hours home visit with no check-in with the agreed contact.",
            )


def _tac_meetings(ctx: EvaluationContext) -> dict[str, list[Event]]:
    by_case: dict[str, list[Event]] = defaultdict(list)
    for e in sorted(
        _of_kind(ctx, "meeting"), key=lambda e: e.date
    ):  # stable: same day keeps file order
        if e.meeting == "tac" and e.case:
            by_case[e.case].append(e)
    return by_case


@rule(
    "meeting.first-tac-chaired",
    BREACH,
    "001 §9",
    "The student chaired a child's first TAC meeting.",
    never="A student may not chair a child's first TAC meeting (001 §9).",
)
def first_tac(ctx: EvaluationContext) -> Iterator[Finding]:
    for meetings in _tac_meetings(ctx).values():
        first = meetings[0]
        if first.chaired_by == "student":
            yield first_tac.finding(
                _subject(first),
                first.date,
                f"Student chaired the first TAC meeting for {first.case}.",
            )


@rule(
    "meeting.chair-not-assessed",
    BREACH,
    "001 §9",
    "The student chaired a TAC meeting before being assessed as competent to chair.",
    never="A student may chair a later TAC meeting only after being assessed as competent "
    "to chair (001 §9): record the chairing assessment first.",
)
def chair_not_assessed(ctx: EvaluationContext) -> Iterator[Finding]:
    competent: dict[str, list[Event]] = defaultdict(list)
    for e in _of_kind(ctx, "chair-assessment"):
        if e.competent and e.case:
            competent[e.case].append(e)
    for ref, meetings in _tac_meetings(ctx).items():
        for m in meetings[1:]:
            if m.chaired_by == "student" and not any(
                a.date < m.date for a in competent.get(ref, [])
            ):
                yield chair_not_assessed.finding(
                    _subject(m),
                    m.date,
                    f"Student chaired a TAC meeting for {ref} without a prior "
                    "assessment as competent to chair.",
                )


@rule(
    "meeting.review-chaired",
    BREACH,
    "001 §9",
    "The student chaired a review meeting.",
    never="A student may not chair a review meeting (001 §9).",
)
def review_chaired(ctx: EvaluationContext) -> Iterator[Finding]:
    for e in _of_kind(ctx, "meeting"):
        if e.meeting == "review" and e.chaired_by == "student":
            yield review_chaired.finding(
                _subject(e), e.date, f"Student chaired a review meeting for {e.case}."
            )


@rule(
    "assessment.not-authorised",
    BREACH,
    "001 §7",
    "An assessment not authorised by a qualified worker.",
)
def not_authorised(ctx: EvaluationContext) -> Iterator[Finding]:
    for e in _of_kind(ctx, "assessment"):
        if is_empty(e.authorised_by):
            yield not_authorised.finding(
                _subject(e), e.date, f"Assessment for {e.case} has no authorising worker."
            )


REPORT_NAMES = {
    "court": "Court report",
    "conference": "Conference report",
    "s7": "Section 7 report",
}


@rule(
    "report.not-overseen", BREACH, "000 §14", "A court, conference or s7 report without oversight."
)
def not_overseen(ctx: EvaluationContext) -> Iterator[Finding]:
    for e in _of_kind(ctx, "report"):
        if is_empty(e.overseen_by):
            name = REPORT_NAMES.get(e.report or "", "Report")
            yield not_overseen.finding(
                _subject(e), e.date, f"{name} for {e.case} has no one overseeing it."
            )


@rule(
    "report.s7-early",
    BREACH,
    "000 §14",
    "A section 7 report given to the student too early in the placement.",
    ("s7_not_before_days",),
)
def s7_early(ctx: EvaluationContext) -> Iterator[Finding]:
    limit = ctx.profile.s7_not_before_days
    for e in _of_kind(ctx, "report"):
        if e.report == "s7" and 0 <= (e.date - ctx.placement.start).days <= limit:
            yield s7_early.finding(
                _subject(e),
                e.date,
                f"Section 7 report given on day {(e.date - ctx.placement.start).days} of the "
                f"placement; not before {limit} days.",
            )


@rule("plan.not-agreed", BREACH, "001 §7", "A plan the student wrote that nobody agreed.")
def plan_not_agreed(ctx: EvaluationContext) -> Iterator[Finding]:
    for e in _of_kind(ctx, "plan"):
        if is_empty(e.agreed_by):
            yield plan_not_agreed.finding(
                _subject(e),
                e.date,
                f"Plan for {e.case} written by the student with no one recorded as agreeing it.",
            )


@rule(
    "interview.abe-by-student",
    BREACH,
    "003 §4.3",
    "The student conducted an ABE interview (observing is allowed).",
    never="Only social workers with the accredited ABE training conduct an ABE interview "
    "(003 §4.3): the student may observe it.",
)
def abe_by_student(ctx: EvaluationContext) -> Iterator[Finding]:
    for e in _of_kind(ctx, "abe-interview"):
        if e.student_part == "conducted":
            yield abe_by_student.finding(
                _subject(e),
                e.date,
                f"The student conducted an ABE interview for {e.case}: only social workers "
                "with the accredited ABE training may; the student may observe.",
            )


@rule(
    "decision.not-recorded", WARNING, "000 §16", "A decision with another team member not recorded."
)
def decision_not_recorded(ctx: EvaluationContext) -> Iterator[Finding]:
    for e in _of_kind(ctx, "decision"):
        if e.recorded is False:
            who = e.with_ or "a team member"
            yield decision_not_recorded.finding(
                _subject(e), e.date, f"Decision with {who} not recorded."
            )


@rule(
    "observation.count",
    "varies",
    "001 §8; programme requirement",
    "Fewer direct observations than the programme requires.",
    ("observations_first", "observations_final"),
)
def observation_count(ctx: EvaluationContext) -> Iterator[Finding]:
    p = ctx.placement
    need = ctx.profile.observations_final if p.kind == "final" else ctx.profile.observations_first
    have = sum(1 for _ in _of_kind(ctx, "direct-observation"))
    if have < need:
        message = f"{have} of {need} direct observations recorded."
        if ctx.as_of >= p.end:
            yield observation_count.finding("placement", p.end, message, severity=BREACH)
        elif (p.end - ctx.as_of).days <= ctx.profile.notice_days:
            yield observation_count.finding(
                "placement", p.end, f"{message} Due by {uk_date(p.end)}.", severity=DUE
            )
    if ctx.as_of > ctx.midpoint and have == 0:
        yield observation_count.finding(
            "placement",
            ctx.midpoint,
            f"No direct observation yet, and the midpoint ({uk_date(ctx.midpoint)}) has passed.",
            severity=WARNING,
        )
