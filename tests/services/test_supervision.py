"""Supervision sessions through the service: saved, signed, locked, amended, carried forward."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from app.db import Database
from app.interchange.placement_file import dumps, loads
from app.policy.snapshot import Action, Case, CaseDirection, Supervision, SupervisionAgreement
from app.services.audit import audit_trail
from app.services.cases import CaseService
from app.services.induction import InductionService
from app.services.placements import InvalidInput, PlacementService
from app.services.records import render
from app.services.supervision import SupervisionService
from tests.conftest import sam_placement

START, OPENS = date(2026, 1, 5), date(2026, 1, 19)


@pytest.fixture
def pid(db: Database) -> int:
    pid = PlacementService(db).create(
        sam_placement(
            student="Zoë Ōkafor 王小明", educator_onsite=False, onsite_supervisor="Jo Supervisor"
        )  # fmt: skip
    )
    cases = CaseService(db)
    for ref, day in (("D-1", OPENS), ("D-2", date(2026, 1, 26))):
        cases.allocate(
            pid, Case(ref, "cin", "lead", day, True, initials="AB", rationale="Fits."), OPENS
        )
    return pid


def session(day: date, **changes: object) -> Supervision:
    base = Supervision(
        id="", date=day, format="one-to-one", caseload_discussed=True, cases_discussed=[],
        decisions_recorded=True, attendees=["Pat Educator", "Zoë Ōkafor 王小明"],
        case_direction=[CaseDirection("D-1", "Visit went well.", "Carry on.",
                                      [Action("Book joint visit", "student", date(2026, 1, 27))])],
        wellbeing="Tired but coping.", learning="PCF 5: knowledge of thresholds.",
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_session_round_trips_through_the_database_and_the_file(db: Database, pid: int) -> None:
    service = SupervisionService(db)
    sid = service.save(pid, session(date(2026, 1, 23)))
    stored = service.get(pid, sid)
    assert sid.startswith("s-") and stored.cases_discussed == [
        "D-1"
    ]  # follows the case-direction rows
    assert stored.case_direction[0].actions[0].action == "Book joint visit"
    snap = PlacementService(db).snapshot(pid)
    assert loads(dumps(snap)) == snap
    with db.unit_of_work() as session_:
        assert audit_trail(session_, pid)[-1].action == "supervision.created"


def test_form_prefills_open_cases_carried_actions_and_three_way(db: Database, pid: int) -> None:
    service = SupervisionService(db)
    service.save(pid, session(date(2026, 1, 23)))
    form = service.form(pid, date(2026, 1, 30))
    assert [c.ref for c in form.open_cases] == ["D-1", "D-2"] and (form.caseload, form.cap) == (
        2,
        6,
    )
    assert [(c.case, c.action.action) for c in form.carried] == [("D-1", "Book joint visit")]
    assert (
        form.format == "three-way" and "Jo Supervisor" in form.attendees
    )  # educator off site, none yet
    carried = form.carried[0]
    service.save(pid, session(date(2026, 1, 30), format="three-way"),
                 {(carried.supervision_id, "D-1", 0): date(2026, 1, 30)})  # fmt: skip
    assert [c.action.action for c in service.form(pid, date(2026, 2, 6)).carried] == [
        "Book joint visit"
    ]
    earlier = service.get(pid, carried.supervision_id)
    assert earlier.case_direction[0].actions[0].done == date(2026, 1, 30)
    assert service.form(pid, date(2026, 2, 6)).format == "one-to-one"


def test_signing_locks_the_record_and_addenda_are_kept(db: Database, pid: int) -> None:
    service = SupervisionService(db)
    sid = service.save(pid, session(date(2026, 1, 23)))
    service.sign(pid, sid, "educator", date(2026, 1, 23))
    edited = replace(service.get(pid, sid), wellbeing="Changed after the educator signed.")
    service.save(pid, edited)  # one signature: still open to correction
    service.sign(pid, sid, "student", date(2026, 1, 24))
    with pytest.raises(InvalidInput, match="add an addendum instead"):
        service.save(pid, replace(service.get(pid, sid), wellbeing="Quietly rewritten"))
    with pytest.raises(InvalidInput, match="already signed"):
        service.sign(pid, sid, "student", date(2026, 1, 25))
    with pytest.raises(InvalidInput, match="cannot be deleted"):
        service.delete(pid, sid)
    service.add_addendum(
        pid, sid, "Pat Educator", "Joint visit moved to 28 Jan.", date(2026, 1, 26)
    )
    stored = service.get(pid, sid)
    assert stored.wellbeing == "Changed after the educator signed."
    assert [(a.author, a.text) for a in stored.addenda] == [
        ("Pat Educator", "Joint visit moved to 28 Jan.")
    ]
    assert [r.signed for r in service.rows(pid)] == ["signed"]
    with db.unit_of_work() as session_:
        actions = [line.action for line in audit_trail(session_, pid)]
    assert actions[-5:] == [
        "supervision.created", "supervision.signed", "supervision.updated", "supervision.signed",
        "supervision.addendum",
    ]  # fmt: skip


def test_rows_count_days_since_previous_without_student_absence(db: Database, pid: int) -> None:
    from app.models import AbsenceRecord
    from app.services.snapshot import get_placement

    with db.unit_of_work() as s:
        placement = get_placement(s, pid)
        placement.absences.append(
            AbsenceRecord(
                key="a1", who="student", first_day=date(2026, 1, 27), last_day=date(2026, 1, 28)
            )
        )
    service = SupervisionService(db)
    for day in (date(2026, 1, 9), date(2026, 1, 16), date(2026, 2, 2), date(2026, 2, 20)):
        service.save(pid, session(day, case_direction=[]))
    rows = service.rows(pid)
    assert [(r.days_since_previous, r.gap_state) for r in rows] == [
        (None, "first"),
        (7, "ok"),
        (15, "overdue"),
        (18, "overdue"),
    ]
    weeks = service.strip(pid, date(2026, 2, 20))
    assert [w.held for w in weeks[:4]] == [True, True, False, False] and weeks[4].held
    assert weeks[-1].future


def test_bad_sessions_are_refused(db: Database, pid: int) -> None:
    service = SupervisionService(db)
    with pytest.raises(InvalidInput, match="within the placement"):
        service.save(pid, session(date(2025, 12, 1)))
    with pytest.raises(InvalidInput, match="no text"):
        service.save(
            pid,
            session(
                date(2026, 1, 23), case_direction=[CaseDirection("D-1", actions=[Action("  ")])]
            ),
        )
    with pytest.raises(InvalidInput, match="must come after"):
        service.save(pid, session(date(2026, 1, 23), next=date(2026, 1, 20)))
    assert service.rows(pid) == []


def test_drafts_are_kept_until_saved_or_discarded(db: Database, pid: int) -> None:
    service = SupervisionService(db)
    service.save_draft(pid, "supervision:new", {"wellbeing": "half a sentence"})
    service.save_draft(pid, "supervision:new", {"wellbeing": "half a sentence, then more"})
    [(key, _at, content)] = service.drafts(pid)
    assert key == "supervision:new" and content["wellbeing"] == "half a sentence, then more"
    service.save(pid, session(date(2026, 1, 23)))
    assert service.drafts(pid) == []


def test_ics_lists_the_planned_dates_at_the_agreed_time(db: Database, pid: int) -> None:
    InductionService(db).save_supervision_agreement(
        pid, SupervisionAgreement("thu", 7, "14:00"), START
    )
    service = SupervisionService(db)
    dates = service.planned_dates(pid, date(2026, 4, 1))
    assert dates[0] == date(2026, 4, 2) and dates[-1] == date(2026, 4, 23)
    calendar = Calendar.from_ical(service.ics(pid, date(2026, 4, 1)))
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 4
    assert events[0].decoded("dtstart").isoformat() == "2026-04-02T14:00:00"
    assert "Supervision" in str(events[0]["summary"])


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)  # lines wrap anywhere
    return text, len(reader.pages)


def test_supervision_pdf_has_names_unicode_escaping_and_page_numbers(
    db: Database, pid: int
) -> None:
    service = SupervisionService(db)
    first = service.save(pid, session(date(2026, 1, 16)))
    sid = service.save(pid, session(date(2026, 1, 23), case_direction=[
        CaseDirection("D-1", "Mother said <b>no</b> & left; Ελένη translated.", "Ask again <i>gently</i>.",
                      [Action("Call school", "Pat Educator", date(2026, 1, 26))])]))  # fmt: skip
    service.sign(pid, sid, "educator", date(2026, 1, 23))
    service.sign(pid, sid, "student", date(2026, 1, 23))
    service.add_addendum(pid, sid, "Pat Educator", "Call moved to 27 Jan.", date(2026, 1, 24))
    text, pages = pdf_text(render("supervision", PlacementService(db).snapshot(pid), date(2026, 1, 30),
                                  record_id=sid))  # fmt: skip
    assert "OFFICIAL-SENSITIVE" in text and "Supervision record" in text
    assert "Zoë Ōkafor 王小明" in text  # Latin, and Chinese through the CID font
    assert "Mother said <b>no</b> & left; Ελένη translated." in text  # escaped and Greek
    assert "Call school" in text and "26 Jan 2026" in text and "23 Jan 2026" in text
    assert "Book joint visit" in text  # carried forward from the session before
    assert "Call moved to 27 Jan." in text and "24 Jan 2026, Pat Educator:" in text
    assert f"Page 1 of {pages}" in text
    assert "Policy profile: default" in text and "docs/" not in text
    assert first != sid


def test_a_twenty_thousand_word_discussion_flows_over_many_pages(db: Database, pid: int) -> None:
    words = " ".join(f"word{i % 97}" for i in range(20_000))
    service = SupervisionService(db)
    sid = service.save(
        pid, session(date(2026, 1, 23), case_direction=[CaseDirection("D-1", words, "Continue.")])
    )
    text, pages = pdf_text(render("supervision", PlacementService(db).snapshot(pid), date(2026, 1, 30),
                                  record_id=sid))  # fmt: skip
    assert pages > 20
    assert f"Page {pages} of {pages}" in text and f"Page 2 of {pages}" in text
    assert text.count("OFFICIAL-SENSITIVE") >= pages
