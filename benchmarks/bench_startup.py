"""App start with demo data vs a bare PySide6 window, in the same run on the same machine.

Both are whole processes (interpreter + imports + first paint), timed to the moment the
window has been painted to an image; the ratio is what to watch, not the seconds.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
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
    out = Path(tempfile.mkdtemp()) / "shot.png"
    bare = [timed([sys.executable, "-c", BARE, str(out)]) for _ in range(RUNS)]
    app = [
        timed(
            [
                sys.executable,
                "-m",
                "app",
                "--demo",
                "--as-of",
                "2026-11-23",
                "--screenshot",
                str(out),
            ]
        )
        for _ in range(RUNS)
    ]
    b, a = statistics.median(bare), statistics.median(app)
    print(f"floor (bare PySide6 window + sqlalchemy.orm): median {b:.3f} s over {RUNS} runs")
    print(f"Placement Tracker (demo database built, migrated, loaded, painted): median {a:.3f} s")
    print(f"ratio app/floor: {a / b:.2f} (target 1.3)")


if __name__ == "__main__":
    main()
