"""An invented first placement, dated around the as-of date so it is always mid-placement.

Every person here is made up; children appear as case references and initials only.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.db import Database
from app.policy.calendar import WorkingCalendar, midpoint
from app.policy.snapshot import (
    Absence,
    Action,
    Case,
    CaseDirection,
    ChecklistEntry,
    Event,
    LearningEvidence,
    PcfPoint,
    PcfReview,
    PlacementAgreement,
    PlacementSnapshot,
    SteppedUp,
    Supervision,
    SupervisionAgreement,
)
from app.policy.terms import allocations_open, caseload_on
from app.policy.vocabulary import INDUCTION_ITEMS, PCF_DOMAINS
from app.services.audit import record_change
from app.services.placements import new_placement
from app.services.snapshot import store_snapshot

STUDENT = "Robin Ashdown"
EDUCATOR = "Pat Kendrick"
SUPERVISOR = "Jo Whitfield"
MANAGER = "Lee Okafor"

KEYWORKER = "Sam Adeyemi"  # the qualified worker holding the child protection case

# ref, initials, type, role, days after allocations open (None: 36 days before as-of, so that
# its joint visit falls due this week), complexity, risk, rationale. A week apart: gradual growth.
_CASES = (
    ("D-1042", "AB", "early-help", "lead", 0, "low", "low", "Settled family, clear plan: a good first piece of work."),
    ("D-1057", "CK", "cin", "lead", 7, "medium", "low", "Builds on the student's school-based experience."),
    ("D-1123", "TS", "lac", "shadow", 10, "low", "low", "Shadow statutory visits to a looked-after child."),
    ("D-1101", "MJ", "cin", "co-worker", 14, "medium", "medium", "Co-work with the allocated worker on a child in need plan."),
    ("D-1150", "RP", "early-help", "lead", None, "low", "medium", "Second early help case once the first two are settled."),
)  # fmt: skip
# What each case is chosen to offer the student: learning outcomes and PCF domains.
_OFFERS = {
    "D-1042": ("genogram", "direct-work", "childs-plan"),
    "D-1057": ("chronology", "thresholds-risk", "liaise-professionals"),
    "D-1123": ("contexts",),
    "D-1101": ("knowledge", "skills-interventions"),
    "D-1150": ("my-assessment", "values-ethics"),
}


def _weekday(day: date) -> date:
    """The day, or the Monday after when it falls on a weekend."""
    return day + timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)


def _friday_on_or_after(day: date) -> date:
    return day + timedelta(days=(4 - day.weekday()) % 7)


def demo_snapshot(as_of: date) -> PlacementSnapshot:
    """A realistic first placement in Early Help, about ten weeks in on ``as_of``."""
    start = as_of - timedelta(days=70)
    start -= timedelta(days=start.weekday())  # a Monday
    end = start + timedelta(days=16 * 7 - 3)  # a Friday, sixteen weeks on
    while not WorkingCalendar().is_working_day(end):  # not on a bank holiday
        end -= timedelta(days=1)
    placement = new_placement(
        student=STUDENT,
        kind="first",
        setting="early-help",
        start=start,
        end=end,
        educator=EDUCATOR,
        team_manager=MANAGER,
        programme="BA (Hons) Social Work, Year 2",
        educator_onsite=False,
        onsite_supervisor=SUPERVISOR,
        host_team_average_caseload=14,
    )
    cal = WorkingCalendar(placement.working_days)
    opens = allocations_open(placement)
    snap = PlacementSnapshot(placement=placement)

    for i, item in enumerate(INDUCTION_ITEMS):
        done = cal.nth_working_day(start, 1 + i)
        by = EDUCATOR if i % 2 == 0 else SUPERVISOR
        snap.induction[item] = ChecklistEntry(done, by if item == "lone-working" else None)

    for ref, initials, ctype, role, offset, complexity, risk, why in _CASES:
        allocated = as_of - timedelta(days=36) if offset is None else opens + timedelta(days=offset)
        step = timedelta(days=-1 if offset is None else 1)  # keep the joint visit due within 7 days
        while not cal.is_working_day(allocated):
            allocated += step
        if allocated > as_of:
            continue
        briefed = allocated - timedelta(days=1)  # the one-to-one briefing, history read
        while not cal.is_working_day(briefed):
            briefed -= timedelta(days=1)
        snap.cases.append(
            Case(
                ref=ref,
                type=ctype,
                student_role=role,
                allocated=allocated,
                educator_consulted=True,
                initials=initials,
                complexity=complexity,
                risk=risk,
                rationale=why,
                briefed=briefed,
                learning=_OFFERS[ref],
            )
        )
    cases = {c.ref: c for c in snap.cases}
    if "D-1042" in cases:  # the child's plan asks for a visit every fortnight
        cases["D-1042"].visit_every_days = 14
    if "D-1057" in cases:  # a child who had a social worker before; moved away, transferred
        c = cases["D-1057"]
        c.previous_social_workers, c.previous_worker_consulted = 1, True
        moved = as_of - timedelta(days=5)
        if moved > c.allocated + timedelta(days=42):
            c.ended, c.ending = moved, "transferred"
            c.handover_to = "Leah Brennan (Family Support Team, Northfield)"
            c.transfer_signed_off = moved - timedelta(days=2)
    if "D-1101" in cases:  # concerns grew: stepped up to child protection, beside its keyworker
        c = cases["D-1101"]
        c.keyworker = KEYWORKER
        stepped = c.allocated + timedelta(days=14)
        if stepped <= as_of:
            c.type, c.stepped_up = "cp", SteppedUp(stepped, "cin")
    if "D-1123" in cases:
        cases["D-1123"].keyworker = "Chris Mensah"
    if "D-1150" in cases:  # a risk to the student, and how it is managed
        c = cases["D-1150"]
        c.risk_to_worker = True
        c.safety_plan = (
            "A parent has been hostile to visiting workers: joint visits only, "
            "meetings at the family centre, check in before and after."
        )

    snap.placement_agreement = PlacementAgreement(
        learning_needs="Confidence in direct work with younger children; writing concise case records.",
        after_hours_contact=f"{SUPERVISOR} (duty phone), then the out-of-hours team",
    )
    snap.supervision_agreement = SupervisionAgreement(
        weekday="fri",
        every_days=7,
        time="14:00",
        three_way=f"Every third Friday with {SUPERVISOR} on site; {EDUCATOR} joins by video.",
    )
    snap.absences.append(
        Absence(
            "a-1", "student", start + timedelta(days=30), start + timedelta(days=30), "sickness"
        )
    )
    events = snap.events
    for case in snap.cases:
        if case.student_role != "shadow" and case.ref != "D-1150":
            events.append(
                Event(
                    f"jv-{case.ref}",
                    "joint-visit",
                    case.allocated + timedelta(days=7),
                    case=case.ref,
                    with_=EDUCATOR,
                )
            )
        oversight = case.allocated + timedelta(days=2)
        while oversight <= as_of:
            events.append(
                Event(
                    f"mo-{case.ref}-{oversight:%m%d}",
                    "manager-oversight",
                    oversight,
                    case=case.ref,
                    by=MANAGER,
                )
            )
            oversight += timedelta(days=21)
    if snap.cases:
        first = snap.cases[0]
        events.append(
            Event(
                "hv-1",
                "home-visit",
                first.allocated + timedelta(days=9),
                case=first.ref,
                after_hours=True,
                checked_in=True,
                notes="Visit after school; texted Jo on leaving.",
            )
        )
        observed = first.allocated + timedelta(days=24)
        events.append(
            Event(
                "obs-1",
                "direct-observation",
                observed,
                case=first.ref,
                observer=EDUCATOR,
                feedback="Explained the plan clearly and checked the child's understanding.",
                pcf_points=(
                    PcfPoint(
                        "values-ethics", "strength", "Asked before assuming; gave real choices."
                    ),
                    PcfPoint(
                        "skills-interventions",
                        "strength",
                        "Used the three houses tool at the child's pace.",
                    ),
                    PcfPoint(
                        "knowledge",
                        "development",
                        "Name the theory behind the plan when explaining it.",
                    ),
                ),
                before_midpoint=True,
                student_signed=observed + timedelta(days=4),
                observer_signed=observed + timedelta(days=5),
            )
        )
        _written(events[-1], _FIRST_OBSERVATION)
    if len(snap.cases) > 1 and as_of - timedelta(days=5) > snap.cases[1].allocated:
        events.append(
            Event(
                "obs-2",
                "direct-observation",
                as_of - timedelta(days=5),
                case=snap.cases[1].ref,
                observer=SUPERVISOR,
                feedback="A calm review of the plan with the parent; let silences work.",
                pcf_points=(
                    PcfPoint(
                        "critical-reflection", "strength", "Reflected honestly on a hard moment."
                    ),
                    PcfPoint(
                        "rights-justice",
                        "development",
                        "Check benefit entitlements before the visit.",
                    ),
                ),
                student_signed=as_of - timedelta(days=2),
            )
        )
        _written(events[-1], _SECOND_OBSERVATION)
    if len(snap.cases) > 1:
        events.append(
            Event(
                "dec-1",
                "decision",
                as_of - timedelta(days=10),
                case=snap.cases[1].ref,
                with_="Duty senior",
                recorded=False,
                notes="Agreed to bring the review forward; not yet on the child's record.",
            )
        )
        visit = first.allocated + timedelta(days=19)
        while visit <= (first.ended or as_of):  # the plan's fortnightly visits
            events.append(
                Event(
                    f"hv-{first.ref}-{visit:%m%d}",
                    "home-visit",
                    visit,
                    case=first.ref,
                    after_hours=False,
                    checked_in=False,
                )
            )
            visit += timedelta(days=10)
        events.append(
            Event(
                "plan-1",
                "plan",
                _weekday(first.allocated + timedelta(days=20)),
                case=first.ref,
                agreed_by=EDUCATOR,
                notes="Child's plan drafted by the student, agreed at the TAC review.",
            )
        )
    cp = cases.get("D-1101")
    if cp is not None and cp.stepped_up is not None:
        events.append(
            Event(
                "sv-cp-1",
                "statutory-visit",
                _weekday(cp.stepped_up.date + timedelta(days=3)),
                case=cp.ref,
                accompanied_by=KEYWORKER,
            )
        )
        events.append(
            Event(
                "abe-1",
                "abe-interview",
                _weekday(cp.stepped_up.date + timedelta(days=6)),
                case=cp.ref,
                student_part="observed",
                notes="Observed from the monitoring room with the keyworker.",
            )
        )
    for case in snap.cases:
        if case.type == "lac":
            events.append(
                Event(
                    "sv-1",
                    "statutory-visit",
                    case.allocated + timedelta(days=3),
                    case=case.ref,
                    accompanied_by=SUPERVISOR,
                )
            )
    sup_day = start + timedelta(days=18)
    while sup_day <= as_of:
        events.append(Event(f"ss-{sup_day:%m%d}", "supervisor-supervision", sup_day, by=MANAGER))
        sup_day += timedelta(days=21)
    events[:] = sorted((e for e in events if e.date <= as_of), key=lambda e: e.date)

    day, n = _friday_on_or_after(start), 0
    while day <= as_of:
        n += 1
        open_cases = caseload_on(snap.cases, day)
        three_way = n % 3 == 1
        # the latest record awaits the student's signature; so does one a fortnight back
        action_done = day + timedelta(days=5) if day + timedelta(days=5) <= as_of else None
        unsigned = day + timedelta(days=7) > as_of or as_of - timedelta(
            days=15
        ) < day <= as_of - timedelta(days=8)
        snap.supervisions.append(
            Supervision(
                id=f"s-{day:%Y-%m-%d}",
                date=day,
                format="three-way" if three_way else "one-to-one",
                caseload_discussed=True,
                cases_discussed=[c.ref for c in open_cases],
                decisions_recorded=True,
                attendees=[EDUCATOR, STUDENT] + ([SUPERVISOR] if three_way else []),
                case_direction=[
                    CaseDirection(
                        c.ref,
                        discussion="Progress since last week reviewed; risks unchanged.",
                        decision="Continue the plan; next visit booked.",
                        actions=[
                            Action(
                                "Update chronology", "student", day + timedelta(days=7), action_done
                            )
                        ],
                    )
                    for c in open_cases
                ],
                wellbeing="Managing the workload; good use of the team.",
                learning="Reflected on PCF domain 7 (skills and interventions).",
                signed_by_educator=day,
                signed_by_student=None if unsigned else day,
                next=day + timedelta(days=7),
            )
        )
        day += timedelta(days=7)

    snap.pcf_reviews.append(
        PcfReview(
            "p-initial",
            start + timedelta(days=4),
            "initial",
            ratings={
                "professionalism": "developing",
                "values-ethics": "developing",
                "knowledge": "not-yet",
            },
        )
    )
    mid = midpoint(start, end)
    if mid <= as_of:
        snap.pcf_reviews.append(
            PcfReview(
                "p-midpoint",
                mid,
                "midpoint",
                ratings={d: "developing" for d in PCF_DOMAINS}
                | {"professionalism": "meeting", "values-ethics": "meeting"},
                evidence={
                    "skills-interventions": ["event:obs-1"],
                    "knowledge": [f"case:{snap.cases[0].ref}"],
                },
                notes="On track for the end of placement.",
            )
        )
    for item, offset, evidence in (
        ("genogram", 20, "Genogram for D-1042 discussed in supervision."),
        ("case-recording", 25, "Case notes audited by the educator."),
        ("duty", 12, "Two duty days shadowing the duty senior."),
    ):
        if start + timedelta(days=offset) <= as_of:
            snap.learning.append(LearningEvidence(item, start + timedelta(days=offset), evidence))
    return snap


# The two direct observations' reports, as a student and a PE would write them (invented;
# the child and family by role and initials only).
_FIRST_OBSERVATION: dict[str, str] = {
    "background": "AB (7) lives with mum and an older sibling; early help since the summer "
    "after school raised concerns about attendance.",
    "planning": "Agreed the aims with my practice educator: hear AB's view of school mornings "
    "and explain the plan in words a seven-year-old can use.",
    "consent": "Asked mum at the previous visit and again on arrival; AB was told who the "
    "observer was and that they could stop at any time.",
    "knowledge_theory": "Attachment and a strengths-based approach; the three houses tool for "
    "direct work.",
    "power_values": "Sat at AB's level, let AB choose where to sit and what to draw first; "
    "was aware that a second adult in the room changes the power balance.",
    "what_happened": "AB drew the three houses. Mornings were the worry: nobody to walk with. "
    "Mum joined at the end and we agreed a walking buddy with school.",
    "reflection": "I rushed the house of worries when AB went quiet; next time I will wait. "
    "Involving mum at the end worked well.",
    "assessment": "A child-centred session, well prepared and warmly delivered; the student "
    "listened and turned what AB said into a practical plan. Meeting the expected level.",
    "service_user_feedback": "Mum: the student explained things clearly and AB enjoyed the "
    "drawing. AB gave the session a thumbs up.",
    "feedback_gathered": "Asked mum on the doorstep afterwards; AB chose a face on a feedback "
    "card.",
    "feedback_reflection": "Agree about the pace; I will name the theory when I explain a plan, "
    "as suggested.",
    "service_user_reflection": "The thumbs up matters: AB felt heard. Mum valued plain words.",
}
_SECOND_OBSERVATION: dict[str, str] = {
    "background": "CK (12), child in need plan after a period of low school attendance; "
    "review of the plan with dad.",
    "planning": "Prepared the review points with my on-site supervisor and read the last "
    "two case notes.",
    "consent": "Dad agreed by phone the day before and again at the start.",
    "what_happened": "Went through each action; dad was frustrated about transport. We "
    "agreed to ask school about the bus pass.",
    "reflection": "I felt defensive when dad was frustrated; I stayed quiet and let him "
    "finish, which helped.",
    "service_user_feedback": "Dad: good to be listened to, wants a quicker answer on transport.",
    "feedback_gathered": "A short feedback form left with dad and returned by post.",
}


def _written(observation: Event, report: dict[str, str]) -> None:
    """The report's sections, filled in as the student and the observer wrote them."""
    for key, words in report.items():
        setattr(observation, key, words)


