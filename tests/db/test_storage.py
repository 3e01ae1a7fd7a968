"""The database file: migrations, pragmas, round trips and refusal of foreign files."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.db import HEAD_REVISION, Database, DatabaseError, current_revision, default_db_path
from app.models import CaseRecord, EventRecord
from app.services.demo import demo_snapshot
from app.services.snapshot import load_snapshot, store_snapshot


def test_new_file_gets_baseline_migration_wal_and_foreign_keys(db: Database) -> None:
    assert current_revision(db.engine) == HEAD_REVISION
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
    with pytest.raises(DatabaseError, match="not a database file"):
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


def _schema(engine):  # type: ignore[no-untyped-def]
    from sqlalchemy import inspect as sa_inspect

    inspector = sa_inspect(engine)
    schema = {}
    for table in sorted(inspector.get_table_names()):
        schema[table] = (
            sorted(
                (c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)
            ),
            inspector.get_pk_constraint(table)["constrained_columns"],
            sorted(
                (tuple(f["constrained_columns"]), f["referred_table"], f["options"].get("ondelete"))
                for f in inspector.get_foreign_keys(table)
            ),  # fmt: skip
            sorted(tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)),
            sorted((i["name"], tuple(i["column_names"])) for i in inspector.get_indexes(table)),
        )
    with (
        engine.connect() as connection
    ):  # the history's guards: a file without them is open to edits
        schema["triggers"] = sorted(
            connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        )
    return schema


def test_quick_schema_for_a_new_file_equals_running_the_migrations(tmp_path: Path) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from app.db import HEAD_REVISION, MIGRATIONS, upgrade

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION

    quick = Database(tmp_path / "quick.sqlite")
    migrated = create_engine(f"sqlite:///{tmp_path / 'migrated.sqlite'}")
    upgrade(migrated)
    assert _schema(quick.engine) == _schema(migrated)
    assert current_revision(quick.engine) == current_revision(migrated) == HEAD_REVISION
    quick.close()
    migrated.dispose()


def test_a_file_from_a_newer_version_is_refused_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    Database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(DatabaseError, match="written by a newer Placement Tracker"):
        Database(path)
    with sqlite3.connect(path) as conn:  # refused, not "repaired": the file is as it was
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_future",
        )


def test_an_older_file_is_migrated_on_open_and_keeps_its_data(tmp_path: Path, as_of: date) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from app.db import _alembic_config

    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0001_baseline")
        connection.exec_driver_sql(
            'INSERT INTO placement (student, kind, setting, start, "end", working_days, induction_days, '
            "required_days, policy, created_at) VALUES ('Old Student', 'first', 'cin', '2025-01-06', "
            "'2025-04-25', 'mon,tue,wed,thu,fri', 10, 70, '{}', '2025-01-06 09:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO person_role (placement_id, role, name, onsite, position) VALUES (1, 'educator', 'Pat', 1, 0)"
        )
    engine.dispose()
    db = Database(path)
    assert current_revision(db.engine) == HEAD_REVISION
    with db.unit_of_work() as session:
        snap = load_snapshot(session, 1)
    assert snap.placement.student == "Old Student" and snap.placement_agreement is None
    db.close()


def test_any_valid_placement_round_trips_through_sqlite(tmp_path: Path) -> None:
    from hypothesis import HealthCheck, given, settings

    from tests.interchange.strategies import snapshots

    db = Database(tmp_path / "many.sqlite")

    @settings(
        max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(snapshots())
    def round_trip(snap) -> None:  # type: ignore[no-untyped-def]
        with db.unit_of_work() as session:
            placement_id = store_snapshot(session, snap).id
        with db.unit_of_work() as session:
            assert load_snapshot(session, placement_id) == snap

    round_trip()
    db.close()
