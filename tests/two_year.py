"""A generated two-year placement: 300 cases and ~20,000 events, for endurance tests and benchmarks.

Invented and seeded, so every run (test or ``make bench``) sees the same placement.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from app.interchange.placement_file import dumps
from app.policy.snapshot import Case, Event, Placement, PlacementSnapshot, SteppedUp, Supervision

KINDS = (
    "joint-visit",
    "manager-oversight",
    "home-visit",
    "decision",
    "assessment",
    "direct-observation",
)
AS_OF = date(2027, 1, 15)


def two_year_placement(cases: int = 300, events: int = 20_000) -> PlacementSnapshot:
    rng = random.Random(7)
    start, end = date(2025, 1, 6), date(2026, 12, 31)
    span = (end - start).days
    p = Placement(
        student="Bench Student",
        kind="final",
        setting="cin",
        start=start,
        end=end,
        educator="Pat Educator",
        team_manager="Lee Manager",
        required_days=100,
        educator_onsite=False,
        onsite_supervisor="Jo Supervisor",
    )
    snap = PlacementSnapshot(placement=p)
    for i in range(cases):
        allocated = start + timedelta(days=14 + rng.randrange(span - 30))
        ended = allocated + timedelta(days=rng.randrange(20, 200))
        snap.cases.append(
            Case(
                f"C{i}",
                rng.choice(("cin", "early-help", "cp")),
                rng.choice(("lead", "co-worker")),
                allocated,
                True,
                ended=ended if ended < end else None,
                rationale="Generated",
            )
        )
    for i in range(events):
        kind = rng.choice(KINDS)
        c = rng.choice(snap.cases)
        e = Event(f"e{i}", kind, c.allocated + timedelta(days=rng.randrange(60)), case=c.ref)
        if kind == "home-visit":
            e.after_hours, e.checked_in = rng.random() < 0.2, True
        elif kind == "decision":
            e.recorded = rng.random() < 0.9
        snap.events.append(e)
    _statutory_work(snap, random.Random(8))
    day, n = start + timedelta(days=4), 0
    while day <= end:
        open_refs = [
            c.ref for c in snap.cases if c.allocated <= day and (c.ended is None or c.ended > day)
        ]
        snap.supervisions.append(
            Supervision(
                f"s{n}",
                day,
                "three-way" if n % 4 == 0 else "one-to-one",
                True,
                open_refs,
                True,
                signed_by_educator=day,
                signed_by_student=day,
            )
        )
        day += timedelta(days=7)
        n += 1
    return snap


def _statutory_work(snap: PlacementSnapshot, rng: random.Random) -> None:
    """Step-ups, keyworkers, visiting plans, plans and ABE interviews, from a second seed so
    the cases and events above stay as they were."""
    for c in snap.cases:
        if c.type == "cp":
            c.keyworker = "Kim Keyworker"
            last = (c.ended - c.allocated).days if c.ended else 60
            if rng.random() < 0.3:
                c.stepped_up = SteppedUp(
                    c.allocated + timedelta(days=rng.randrange(last + 1)), "cin"
                )
        elif c.student_role == "lead" and rng.random() < 0.3:
            c.visit_every_days = rng.choice((10, 14, 28))
        c.briefed = c.allocated - timedelta(days=rng.randrange(3))
    # some of the events become plans the student wrote, and ABE interviews observed
    for i in rng.sample(range(len(snap.events)), min(140, len(snap.events) // 10)):
        e = snap.events[i]
        case = next(c for c in snap.cases if c.ref == e.case)
        if i % 7 == 0 and case.type == "cp":
            snap.events[i] = Event(
                e.id, "abe-interview", e.date, case=e.case, student_part="observed"
            )
        else:
            agreed = "Pat Educator" if rng.random() < 0.9 else None
            snap.events[i] = Event(e.id, "plan", e.date, case=e.case, agreed_by=agreed)


def write_two_year_file(folder: Path, events: int = 20_000, cases: int = 300) -> Path:
    path = folder / "two-years.json"
    path.write_text(dumps(two_year_placement(cases, events)), encoding="utf-8")
    return path
