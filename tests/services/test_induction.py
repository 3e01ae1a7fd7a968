"""The induction checklist, own items and agreements: stored, exported, checked, printed."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.db import Database
from app.interchange.placement_file import dumps, loads
from app.policy.snapshot import ChecklistEntry, PlacementAgreement, SupervisionAgreement
from app.policy.vocabulary import INDUCTION_ITEMS
from app.services.audit import audit_trail
from app.services.induction import InductionService
from app.services.placements import InvalidInput, PlacementService
from app.services.records import render
from tests.conftest import sam_placement

START, OPENS = date(2026, 1, 5), date(2026, 1, 19)


@pytest.fixture
def pid(db: Database) -> int:
    return PlacementService(db).create(
        sam_placement(educator_onsite=False, onsite_supervisor="Jo Supervisor")
    )


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_checklist_round_trips_through_database_and_file(db: Database, pid: int) -> None:
    service = InductionService(db)
    service.record(pid, "lone-working", ChecklistEntry(START, "Pat Educator", "Buddy system"))
    service.record(pid, "records-access", ChecklistEntry(START))
    own = service.add_own_item(pid, "Parking permit", ChecklistEntry(date(2026, 1, 6)))
    assert own == "x-parking-permit"
    snap = PlacementService(db).snapshot(pid)
    assert snap.induction == {
        "lone-working": ChecklistEntry(START, "Pat Educator", "Buddy system"),
        "records-access": ChecklistEntry(START),
        "x-parking-permit": ChecklistEntry(date(2026, 1, 6)),
    }
    text = dumps(snap)
    assert '"records-access": "2026-01-05"' in text  # the short form when there is no by or note
    assert loads(text) == snap
    service.record(pid, "records-access", None)
    service.remove_own_item(pid, own)
    assert set(PlacementService(db).snapshot(pid).induction) == {"lone-working"}
    with db.unit_of_work() as session:
        actions = [line.action for line in audit_trail(session, pid)]
    assert actions.count("induction.recorded") == 3 and actions.count("induction.cleared") == 2


def test_incomplete_induction_finding_appears_when_allocations_open_and_clears(
    db: Database, pid: int
) -> None:
    service = InductionService(db)
    for item in list(INDUCTION_ITEMS)[:-1]:
        service.record(pid, item, ChecklistEntry(START))
    assert service.view(pid, OPENS.replace(day=16)).finding is None  # still in the induction
    view = service.view(pid, OPENS)
    assert view.finding is not None and "shadowed visits or duty" in view.finding.message
    assert view.done == 7 and view.required == 8
    overview = PlacementService(db).overview(pid, OPENS)
    assert overview.induction_finding is not None
    service.record(pid, "shadowing", ChecklistEntry(OPENS))
    assert service.view(pid, OPENS).finding is None
    assert PlacementService(db).overview(pid, OPENS).induction_finding is None


def test_agreements_store_their_content_and_tick_the_item(db: Database, pid: int) -> None:
    service = InductionService(db)
    service.save_placement_agreement(
        pid, PlacementAgreement("Report writing", "Jo Supervisor"), START
    )
    service.save_supervision_agreement(
        pid, SupervisionAgreement("thu", 7, "10:00", "Fortnightly with Jo"), START
    )
    snap = PlacementService(db).snapshot(pid)
    assert snap.placement_agreement == PlacementAgreement("Report writing", "Jo Supervisor")
    assert snap.supervision_agreement is not None and snap.supervision_agreement.weekday == "thu"
    assert snap.induction["placement-agreement"].date == START
    assert loads(dumps(snap)) == snap
    agenda = PlacementService(db).agenda(pid, START)
    assert any(i.what == "Supervision" and "Thu 10:00, as agreed" in i.text for i in agenda)
    service.save_supervision_agreement(pid, SupervisionAgreement("thu", 21), START)
    assert "less often than policy allows" in (service.view(pid, START).pattern_warning or "")


def test_bad_dates_and_unknown_items_are_refused(db: Database, pid: int) -> None:
    service = InductionService(db)
    with pytest.raises(InvalidInput, match="after the placement has ended"):
        service.record(pid, "lone-working", ChecklistEntry(date(2026, 5, 1)))
    with pytest.raises(InvalidInput, match="not an induction item"):
        service.record(pid, "photo", ChecklistEntry(START))
    with pytest.raises(InvalidInput, match="letters or digits"):
        service.add_own_item(pid, "???", ChecklistEntry(START))
    assert PlacementService(db).snapshot(pid).induction == {}


def test_link_worker_is_asked_for_when_the_educator_is_the_manager(db: Database) -> None:
    pid = PlacementService(db).create(
        sam_placement(student="Sam", setting="cin", educator="Lee Manager")
    )
    service = InductionService(db)
    assert service.view(pid, START).link_worker_needed
    service.set_link_worker(pid, "Kim Link")
    assert not service.view(pid, START).link_worker_needed
    assert PlacementService(db).snapshot(pid).placement.link_worker == "Kim Link"


def test_induction_record_pdf_has_items_dates_agreements_and_signatures(
    db: Database, pid: int
) -> None:
    service = InductionService(db)
    service.record(pid, "lone-working", ChecklistEntry(START, "Pat Educator", "Buddy system"))
    service.add_own_item(pid, "Parking permit", ChecklistEntry(date(2026, 1, 6)))
    service.save_placement_agreement(
        pid, PlacementAgreement("Confidence with teenagers", "Jo <on call>"), START
    )
    text = pdf_text(render("induction", PlacementService(db).snapshot(pid), date(2026, 1, 20)))
    assert "OFFICIAL-SENSITIVE" in text and "Induction record" in text
    assert "Lone working policy" in text and "5 Jan 2026" in text and "Buddy system" in text
    assert "Parking permit" in text and "own item" in text
    assert "Not done" in text  # e.g. shadowing
    assert (
        "Confidence with teenagers" in text and "Jo <on call>" in text
    )  # escaped, printed as typed
    assert "Signature" in text and "Practice educator" in text
    assert "Page 1 of " in text and "Printed 20 Jan 2026" in text
    assert "Policy profile: default" in text and "docs/" not in text
