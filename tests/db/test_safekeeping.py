"""Records kept safe on a laptop: damaged files refused as found, backups, restore, one writer,
private files, and a log that never holds what was typed."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.db import DamagedDatabase, Database, DatabaseInUse, PassphraseNeeded
from app.db.storage import (
    list_backups,
    make_backup,
    newest_good_backup,
    prune_backups,
    took_backup_today,
)
from app.services.demo import load_demo
from app.services.history import HistoryService
from app.services.safekeeping import backup_rows, verify_database
from app.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 23)
EXAMPLE = ROOT.parent / "shared" / "examples" / "first-placement.json"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {}), "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def demo_db(path: Path) -> Path:
    db = Database(path)
    load_demo(db, AS_OF)
    db.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------ damage, refused as found


def _damaged(path: Path) -> None:
    demo_db(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    for page in range(2, pages):  # scribble over every page's b-tree header, as a bad disk might
        data[page * size : page * size + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")


def _newer(path: Path) -> None:
    demo_db(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    with sqlite3.connect(path) as conn:  # all in the main file, so its bytes can be compared
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


DAMAGE = {
    "damaged": (_damaged, "is damaged"),
    "foreign": (_foreign, "not a Placement Tracker database"),
    # indistinguishable from an encrypted file without its passphrase, so that is asked for
    "random bytes": (lambda p: p.write_bytes(os.urandom(64 * 1024)), "not a database file"),
    "empty": (lambda p: p.write_bytes(b""), "empty file"),
    "newer schema": (_newer, "newer Placement Tracker"),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_each_kind_of_damage_is_refused_and_left_as_found(tmp_path: Path, kind: str) -> None:
    make, words = DAMAGE[kind]
    path = tmp_path / "placements.sqlite"
    make(path)
    before = digest(path)
    with pytest.raises(
        DamagedDatabase if kind != "random bytes" else PassphraseNeeded, match=words
    ):
        Database(path)
    assert digest(path) == before, "the file was changed behind the user's back"

    listed = cli("export", "--db", str(path), "-o", str(tmp_path / "out.json"))
    assert listed.returncode == 2
    assert listed.stderr.count("\n") == 1 and words in listed.stderr  # one line, no traceback
    verify = cli("verify", "--db", str(path))
    assert verify.returncode == 2 and "Traceback" not in verify.stderr
    assert digest(path) == before


def test_refusal_names_the_newest_good_backup_and_how_to_restore(tmp_path: Path) -> None:
    path = demo_db(tmp_path / "placements.sqlite")
    good = make_backup(path, "by-hand", datetime(2026, 11, 20, 9, 0))
    newer_but_bad = make_backup(path, "by-hand", datetime(2026, 11, 21, 9, 0))
    newer_but_bad.write_bytes(b"\0" * 4096)
    path.write_bytes(os.urandom(8192))
    with pytest.raises(PassphraseNeeded) as refused:
        Database(path)
    message = str(refused.value)
    assert good.name in message and newer_but_bad.name not in message
    assert f'placement-tracker restore "{good}" --db "{path}" --force' in message
    assert "1 placement" in message

    restored = cli("restore", str(good), "--db", str(path), "--force")
    assert restored.returncode == 0, restored.stderr
    assert verify_database(path) == []


def test_verify_says_sound_for_a_good_file(tmp_path: Path) -> None:
    path = demo_db(tmp_path / "placements.sqlite")
    result = cli("verify", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "sound" in result.stdout


def test_verify_finds_a_placement_an_import_would_refuse(tmp_path: Path) -> None:
    path = demo_db(tmp_path / "placements.sqlite")
    with sqlite3.connect(path) as conn:  # a case with a role the file format does not know
        conn.execute(
            'UPDATE "case" SET student_role = \'boss\' WHERE id = (SELECT min(id) FROM "case")'
        )
    problems = verify_database(path)
    assert problems and problems[0].startswith("placement 1:")
    assert cli("verify", "--db", str(path)).returncode == 2


def test_verify_finds_a_broken_foreign_key(tmp_path: Path) -> None:
    path = demo_db(tmp_path / "placements.sqlite")
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM placement")
    problems = verify_database(path)
    assert problems and "points to a missing placement row" in problems[0]


# ------------------------------------------------------------------ backups


def test_backups_keep_the_last_ten_and_one_a_month_for_a_year(tmp_path: Path) -> None:
    path = demo_db(tmp_path / "placements.sqlite")
    now = datetime(2026, 11, 29, 12, 0)
    for days in range(500, -1, -5):  # a backup every five days for 500 days
        make_backup(path, "daily", now - timedelta(days=days))
    kept = [b.taken for b in list_backups(path)]
    newest_ten = [now - timedelta(days=d) for d in range(0, 50, 5)]
    assert kept[:10] == newest_ten
    months = {(t.year, t.month) for t in kept[10:]}
    assert len(kept) == 10 + len(months), "more than one kept in a month beyond the newest ten"
    assert min(kept) > now - timedelta(days=366), "a backup older than a year was kept"
    assert len({(t.year, t.month) for t in kept}) == 12
    assert prune_backups(path, now) == []  # pruning again removes nothing


def test_closing_after_a_change_backs_up_at_most_once_a_day(tmp_path: Path) -> None:
    path = tmp_path / "placements.sqlite"
    ws = Workspace.open(path, AS_OF)
    assert ws.close() is None  # nothing changed: no backup
    ws = Workspace.open(path, AS_OF)
    load_demo(ws.db, AS_OF)
    made = ws.close()
    assert made is not None and took_backup_today(path, "daily")
    ws = Workspace.open(path, AS_OF)
    load_demo(ws.db, AS_OF)
    assert ws.close() is None  # already one today
    assert [r.placements for r in backup_rows(path)] == [1]


def test_backup_command_copies_an_open_database(tmp_path: Path) -> None:
    path = tmp_path / "placements.sqlite"
    ws = Workspace.open(path, AS_OF)
    load_demo(ws.db, AS_OF)  # the app has it open, with changes still in the WAL
    copy = tmp_path / "copy.sqlite"
    result = cli("backup", "--db", str(path), "-o", str(copy))
    assert result.returncode == 0, result.stderr
    assert verify_database(copy) == []
    assert backup_rows(path) == []  # -o puts it where asked, not in the backups folder
    ws.close()


def test_a_migration_and_an_import_are_backed_up_first(tmp_path: Path) -> None:
    path = tmp_path / "placements.sqlite"  # as the previous release left it (schema 0003)
    shutil.copyfile(ROOT / "tests" / "fixtures" / "schema-0003.sqlite", path)
    Database(path).close()
    assert [b.reason for b in list_backups(path)] == ["before-migration"]
    result = cli("import", str(EXAMPLE), "--db", str(path))
    assert result.returncode == 0, result.stderr
    reasons = sorted(b.reason for b in list_backups(path))
    assert reasons == ["before-import", "before-migration"]
    assert newest_good_backup(path) is not None


def test_restore_refuses_to_replace_without_force_and_backs_up_what_it_replaces(
    tmp_path: Path,
) -> None:
    path = demo_db(tmp_path / "placements.sqlite")
    copy = tmp_path / "copy.sqlite"
    assert cli("backup", "--db", str(path), "-o", str(copy)).returncode == 0
    assert cli("import", str(EXAMPLE), "--db", str(path)).returncode == 0
    refused = cli("restore", str(copy), "--db", str(path))
    assert refused.returncode == 2 and "--force" in refused.stderr
    done = cli("restore", str(copy), "--db", str(path), "--force")
    assert done.returncode == 0, done.stderr
    db = Database(path)
    assert db.placement_count() == 1
    restored = HistoryService(db).lines(1)[-1]  # the placement's history says so
    assert restored.what == "Restored the database from a backup (copy.sqlite)"
    db.close()
    replaced = [b for b in list_backups(path) if b.reason == "before-restore"]
    assert len(replaced) == 1
    db = Database(replaced[0].path)
    assert db.placement_count() == 2  # what was replaced can be put back
    db.close()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(os.urandom(4096))
    refused = cli("restore", str(bad), "--db", str(path), "--force")
    assert refused.returncode == 2 and "not a database file" in refused.stderr


# ------------------------------------------------------------------ one writer


def test_one_writer_commands_that_write_are_refused_while_the_app_has_it(tmp_path: Path) -> None:
    path = demo_db(tmp_path / "placements.sqlite")
    copy = tmp_path / "copy.sqlite"
    earlier = make_backup(path, "by-hand")
    ws = Workspace.open(path, AS_OF)
    with pytest.raises(DatabaseInUse):
        Workspace.open(path, AS_OF)
    for args in (("import", str(EXAMPLE)), ("restore", str(earlier), "--force")):
        result = cli(*args, "--db", str(path))
        assert result.returncode == 2 and "already open" in result.stderr, args
    for args in (
        ("verify",),
        ("backup", "-o", str(copy)),
        ("export", "-o", str(tmp_path / "out.json")),
        ("pdf", "induction", "-o", str(tmp_path / "out.pdf")),
    ):
        result = cli(*args, "--db", str(path))
        assert result.returncode == 0, (args, result.stderr)
    shot = cli(
        "--db",
        str(path),
        "--screenshot",
        str(tmp_path / "shot.png"),
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert shot.returncode == 2 and "already open" in shot.stderr
    assert not (tmp_path / "shot.png").exists()
    ws.close()
    assert cli("import", str(EXAMPLE), "--db", str(path)).returncode == 0


def test_a_lock_left_by_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    path = demo_db(tmp_path / "placements.sqlite")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom datetime import date\n"
            "from app.services.workspace import Workspace\n"
            "ws = Workspace.open(sys.argv[1], date(2026, 11, 23)); print('open', flush=True)\n"
            "time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    with pytest.raises(DatabaseInUse):
        Workspace.open(path, AS_OF)
    holder.kill()
    holder.wait()
    Workspace.open(path, AS_OF).close()  # no question asked


# ------------------------------------------------------------------ private files


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_records_are_private_whatever_the_umask(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"XDG_DATA_HOME": str(home), "PLACEMENT_TRACKER_DB": ""}
    script = (
        "import os, sys\nos.umask(0o000)\nfrom app.cli import main\nsys.exit(main(sys.argv[1:]))"
    )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", script, *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
            timeout=120,
        )

    assert run("import", str(EXAMPLE)).returncode == 0
    assert run("import", str(EXAMPLE), "--as-new").returncode == 0  # backed up before it
    folder = home / "PlacementTracker"
    out = tmp_path / "out"
    out.mkdir()
    assert run("export", "--placement", "1", "-o", str(out / "p.json")).returncode == 0
    assert run("pdf", "induction", "--placement", "1", "-o", str(out / "i.pdf")).returncode == 0
    assert run("backup", "-o", str(out / "b.sqlite")).returncode == 0
    assert _mode(folder) == 0o700
    assert _mode(folder / "backups") == 0o700
    files = [
        folder / "placements.sqlite",
        *(folder / "backups").iterdir(),
        folder / "placement-tracker.log",
        *out.iterdir(),
    ]
    assert len(files) >= 6
    assert {f.name: oct(_mode(f)) for f in files} == {f.name: "0o600" for f in files}
    # while open: the WAL and shared-memory files too
    ws = Workspace.open(folder / "placements.sqlite", AS_OF)
    load_demo(ws.db, AS_OF)
    companions = [p for p in folder.iterdir() if p.name.endswith(("-wal", "-shm"))]
    assert companions and all(_mode(p) == 0o600 for p in companions)
    ws.close()


def test_the_log_never_holds_what_was_typed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A database error's message carries no record text (SQLAlchemy's parameters are hidden)."""
    from sqlalchemy.exc import IntegrityError

    from app.models import CaseRecord

    path = demo_db(tmp_path / "placements.sqlite")
    db = Database(path)
    with pytest.raises(IntegrityError) as failed, db.unit_of_work() as session:
        record = CaseRecord(placement_id=99999, ref="SECRET-REF", type="cin", student_role="lead")
        record.allocated, record.educator_consulted = AS_OF, True
        record.rationale = "Zebedee Quartermaine"
        session.add(record)
    db.close()
    logging.getLogger("app").error("save failed", exc_info=failed.value)
    assert "Zebedee" not in caplog.text and "SECRET-REF" not in caplog.text
    assert "save failed" in caplog.text


def test_demo_and_screenshot_runs_leave_nothing_in_the_temp_folder(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    shot = tmp_path / "shot.png"
    result = cli(
        "--demo",
        "--as-of",
        "2026-11-23",
        "--screenshot",
        str(shot),
        env={"TMPDIR": str(scratch), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
    assert list(scratch.iterdir()) == []
