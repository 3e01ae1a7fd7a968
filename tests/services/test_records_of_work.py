"""Events, absences, PCF reviews and learning evidence through the service, checked by the rules."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from app.db import Database
from app.interchange.placement_file import dumps, loads
from app.policy.snapshot import Absence, Case, Event, LearningEvidence, PcfReview
from app.services.cases import CaseService
from app.services.placements import InvalidInput, PlacementService
from app.services.records import render
from app.services.records_of_work import RecordsService
from tests.conftest import sam_placement

START, OPENS = date(2026, 1, 5), date(2026, 1, 19)


@pytest.fixture
def pid(db: Database) -> int:
    pid = PlacementService(db).create(sam_placement())
    cases = CaseService(db)
    cases.allocate(
        pid, Case("D-1", "cin", "lead", OPENS, True, initials="AB", rationale="Fits."), OPENS
    )
    cases.allocate(
        pid, Case("L-2", "lac", "shadow", OPENS, True, initials="CD", rationale="Shadow."), OPENS
    )
    return pid


def rules(db: Database, pid: int, as_of: date) -> set[str]:
    return {i.finding.rule for i in PlacementService(db).compliance(pid, as_of)}


def test_a_joint_visit_clears_the_breach(db: Database, pid: int) -> None:
    late = OPENS + timedelta(days=43)
    assert "visit.joint-within-6-weeks" in rules(db, pid, late)
    RecordsService(db).save_event(pid, Event("", "joint-visit", OPENS + timedelta(days=10), case="D-1",
                                              with_="Pat Educator"))  # fmt: skip
    assert "visit.joint-within-6-weeks" not in rules(db, pid, late)


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        (
            Event("", "meeting", date(2026, 2, 2), case="D-1", meeting="tac", chaired_by="student"),
            "first TAC",
        ),
        (
            Event(
                "", "meeting", date(2026, 2, 2), case="D-1", meeting="review", chaired_by="student"
            ),
            "review meeting",
        ),
        (Event("", "statutory-visit", date(2026, 2, 2), case="L-2"), "qualified worker"),
    ],
)
def test_what_policy_forbids_outright_is_refused(
    db: Database, pid: int, event: Event, reason: str
) -> None:
    service = RecordsService(db)
    assert service.check_event(pid, event).forbidden
    with pytest.raises(InvalidInput, match=reason):
        service.save_event(pid, event)
    assert PlacementService(db).snapshot(pid).events == []


def test_later_tac_chaired_after_an_assessment_is_allowed(db: Database, pid: int) -> None:
    service = RecordsService(db)
    service.save_event(
        pid,
        Event("", "meeting", date(2026, 2, 2), case="D-1", meeting="tac", chaired_by="educator"),
    )
    later = Event("", "meeting", date(2026, 2, 16), case="D-1", meeting="tac", chaired_by="student")
    with pytest.raises(InvalidInput, match="assessed as competent"):
        service.save_event(pid, later)
    service.save_event(
        pid, Event("", "chair-assessment", date(2026, 2, 10), case="D-1", competent=True)
    )
    service.save_event(pid, later)
    assert len(PlacementService(db).snapshot(pid).events) == 3


def test_judgement_calls_are_saved_and_stay_visible(db: Database, pid: int) -> None:
    service = RecordsService(db)
    visit = Event(
        "", "home-visit", date(2026, 2, 3), case="D-1", after_hours=True, checked_in=False
    )
    check = service.check_event(pid, visit)
    assert [f.rule for f in check.findings] == ["visit.after-hours-checkin"] and not check.forbidden
    key = service.save_event(pid, visit)
    assert "visit.after-hours-checkin" in rules(db, pid, date(2026, 2, 4))
    service.save_event(pid, Event(key, "home-visit", date(2026, 2, 3), case="D-1", after_hours=True,
                                  checked_in=True), key)  # fmt: skip
    assert "visit.after-hours-checkin" not in rules(db, pid, date(2026, 2, 4))


def test_observation_outside_any_case_with_feedback(db: Database, pid: int) -> None:
    service = RecordsService(db)
    service.save_event(pid, Event("", "direct-observation", date(2026, 2, 5), observer="Pat Educator",
                                  feedback="Calm, clear duty call."))  # fmt: skip
    [e] = PlacementService(db).snapshot(pid).events
    assert e.case is None and e.feedback == "Calm, clear duty call."
    with pytest.raises(InvalidInput, match="not about one case"):
        service.save_event(pid, Event("", "supervisor-supervision", date(2026, 2, 5), case="D-1"))


def test_absences_feed_the_working_days_and_cover_rules(db: Database, pid: int) -> None:
    service = RecordsService(db)
    service.save_absence(pid, Absence("", "student", date(2026, 2, 9), date(2026, 2, 13), "flu"))
    assert PlacementService(db).overview(pid, date(2026, 2, 20)).absent_days == 5
    key = service.save_absence(
        pid, Absence("", "educator", date(2026, 3, 2), date(2026, 3, 20), "surgery")
    )
    assert "absence.cover" in rules(db, pid, date(2026, 3, 20))
    service.save_absence(
        pid, Absence(key, "educator", date(2026, 3, 2), date(2026, 3, 20), "surgery", "Kim"), key
    )
    assert "absence.cover" not in rules(db, pid, date(2026, 3, 20))
    with pytest.raises(InvalidInput, match="end before it starts"):
        service.save_absence(pid, Absence("", "student", date(2026, 3, 2), date(2026, 3, 1)))


def test_pcf_reviews_and_learning_round_trip_and_print(db: Database, pid: int) -> None:
    service = RecordsService(db)
    event = service.save_event(
        pid, Event("", "direct-observation", date(2026, 2, 5), case="D-1", observer="Pat")
    )
    mid = service.save_review(pid, PcfReview("", date(2026, 2, 28), "midpoint",
                                             {"knowledge": "developing", "professionalism": "meeting"},
                                             {"knowledge": [f"event:{event}", "case:D-1"]}))  # fmt: skip
    assert "pcf.midpoint-review" not in rules(db, pid, date(2026, 3, 20))
    with pytest.raises(InvalidInput, match="no record 'event:nope'"):
        service.save_review(
            pid, PcfReview("", date(2026, 3, 1), "midpoint", {}, {"knowledge": ["event:nope"]})
        )
    with pytest.raises(InvalidInput, match="PCF review [^ ]+ cites this event"):
        service.delete_event(pid, event)
    service.record_learning(pid, LearningEvidence("genogram", date(2026, 2, 10), "D-1 genogram"))
    service.record_learning(pid, LearningEvidence("genogram", date(2026, 2, 12), "Redrawn"))
    snap = PlacementService(db).snapshot(pid)
    assert [(x.item, x.evidenced, x.evidence) for x in snap.learning] == [
        ("genogram", date(2026, 2, 12), "Redrawn")
    ]
    assert snap.pcf_reviews[0].id == mid and loads(dumps(snap)) == snap
    assert PlacementService(db).overview(pid, date(2026, 3, 1)).learning_done == 1
    reader = PdfReader(io.BytesIO(render("pcf", snap, date(2026, 3, 1))))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "PCF summary" in text and "Midpoint 28 Feb 2026" in text and "Developing" in text
    assert "Draw a genogram 12 Feb 2026 Redrawn" in text and "OFFICIAL-SENSITIVE" in text


def test_deleting_an_event_and_an_unsigned_session(db: Database, pid: int) -> None:
    from app.policy.snapshot import Supervision
    from app.services.supervision import SupervisionService

    records, sessions = RecordsService(db), SupervisionService(db)
    key = records.save_event(pid, Event("", "joint-visit", OPENS + timedelta(days=5), case="D-1"))
    sid = sessions.save(
        pid, Supervision("", OPENS + timedelta(days=4), "one-to-one", True, [], True)
    )
    records.delete_event(pid, key)
    sessions.delete(pid, sid)
    snap = PlacementService(db).snapshot(pid)
    assert snap.events == [] and snap.supervisions == []
