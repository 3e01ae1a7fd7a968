"""The duties added with statutory work, briefings, risks and transfers (policy-rules.md),
each at its boundary: the day it must not fire and the day it must.

Every test starts from a compliant placement (tests/policy/builders.py) and changes one
thing. Clauses: 001 §10, 003 §4.1–4.3, 003 §3.1, §3.6–3.7, §6.4, 004 §1.3–1.5, §2.5.
"""

from __future__ import annotations

from datetime import date

from app.policy.engine import evaluate
from app.policy.findings import RULES, Finding
from app.policy.profile import DEFAULT_PROFILE, PolicyProfile
from app.policy.snapshot import Absence, Event, PlacementSnapshot, SteppedUp
from tests.policy.builders import DAY, END, case, compliant, placement

OPENS = date(2026, 1, 19)  # allocations open for START (5 Jan 2026)
C1 = OPENS  # the compliant base allocates C1 on OPENS and C2 a week later
STEP = date(2026, 2, 11)  # a Wednesday: C1 stepped up to child protection


def found(
    snap: PlacementSnapshot, as_of: date, rule: str, profile: PolicyProfile = DEFAULT_PROFILE
) -> list[Finding]:
    return [f for f in evaluate(snap, as_of, profile) if f.rule == rule]


def with_case(**changes: object) -> PlacementSnapshot:
    """The compliant placement with its first case changed."""
    snap = compliant()
    ending: dict[str, object] = {"ended": END, "ending": "stays-with-named-worker"}
    snap.cases[0] = case("C1", C1, **(ending | changes))
    return snap


def stepped_up(**changes: object) -> PlacementSnapshot:
    """C1 was a child in need case, stepped up to child protection on STEP."""
    return with_case(type="cp", stepped_up=SteppedUp(STEP, "cin"), **changes)


# ------------------------------------------------------------------ statutory work


def test_a_student_leading_a_case_is_in_breach_from_the_day_it_is_stepped_up() -> None:
    snap = stepped_up(keyworker="Alex Keyworker")
    assert found(snap, STEP - DAY, "allocation.statutory-lead") == []
    [f] = found(snap, STEP, "allocation.statutory-lead")
    assert (f.severity, f.subject, f.date) == ("breach", "case:C1", STEP)
    assert "Child protection" in f.message and "stepped up from Child in need" in f.message


def test_a_case_statutory_from_allocation_is_dated_at_its_allocation() -> None:
    snap = with_case(type="lac", keyworker="Alex Keyworker")
    [f] = found(snap, C1, "allocation.statutory-lead")
    assert f.date == C1
    assert found(with_case(type="lac", student_role="co-worker", keyworker="A K"), END,
                 "allocation.statutory-lead") == []  # fmt: skip


def test_a_statutory_case_needs_a_keyworker_from_its_statutory_day() -> None:
    snap = stepped_up(student_role="co-worker")
    assert found(snap, STEP - DAY, "allocation.statutory-keyworker") == []
    [f] = found(snap, STEP, "allocation.statutory-keyworker")
    assert (f.severity, f.subject, f.date) == ("breach", "case:C1", STEP)
    assert found(stepped_up(student_role="co-worker", keyworker="Alex Keyworker"), END,
                 "allocation.statutory-keyworker") == []  # fmt: skip


def test_a_keyworker_of_only_spaces_names_nobody() -> None:
    snap = with_case(type="cp", student_role="co-worker", keyworker="   ")
    [f] = found(snap, C1, "allocation.statutory-keyworker")
    assert f.date == C1


def test_shadowing_a_statutory_case_needs_no_keyworker_of_the_students() -> None:
    assert found(with_case(type="cp", student_role="shadow"), END,
                 "allocation.statutory-keyworker") == []  # fmt: skip


def test_a_statutory_visit_alone_is_judged_by_the_cases_type_that_day() -> None:
    snap = stepped_up(student_role="co-worker", keyworker="Alex Keyworker")
    snap.events += [
        Event("sv-before", "statutory-visit", STEP - DAY, case="C1"),
        Event("sv-on", "statutory-visit", STEP, case="C1"),
        Event("sv-with", "statutory-visit", STEP + DAY, case="C1", accompanied_by="Alex K"),
        Event("sv-blank", "statutory-visit", STEP + 2 * DAY, case="C1", accompanied_by=" "),
    ]
    alone = found(snap, END, "visit.statutory-alone")
    assert [(f.subject, f.date) for f in alone] == [
        ("event:sv-on", STEP),
        ("event:sv-blank", STEP + 2 * DAY),
    ]
    assert all(f.severity == "breach" for f in alone)


