"""Placement › History from the services: every change the app makes leaves its line, in a
PE's words, with no text typed into a record; the lines cannot be changed or removed."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.policy.history import SAID_ACTIONS, HistoryFilter, select
from app.policy.snapshot import (
    Absence,
    Case,
    ChecklistEntry,
    Event,
    LearningEvidence,
    ManagerOverride,
    PcfReview,
    PlacementAgreement,
    Supervision,
)
from app.services.workspace import Workspace
from tests.conftest import sam_placement

OPENS = date(2026, 1, 19)
TODAY = date(2026, 2, 20)
# Typed into records below: none of it may reach the history.
SECRET = "Jessica Thornbury of 14 Elm Road"


@pytest.fixture
def ws(db_path: Path) -> Workspace:
    workspace = Workspace.open(db_path, TODAY)
    yield workspace
    workspace.close()


def case(ref: str = "D-1", **changes: object) -> Case:
    base = Case(ref, "cin", "lead", OPENS, True, initials="AB", rationale=f"Fits. {SECRET}",
                briefed=OPENS)  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def every_change(ws: Workspace) -> int:
    """Make one of each change a PE makes, each with typed text where the record has some."""
    pid = ws.placements.create(sam_placement(host_team_average_caseload=16))
    ws.placements.update(pid, replace(ws.placements.snapshot(pid).placement, link_worker="Kim Link",
                                      close_reason=None, programme="BA Social Work"))  # fmt: skip
    ws.induction.record(pid, "lone-working", ChecklistEntry(date(2026, 1, 6), note=SECRET))
    ws.induction.record(pid, "lone-working", None)
    ws.induction.save_placement_agreement(pid, PlacementAgreement(notes=SECRET), date(2026, 1, 6))
    ws.cases.allocate(pid, case(), TODAY)
    ws.cases.update(pid, "D-1", case(student_role="co-worker", safety_plan=SECRET), TODAY)
    override = ManagerOverride("Lee Manager", f"Because {SECRET}", TODAY + timedelta(days=28))
    ws.cases.allocate(
        pid, case("D-2", allocated=OPENS - timedelta(days=2), manager_override=override), TODAY
    )
    ws.cases.record_review(pid, "D-2", TODAY, TODAY)
    ws.cases.record_step_up(pid, "D-1", TODAY - timedelta(days=1), "cp", "Sam Keyworker", TODAY)
    ws.recording.save_event(
        pid, Event("jv-1", "joint-visit", date(2026, 1, 27), case="D-1", notes=SECRET)
    )
    ws.recording.save_event(
        pid, Event("jv-1", "joint-visit", date(2026, 1, 28), case="D-1", notes=SECRET), "jv-1"
    )
    ws.recording.save_event(
        pid,
        Event(
            "hv-1",
            "home-visit",
            date(2026, 1, 29),
            case="D-1",
            notes=SECRET,
            after_hours=False,
            checked_in=True,
        ),
    )
    ws.recording.delete_event(pid, "hv-1")
    absence = ws.recording.save_absence(
        pid, Absence("", "student", date(2026, 2, 2), date(2026, 2, 3), SECRET)
    )
    ws.recording.delete_absence(pid, absence)
    review = ws.recording.save_review(
        pid, PcfReview("", date(2026, 2, 16), "midpoint", notes=SECRET)
    )
    ws.recording.delete_review(pid, review)
    ws.recording.record_learning(pid, LearningEvidence("genogram", date(2026, 2, 10), SECRET))
    ws.recording.clear_learning(pid, "genogram")
    sid = ws.supervision.save(pid, Supervision("", date(2026, 2, 13), "one-to-one", True, ["D-1"],
                                               True, ["Pat Educator", "Sam Student"], wellbeing=SECRET))  # fmt: skip
    ws.supervision.sign(pid, sid, "educator", date(2026, 2, 13))
    ws.supervision.sign(pid, sid, "student", date(2026, 2, 14))
    ws.supervision.add_addendum(pid, sid, "Pat Educator", SECRET, date(2026, 2, 16))
    gone = ws.supervision.save(
        pid, Supervision("", date(2026, 2, 6), "one-to-one", True, [], True, [])
    )
    ws.supervision.delete(pid, gone)
    ws.endings.record_item(
        pid, "D-1", "family-told", ChecklistEntry(date(2026, 2, 18), note=SECRET)
    )
    ws.cases.end_case(
        pid, "D-2", date(2026, 2, 19), "transferred", "Kit Worker", TODAY, date(2026, 2, 19)
    )
    ws.history.note_paper(pid, "supervision", "pdf", sid)
    ws.endings.close(pid, TODAY, f"Closed early: {SECRET}", TODAY)
    return pid


def test_every_change_leaves_its_line_in_words_a_pe_uses(ws: Workspace) -> None:
    pid = every_change(ws)
    lines = ws.history.lines(pid)
    said = [x.what for x in lines]
    for expected in (
        "Created the placement for Sam Student (first placement)",
        "Changed the placement's details: programme (none → BA Social Work), link worker (none → Kim Link)",
        "Recorded the induction item “Lone working policy” (6 Jan 2026)",
        "Cleared the induction item “Lone working policy”",
        "Saved the placement agreement (meeting held 6 Jan 2026)",
        "Allocated D-1 (Lead, Child in need)",
        "Changed D-1: student's role (Lead → Co-worker), safety plan",
        "Allocated D-2 (Lead, Child in need) under a manager override by Lee Manager, review by 20 Mar 2026",
        "Manager override on D-2 reviewed (20 Feb 2026)",
        "Stepped up D-1 (Child in need → Child protection)",
        "Recorded: Joint visit (D-1, 27 Jan 2026)",
        "Changed: Joint visit (D-1, 28 Jan 2026)",
        "Deleted: Home visit (D-1, 29 Jan 2026)",
        "Recorded the student's absence (2 Feb 2026 to 3 Feb 2026)",
        "Deleted the student's absence (2 Feb 2026 to 3 Feb 2026)",
        "Saved the midpoint PCF review (16 Feb 2026)",
        "Deleted the midpoint PCF review (16 Feb 2026)",
        "Recorded evidence for “Draw a genogram” (10 Feb 2026)",
        "Cleared the evidence for “Draw a genogram”",
        "Recorded a one-to-one supervision (13 Feb 2026; cases D-1)",
        "Signed by the practice educator, dated 13 Feb 2026",
        "Signed by the student, dated 14 Feb 2026",
        "Addendum added by Pat Educator, dated 16 Feb 2026",
        "Deleted a one-to-one supervision (6 Feb 2026)",
        "Recorded “Family told” for D-1",
        "Ended D-2 (Transferred to Kit Worker, 19 Feb 2026)",
        "Exported the supervision record of 13 Feb 2026 as a PDF",
        "Closed the placement (20 Feb 2026) with 2 items unfinished and a reason recorded",
    ):
        assert expected in said, f"{expected!r} not in the history:\n" + "\n".join(said)
    signed = [x for x in lines if x.action == "supervision.signed"]
    assert [x.who for x in signed] == ["Pat Educator", "Sam Student"]
    deleted = next(x for x in lines if x.what.startswith("Deleted: Home visit"))
    assert deleted.record == "Home visit, D-1, 29 Jan 2026"  # named though it is gone
    assert all(x.action in SAID_ACTIONS for x in lines)  # none falls back to raw words


def test_no_text_typed_into_a_record_reaches_the_history_or_the_file(
    ws: Workspace, db_path: Path
) -> None:
    pid = every_change(ws)
    for line in ws.history.lines(pid):
        assert "Thornbury" not in f"{line.what} {line.record} {line.who}"
    stored = sqlite3.connect(db_path).execute("SELECT group_concat(detail, ' ') FROM audit_log")
    assert "Thornbury" not in stored.fetchone()[0]


def test_a_history_line_cannot_be_changed_or_removed_even_outside_the_app(
    ws: Workspace, db_path: Path
) -> None:
    ws.placements.create(sam_placement())
    with sqlite3.connect(db_path) as raw:
        for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(sqlite3.DatabaseError, match="cannot be changed or removed"):
                raw.execute(statement)
        assert raw.execute("SELECT count(*) FROM audit_log").fetchone() == (1,)


def test_filters_narrow_by_case_kind_dates_search_and_record(ws: Workspace) -> None:
    pid = every_change(ws)
    lines = ws.history.lines(pid)
    newest_first = select(lines, HistoryFilter())
    assert [x.at for x in newest_first] == sorted((x.at for x in lines), reverse=True)
    d2 = select(lines, HistoryFilter(case="D-2"))
    assert d2 and all("D-2" in x.cases for x in d2)
    assert any("override" in x.what for x in d2)
    signed = select(lines, HistoryFilter(kind="supervision", text="SIGNED"))
    assert [x.what.split(",")[0] for x in signed] == [
        "Signed by the student",
        "Signed by the practice educator",
    ]
    today = lines[0].at.date()
    assert select(lines, HistoryFilter(until=today - timedelta(days=1))) == []
    assert len(select(lines, HistoryFilter(since=today))) == len(lines)
    sid = next(x.subject for x in lines if x.action == "supervision.signed")
    session = select(lines, HistoryFilter(subject=sid))
    assert {x.action for x in session} == {
        "supervision.created",
        "supervision.signed",
        "supervision.addendum",
        "record.exported",
    }
    assert HistoryFilter(case="D-2", text="signed").describe() == 'Case D-2; containing "signed"'


def test_the_history_prints_as_shown(ws: Workspace, tmp_path: Path) -> None:
    pid = every_change(ws)
    pdf = tmp_path / "history.pdf"
    pdf.write_bytes(ws.history.document(pid, HistoryFilter(case="D-2"), TODAY))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Placement history" in text and "OFFICIAL-SENSITIVE" in text
    assert "Shown Case D-2" in text
    assert "Ended D-2 (Transferred to Kit Worker" in text
    assert "Allocated D-1 " not in text  # another case's line: filtered out as on screen
    assert "Thornbury" not in text


def test_the_history_command_lists_text_and_json(
    ws: Workspace, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    pid = every_change(ws)
    ws.close()
    command = ["history", "--db", str(db_path)]
    assert main(command + ["--case", "D-2"]) == 0
    first, *rest = capsys.readouterr().out.splitlines()
    assert first.startswith("History of Sam Student's placement") and "Case D-2" in first
    assert any("Manager override on D-2 reviewed" in line for line in rest)
    assert not any("Allocated D-1 " in line for line in rest)
    assert main(command + ["--format", "json", "--placement", str(pid)]) == 0
    out = capsys.readouterr().out
    document = json.loads(out)
    assert document["format"] == "placement-tracker-history/1"
    assert document["lines"][0]["what"].startswith("Closed the placement")
    assert "Thornbury" not in out
    assert main(command + ["--placement", "99"]) == 2
    wrong = capsys.readouterr().err
    assert "placement-tracker:" in wrong and "Traceback" not in wrong
