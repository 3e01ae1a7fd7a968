"""What the screens will ask of the services: a step-up, a plan, an ABE interview and a
transfer's sign-off, each stored when the policy allows it and refused with a sentence
that says what to do when it does not (001 §7, §10; 003 §3.6-3.7, §4.2-4.3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.db import Database
from app.policy.snapshot import Case, SteppedUp
from app.services.audit import audit_trail
from app.services.cases import CaseService
from app.services.errors import InvalidInput
from app.services.placements import PlacementService
from app.services.records_of_work import RecordsService
from tests.conftest import sam_placement

OPENS = date(2026, 1, 19)
STEP = date(2026, 2, 11)
TODAY = date(2026, 2, 20)


@pytest.fixture
def pid(db: Database) -> int:
    placement = PlacementService(db).create(sam_placement(host_team_average_caseload=16))
    cases = CaseService(db)
    for ref, role in (("D-1", "lead"), ("D-2", "co-worker")):
        cases.allocate(
            placement,
            Case(
                ref,
                "cin",
                role,
                OPENS,
                True,
                initials="AB",
                rationale="Fits.",
                briefed=OPENS - timedelta(days=2),
            ),  # fmt: skip
            OPENS,
        )
    return placement


def test_a_step_up_keeps_the_type_before_names_the_keyworker_and_is_audited(
    db: Database, pid: int
) -> None:
    cases = CaseService(db)
    cases.record_step_up(pid, "D-2", STEP, "cp", " Alex Keyworker ", TODAY)
    stepped = cases.case(pid, "D-2")
    assert (stepped.type, stepped.stepped_up, stepped.keyworker) == (
        "cp",
        SteppedUp(STEP, "cin"),
        "Alex Keyworker",
    )
    with db.unit_of_work() as session:
        last = audit_trail(session, pid)[-1]
    assert last.action == "case.stepped-up" and last.subject == "case:D-2"


def test_a_step_up_of_a_case_the_student_leads_asks_for_co_working(db: Database, pid: int) -> None:
    cases = CaseService(db)
    with pytest.raises(InvalidInput, match="can never lead a statutory case"):
        cases.record_step_up(pid, "D-1", STEP, "cp", "Alex Keyworker", TODAY)
    assert cases.case(pid, "D-1").type == "cin"  # nothing stored half-way
    cases.record_step_up(pid, "D-1", STEP, "cp", "Alex Keyworker", TODAY, "co-worker")
    assert cases.case(pid, "D-1").student_role == "co-worker"


@pytest.mark.parametrize(
    ("ref", "on", "new_type", "keyworker", "message"),
    [
        ("D-2", STEP, "cp", None, "needs its keyworker named"),
        ("D-2", STEP, "cp", "   ", "needs its keyworker named"),
        ("D-2", STEP, "tac", "Alex Keyworker", "Choose the statutory type"),
        ("D-2", OPENS - timedelta(days=1), "cp", "Alex Keyworker", "cannot come before the allocation"),
        ("D-2", TODAY + timedelta(days=1), "cp", "Alex Keyworker", "once it has happened"),
    ],
)  # fmt: skip
def test_a_step_up_the_policy_rules_out_is_refused_with_what_to_do(
    db: Database, pid: int, ref: str, on: date, new_type: str, keyworker: str | None, message: str
) -> None:
    cases = CaseService(db)
    with pytest.raises(InvalidInput, match=message):
        cases.record_step_up(pid, ref, on, new_type, keyworker, TODAY)
    assert cases.case(pid, ref).stepped_up is None


def test_a_case_is_stepped_up_once_and_only_from_a_non_statutory_type(
    db: Database, pid: int
) -> None:
    cases = CaseService(db)
    cases.record_step_up(pid, "D-2", STEP, "lac", "Alex Keyworker", TODAY)
    with pytest.raises(InvalidInput, match="already stepped up on 11 Feb 2026"):
        cases.record_step_up(pid, "D-2", TODAY, "cp", "Alex Keyworker", TODAY)
    cases.allocate(pid, Case("D-3", "cp", "shadow", OPENS, True, rationale="Shadow."), OPENS)
    with pytest.raises(InvalidInput, match="already a statutory case"):
        cases.record_step_up(pid, "D-3", STEP, "lac", "Alex Keyworker", TODAY)


def test_a_plan_is_recorded_with_who_agreed_it_and_one_not_agreed_stays_a_breach(
    db: Database, pid: int
) -> None:
    records = RecordsService(db)
    agreed = records.record_plan(pid, "D-1", STEP, "Pat Educator", "Child's plan for D-1")
    waiting = records.record_plan(pid, "D-1", STEP + timedelta(days=1), "  ")
    check = records.check_event(pid, records_event(db, pid, waiting))
    assert [f.rule for f in check.findings] == ["plan.not-agreed"] and not check.forbidden
    assert records.check_event(pid, records_event(db, pid, agreed)).findings == ()


def test_an_abe_interview_observed_is_kept_and_one_conducted_refused_with_the_reason(
    db: Database, pid: int
) -> None:
    records = RecordsService(db)
    records.record_abe_interview(pid, "D-2", STEP, "observed")
    with pytest.raises(InvalidInput, match="accredited ABE training"):
        records.record_abe_interview(pid, "D-2", STEP, "conducted")
    with pytest.raises(InvalidInput, match="Children in Need allocation policy §4.3"):
        records.record_abe_interview(pid, "D-2", STEP, "conducted")
    kinds = [e.kind for e in export_events(db, pid)]
    assert kinds.count("abe-interview") == 1


def test_a_transfer_carries_both_managers_sign_off_and_nothing_else_can(
    db: Database, pid: int
) -> None:
    cases = CaseService(db)
    with pytest.raises(InvalidInput, match="Only a transferred case has a transfer sign-off"):
        cases.end_case(pid, "D-1", TODAY, "closed", None, TODAY, transfer_signed_off=TODAY)
    assert cases.case(pid, "D-1").ended is None
    cases.end_case(pid, "D-1", TODAY, "transferred", "Kim Newworker", TODAY, TODAY)
    ended = cases.case(pid, "D-1")
    assert (ended.ending, ended.transfer_signed_off) == ("transferred", TODAY)
    [row] = [r for r in cases.rows(pid, TODAY) if r.case.ref == "D-1"]
    assert "ending.transfer-not-signed-off" not in {f.rule for f in row.findings}


def test_a_transfer_without_sign_off_is_kept_and_shows_the_breach(db: Database, pid: int) -> None:
    cases = CaseService(db)
    cases.end_case(pid, "D-1", TODAY, "transferred", "Kim Newworker", TODAY)
    [row] = [r for r in cases.rows(pid, TODAY) if r.case.ref == "D-1"]
    assert "ending.transfer-not-signed-off" in {f.rule for f in row.findings}


def export_events(db: Database, pid: int):  # type: ignore[no-untyped-def]
    from app.interchange.placement_file import loads
    from app.services.placement_files import export_text

    return loads(export_text(db, pid)).events


def records_event(db: Database, pid: int, key: str):  # type: ignore[no-untyped-def]
    return next(e for e in export_events(db, pid) if e.id == key)