DEMO_ACCOUNT = "pkendrick"  # the invented educator's computer account


def load_demo(db: Database, as_of: date) -> int:
    """Store the demo placement in ``db``, with the history it would have had, and return its id."""
    snap = demo_snapshot(as_of)
    with db.unit_of_work() as session:
        record = store_snapshot(session, snap)
        for at, action, subject, detail in invented_history(snap, as_of):
            record_change(
                session,
                action,
                placement_id=record.id,
                subject=subject,
                detail=detail,
                at=at,
                by=DEMO_ACCOUNT,
            )
        record_change(session, "placement.demo-loaded", placement_id=record.id, subject="placement")
        return record.id


Line = tuple[datetime, str, str, dict[str, object]]


def invented_history(snap: PlacementSnapshot, as_of: date) -> list[Line]:
    """The history an invented placement would have had, had each record been made in the app
    on its day: so the demo's (and the benchmarks') Placement › History has something to show."""
    lines: list[Line] = []

    def at(day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute))

    p = snap.placement
    lines.append(
        (at(p.start - timedelta(days=7), 9), "placement.created", "placement",
         {"student": p.student, "kind": p.kind})
    )  # fmt: skip
    for item, entry in snap.induction.items():
        lines.append(
            (at(entry.date, 16), "induction.recorded", f"induction:{item}",
             {"date": entry.date.isoformat()})
        )  # fmt: skip
    for c in snap.cases:
        o = c.manager_override
        lines.append(
            (at(c.allocated, 10, 15), "case.allocated", f"case:{c.ref}",
             {"type": (c.stepped_up.from_ if c.stepped_up else c.type), "role": c.student_role,
              "allocated": c.allocated.isoformat(), "override": o is not None,
              "override_by": o.by if o else None,
              "review_by": o.review_by.isoformat() if o else None})
        )  # fmt: skip
        if c.stepped_up is not None:
            lines.append(
                (at(c.stepped_up.date, 11), "case.stepped-up", f"case:{c.ref}",
                 {"type": {"from": c.stepped_up.from_, "to": c.type}})
            )  # fmt: skip
        if c.ended is not None and c.ended <= as_of:
            lines.append(
                (at(c.ended, 15), "case.ended", f"case:{c.ref}",
                 {"ended": {"from": "", "to": c.ended.isoformat()},
                  "ending": {"from": "", "to": c.ending or ""}})
            )  # fmt: skip
    for e in snap.events:
        lines.append(
            (at(e.date, 17), "event.saved", f"event:{e.id}",
             {"kind": e.kind, "date": e.date.isoformat(), "case": e.case})
        )  # fmt: skip
    for s in snap.supervisions:
        lines.append(
            (at(s.date, 15), "supervision.created", f"supervision:{s.id}",
             {"date": s.date.isoformat(), "format": s.format, "cases": list(s.cases_discussed)})
        )  # fmt: skip
        for who in ("educator", "student"):
            signed = getattr(s, f"signed_by_{who}")
            if signed is not None:
                lines.append(
                    (at(signed, 15, 40 if who == "educator" else 45), "supervision.signed",
                     f"supervision:{s.id}", {"who": who, "date": signed.isoformat()})
                )  # fmt: skip
    for r in snap.pcf_reviews:
        lines.append(
            (at(r.date, 16), "pcf.review-saved", f"pcf:{r.id}",
             {"stage": r.stage, "date": r.date.isoformat()})
        )  # fmt: skip
    for x in snap.learning:
        lines.append(
            (at(x.evidenced, 16, 30), "learning.evidenced", f"learning:{x.item}",
             {"date": x.evidenced.isoformat()})
        )  # fmt: skip
    for a in snap.absences:
        lines.append(
            (at(a.from_, 8, 30), "absence.saved", f"absence:{a.id}",
             {"who": a.who, "from": a.from_.isoformat(), "to": a.to.isoformat()})
        )  # fmt: skip
    return sorted(lines, key=lambda line: line[0])
