"""The laptop dies mid-save: SIGKILL at random moments never loses or half-stores a record.

A child process imports placement files, or saves supervision sessions, one transaction
each, and says on stdout which ones it has committed. The test kills it at a random
moment, 20 times over the same database, and after each kill checks that the file is
sound, that everything reported committed is there, and that the interrupted record is
wholly there or wholly absent.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from app.db import Database
from app.services.placements import PlacementService
from tests.two_year import write_two_year_file

ROOT = Path(__file__).resolve().parents[2]
KILLS = 12  # each kill lands at a random moment; twelve of each kind cover the writes

IMPORTER = """
import sys
from pathlib import Path
from app.services.safekeeping import import_locked
db, source = Path(sys.argv[1]), Path(sys.argv[2])
print("ready", flush=True)
while True:
    pid = import_locked(db, source, as_new=True).placement_id  # the same file, again and again
    print(pid, flush=True)
"""

SESSIONS = """
import sys
from datetime import date, timedelta
from pathlib import Path
from app.db import Database
from app.policy.snapshot import CaseDirection, Supervision
from app.services.supervision import SupervisionService
from app.services.placements import PlacementService

db = Database(Path(sys.argv[1]))
pid = int(sys.argv[2])
service = SupervisionService(db)
snap = PlacementService(db).snapshot(pid)
refs = [c.ref for c in snap.cases]
n = sum(1 for s in snap.supervisions if s.id.startswith("k"))
print("ready", flush=True)
while True:
    day = snap.placement.start + timedelta(days=n % 60)
    directions = [CaseDirection(ref, f"note {n} {ref}", f"decision {n}") for ref in refs]
    service.save(pid, Supervision(f"k{n}", day, "one-to-one", True, refs, True,
                                  case_direction=directions, wellbeing="w" * 2000))
    print(n, flush=True)
    n += 1
"""


def spawn(script: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )


def kill_at_random(child: subprocess.Popen[str], rng: random.Random, after: int = 0) -> list[str]:
    """Wait until the child is working (and has committed ``after`` records), let it run a
    random while, SIGKILL it; its reports. Waiting for a commit first keeps the test
    meaningful on a busy machine (the suite runs on every core), where a fixed while may
    end before anything was written."""
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    committed = [child.stdout.readline().strip() for _ in range(after)]
    time.sleep(rng.uniform(0.05, 0.9))
    child.send_signal(signal.SIGKILL)
    rest = child.stdout.read()
    child.wait()
    assert child.returncode == -signal.SIGKILL
    return committed + rest.split()


def integrity(path: Path) -> str:
    """SQLite's full check; a file that was never created is fine (the kill came first)."""
    if not path.exists():
        return "ok"
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_killed_imports_leave_whole_placements_or_none(tmp_path: Path) -> None:
    source = write_two_year_file(tmp_path, events=1_500, cases=100)
    expected = (100, 1_500)
    db_path = tmp_path / "placements.sqlite"
    rng = random.Random(14)
    committed: list[int] = []
    for n in range(KILLS):
        child = spawn(IMPORTER, str(db_path), str(source))
        committed += [int(x) for x in kill_at_random(child, rng, after=n % 2)]
        assert integrity(db_path) == "ok"
        if not db_path.exists():
            continue
        db = Database(db_path)
        service = PlacementService(db)
        stored = [p.id for p in service.list_placements()]
        assert set(committed) <= set(stored), "a placement reported imported was lost"
        assert len(stored) - len(committed) <= 1, "more than the interrupted import is there"
        for pid in set(stored) - set(committed):  # the interrupted one, if it got in: whole
            snap = service.snapshot(pid)
            assert (len(snap.cases), len(snap.events)) == expected
        db.close()
        committed = stored
    assert len(committed) >= 5, "the kills came too early to test anything"


def test_killed_supervision_saves_keep_every_earlier_session(tmp_path: Path) -> None:
    from app.services.demo import load_demo

    db_path = tmp_path / "placements.sqlite"
    db = Database(db_path)
    pid = load_demo(db, date(2026, 11, 23))
    refs = len(PlacementService(db).snapshot(pid).cases)
    db.close()
    rng = random.Random(15)
    reported: list[int] = []
    for n in range(KILLS):
        child = spawn(SESSIONS, str(db_path), str(pid))
        reported += [int(x) for x in kill_at_random(child, rng, after=n % 2)]
        assert integrity(db_path) == "ok"
        db = Database(db_path)
        saved = {s.id: s for s in PlacementService(db).snapshot(pid).supervisions if s.id[0] == "k"}
        db.close()
        numbers = sorted(int(k[1:]) for k in saved)
        assert set(reported) <= set(numbers), "a session reported saved was lost"
        assert numbers == list(range(len(numbers))), "sessions went missing in the middle"
        assert len(numbers) - len(reported) <= 1
        for s in saved.values():  # each session is whole: every case's direction, all its text
            assert len(s.case_direction) == refs
            assert all(d.discussion.startswith(f"note {s.id[1:]} ") for d in s.case_direction)
            assert s.wellbeing == "w" * 2000
        reported = numbers
    assert len(reported) >= 20, "the kills came too early to test anything"


def test_a_new_database_killed_while_being_made_never_blocks_the_next_start(
    tmp_path: Path,
) -> None:
    """Killed in its first moments, a new database is whole or absent, never empty or half-made."""
    from app.services.workspace import Workspace

    source = write_two_year_file(tmp_path, events=10, cases=5)
    rng = random.Random(16)
    for n in range(10):
        db_path = tmp_path / f"new{n}.sqlite"
        child = spawn(IMPORTER, str(db_path), str(source))
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        Workspace.open(db_path, date(2026, 11, 23)).close()  # opens (or creates) without a fuss
        assert integrity(db_path) == "ok"
