"""Import and export through a real database file: all or nothing, and lossless."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.db import Database
from app.interchange.placement_file import PlacementFileError, dumps, loads
from app.services.audit import audit_trail
from app.services.demo import demo_snapshot, load_demo
from app.services.placement_files import ExportProblem, export_placement, import_placement
from app.services.placements import PlacementService


def test_import_then_export_gives_the_same_document(
    db: Database, tmp_path: Path, as_of: date
) -> None:
    source = tmp_path / "in.json"
    original = demo_snapshot(as_of)
    source.write_text(dumps(original), encoding="utf-8")
    pid = import_placement(db, source)
    out = tmp_path / "out.json"
    assert export_placement(db, None, out) == pid
    assert out.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert loads(out.read_bytes()) == original
    with db.unit_of_work() as session:
        assert [line.action for line in audit_trail(session, pid)] == [
            "placement.imported",
            "placement.exported",
        ]


def test_gui_and_file_check_give_the_same_findings(
    db: Database, tmp_path: Path, as_of: date
) -> None:
    from app.services.checking import check_file

    pid = load_demo(db, as_of)
    out = tmp_path / "demo.json"
    export_placement(db, pid, out)
    from_db = PlacementService(db).findings(pid, as_of)
    assert from_db == check_file(out, as_of)
    assert {f.rule for f in from_db} == {
        "decision.not-recorded",
        "supervision.unsigned",
        "visit.joint-within-6-weeks",
    }


def test_a_bad_file_stores_nothing(db: Database, tmp_path: Path, as_of: date) -> None:
    doc = json.loads(dumps(demo_snapshot(as_of)))
    doc["transitions"] = [{"case": "D-1042", "items": {"goodbye-session": "someday"}}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    with pytest.raises(
        PlacementFileError,
        match=r'transitions\[0\] \(D-1042\)\.items\.goodbye-session: not a date: "someday"',
    ):
        import_placement(db, bad)
    assert PlacementService(db).list_placements() == []


def test_missing_file_is_a_clear_message(db: Database, tmp_path: Path) -> None:
    with pytest.raises(PlacementFileError, match="no such file"):
        import_placement(db, tmp_path / "nowhere.json")


def test_export_needs_a_choice_when_there_are_several(
    db: Database, tmp_path: Path, as_of: date
) -> None:
    load_demo(db, as_of)
    second = load_demo(db, date(2025, 6, 1))
    with pytest.raises(ExportProblem, match="choose one with --placement ID"):
        export_placement(db, None, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()
    assert export_placement(db, second, tmp_path / "x.json") == second
    with pytest.raises(ExportProblem, match="no placement 99"):
        export_placement(db, 99, tmp_path / "y.json")


def test_export_to_a_missing_folder_leaves_no_partial_file(
    db: Database, tmp_path: Path, as_of: date
) -> None:
    load_demo(db, as_of)
    with pytest.raises(ExportProblem, match="Cannot write"):
        export_placement(db, None, tmp_path / "no" / "such" / "folder" / "x.json")