def test_every_statutory_type_needs_a_qualified_worker_on_a_statutory_visit() -> None:
    for kind in ("cp", "s47", "lac", "pre-proceedings", "proceedings", "supervision-order"):
        snap = with_case(type=kind, student_role="shadow")
        snap.events.append(Event("sv", "statutory-visit", C1 + DAY, case="C1"))
        assert len(found(snap, END, "visit.statutory-alone")) == 1, kind
    snap = with_case(type="cin")  # never statutory
    snap.events.append(Event("sv", "statutory-visit", C1 + DAY, case="C1"))
    assert found(snap, END, "visit.statutory-alone") == []


def test_a_step_up_must_be_discussed_in_supervision_within_a_week() -> None:
    snap = stepped_up(student_role="co-worker", keyworker="Alex Keyworker")
    deadline = STEP + 7 * DAY
    for s in snap.supervisions:  # nobody discusses C1 from the step-up on
        if s.date >= STEP:
            s.cases_discussed = [r for r in s.cases_discussed if r != "C1"]
    assert found(snap, deadline, "case.step-up-discussed") == []
    [f] = found(snap, deadline + DAY, "case.step-up-discussed")
    assert (f.severity, f.subject, f.date) == ("warning", "case:C1", deadline)
    # discussed on the deadline itself: in time
    on_time = next(s for s in snap.supervisions if s.date >= STEP)
    on_time.date = deadline
    on_time.cases_discussed.append("C1")
    assert found(snap, END, "case.step-up-discussed") == []
    # discussed the day after: too late
    on_time.date = deadline + DAY
    assert len(found(snap, END, "case.step-up-discussed")) == 1


def test_a_step_up_discussed_the_day_before_it_does_not_count() -> None:
    snap = stepped_up(student_role="co-worker", keyworker="Alex Keyworker")
    for s in snap.supervisions:
        s.cases_discussed = [r for r in s.cases_discussed if r != "C1" or s.date == STEP - DAY]
    snap.supervisions[0].date, snap.supervisions[0].cases_discussed = STEP - DAY, ["C1"]
    assert len(found(snap, END, "case.step-up-discussed")) == 1


def test_a_case_that_ended_before_the_step_up_deadline_is_exempt() -> None:
    for ended, fires in ((STEP + 6 * DAY, False), (STEP + 7 * DAY, True)):
        snap = stepped_up(student_role="co-worker", keyworker="A K", ended=ended, ending="closed")
        for s in snap.supervisions:
            s.cases_discussed = [r for r in s.cases_discussed if r != "C1"]
        assert bool(found(snap, END, "case.step-up-discussed")) is fires, ended


# ------------------------------------------------------------------ the allocation itself


def test_no_briefing_on_or_before_the_allocation_warns() -> None:
    assert found(with_case(briefed=C1), END, "allocation.no-briefing") == []
    [f] = found(with_case(briefed=C1 + DAY), END, "allocation.no-briefing")
    assert (f.severity, f.subject, f.date) == ("warning", "case:C1", C1)
    assert "after it" in f.message
    assert len(found(with_case(briefed=None), END, "allocation.no-briefing")) == 1
    assert found(with_case(briefed=None, student_role="shadow"), END,
                 "allocation.no-briefing") == []  # fmt: skip


def test_the_previous_worker_must_be_consulted_when_there_was_one() -> None:
    assert found(with_case(previous_social_workers=0), END, "allocation.previous-worker") == []
    for answer in (None, False):
        [f] = found(with_case(previous_social_workers=1, previous_worker_consulted=answer), END,
                    "allocation.previous-worker")  # fmt: skip
        assert (f.severity, f.date) == ("warning", C1)
    assert found(with_case(previous_social_workers=2, previous_worker_consulted=True), END,
                 "allocation.previous-worker") == []  # fmt: skip


def test_a_risk_to_the_worker_needs_a_safety_plan_even_when_shadowing() -> None:
    for role in ("lead", "shadow"):
        for plan in (None, "  "):
            [f] = found(with_case(student_role=role, risk_to_worker=True, safety_plan=plan), END,
                        "allocation.worker-risk")  # fmt: skip
            assert (f.severity, f.subject) == ("warning", "case:C1")
    assert found(with_case(risk_to_worker=True, safety_plan="Joint visits only."), END,
                 "allocation.worker-risk") == []  # fmt: skip


