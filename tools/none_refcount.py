"""Count references to ``None`` around the app's heavy paths (issue: PySide6 6.12 + Python 3.11).

A C extension that returns ``None`` without taking a reference lowers ``sys.getrefcount(None)``
each call; on Python 3.11 the count reaching zero aborts the process. From 3.12 ``None`` is
immortal and the count never moves, so run this with a Python 3.11 that has the app's
dependencies (PYTHONPATH=. python3.11 tools/none_refcount.py) to look for that class of bug.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


REPEATS = 5


def drift(label: str, work: Callable[[], object], calls: str) -> None:
    """Run once to warm caches, then REPEATS times: a steady stack ends where it began.

    Objects that hold None move the count while they live; only a fall that repeats with
    every run (the count going down by about the same each time) is a reference bug.
    """
    work()
    gc.collect()
    counts = [sys.getrefcount(None)]
    for _ in range(REPEATS):
        work()
        gc.collect()
        counts.append(sys.getrefcount(None))
    steps = [b - a for a, b in zip(counts, counts[1:], strict=False)]
    print(f"{label:<44} per run: {' '.join(f'{d:+d}' for d in steps)}   ({calls})")


def main() -> None:
    print(f"Python {sys.version.split()[0]}: None is immortal, its count never moves; use 3.11.")
    import PySide6

    print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}")
    from tests.two_year import AS_OF, write_two_year_file

    folder = Path(tempfile.mkdtemp())
    source = write_two_year_file(folder, events=18_000)

    from app.db import Database
    from app.services.placement_files import import_placement
    from app.services.placements import PlacementService

    runs = iter(range(100))

    def import_once() -> None:
        db = Database(folder / f"db{next(runs)}.sqlite")
        import_placement(db, source)
        db.close()

    drift("import two-year file (SQLAlchemy, SQLite)", import_once, "300 cases, 18,000 events")
    db = Database(folder / "db0.sqlite")
    drift("read it back (SQLAlchemy ORM)", lambda: PlacementService(db).snapshot(1), "one snapshot")
    snap = PlacementService(db).snapshot(1)
    db.close()

    from app.services.records import render

    for kind in ("induction", "pcf", "transition", "summary"):
        drift(f"PDF {kind} (ReportLab)", lambda k=kind: render(k, snap, AS_OF), "one record")  # type: ignore[misc]
    drift("PDF supervision (ReportLab)", lambda: render("supervision", snap, AS_OF, record_id="s50"),
          "one record")  # fmt: skip

    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from app.views.app import open_workspace
    from app.views.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    workspace = open_workspace(None, True, date(2026, 11, 23))
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, settings)
    window.show()

    def refresh() -> None:
        for _ in range(10):
            window.reload()
            app.processEvents()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the event loop would

    drift("demo window: 10 full refreshes (Qt, chart)", refresh, "10 refreshes")
    window.close()
    workspace.close()


if __name__ == "__main__":
    main()
