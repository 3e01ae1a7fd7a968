"""Transition checklists, end-of-placement PDFs and closing a placement."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.db import Database
from app.interchange.placement_file import dumps, loads
from app.policy.snapshot import Case, ChecklistEntry, Event
from app.policy.vocabulary import TRANSITION_ITEMS
from app.services.cases import CaseService
from app.services.endings import EndingsService
from app.services.placements import InvalidInput, PlacementService
from app.services.records import render
from app.services.records_of_work import RecordsService
from app.services.supervision import SupervisionService
from tests.conftest import sam_placement

START, OPENS, END = date(2026, 1, 5), date(2026, 1, 19), date(2026, 4, 24)


@pytest.fixture
def pid(db: Database) -> int:
    pid = PlacementService(db).create(sam_placement())
    cases = CaseService(db)
    cases.allocate(
        pid, Case("D-1", "cin", "lead", OPENS, True, initials="AB", rationale="Fits."), OPENS
    )
    cases.allocate(pid, Case("D-2", "early-help", "co-worker", date(2026, 1, 26), True, initials="CD",
                             rationale="Fits."), OPENS)  # fmt: skip
    return pid


def text_of(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_checklist_round_trips_and_the_rules_follow(db: Database, pid: int) -> None:
    endings = EndingsService(db)
    assert "ending.transition-plan" in {
        i.finding.rule for i in PlacementService(db).compliance(pid, date(2026, 4, 10))
    }
    endings.record_item(
        pid, "D-1", "goodbye-session", ChecklistEntry(date(2026, 4, 20), "Sam Student", "Card")
    )
    endings.add_own_item(pid, "D-1", "Photo book", ChecklistEntry(date(2026, 4, 21)))
    snap = PlacementService(db).snapshot(pid)
    assert snap.transitions[0].case == "D-1"
    assert snap.transitions[0].items["goodbye-session"] == ChecklistEntry(
        date(2026, 4, 20), "Sam Student", "Card"
    )
    assert "x-photo-book" in snap.transitions[0].items
    assert loads(dumps(snap)) == snap
    view = endings.view(pid, date(2026, 4, 10))
    assert [(r.case.ref, r.done) for r in view.rows] == [("D-1", 1), ("D-2", 0)]
    for item in TRANSITION_ITEMS:
        endings.record_item(pid, "D-1", item, ChecklistEntry(date(2026, 4, 22)))
    rules = {(i.finding.rule, i.finding.subject) for i in PlacementService(db).compliance(pid, END)}
    assert ("ending.transition-incomplete", "case:D-2") in rules
    assert ("ending.transition-incomplete", "case:D-1") not in rules
    agenda = PlacementService(db).agenda(pid, date(2026, 4, 23))
    assert [i.text for i in agenda if i.what == "Ending"] == [
        "Transition checklist for D-2: 0 of 8 done"
    ]


def test_close_refuses_with_open_cases_then_closes_with_a_reason(db: Database, pid: int) -> None:
    endings = EndingsService(db)
    problems = endings.problems(pid, END)
    assert any("D-1 is still open" in p for p in problems)
    with pytest.raises(InvalidInput, match="cannot be closed yet"):
        endings.close(pid, END, None, END)
    assert PlacementService(db).snapshot(pid).placement.archived is None
    endings.close(
        pid, END, "Student withdrew on health grounds; cases stay with the named worker.", END
    )
    p = PlacementService(db).snapshot(pid).placement
    assert p.archived == END and p.close_reason and "withdrew" in p.close_reason
    assert loads(dumps(PlacementService(db).snapshot(pid))).placement.archived == END


def test_a_clean_close_needs_no_reason(db: Database, pid: int) -> None:
    cases, endings = CaseService(db), EndingsService(db)
    for ref in ("D-1", "D-2"):
        cases.end_case(pid, ref, date(2026, 4, 22), "transferred", "Kim Newworker", END)
        for item in TRANSITION_ITEMS:
            endings.record_item(pid, ref, item, ChecklistEntry(date(2026, 4, 21)))
    assert endings.problems(pid, END) == []
    endings.close(pid, END, None, END)
    assert PlacementService(db).snapshot(pid).placement.archived == END


def test_a_closed_placement_is_read_only_but_prints_and_exports(
    db: Database, pid: int, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from app.services.placement_files import export_placement

    EndingsService(db).close(pid, END, "Ended early", END)
    for change in (
        lambda: CaseService(db).allocate(
            pid, Case("D-9", "cin", "lead", OPENS, True, rationale="x"), OPENS
        ),
        lambda: RecordsService(db).save_event(pid, Event("", "joint-visit", OPENS, case="D-1")),
        lambda: (
            SupervisionService(db).save_draft(pid, "x", {})
            or SupervisionService(db).sign(pid, "s", "student", END)
        ),
        lambda: EndingsService(db).record_item(pid, "D-1", "family-told", ChecklistEntry(END)),
    ):
        with pytest.raises(InvalidInput, match="closed on 24 Apr 2026"):
            change()
    export_placement(db, pid, tmp_path / "closed.json")
    assert '"archived": "2026-04-24"' in (tmp_path / "closed.json").read_text()
    assert "Placement closed 24 Apr 2026: Ended early" in text_of(
        render("summary", PlacementService(db).snapshot(pid), END)
    )


def test_transition_checklist_pdf_has_a_section_per_child(db: Database, pid: int) -> None:
    endings = EndingsService(db)
    endings.record_item(
        pid, "D-1", "child-told-early", ChecklistEntry(date(2026, 4, 1), "Sam", "Told <gently>")
    )
    CaseService(db).end_case(pid, "D-1", date(2026, 4, 22), "transferred", "Kim Newworker", END)
    text = text_of(render("transition", PlacementService(db).snapshot(pid), END))
    assert "Transition checklists" in text and "OFFICIAL-SENSITIVE" in text
    assert "D-1 · AB · Child in need" in text and "D-2 · CD · Early help" in text
    assert "Ending: Transferred, 22 Apr 2026; handed over to Kim Newworker" in text
    assert "Child told when and why the student is leaving 1 Apr 2026 Sam Told <gently>" in text
    assert text.count("NOT DONE") == 15  # 7 for D-1, 8 for D-2
    assert "Receiving worker" in text and "Kim Newworker" in text and "Page 1 of" in text


def test_placement_summary_pdf(db: Database, pid: int) -> None:
    SupervisionService(db)
    text = text_of(render("summary", PlacementService(db).snapshot(pid), date(2026, 3, 2)))
    assert "Placement summary" in text and "Caseload growth" in text
    assert "D-1 AB Child in need Lead 19 Jan 2026 open" in text
    assert "Supervision 0 sessions; longest gap 56 days" in text
    assert "Supervision more than a fortnight apart" in text  # outstanding findings are listed
    assert "Learning outcomes" in text and "not evidenced" in text
