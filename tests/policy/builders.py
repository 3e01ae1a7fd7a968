"""A compliant placement to start each rule test from: change one thing, see one finding.

Invented people; children as references and initials only.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from app.policy.calendar import WorkingCalendar, midpoint
from app.policy.snapshot import (
    Absence,
    Case,
    CaseDirection,
    ChecklistEntry,
    Event,
    LearningEvidence,
    PcfReview,
    Placement,
    PlacementSnapshot,
    Supervision,
    Transition,
)
from app.policy.terms import allocations_open, caseload_on
from app.policy.vocabulary import (
    INDUCTION_ITEMS,
    TRANSITION_ITEMS,
    required_learning_outcomes,
)

START = date(2026, 1, 5)  # a Monday
END = date(2026, 4, 24)  # a Friday, sixteen weeks on
DAY = timedelta(days=1)


def placement(**changes: object) -> Placement:
    base = Placement(
        student="Sam Student", kind="first", setting="early-help", start=START, end=END,
        educator="Pat Educator", team_manager="Lee Manager", required_days=70,
        host_team_average_caseload=16,
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def case(ref: str, allocated: date, **changes: object) -> Case:
    base = Case(ref=ref, type="early-help", student_role="lead", allocated=allocated,
                educator_consulted=True, initials="AB", rationale="Fits the learning plan.",
                briefed=allocated - DAY)  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def compliant(
    p: Placement | None = None,
    allocation_offsets: tuple[int, ...] = (0, 7),
    absences: list[Absence] | None = None,
) -> PlacementSnapshot:
    """A placement with nothing to find on any as-of date: every rule satisfied, week by week.

    Cases are allocated ``allocation_offsets`` days after allocations open (a week apart or
    more keeps the growth gradual) and end on the placement's last day with full transitions.
    """
    p = p or placement()
    cal = WorkingCalendar(p.working_days)
    opens = allocations_open(p)
    snap = PlacementSnapshot(placement=p, absences=list(absences or []))
    for i, item in enumerate(INDUCTION_ITEMS):
        snap.induction[item] = ChecklistEntry(min(cal.nth_working_day(p.start, 1 + i % 5), opens))
    for n, offset in enumerate(allocation_offsets):
        snap.cases.append(case(f"C{n + 1}", opens + timedelta(days=offset), ended=p.end,
                               ending="stays-with-named-worker"))  # fmt: skip
    for c in snap.cases:
        snap.events.append(
            Event(f"jv-{c.ref}", "joint-visit", c.allocated + 7 * DAY, case=c.ref, with_=p.educator)
        )
        day = c.allocated + DAY
        while day <= p.end:
            snap.events.append(
                Event(f"mo-{c.ref}-{day}", "manager-oversight", day, case=c.ref, by=p.team_manager)
            )
            day += 14 * DAY
        snap.transitions.append(
            Transition(c.ref, {k: ChecklistEntry(p.end - 10 * DAY) for k in TRANSITION_ITEMS})
        )
    mid = midpoint(p.start, p.end)
    first_case = snap.cases[0].ref if snap.cases else None
    for n in range(3):
        snap.events.append(Event(f"obs-{n}", "direct-observation", opens + (10 + 7 * n) * DAY,
                                 case=first_case, observer=p.educator, feedback="Good work."))  # fmt: skip
    if p.onsite_supervisor:
        day = p.start + 3 * DAY
        while day <= p.end:
            snap.events.append(Event(f"ss-{day}", "supervisor-supervision", day, by=p.team_manager))
            day += 21 * DAY
    day = p.start + 4 * DAY
    n = 0
    while day <= p.end:
        open_refs = [c.ref for c in caseload_on(snap.cases, day)]
        three_way = not p.educator_onsite and n % 3 == 0
        snap.supervisions.append(
            Supervision(
                id=f"s{n}", date=day, format="three-way" if three_way else "one-to-one",
                caseload_discussed=True, cases_discussed=open_refs, decisions_recorded=True,
                case_direction=[CaseDirection(r, "Reviewed.", "Continue.") for r in open_refs],
                signed_by_educator=day, signed_by_student=day,
            )
        )  # fmt: skip
        day += 7 * DAY
        n += 1
    snap.pcf_reviews = [PcfReview("p-mid", mid, "midpoint"), PcfReview("p-final", p.end, "final")]
    snap.learning = [
        LearningEvidence(item, opens + DAY, "Seen in supervision.")
        for item in required_learning_outcomes(p.kind, p.setting)
    ]
    return snap
