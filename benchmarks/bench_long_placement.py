"""A two-year placement (300 cases, 20,000 events) against the demo, in the same run.

Prints, as figures and ratios (never pass/fail): opening on each page (a whole process to a
saved screenshot), a refresh after an edit, peak resident memory, each PDF, and the import.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.two_year import AS_OF, write_two_year_file  # noqa: E402

RUNS = 3
PAGES = ("Overview", "Compliance", "Cases", "Supervision", "Visits & observations", "Endings")
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")

REFRESH = """
import gc, resource, sys, tempfile, time
from dataclasses import replace
from datetime import date
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from app.policy.snapshot import ChecklistEntry
from app.services.workspace import Workspace
from app.views.app import settle_memory
from app.views.main_window import MainWindow
app = QApplication([])
ws = Workspace.open(sys.argv[1], date.fromisoformat(sys.argv[2]))
w = MainWindow(ws, QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat))
w.show(); app.processEvents(); settle_memory()
pid = w.placement_id

def timed(action):
    began = time.perf_counter(); action(); app.processEvents()
    return time.perf_counter() - began

# 1. Clear an induction item's date, then undo: through the window, as Ctrl+Z would.
w.show_page_named("Induction"); app.processEvents()
row = w.induction.view.rows[0]
item = row.item
if row.entry is None:  # something to clear
    ws.induction.record(pid, item, ChecklistEntry(w.current_placement.start))
    w.reload()
clears = []
for _ in range(5):
    clears.append(timed(lambda: w.induction_actions.clear_induction_item(item)))
    clears.append(timed(w.undo))
# 2. Edit a visit's notes on the Visits page: the 20,000 events are read again.
w.show_page_named("Visits & observations"); app.processEvents()
event = ws.placements.snapshot(pid).events[-1]
saves, refreshes = [], []
for n in range(5):
    changed = replace(event, notes=f"Notes, take {n}.")
    saves.append(timed(lambda: ws.recording.save_event(pid, changed, replacing=event.id)))
    refreshes.append(timed(w.reload))
# 3. The same reload with nothing changed, page by page.
idle = timed(w.reload)
median = lambda xs: sorted(xs)[len(xs) // 2]
print(median(clears), median(saves), median(refreshes), idle,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
ws.close(backup=False)
"""


def timed(cmd: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, check=True, env=ENV, capture_output=True)
    return time.perf_counter() - began


def ms(seconds: str) -> str:
    return f"{float(seconds) * 1000:.0f} ms"


def median(cmd: list[str]) -> float:
    return statistics.median(timed(cmd) for _ in range(RUNS))


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    source = write_two_year_file(folder)
    long_db, demo_db = folder / "long.sqlite", folder / "demo.sqlite"
    app = [sys.executable, "-m", "app"]
    import_time = timed([*app, "import", str(source), "--db", str(long_db)])
    subprocess.run(
        [
            *app,
            "--demo",
            "--db",
            str(demo_db),
            "--as-of",
            "2026-11-23",
            "--screenshot",
            str(folder / "d.png"),
        ],
        check=True,
        env=ENV,
        capture_output=True,
    )
    print(f"import of the two-year file (whole command): {import_time:.2f} s")
    print(f"{'page':<24}{'demo':>8}{'two years':>12}{'ratio':>8}")
    for page in PAGES:
        shot = str(folder / "p.png")
        d = median(
            [
                *app,
                "--db",
                str(demo_db),
                "--as-of",
                "2026-11-23",
                "--page",
                page,
                "--screenshot",
                shot,
            ]
        )
        lg = median(
            [
                *app,
                "--db",
                str(long_db),
                "--as-of",
                AS_OF.isoformat(),
                "--page",
                page,
                "--screenshot",
                shot,
            ]
        )
        print(f"{page:<24}{d:>7.2f}s{lg:>11.2f}s{lg / d:>8.2f}")
    for name, db, as_of in (
        ("demo", demo_db, "2026-11-23"),
        ("two years", long_db, AS_OF.isoformat()),
    ):
        out = subprocess.run(
            [sys.executable, "-c", REFRESH, str(db), as_of],
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        clear, save, refresh, idle, rss_kb = out.stdout.split()
        print(
            f"{name}: clear an induction date or undo it, with the refresh {ms(clear)}; "
            f"edit a visit: save {ms(save)}, refresh {ms(refresh)}; "
            f"refresh with nothing changed {ms(idle)}; peak RSS {int(rss_kb) / 1024:.0f} MB"
        )
    for record in ("induction", "pcf", "transition", "summary"):
        t = median([*app, "pdf", record, "--db", str(long_db), "-o", str(folder / "r.pdf")])
        print(f"pdf {record} from the two-year placement: {t:.2f} s")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
