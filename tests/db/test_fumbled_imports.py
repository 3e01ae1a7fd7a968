"""A failed import never costs a backup: twenty fumbles (a CSV, a database, broken JSON)
leave the backup history as it was; a good import still backs up first."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.db import Database
from app.db.storage import list_backups, make_backup
from app.interchange.placement_file import dumps
from app.services.demo import demo_snapshot, load_demo
from app.services.placement_files import PlacementFileError
from app.services.safekeeping import import_locked

AS_OF = date(2026, 11, 23)


def test_twenty_fumbled_imports_keep_every_older_backup(tmp_path: Path) -> None:
    path = tmp_path / "placements.sqlite"
    db = Database(path)
    load_demo(db, AS_OF)
    db.close()
    start = datetime(2026, 11, 1, 9, 0)
    for n in range(10):  # ten days of backups: the newest ten are kept
        make_backup(path, "daily", now=start + timedelta(days=n))
    history = [b.path.name for b in list_backups(path)]
    assert len(history) == 10

    csv = tmp_path / "cases.csv"
    csv.write_text("ref,initials\nD-1,AB\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "placement-tracker/1", "placement": ', encoding="utf-8")
    fumbles = [csv, path, broken, tmp_path / "missing.json"]
    for n in range(20):
        with pytest.raises(PlacementFileError):
            import_locked(path, fumbles[n % len(fumbles)])
    assert [b.path.name for b in list_backups(path)] == history

    good = tmp_path / "good.json"
    good.write_text(dumps(demo_snapshot(AS_OF)), encoding="utf-8")
    import_locked(path, good, as_new=True)  # the demo again, as a second copy
    reasons = [b.reason for b in list_backups(path)]
    assert reasons[0] == "before-import" and len(reasons) == 10  # pruned to the newest ten
