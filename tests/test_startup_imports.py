"""Start-up loads only what the first screen needs: a PE waits for every import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_AT_START = (
    "reportlab",  # PDFs: loaded when one is made
    "alembic",  # migrations: only when a file needs one
    "icalendar",  # calendar export
    "numpy",
    "pyqtgraph",  # the chart is drawn with QPainter
    "sqlcipher3",  # only for an encrypted database
    "app.services.demo",  # invented data, for --demo only
    "PySide6.QtSvg",
    "PySide6.QtOpenGL",
    "PySide6.QtTest",
    "PySide6.QtPrintSupport",  # printing: loaded when the PE prints
    "pypdfium2",
)


def test_importing_the_main_window_loads_none_of_the_slow_or_optional_parts() -> None:
    script = (
        "import sys\nimport app.cli, app.views.app, app.views.main_window\n"
        f"print(' '.join(m for m in {NOT_AT_START!r} if m in sys.modules))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.split() == []
