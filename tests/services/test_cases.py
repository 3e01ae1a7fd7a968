"""Allocating, editing and ending cases through the service: policy checked before storing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.db import Database
from app.policy.snapshot import Case, ManagerOverride
from app.services.audit import audit_trail
from app.services.cases import AllocationRefused, CaseService
from app.services.placements import InvalidInput, PlacementService
from tests.conftest import sam_placement

START = date(2026, 1, 5)
OPENS = date(2026, 1, 19)
TODAY = date(2026, 2, 2)


@pytest.fixture
def placement_id(db: Database) -> int:
    return PlacementService(db).create(sam_placement(host_team_average_caseload=16))


def draft(ref: str = "D-100", **changes: object) -> Case:
    base = Case(ref=ref, type="cin", student_role="lead", allocated=OPENS, educator_consulted=True,
                initials="AB", rationale="Good first case.", briefed=OPENS - timedelta(days=3))  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_compliant_allocation_is_stored_and_audited(db: Database, placement_id: int) -> None:
    service = CaseService(db)
    service.allocate(placement_id, draft(), TODAY)
    [row] = service.rows(placement_id, TODAY)
    assert row.case.ref == "D-100" and row.is_open and row.days_open == 14
    assert row.joint_visit == "pending" and "2 Mar 2026" in row.joint_visit_text
    with db.unit_of_work() as session:
        assert audit_trail(session, placement_id)[-1].action == "case.allocated"


def test_allocation_during_induction_is_refused_with_the_reason(
    db: Database, placement_id: int
) -> None:
    service = CaseService(db)
    check = service.check(placement_id, draft(allocated=OPENS - timedelta(days=1)), TODAY)
    assert [f.rule for f in check.breaches] == ["allocation.during-induction"]
    assert check.verdict == "needs-override"
    with pytest.raises(AllocationRefused, match="during the induction fortnight"):
        service.allocate(placement_id, draft(allocated=OPENS - timedelta(days=1)), TODAY)
    assert service.rows(placement_id, TODAY) == []


def test_statutory_lead_cannot_be_overridden_but_co_working_is_fine(
    db: Database, placement_id: int
) -> None:
    service = CaseService(db)
    override = ManagerOverride("Lee Manager", "Known family", OPENS + timedelta(days=28))
    cp_lead = draft(type="cp", manager_override=override, keyworker="Alex Keyworker")
    check = service.check(placement_id, cp_lead, TODAY)
    assert [f.rule for f in check.unoverridable] == ["allocation.statutory-lead"]
    assert check.verdict == "never" and check.alternatives == ("co-worker", "shadow")
    with pytest.raises(AllocationRefused, match="can never lead a statutory case"):
        service.allocate(placement_id, cp_lead, TODAY)
    co_work = draft(type="cp", student_role="co-worker", keyworker="Alex Keyworker")
    service.allocate(placement_id, co_work, TODAY)
    assert [r.case.student_role for r in service.rows(placement_id, TODAY)] == ["co-worker"]


def test_a_statutory_case_is_never_co_worked_without_a_keyworker_override_or_not(
    db: Database, placement_id: int
) -> None:
    service = CaseService(db)
    override = ManagerOverride("Lee Manager", "Known family", OPENS + timedelta(days=28))
    alone = draft(type="lac", student_role="co-worker", keyworker="  ", manager_override=override)
    check = service.check(placement_id, alone, TODAY)
    assert [f.rule for f in check.unoverridable] == ["allocation.statutory-keyworker"]
    assert check.alternatives == ("shadow",)  # leading needs a keyworker too, and more
    with pytest.raises(AllocationRefused, match="needs its keyworker named"):
        service.allocate(placement_id, alone, TODAY)
    assert service.rows(placement_id, TODAY) == []


def test_pre_birth_is_refused_even_as_co_worker(db: Database, placement_id: int) -> None:
    with pytest.raises(AllocationRefused, match="pre-birth"):
        CaseService(db).allocate(
            placement_id, draft(type="pre-birth", student_role="co-worker"), TODAY
        )
    CaseService(db).allocate(placement_id, draft(type="pre-birth", student_role="shadow"), TODAY)


def test_override_lets_a_breach_through_and_the_finding_stays_visible(
    db: Database, placement_id: int
) -> None:
    service = CaseService(db)
    override = ManagerOverride(
        "Lee Manager", "Only worker with the language", OPENS + timedelta(days=28)
    )
    service.allocate(
        placement_id, draft(educator_consulted=False, manager_override=override), TODAY
    )
    [row] = service.rows(placement_id, TODAY)
    [finding] = [f for f in row.findings if f.rule == "allocation.not-consulted"]
    assert finding.override == override
    compliance = PlacementService(db).compliance(placement_id, TODAY)
    assert any(
        i.finding.rule == "allocation.not-consulted" and i.finding.override for i in compliance
    )


def test_override_review_is_asked_for_then_recorded(db: Database, placement_id: int) -> None:
    service = CaseService(db)
    review_by = OPENS + timedelta(days=10)
    override = ManagerOverride("Lee Manager", "Sibling group", review_by)
    service.allocate(
        placement_id, draft(conflict_of_interest=True, manager_override=override), TODAY
    )
    later = review_by + timedelta(days=1)
    rules = {i.finding.rule for i in PlacementService(db).compliance(placement_id, later)}
    assert "allocation.override-review" in rules
    agenda = PlacementService(db).agenda(placement_id, review_by - timedelta(days=3))
    assert any(i.what == "Override review" and i.subject == "case:D-100" for i in agenda)
    service.record_review(placement_id, "D-100", later, later)
    rules = {i.finding.rule for i in PlacementService(db).compliance(placement_id, later)}
    assert "allocation.override-review" not in rules and "allocation.conflict" in rules
    with db.unit_of_work() as session:
        assert audit_trail(session, placement_id)[-1].action == "case.updated"


def test_ending_a_case_records_how_and_who_took_over(db: Database, placement_id: int) -> None:
    service = CaseService(db)
    service.allocate(placement_id, draft(), TODAY)
    service.end_case(placement_id, "D-100", TODAY, "transferred", "Kim Newworker", TODAY)
    [row] = service.rows(placement_id, TODAY)
    assert (
        not row.is_open
        and row.case.handover_to == "Kim Newworker"
        and row.ending_label == "Transferred"
    )
    with db.unit_of_work() as session:
        last = audit_trail(session, placement_id)[-1]
    assert last.action == "case.ended" and set(last.detail) == {"ended", "ending", "handover_to"}


def test_editing_a_case_with_an_old_breach_is_not_blocked(db: Database, placement_id: int) -> None:
    service = CaseService(db)
    override = ManagerOverride("Lee Manager", "Urgent", OPENS + timedelta(days=28))
    service.allocate(
        placement_id,
        draft(rationale="", educator_consulted=False, manager_override=override),
        TODAY,
    )
    current = service.case(placement_id, "D-100")
    service.update(placement_id, "D-100", replace(current, rationale="Now recorded."), TODAY)
    assert service.case(placement_id, "D-100").rationale == "Now recorded."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ref": "Amelia"}, "never the child's name"),
        ({"initials": "Amelia"}, "up to four letters"),
        ({"allocated": date(2025, 12, 1)}, "within the placement"),
        ({"ended": date(2026, 1, 1), "ending": "closed"}, "cannot end before"),
        ({"ended": date(2026, 3, 1)}, "both the end date and how"),
    ],
)
def test_impossible_cases_are_refused_and_nothing_stored(
    db: Database, placement_id: int, change: dict[str, object], message: str
) -> None:
    service = CaseService(db)
    with pytest.raises(InvalidInput, match=message):
        service.allocate(placement_id, draft(**change), TODAY)
    assert service.rows(placement_id, TODAY) == []


def test_duplicate_reference_refused(db: Database, placement_id: int) -> None:
    service = CaseService(db)
    service.allocate(placement_id, draft(), TODAY)
    with pytest.raises(InvalidInput, match="already a case D-100"):
        service.allocate(placement_id, draft(allocated=OPENS + timedelta(days=7)), TODAY)


def test_over_cap_and_too_fast_show_in_the_check(db: Database, placement_id: int) -> None:
    service = CaseService(db)
    for i in range(2):
        service.allocate(placement_id, draft(f"D-{i}", allocated=OPENS + timedelta(days=i)), TODAY)
    check = service.check(placement_id, draft("D-9", allocated=OPENS + timedelta(days=2)), TODAY)
    assert [f.rule for f in check.findings] == ["caseload.too-fast"]
    assert check.breaches == []  # a warning does not block


def test_an_imported_case_without_a_numbered_ref_can_still_be_ended(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.interchange.placement_file import dumps
    from app.services.demo import demo_snapshot
    from app.services.placement_files import import_placement

    snap = demo_snapshot(TODAY)
    first = snap.cases[0]
    old_ref = first.ref
    first.ref, first.initials = "Alpha", "A.B."
    for e in snap.events:
        e.case = "Alpha" if e.case == old_ref else e.case
    for review in snap.pcf_reviews:
        review.evidence = {d: ["case:Alpha" if r == f"case:{old_ref}" else r for r in refs]
                           for d, refs in review.evidence.items()}  # fmt: skip
    for s in snap.supervisions:
        s.cases_discussed = ["Alpha" if r == old_ref else r for r in s.cases_discussed]
        for d in s.case_direction:
            d.case = "Alpha" if d.case == old_ref else d.case
    source = tmp_path / "other.json"
    source.write_text(dumps(snap))
    pid = import_placement(db, source)
    service = CaseService(db)
    service.end_case(pid, "Alpha", TODAY, "closed", None, TODAY)
    assert service.case(pid, "Alpha").ending == "closed"
    with pytest.raises(InvalidInput, match="never the child's name"):
        service.update(pid, "Alpha", replace(service.case(pid, "Alpha"), ref="Beta"), TODAY)
