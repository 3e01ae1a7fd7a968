"""A database a PE has today (schema 0003) opens in this release: backed up first, every value
kept, the new facts of a case at their defaults, and ``verify`` content with it.

``tests/fixtures/schema-0003.sqlite`` was made by the 0003 release itself (the demo placement,
a manager override, a draft being typed, signed records with an addendum);
``schema-0003.json`` is what that release exported from it.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from app.db import HEAD_REVISION, Database
from app.db.storage import list_backups
from app.services.placement_files import export_text
from app.services.safekeeping import verify_database
from app.services.supervision import SupervisionService

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# The keys this release adds to a case and what a case made before it has in them.
NEW_CASE_DEFAULTS: dict[str, Any] = {
    "briefed": None,
    "previous_worker_consulted": None,
    "risk_to_worker": False,
    "safety_plan": None,
    "keyworker": None,
    "stepped_up": None,
    "visit_every_days": None,
    "learning": [],
    "transfer_signed_off": None,
}


def _old_database(tmp_path: Path) -> Path:
    path = tmp_path / "placements.sqlite"
    shutil.copyfile(FIXTURES / "schema-0003.sqlite", path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0003_drafts",
        )
    return path


def test_a_0003_database_is_backed_up_then_upgraded_keeping_every_value(tmp_path: Path) -> None:
    path = _old_database(tmp_path)
    db = Database(path)
    try:
        backups = list_backups(path)
        assert [b.reason for b in backups] == ["before-migration"]
        with sqlite3.connect(backups[0].path) as conn:  # the backup is the file as it was
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                "0003_drafts",
            )
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                HEAD_REVISION,
            )
        now = json.loads(export_text(db, 1))
        drafts = SupervisionService(db).drafts(1)
    finally:
        db.close()
    before = json.loads((FIXTURES / "schema-0003.json").read_text(encoding="utf-8"))
    for old, new in zip(before["cases"], now["cases"], strict=True):
        assert {k: new[k] for k in old} == old, old["ref"]
        assert {k: new[k] for k in NEW_CASE_DEFAULTS} == NEW_CASE_DEFAULTS
    for old, new in zip(before["events"], now["events"], strict=True):
        assert {k: new[k] for k in old} == old
    for part in ("placement", "induction", "absences", "supervisions", "pcf_reviews", "learning",
                 "transitions", "agreements", "policy"):  # fmt: skip
        assert now[part] == before[part], part
    override = next(c for c in now["cases"] if c["manager_override"])
    assert override["manager_override"]["reason"] == "Student ready; agreed at team meeting."
    signed = next(s for s in now["supervisions"] if s["addenda"])
    assert signed["signed_by_student"] and signed["addenda"][0]["author"] == "Pat Kendrick"
    assert [(key, content["wellbeing"]) for key, _at, content in drafts] == [
        ("supervision:new", "Draft typed before the laptop died")
    ]
    assert verify_database(path) == []


def test_the_upgraded_database_takes_the_new_facts(tmp_path: Path) -> None:
    from dataclasses import replace
    from datetime import date

    from app.services.cases import CaseService

    path = _old_database(tmp_path)
    db = Database(path)
    try:
        cases = CaseService(db)
        old = cases.case(1, "D-1042")
        briefed = replace(old, briefed=date(2026, 9, 25), learning=("genogram", "knowledge"))
        cases.update(1, "D-1042", briefed, date(2026, 11, 23))
        assert cases.case(1, "D-1042") == briefed
    finally:
        db.close()
    assert verify_database(path) == []