def test_allocating_while_the_educator_is_away_needs_cover() -> None:
    away = Absence("a1", "educator", C1 - 3 * DAY, C1, "annual leave")
    for first, last, fires in (
        (C1, C1 + 3 * DAY, True),  # the absence's first day
        (C1 - 3 * DAY, C1, True),  # its last day
        (C1 + DAY, C1 + 3 * DAY, False),  # begins the day after
        (C1 - 3 * DAY, C1 - DAY, False),  # ended the day before
    ):
        snap = compliant(absences=[Absence("a1", "educator", first, last, "leave")])
        assert bool(found(snap, END, "allocation.educator-absent")) is fires, (first, last)
    snap = compliant(absences=[away])
    [f] = found(snap, END, "allocation.educator-absent")
    assert (f.severity, f.subject, f.date) == ("breach", "case:C1", C1)
    covered = compliant(absences=[Absence("a1", "educator", C1 - 3 * DAY, C1, None, "Kit Cover")])
    assert found(covered, END, "allocation.educator-absent") == []
    blank = compliant(absences=[Absence("a1", "educator", C1 - 3 * DAY, C1, None, " ")])
    assert len(found(blank, END, "allocation.educator-absent")) == 1
    student = compliant(absences=[Absence("a1", "student", C1 - 3 * DAY, C1)])
    assert found(student, END, "allocation.educator-absent") == []


def test_high_complexity_cases_above_the_limit_warn_once_per_run() -> None:
    snap = compliant(allocation_offsets=(0, 7, 14, 28))
    for c in snap.cases[:2]:
        c.complexity = "high"
    snap.cases[2].risk = "high"  # risk counts as well as complexity
    third = snap.cases[2].allocated
    assert found(snap, third - DAY, "caseload.complexity") == []
    [f] = found(snap, END, "caseload.complexity")
    assert (f.severity, f.subject, f.date) == ("warning", "case:C3", third)
    # the first placement's limit is 2; a final placement carries up to 5
    final = compliant(placement(kind="final", required_days=70), (0, 7, 14, 28))
    for c in final.cases[:3]:
        c.complexity = "high"
    assert found(final, END, "caseload.complexity") == []
    # a run ends when one closes and a new run fires again
    snap.cases[2].ended, snap.cases[2].ending = third + 5 * DAY, "closed"
    snap.cases[3].complexity = "high"
    runs = found(snap, END, "caseload.complexity")
    assert [(f.subject, f.date) for f in runs] == [
        ("case:C3", third),
        ("case:C4", snap.cases[3].allocated),
    ]


def test_the_complexity_limit_is_a_parameter() -> None:
    snap = compliant(allocation_offsets=(0, 7))
    snap.cases[0].complexity = snap.cases[1].complexity = "high"
    assert found(snap, END, "caseload.complexity") == []
    tighter = PolicyProfile(max_high_first=1)
    [f] = found(snap, END, "caseload.complexity", tighter)
    assert f.date == snap.cases[1].allocated


# ------------------------------------------------------------------ visits, plans, interviews


def visiting_plan(every: int, visits: list[int], role: str = "lead") -> PlacementSnapshot:
    """C1 with a visiting plan, visited on the given days after its allocation."""
    snap = with_case(visit_every_days=every, student_role=role)
    snap.events = [e for e in snap.events if not (e.case == "C1" and e.kind == "joint-visit")]
    kinds = ("home-visit", "joint-visit", "statutory-visit")
    for n, offset in enumerate(visits):
        kind = kinds[n % 3]
        extra = {"after_hours": False, "checked_in": False} if kind == "home-visit" else {}
        snap.events.append(Event(f"v{n}", kind, C1 + offset * DAY, case="C1", **extra))  # type: ignore[arg-type]
    return snap


def test_a_lead_case_is_visited_as_often_as_the_childs_plan_says() -> None:
    assert found(visiting_plan(14, [14, 28]), C1 + 42 * DAY, "visit.plan-frequency") == []
    # day 28 to 43 is 15 days: overdue from day 43
    late = visiting_plan(14, [14, 28])
    assert found(late, C1 + 42 * DAY, "visit.plan-frequency") == []
    [f] = found(late, C1 + 43 * DAY, "visit.plan-frequency")
    assert (f.severity, f.subject, f.date) == ("breach", "case:C1", C1 + 43 * DAY)
    # allocation to the first visit counts too
    [f] = found(visiting_plan(14, [15]), C1 + 15 * DAY, "visit.plan-frequency")
    assert f.date == C1 + 15 * DAY


