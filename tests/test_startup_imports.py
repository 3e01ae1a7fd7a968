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


# What the frame must not wait for: the database layer, the policy engine and the pages.
SLOW_PARTS = ("sqlalchemy", "app.db", "app.models", "app.services", "app.policy", "app.views.app")


def test_the_window_is_on_screen_before_the_database_layer_and_the_pages_load(tmp_path) -> None:
    first, full = tmp_path / "first.png", tmp_path / "full.png"
    script = f"""
import sys
import app.views.start as start
real = start.save_picture
def noting(window, path):
    real(window, path)
    if path.name == "first.png":
        print("LOADED", *[m for m in {SLOW_PARTS!r} if m in sys.modules], flush=True)
start.save_picture = noting
from app.cli import main
raise SystemExit(main(["--demo", "--as-of", "2026-11-23", "--screenshot", {str(full)!r},
                       "--first-picture", {str(first)!r}]))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert child.returncode == 0, child.stderr
    lines = child.stdout.splitlines()
    assert lines[0] == "LOADED"  # none of the slow parts yet
    assert lines[1] == f"Shown {first}" and lines[2] == f"Saved {full}"
    assert first.stat().st_size > 0 and full.stat().st_size > first.stat().st_size
