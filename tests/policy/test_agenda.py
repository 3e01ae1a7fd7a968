"""The agenda: what falls due next, from the same profile numbers as the rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from app.policy.agenda import agenda, next_supervision
from app.policy.profile import DEFAULT_PROFILE
from app.policy.snapshot import ManagerOverride, SupervisionAgreement
from tests.policy.builders import START, compliant


def test_next_supervision_follows_the_agreed_pattern() -> None:
    snap = compliant(allocation_offsets=())
    last = replace(snap.supervisions[0], next=None)  # Friday 9 Jan 2026
    assert next_supervision(snap, last, DEFAULT_PROFILE) == (date(2026, 1, 16), "weekly")
    snap.supervision_agreement = SupervisionAgreement(weekday="tue", every_days=7, time="10:00")
    assert next_supervision(snap, last, DEFAULT_PROFILE) == (
        date(2026, 1, 13),
        "Tue 10:00, as agreed",
    )
    snap.supervision_agreement = SupervisionAgreement(weekday="fri", every_days=14)
    assert next_supervision(snap, last, DEFAULT_PROFILE)[0] == date(2026, 1, 23)
    assert next_supervision(snap, None, DEFAULT_PROFILE)[0] == date(
        2026, 1, 9
    )  # first Friday on or after start
    planned = replace(last, next=date(2026, 1, 15))
    assert next_supervision(snap, planned, DEFAULT_PROFILE) == (
        date(2026, 1, 15),
        "planned at the last one",
    )


def test_agenda_lists_what_falls_due_within_seven_days_soonest_first() -> None:
    snap = compliant()
    snap.events = [e for e in snap.events if not (e.kind == "joint-visit" and e.case == "C2")]
    c2 = snap.cases[1]
    deadline = c2.allocated + timedelta(days=42)
    items = agenda(snap, deadline - timedelta(days=7), DEFAULT_PROFILE)
    assert [i.what for i in items if i.subject == "case:C2"].count("Joint visit") == 1
    assert items == sorted(items, key=lambda i: (i.day, i.what, i.subject))
    assert all(i.day <= deadline for i in items)
    assert not any(
        i.what == "Joint visit" for i in agenda(snap, deadline - timedelta(days=8), DEFAULT_PROFILE)
    )


def test_agenda_asks_for_an_override_review_until_it_is_recorded() -> None:
    snap = compliant()
    review_by = START + timedelta(days=40)
    snap.cases[0] = replace(
        snap.cases[0], manager_override=ManagerOverride("Lee", "Why", review_by)
    )
    late = agenda(snap, review_by + timedelta(days=3), DEFAULT_PROFILE)
    [item] = [i for i in late if i.what == "Override review"]
    assert item.overdue(review_by + timedelta(days=3)) and item.place == "cases"
    snap.cases[0] = replace(
        snap.cases[0], manager_override=ManagerOverride("Lee", "Why", review_by, review_by)
    )
    assert not any(
        i.what == "Override review"
        for i in agenda(snap, review_by + timedelta(days=3), DEFAULT_PROFILE)
    )


def test_no_agenda_after_the_end() -> None:
    snap = compliant()
    assert agenda(snap, snap.placement.end + timedelta(days=1), DEFAULT_PROFILE) == []
