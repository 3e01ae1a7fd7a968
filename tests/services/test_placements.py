"""Creating placements and the overview's figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.db import Database
from app.policy.snapshot import Case
from app.services.audit import audit_trail
from app.services.checking import profile_for
from app.services.demo import demo_snapshot, load_demo
from app.services.placements import (
    InvalidInput,
    PlacementService,
    build_overview,
)
from tests.conftest import sam_placement


def _placement(**changes: object):  # type: ignore[no-untyped-def]
    base = sam_placement()
    return replace(base, **changes)


def test_create_placement_stores_defaults_and_audits(db: Database) -> None:
    service = PlacementService(db)
    pid = service.create(_placement())
    snap = service.snapshot(pid)
    assert snap.placement.required_days == 70
    assert snap.placement.working_days == ("mon", "tue", "wed", "thu", "fri")
    assert [line.action for line in db_audit(db, pid)] == ["placement.created"]


def db_audit(db: Database, pid: int):  # type: ignore[no-untyped-def]
    with db.unit_of_work() as session:
        return audit_trail(session, pid)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"end": date(2026, 1, 1)}, "end date must be after"),
        ({"student": "  "}, "student's name"),
        ({"team_manager": ""}, "team manager"),
        ({"end": date(2030, 1, 1)}, "three years"),
    ],
)
def test_impossible_placements_are_refused_and_nothing_stored(
    db: Database, change: dict[str, object], message: str
) -> None:
    service = PlacementService(db)
    with pytest.raises(InvalidInput, match=message):
        service.create(_placement(**change))
    assert service.list_placements() == []


def test_overview_counts_caseload_not_shadowing_and_applies_half_team_average() -> None:
    p = _placement(host_team_average_caseload=9)
    snap = demo_snapshot(date(2026, 2, 20))
    snap.placement = p
    snap.cases = [
        Case("C1", "cin", "lead", date(2026, 1, 19), True),
        Case("C2", "cp", "co-worker", date(2026, 1, 20), True),
        Case("C3", "lac", "shadow", date(2026, 1, 21), True),
        Case("C4", "cin", "lead", date(2026, 1, 22), True, ended=date(2026, 2, 1)),
        Case("C5", "cin", "lead", date(2026, 3, 1), True),  # allocated after as-of: not yet
    ]
    o = build_overview(1, snap, date(2026, 2, 20), profile_for(snap))
    assert o.caseload == 2 and o.open_case_refs == ("C1", "C2")
    assert o.shadow_cases == 1
    assert o.cap == 4  # min(6, floor(9 / 2))
    assert o.phase == "placement"
    assert o.induction_last_day == date(2026, 1, 16)


def test_overview_day_n_of_m_and_phases(db: Database) -> None:
    service = PlacementService(db)
    pid = service.create(_placement())
    before = service.overview(pid, date(2026, 1, 1))
    assert (before.phase, before.working_day) == ("not-started", 0)
    during = service.overview(pid, date(2026, 1, 9))
    assert (during.phase, during.working_day) == ("induction", 5)
    # sixteen weeks of weekdays (80) less Good Friday and Easter Monday 2026
    assert during.working_days_total == 78
    after = service.overview(pid, date(2026, 5, 1))
    assert (after.phase, after.working_day) == ("ended", 78)


def test_demo_is_mid_placement_whatever_the_date(db: Database) -> None:
    for as_of in (date(2026, 11, 23), date(2027, 6, 2), date(2025, 12, 24)):
        pid = load_demo(db, as_of)
        o = PlacementService(db).overview(pid, as_of)
        assert o.phase == "placement"
        assert 0 < o.caseload <= o.cap
        assert o.last_supervision is not None and as_of - o.last_supervision < timedelta(days=7)
