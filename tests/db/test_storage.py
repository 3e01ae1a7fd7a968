"""The database file: migrations, pragmas, round trips and refusal of foreign files."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.db import Database, DatabaseError, current_revision, default_db_path
from app.models import CaseRecord, EventRecord
from app.services.demo import demo_snapshot
from app.services.snapshot import load_snapshot, store_snapshot


def test_new_file_gets_baseline_migration_wal_and_foreign_keys(db: Database) -> None:
    assert current_revision(db.engine) == "0001_baseline"
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_placement_round_trips_through_a_real_sqlite_file(db_path: Path, as_of: date) -> None:
    original = demo_snapshot(as_of)
    first = Database(db_path)
    with first.unit_of_work() as session:
        placement_id = store_snapshot(session, original).id
    first.close()

    reopened = Database(db_path)
    with reopened.unit_of_work() as session:
        loaded = load_snapshot(session, placement_id)
    reopened.close()
    assert loaded == original
    # list order is kept, not re-sorted
    assert [c.ref for c in loaded.cases] == [c.ref for c in original.cases]
    assert loaded.supervisions[-1].case_direction[0].actions[0].action == "Update chronology"


def test_several_placements_live_in_one_database(db: Database, as_of: date) -> None:
    with db.unit_of_work() as session:
        a = store_snapshot(session, demo_snapshot(as_of)).id
        b = store_snapshot(session, demo_snapshot(date(2025, 11, 23))).id
    with db.unit_of_work() as session:
        assert load_snapshot(session, a).placement.start.year == 2026
        assert load_snapshot(session, b).placement.start.year == 2025


def test_foreign_keys_are_enforced(db: Database, as_of: date) -> None:
    with db.unit_of_work() as session:
        placement_id = store_snapshot(session, demo_snapshot(as_of)).id
    with pytest.raises(IntegrityError), db.unit_of_work() as session:
        session.add(EventRecord(placement_id=placement_id, key="bad", kind="joint-visit",
                                date=as_of, case_id=99999))  # fmt: skip


def test_failed_action_leaves_nothing_half_stored(db: Database, as_of: date) -> None:
    with pytest.raises(RuntimeError), db.unit_of_work() as session:
        store_snapshot(session, demo_snapshot(as_of))
        raise RuntimeError("power cut")
    with db.unit_of_work() as session:
        assert session.query(CaseRecord).count() == 0


def test_a_file_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(DatabaseError, match="not a Placement Tracker database"):
        Database(other)
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DatabaseError, match="Cannot open"):
        Database(garbage)


def test_database_location_flag_then_environment_then_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PLACEMENT_TRACKER_DB", str(tmp_path / "env.sqlite"))
    assert default_db_path(str(tmp_path / "flag.sqlite")) == tmp_path / "flag.sqlite"
    assert default_db_path(None) == tmp_path / "env.sqlite"
    monkeypatch.delenv("PLACEMENT_TRACKER_DB")
    assert default_db_path(None).name == "placements.sqlite"
    assert "PlacementTracker" in str(default_db_path(None))
