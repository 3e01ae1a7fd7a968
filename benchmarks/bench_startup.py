"""App start with demo data vs a bare PySide6 window, in the same run on the same machine.

All are whole processes (interpreter + imports + first paint), timed to the moment a window
has been painted and saved to an image, as the floor's is:
- the window on screen: the app's frame, up before the database and the pages load
  (``--first-picture``; the app says "Shown");
- the placement on screen: the full window with the placement in it (``--screenshot``; the
  app says "Saved"), timed in runs of their own, so the first picture costs them nothing.
The time the process then takes to end (Python and Qt tearing down) is printed apart; the
ratios are what to watch, not the seconds.
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
app.processEvents(); w.grab().save(sys.argv[1]); print("Saved", flush=True)
"""


def timed(cmd: list[str], line: str = "Saved") -> tuple[float, float]:
    """Seconds to the line that starts with ``line``, and from there to the end of the process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    began = time.perf_counter()
    with subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        while not process.stdout.readline().startswith(line):
            if process.poll() is not None:
                raise SystemExit(f"{cmd[1:3]} ended without saying {line!r}")
        painted = time.perf_counter()
        if process.wait() != 0:
            raise SystemExit(f"{cmd[1:3]} failed")
    return painted - began, time.perf_counter() - painted


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    out, db = folder / "shot.png", folder / "demo.sqlite"
    app = [sys.executable, "-m", "app", "--as-of", "2026-11-23", "--screenshot", str(out)]
    subprocess.run([*app, "--demo", "--db", str(db)], check=True, capture_output=True)
    first = [*app, "--first-picture", str(folder / "first.png")]
    runs: dict[str, list[tuple[float, float]]] = {
        "floor": [],
        "window": [],
        "morning": [],
        "demo window": [],
        "demo": [],
    }
    for _ in range(RUNS):  # interleaved, so a busy moment hurts all alike
        runs["floor"].append(timed([sys.executable, "-c", BARE, str(out)]))
        runs["window"].append(timed([*first, "--db", str(db)], "Shown"))
        runs["morning"].append(timed([*app, "--db", str(db)]))
        runs["demo window"].append(timed([*first, "--demo"], "Shown"))
        runs["demo"].append(timed([*app, "--demo"]))
    (b, b_end), (w, _), (m, m_end), (dw, _), (d, d_end) = (
        (statistics.median(t[0] for t in runs[k]), statistics.median(t[1] for t in runs[k]))
        for k in runs
    )
    print(f"floor (bare PySide6 window + sqlalchemy.orm): painted in {b:.3f} s (median of {RUNS})")
    print("Placement Tracker on an existing database (a PE's start):")
    print(f"  the window on screen: {w:.3f} s, ratio app/floor {w / b:.2f} (target 1.3)")
    print(f"  the placement on screen: {m:.3f} s, ratio app/floor {m / b:.2f}")
    print("Placement Tracker --demo (a new database built and filled first):")
    print(f"  the window on screen: {dw:.3f} s, ratio app/floor {dw / b:.2f}")
    print(f"  the placement on screen: {d:.3f} s, ratio app/floor {d / b:.2f}")
    print(
        f"then ending the process: floor {b_end * 1000:.0f} ms, app {m_end * 1000:.0f} ms "
        f"(--demo {d_end * 1000:.0f} ms; the window is already gone)"
    )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
