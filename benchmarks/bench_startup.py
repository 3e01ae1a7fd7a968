"""App start with demo data vs a bare PySide6 window, in the same run on the same machine.

Both are whole processes (interpreter + imports + first paint), timed to the moment the
window has been painted to an image; the ratio is what to watch, not the seconds.
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

RUNS = 7
# The floor: a bare 1200x800 window that also loads SQLAlchemy's ORM, as any app on our stack must.
BARE = """
import sys
import sqlalchemy.orm
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1200, 800); w.show()
app.processEvents(); w.grab().save(sys.argv[1])
"""


def timed(cmd: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    began = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - began


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    out, db = folder / "shot.png", folder / "demo.sqlite"
    app = [sys.executable, "-m", "app", "--as-of", "2026-11-23", "--screenshot", str(out)]
    subprocess.run([*app, "--demo", "--db", str(db)], check=True, capture_output=True)
    runs: dict[str, list[float]] = {"floor": [], "morning": [], "demo": []}
    for _ in range(RUNS):  # interleaved, so a busy moment hurts all three alike
        runs["floor"].append(timed([sys.executable, "-c", BARE, str(out)]))
        runs["morning"].append(timed([*app, "--db", str(db)]))
        runs["demo"].append(timed([*app, "--demo"]))
    b, m, d = (statistics.median(runs[k]) for k in ("floor", "morning", "demo"))
    print(f"floor (bare PySide6 window + sqlalchemy.orm): median {b:.3f} s over {RUNS} runs")
    print(f"Placement Tracker on an existing database (a PE's start): median {m:.3f} s")
    print(f"  ratio app/floor: {m / b:.2f} (target 1.3)")
    print(f"Placement Tracker --demo (a new database built and filled first): median {d:.3f} s")
    print(f"  ratio app/floor: {d / b:.2f}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
