"""Every rule of policy-rules.md: a case where it fires, and a close case where it must not.

Each test starts from a compliant placement (tests/policy/builders.py), changes one thing,
and looks at what that one rule says.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.policy.engine import evaluate, rules
from app.policy.findings import Finding
from app.policy.profile import DEFAULT_PROFILE, PolicyProfile
from app.policy.snapshot import (
    Absence,
    ChecklistEntry,
    Event,
    ManagerOverride,
    PcfReview,
    PlacementSnapshot,
    Supervision,
    Transition,
)
from app.policy.terms import allocations_open
from tests.policy.builders import DAY, END, START, case, compliant, placement

OPENS = date(2026, 1, 19)  # allocations open for START (5 Jan 2026): ten working days later


def found(
    snap: PlacementSnapshot, as_of: date, rule: str, profile: PolicyProfile = DEFAULT_PROFILE
) -> list[Finding]:
    return [f for f in evaluate(snap, as_of, profile) if f.rule == rule]


def test_the_compliant_base_has_no_finding_on_any_day() -> None:
    snap = compliant()
    day = START - 3 * DAY
    while day <= END + 30 * DAY:
        assert evaluate(snap, day) == [], day
        day += DAY


def test_every_documented_rule_is_registered_with_a_source() -> None:
    ids = {r.id for r in rules()}
    assert len(ids) == 54  # every rule of policy-rules.md
    assert {"visit.joint-within-6-weeks", "caseload.over-cap", "placement.days-short"} <= ids
    assert all(r.source for r in rules())


# ------------------------------------------------------------------ induction


def test_induction_incomplete_fires_once_allocations_open() -> None:
    snap = compliant()
    del snap.induction["lone-working"], snap.induction["shadowing"]
    assert found(snap, OPENS - DAY, "induction.incomplete") == []
    [f] = found(snap, OPENS, "induction.incomplete")
    assert (f.severity, f.subject, f.date) == ("warning", "placement", OPENS)
    assert "lone working" in f.message and "shadowed" in f.message


def test_induction_item_dated_after_as_of_does_not_count_yet() -> None:
    snap = compliant()
    snap.induction["lone-working"] = ChecklistEntry(OPENS + 5 * DAY)
    assert len(found(snap, OPENS + 4 * DAY, "induction.incomplete")) == 1
    assert found(snap, OPENS + 5 * DAY, "induction.incomplete") == []


# ------------------------------------------------------------------ allocation


def test_bank_holidays_lengthen_the_induction() -> None:
    # Easter 2026: Good Friday 3 Apr and Easter Monday 6 Apr fall in the first fortnight
    p = placement(start=date(2026, 3, 30), end=date(2026, 7, 17))
    assert allocations_open(p) == date(2026, 4, 15)
    early = compliant(p)
    early.cases[0] = replace(early.cases[0], allocated=date(2026, 4, 14))
    [f] = found(early, date(2026, 5, 1), "allocation.during-induction")
    assert (f.severity, f.subject, f.date) == ("breach", "case:C1", date(2026, 4, 14))
    on_time = compliant(p)
    assert on_time.cases[0].allocated == date(2026, 4, 15)
    assert found(on_time, date(2026, 5, 1), "allocation.during-induction") == []


def test_shadowing_during_induction_is_allowed() -> None:
    snap = compliant()
    snap.cases.append(case("S1", START + 2 * DAY, student_role="shadow"))
    assert found(snap, OPENS, "allocation.during-induction") == []


@pytest.mark.parametrize(
    ("rule", "change", "allowed"),
    [
        ("allocation.not-consulted", {"educator_consulted": False}, {"educator_consulted": True}),
        ("allocation.no-rationale", {"rationale": "  "}, {"rationale": "Suits the learning plan."}),
        ("allocation.statutory-lead", {"type": "s47"}, {"type": "s47", "student_role": "co-worker"}),
        ("allocation.statutory-lead", {"type": "lac"}, {"type": "lac", "student_role": "shadow"}),
        ("allocation.pre-birth", {"type": "pre-birth", "student_role": "co-worker"},
         {"type": "pre-birth", "student_role": "shadow"}),
        ("allocation.many-workers", {"previous_social_workers": 3}, {"previous_social_workers": 2}),
        ("allocation.conflict", {"conflict_of_interest": True}, {"conflict_of_interest": False}),
    ],
)  # fmt: skip
def test_allocation_rules_fire_and_close_cases_do_not(
    rule: str, change: dict, allowed: dict
) -> None:  # type: ignore[type-arg]
    snap = compliant()
    snap.cases[1] = replace(snap.cases[1], **change)
    [f] = found(snap, OPENS + 14 * DAY, rule)
    assert (f.subject, f.date) == ("case:C2", snap.cases[1].allocated)
    ok = compliant()
    ok.cases[1] = replace(ok.cases[1], **allowed)
    assert found(ok, OPENS + 14 * DAY, rule) == []


def test_not_consulted_and_conflict_apply_to_shadowing_too() -> None:
    snap = compliant()
    snap.cases.append(
        case(
            "S1", OPENS, student_role="shadow", educator_consulted=False, conflict_of_interest=True
        )
    )
    assert [f.subject for f in found(snap, OPENS, "allocation.not-consulted")] == ["case:S1"]
    assert [f.subject for f in found(snap, OPENS, "allocation.conflict")] == ["case:S1"]


def test_late_transition_within_28_days_of_the_end() -> None:
    snap = compliant()
    snap.cases.append(case("C9", END - 28 * DAY, major_transition=True, ended=END))
    assert len(found(snap, END, "allocation.late-transition")) == 1
    snap.cases[-1] = replace(snap.cases[-1], allocated=END - 29 * DAY)
    assert found(snap, END, "allocation.late-transition") == []


def test_complex_early_boundary_day_28_vs_29() -> None:
    snap = compliant(allocation_offsets=(0, 28))
    snap.cases[1] = replace(snap.cases[1], risk="high")
    assert len(found(snap, END, "allocation.complex-early")) == 1
    later = compliant(allocation_offsets=(0, 29))
    later.cases[1] = replace(later.cases[1], complexity="high")
    assert found(later, END, "allocation.complex-early") == []


def test_manager_override_keeps_findings_visible_with_its_reason_and_asks_for_review() -> None:
    snap = compliant()
    override = ManagerOverride(
        "Lee Manager", "Sibling of a case the student knows well.", OPENS + 30 * DAY
    )
    snap.cases[1] = replace(snap.cases[1], type="cp", manager_override=override)
    [lead] = found(snap, OPENS + 30 * DAY, "allocation.statutory-lead")
    assert lead.override == override
    assert found(snap, OPENS + 30 * DAY, "allocation.override-review") == []
    [review] = found(snap, OPENS + 31 * DAY, "allocation.override-review")
    assert (review.severity, review.date) == ("warning", OPENS + 30 * DAY)
    reviewed = replace(override, reviewed=OPENS + 31 * DAY)
    snap.cases[1] = replace(snap.cases[1], manager_override=reviewed)
    assert found(snap, OPENS + 32 * DAY, "allocation.override-review") == []
    # a review dated after the as-of date has not happened yet
    snap.cases[1] = replace(
        snap.cases[1], manager_override=replace(override, reviewed=OPENS + 33 * DAY)
    )
    assert len(found(snap, OPENS + 32 * DAY, "allocation.override-review")) == 1


def test_link_worker_needed_when_educator_is_team_manager() -> None:
    snap = compliant(placement(team_manager="Pat Educator"))
    [f] = found(snap, OPENS, "placement.link-worker")
    assert (f.severity, f.subject) == ("breach", "placement")
    named = compliant(placement(team_manager="Pat Educator", link_worker="Kim Link"))
    assert found(named, OPENS, "placement.link-worker") == []


# ------------------------------------------------------------------ caseload


def test_over_cap_uses_half_the_team_average_and_names_the_case_that_began_the_run() -> None:
    p = placement(host_team_average_caseload=5)  # cap min(6, 2) = 2
    snap = compliant(p, allocation_offsets=(0, 7, 14, 21))
    [f] = found(snap, END, "caseload.over-cap")
    assert (f.subject, f.date) == ("case:C3", OPENS + 14 * DAY)
    assert "above the cap of 2" in f.message
    at_cap = compliant(p, allocation_offsets=(0, 7))
    assert found(at_cap, END, "caseload.over-cap") == []


def test_over_cap_one_finding_per_run_and_shadowing_does_not_count() -> None:
    p = placement(host_team_average_caseload=5)
    snap = compliant(p, allocation_offsets=(0, 7, 14, 35))
    snap.cases[2] = replace(snap.cases[2], ended=OPENS + 21 * DAY)  # first run ends
    snap.cases.append(case("S1", OPENS + 8 * DAY, student_role="shadow"))
    runs = found(snap, END, "caseload.over-cap")
    assert [(f.subject, f.date) for f in runs] == [
        ("case:C3", OPENS + 14 * DAY),
        ("case:C4", OPENS + 35 * DAY),
    ]


def test_too_fast_third_allocation_in_seven_days() -> None:
    snap = compliant(allocation_offsets=(0, 3, 6))
    [f] = found(snap, END, "caseload.too-fast")
    assert (f.subject, f.date) == ("case:C3", OPENS + 6 * DAY)
    spaced = compliant(allocation_offsets=(0, 3, 7))
    assert found(spaced, END, "caseload.too-fast") == []


# ------------------------------------------------------------------ supervision gaps


def _with_supervisions(
    dates: list[date], absences: list[Absence] | None = None
) -> PlacementSnapshot:
    snap = compliant(allocation_offsets=(), absences=absences)
    snap.supervisions = [
        Supervision(
            f"s{i}", d, "one-to-one", True, [], True, signed_by_educator=d, signed_by_student=d
        )
        for i, d in enumerate(dates)
    ]
    return snap


def test_supervision_gap_of_14_days_is_a_warning_15_is_a_breach() -> None:
    first = START + 4 * DAY
    fourteen = _with_supervisions([first, first + 14 * DAY])
    assert [f.date for f in found(fourteen, first + 14 * DAY, "supervision.weekly")] == [
        first + 8 * DAY
    ]
    assert found(fourteen, first + 14 * DAY, "supervision.fortnightly") == []
    fifteen = _with_supervisions([first, first + 15 * DAY])
    [breach] = found(fifteen, first + 15 * DAY, "supervision.fortnightly")
    assert (breach.severity, breach.date) == ("breach", first + 15 * DAY)


def test_open_gap_to_the_as_of_date_fires_on_the_first_overdue_day() -> None:
    first = START + 4 * DAY
    snap = _with_supervisions([first])
    assert found(snap, first + 7 * DAY, "supervision.weekly") == []
    [f] = found(snap, first + 8 * DAY, "supervision.weekly")
    assert f.date == first + 8 * DAY


def test_student_absence_inside_a_gap_is_not_counted() -> None:
    first = START + 4 * DAY
    absent = [Absence("a1", "student", first + 3 * DAY, first + 4 * DAY, "sickness")]
    snap = _with_supervisions([first, first + 16 * DAY], absent)
    assert found(snap, first + 16 * DAY, "supervision.fortnightly") == []
    [weekly] = found(snap, first + 16 * DAY, "supervision.weekly")
    assert weekly.date == first + 10 * DAY  # 8 counted days reached two absence days later
    educator_away = [Absence("a1", "educator", first + 3 * DAY, first + 4 * DAY, cover="Jo")]
    counted = _with_supervisions([first, first + 16 * DAY], educator_away)
    assert len(found(counted, first + 16 * DAY, "supervision.fortnightly")) == 1


def test_absence_on_the_supervision_day_itself_is_not_inside_the_gap() -> None:
    first = START + 4 * DAY
    absent = [Absence("a1", "student", first, first, "sickness")]
    snap = _with_supervisions([first, first + 15 * DAY], absent)
    assert len(found(snap, first + 15 * DAY, "supervision.fortnightly")) == 1


def test_three_way_needed_only_when_the_educator_is_off_site() -> None:
    off_site = placement(educator_onsite=False, onsite_supervisor="Jo Supervisor")
    snap = compliant(off_site)
    assert found(snap, END, "supervision.three-way") == []
    for s in snap.supervisions:
        s.format = "one-to-one"
    [f] = found(snap, START + 29 * DAY, "supervision.three-way")
    assert f.date == START + 29 * DAY
    on_site = compliant()
    assert found(on_site, END, "supervision.three-way") == []


@pytest.mark.parametrize(
    ("rule", "change"),
    [
        ("supervision.caseload-not-discussed", {"caseload_discussed": False}),
        ("supervision.decisions-not-recorded", {"decisions_recorded": False}),
    ],
)
def test_supervision_record_rules(rule: str, change: dict) -> None:  # type: ignore[type-arg]
    snap = compliant()
    target = snap.supervisions[4]
    assert target.cases_discussed
    snap.supervisions[4] = replace(target, **change)
    [f] = found(snap, END, rule)
    assert (f.subject, f.date) == (f"supervision:{target.id}", target.date)
    snap.supervisions[4] = replace(target, **change, cases_discussed=[], case_direction=[])
    expected = 1 if rule == "supervision.caseload-not-discussed" else 0
    assert len(found(snap, END, rule)) == expected


def test_unsigned_after_seven_days_and_future_signatures_do_not_count() -> None:
    snap = compliant()
    s = snap.supervisions[2]
    snap.supervisions[2] = replace(s, signed_by_student=s.date + 9 * DAY)
    assert found(snap, s.date + 7 * DAY, "supervision.unsigned") == []
    assert len(found(snap, s.date + 8 * DAY, "supervision.unsigned")) == 1
    assert found(snap, s.date + 9 * DAY, "supervision.unsigned") == []


def test_case_direction_fortnight_from_allocation_and_not_paused_by_absence() -> None:
    snap = compliant()
    c2 = snap.cases[1]
    for s in snap.supervisions:
        s.cases_discussed = [r for r in s.cases_discussed if r != "C2"]
    [first] = [
        f for f in found(snap, c2.allocated + 15 * DAY, "case.direction") if f.subject == "case:C2"
    ]
    assert (first.severity, first.date) == ("breach", c2.allocated + 15 * DAY)
    assert [
        f for f in found(snap, c2.allocated + 14 * DAY, "case.direction") if f.subject == "case:C2"
    ] == []


def test_case_direction_stops_at_the_case_end() -> None:
    snap = compliant()
    c2 = snap.cases[1]
    snap.cases[1] = replace(c2, ended=c2.allocated + 10 * DAY)
    for s in snap.supervisions:
        s.cases_discussed = [r for r in s.cases_discussed if r != "C2"]
    assert [f for f in found(snap, END, "case.direction") if f.subject == "case:C2"] == []


def test_manager_oversight_28_days() -> None:
    snap = compliant()
    snap.events = [e for e in snap.events if not (e.kind == "manager-oversight" and e.case == "C1")]
    c1 = snap.cases[0]
    [f] = found(snap, c1.allocated + 29 * DAY, "case.manager-oversight")
    assert (f.severity, f.subject, f.date) == ("warning", "case:C1", c1.allocated + 29 * DAY)
    assert found(snap, c1.allocated + 28 * DAY, "case.manager-oversight") == []


def test_supervisor_supervision_only_with_an_onsite_supervisor() -> None:
    snap = compliant(placement(educator_onsite=False, onsite_supervisor="Jo"))
    snap.events = [e for e in snap.events if e.kind != "supervisor-supervision"]
    [f] = found(snap, START + 29 * DAY, "supervisor.supervision")
    assert f.date == START + 29 * DAY
    assert found(compliant(), END, "supervisor.supervision") == []


def test_absence_cover_after_fourteen_days() -> None:
    snap = compliant()
    snap.absences = [Absence("a9", "educator", OPENS, OPENS + 14 * DAY, "surgery")]
    [f] = found(snap, END, "absence.cover")
    assert (f.subject, f.date) == ("absence:a9", OPENS + 14 * DAY)
    assert found(snap, OPENS + 13 * DAY, "absence.cover") == []  # cut off at as-of: 14 days so far
    covered = compliant()
    covered.absences = [
        Absence("a9", "educator", OPENS, OPENS + 20 * DAY, "surgery", cover="Kim Cover")
    ]
    assert found(covered, END, "absence.cover") == []
    student = compliant()
    student.absences = [Absence("a9", "student", OPENS, OPENS + 20 * DAY, "illness")]
    assert found(student, END, "absence.cover") == []


# ------------------------------------------------------------------ visits, meetings, records


def test_joint_visit_day_42_is_in_time_day_43_is_not() -> None:
    snap = compliant()
    c1 = snap.cases[0]
    visit = next(e for e in snap.events if e.kind == "joint-visit" and e.case == "C1")
    visit.date = c1.allocated + 42 * DAY
    assert found(snap, END, "visit.joint-within-6-weeks") == []
    visit.date = c1.allocated + 43 * DAY
    [f] = found(snap, END, "visit.joint-within-6-weeks")
    assert (f.severity, f.date) == ("breach", c1.allocated + 42 * DAY)


def test_joint_visit_due_in_the_last_week_then_breach() -> None:
    snap = compliant()
    snap.events = [e for e in snap.events if not (e.kind == "joint-visit" and e.case == "C1")]
    deadline = snap.cases[0].allocated + 42 * DAY
    assert found(snap, deadline - 8 * DAY, "visit.joint-within-6-weeks") == []
    assert [f.severity for f in found(snap, deadline - 7 * DAY, "visit.joint-within-6-weeks")] == [
        "due"
    ]
    assert [f.severity for f in found(snap, deadline, "visit.joint-within-6-weeks")] == ["due"]
    assert [f.severity for f in found(snap, deadline + DAY, "visit.joint-within-6-weeks")] == [
        "breach"
    ]


def test_case_ended_before_its_joint_visit_deadline_is_exempt() -> None:
    snap = compliant()
    snap.events = [e for e in snap.events if not (e.kind == "joint-visit" and e.case == "C1")]
    snap.cases[0] = replace(snap.cases[0], ended=snap.cases[0].allocated + 20 * DAY)
    assert found(snap, END, "visit.joint-within-6-weeks") == []


def _event(snap: PlacementSnapshot, event: Event) -> PlacementSnapshot:
    snap.events.append(event)
    return snap


@pytest.mark.parametrize(
    ("rule", "bad", "good"),
    [
        ("visit.after-hours-checkin",
         Event("x", "home-visit", OPENS + 9 * DAY, case="C1", after_hours=True, checked_in=False),
         Event("x", "home-visit", OPENS + 9 * DAY, case="C1", after_hours=False, checked_in=False)),
        ("meeting.review-chaired",
         Event("x", "meeting", OPENS + 9 * DAY, case="C1", meeting="review", chaired_by="student"),
         Event("x", "meeting", OPENS + 9 * DAY, case="C1", meeting="review", chaired_by="educator")),
        ("assessment.not-authorised",
         Event("x", "assessment", OPENS + 9 * DAY, case="C1"),
         Event("x", "assessment", OPENS + 9 * DAY, case="C1", authorised_by="Pat Educator")),
        ("report.not-overseen",
         Event("x", "report", OPENS + 9 * DAY, case="C1", report="court"),
         Event("x", "report", OPENS + 9 * DAY, case="C1", report="court", overseen_by="Pat Educator")),
        ("decision.not-recorded",
         Event("x", "decision", OPENS + 9 * DAY, case="C1", with_="Duty senior", recorded=False),
         Event("x", "decision", OPENS + 9 * DAY, case="C1", with_="Duty senior", recorded=True)),
    ],
)  # fmt: skip
def test_event_rules(rule: str, bad: Event, good: Event) -> None:
    [f] = found(_event(compliant(), bad), END, rule)
    assert (f.subject, f.date) == ("event:x", OPENS + 9 * DAY)
    assert found(_event(compliant(), good), END, rule) == []


def test_statutory_visit_to_a_looked_after_child_needs_company() -> None:
    snap = compliant()
    snap.cases.append(case("L1", OPENS + 2 * DAY, type="lac", student_role="shadow"))
    alone = Event("sv", "statutory-visit", OPENS + 5 * DAY, case="L1")
    assert len(found(_event(snap, alone), END, "visit.statutory-alone")) == 1
    alone.accompanied_by = "Jo Supervisor"
    assert found(snap, END, "visit.statutory-alone") == []
    cin = compliant()
    assert found(_event(cin, Event("sv", "statutory-visit", OPENS + 5 * DAY, case="C1")), END,
                 "visit.statutory-alone") == []  # fmt: skip


def test_tac_chairing_first_meeting_and_competence_assessment() -> None:
    snap = compliant()
    first = Event("t1", "meeting", OPENS + 5 * DAY, case="C1", meeting="tac", chaired_by="student")
    assert [f.subject for f in found(_event(snap, first), END, "meeting.first-tac-chaired")] == [
        "event:t1"
    ]

    snap = compliant()
    snap.events += [
        Event("t1", "meeting", OPENS + 5 * DAY, case="C1", meeting="tac", chaired_by="educator"),
        Event("ca", "chair-assessment", OPENS + 12 * DAY, case="C1", competent=True),
        Event("t2", "meeting", OPENS + 12 * DAY, case="C1", meeting="tac", chaired_by="student"),
        Event("t3", "meeting", OPENS + 13 * DAY, case="C1", meeting="tac", chaired_by="student"),
    ]
    # same-day assessment is not "strictly before"; the next day's meeting is fine
    assert [f.subject for f in found(snap, END, "meeting.chair-not-assessed")] == ["event:t2"]
    assert found(snap, END, "meeting.first-tac-chaired") == []


def test_s7_report_not_before_day_42() -> None:
    early = _event(
        compliant(),
        Event("r", "report", START + 42 * DAY, case="C1", report="s7", overseen_by="Pat"),
    )
    assert len(found(early, END, "report.s7-early")) == 1
    later = _event(
        compliant(),
        Event("r", "report", START + 43 * DAY, case="C1", report="s7", overseen_by="Pat"),
    )
    assert found(later, END, "report.s7-early") == []


def test_observation_count_warning_due_and_breach() -> None:
    snap = compliant()
    snap.events = [e for e in snap.events if e.kind != "direct-observation"]
    mid = date(2026, 2, 28)
    assert found(snap, mid, "observation.count") == []
    [warning] = found(snap, mid + DAY, "observation.count")
    assert (warning.severity, warning.date) == ("warning", mid)
    assert {f.severity for f in found(snap, END - 7 * DAY, "observation.count")} == {
        "due",
        "warning",
    }
    assert {f.severity for f in found(snap, END, "observation.count")} == {"breach", "warning"}
    one = compliant()
    one.events = [e for e in one.events if e.id != "obs-1" and e.id != "obs-2"]
    assert [f.severity for f in found(one, END, "observation.count")] == ["breach"]
    two = compliant()
    two.events = [e for e in two.events if e.id != "obs-2"]
    assert found(two, END, "observation.count") == []


# ------------------------------------------------------------------ progress and endings


def test_pcf_reviews() -> None:
    snap = compliant()
    snap.pcf_reviews = [PcfReview("p-final", END, "final")]
    due = date(2026, 2, 28) + 7 * DAY
    assert found(snap, due, "pcf.midpoint-review") == []
    [f] = found(snap, due + DAY, "pcf.midpoint-review")
    assert f.date == due
    snap.pcf_reviews = []
    assert found(snap, END - DAY, "pcf.final-review") == []
    assert [f.severity for f in found(snap, END, "pcf.final-review")] == ["breach"]


def test_learning_outcomes_by_placement_kind_and_setting() -> None:
    snap = compliant()
    snap.learning = [x for x in snap.learning if x.item != "genogram"]
    notice = END - 21 * DAY
    assert found(snap, notice - DAY, "learning.outcomes") == []
    [f] = found(snap, notice, "learning.outcomes")
    assert "genogram" in f.message and f.date == notice
    other_setting = compliant(placement(setting="cin"))
    assert found(other_setting, END, "learning.outcomes") == []
    final = compliant(placement(kind="final", required_days=70))
    final.learning = final.learning[:2]
    [f] = found(final, END, "learning.outcomes")
    assert "chair a meeting" in f.message


def test_transition_plan_in_the_last_three_weeks() -> None:
    snap = compliant()
    snap.transitions = [t for t in snap.transitions if t.case != "C2"]
    notice = END - 21 * DAY
    assert found(snap, notice - DAY, "ending.transition-plan") == []
    [f] = found(snap, notice, "ending.transition-plan")
    assert (f.subject, f.date) == ("case:C2", END)
    assert found(snap, END, "ending.transition-plan") == []  # from the end it is a breach instead
    assert [f.subject for f in found(snap, END, "ending.transition-incomplete")] == ["case:C2"]


def test_transition_incomplete_missing_item_and_cases_ended_earlier() -> None:
    snap = compliant()
    snap.transitions[0] = Transition(
        "C1", {k: v for k, v in snap.transitions[0].items.items() if k != "goodbye-session"}
    )
    [f] = found(snap, END, "ending.transition-incomplete")
    assert f.subject == "case:C1" and "1 required item" in f.message
    early_end = compliant()
    early_end.cases[1] = replace(early_end.cases[1], ended=END - 22 * DAY)
    early_end.transitions = early_end.transitions[:1]
    assert found(early_end, END, "ending.transition-incomplete") == []


def test_case_open_at_the_end() -> None:
    snap = compliant()
    snap.cases[0] = replace(snap.cases[0], ended=None, ending=None)
    assert found(snap, END - DAY, "ending.case-open") == []
    [f] = found(snap, END, "ending.case-open")
    assert (f.subject, f.date, f.severity) == ("case:C1", END, "breach")


def test_days_short_counts_student_absent_working_days_only() -> None:
    # 78 working days; 70 required: eight absent working days are fine, nine are not
    snap = compliant(absences=[Absence("a1", "student", date(2026, 3, 2), date(2026, 3, 11))])
    assert found(snap, END, "placement.days-short") == []
    longer = compliant(absences=[Absence("a1", "student", date(2026, 3, 2), date(2026, 3, 12))])
    [f] = found(longer, END, "placement.days-short")
    assert "69 working days" in f.message
    # a projection: absences after as-of are not known yet
    assert found(longer, date(2026, 3, 5), "placement.days-short") == []


# ------------------------------------------------------------------ profile and ordering


def test_profile_overrides_change_the_limits() -> None:
    snap = compliant(allocation_offsets=(0, 7, 14))
    assert found(snap, END, "caseload.over-cap") == []
    tight = DEFAULT_PROFILE.with_overrides({"first_placement_cap": 2})
    assert len(found(snap, END, "caseload.over-cap", tight)) == 1


def test_findings_are_sorted_by_date_rule_subject() -> None:
    snap = compliant()
    snap.cases[0] = replace(snap.cases[0], educator_consulted=False, rationale="")
    first = snap.cases[0]
    snap.cases[1] = replace(
        snap.cases[1], allocated=first.allocated, briefed=first.briefed, educator_consulted=False
    )
    keys = [(f.date.isoformat(), f.rule, f.subject) for f in evaluate(snap, END)]
    assert keys == sorted(keys)
    assert keys[:3] == [
        (OPENS.isoformat(), "allocation.no-rationale", "case:C1"),
        (OPENS.isoformat(), "allocation.not-consulted", "case:C1"),
        (OPENS.isoformat(), "allocation.not-consulted", "case:C2"),
    ]


def test_things_after_the_as_of_date_do_not_exist_yet() -> None:
    snap = compliant()
    late = case("C9", END - 5 * DAY, educator_consulted=False)
    snap.cases.append(late)
    assert found(snap, END - 6 * DAY, "allocation.not-consulted") == []
    assert len(found(snap, END - 5 * DAY, "allocation.not-consulted")) == 1