def test_visiting_plans_apply_only_to_cases_the_student_leads() -> None:
    assert found(visiting_plan(7, [], role="co-worker"), END, "visit.plan-frequency") == []
    assert found(with_case(), END, "visit.plan-frequency") == []  # no plan, no rule


def test_a_student_absence_does_not_pause_a_visiting_plan() -> None:
    snap = visiting_plan(14, [14])
    snap.absences.append(Absence("a1", "student", C1 + 20 * DAY, C1 + 25 * DAY))
    [f] = found(snap, C1 + 29 * DAY, "visit.plan-frequency")
    assert f.date == C1 + 29 * DAY


def test_a_visiting_plan_stops_when_the_case_ends() -> None:
    snap = visiting_plan(14, [14])
    snap.cases[0].ended = C1 + 28 * DAY
    assert found(snap, END, "visit.plan-frequency") == []
    snap.cases[0].ended = C1 + 29 * DAY
    assert len(found(snap, END, "visit.plan-frequency")) == 1


def test_a_plan_the_student_wrote_must_be_agreed() -> None:
    snap = compliant()
    snap.events += [
        Event("pl-1", "plan", C1 + DAY, case="C1", agreed_by="Pat Educator"),
        Event("pl-2", "plan", C1 + 2 * DAY, case="C1"),
        Event("pl-3", "plan", C1 + 3 * DAY, case="C1", agreed_by="  "),
    ]
    assert [(f.subject, f.severity) for f in found(snap, END, "plan.not-agreed")] == [
        ("event:pl-2", "breach"),
        ("event:pl-3", "breach"),
    ]


def test_a_student_may_observe_an_abe_interview_never_conduct_one() -> None:
    snap = with_case(student_role="shadow")  # events count whatever the student's role
    snap.events += [
        Event("abe-1", "abe-interview", C1 + DAY, case="C1", student_part="observed"),
        Event("abe-2", "abe-interview", C1 + 2 * DAY, case="C1", student_part="conducted"),
    ]
    [f] = found(snap, END, "interview.abe-by-student")
    assert (f.severity, f.subject, f.date) == ("breach", "event:abe-2", C1 + 2 * DAY)


# ------------------------------------------------------------------ transfers


def test_a_transfer_needs_both_managers_sign_off_on_or_before_it() -> None:
    ended = C1 + 30 * DAY

    def transferred(signed: date | None) -> PlacementSnapshot:
        return with_case(ended=ended, ending="transferred", transfer_signed_off=signed)

    assert found(transferred(ended), END, "ending.transfer-not-signed-off") == []
    assert found(transferred(ended - DAY), END, "ending.transfer-not-signed-off") == []
    for signed in (None, ended + DAY):
        [f] = found(transferred(signed), END, "ending.transfer-not-signed-off")
        assert (f.severity, f.subject, f.date) == ("breach", "case:C1", ended)
    # before it is transferred (as of the day before) the case is still open
    assert found(transferred(None), ended - DAY, "ending.transfer-not-signed-off") == []
    closed = with_case(ended=ended, ending="closed")
    assert found(closed, END, "ending.transfer-not-signed-off") == []


def test_a_sign_off_dated_after_the_as_of_date_is_no_sign_off_yet() -> None:
    ended = C1 + 30 * DAY
    snap = with_case(ended=ended, ending="transferred", transfer_signed_off=ended)
    assert found(snap, ended, "ending.transfer-not-signed-off") == []


# ------------------------------------------------------------------ the registry


def test_the_rules_say_whether_they_gate_an_allocation_and_whether_a_manager_can_override() -> None:
    never = {r.id for r in RULES.values() if not r.overridable and r.at_allocation}
    assert never == {
        "allocation.statutory-lead",
        "allocation.statutory-keyworker",
        "allocation.pre-birth",
    }
    refused_on_forms = {r.id for r in RULES.values() if not r.overridable and not r.at_allocation}
    assert refused_on_forms == {
        "meeting.first-tac-chaired",
        "meeting.chair-not-assessed",
        "meeting.review-chaired",
        "visit.statutory-alone",
        "interview.abe-by-student",
    }
    gated = {r.id for r in RULES.values() if r.at_allocation}
    assert {"allocation.educator-absent", "allocation.no-briefing", "caseload.complexity"} <= gated
    assert not {"case.step-up-discussed", "visit.plan-frequency", "plan.not-agreed"} & gated
    assert all(r.never and "§" in r.never for r in RULES.values() if not r.overridable)
