"""Scratch folders: only --demo (without --db) and --screenshot make one, it goes when the
app ends, and one a killed run left behind is removed at the next start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.views.start import SCRATCH_PREFIX, sweep_scratch

ROOT = Path(__file__).resolve().parents[1]


def finished_pid() -> int:
    """The id of a process that has ended (so no run of ours is using it)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_sweep_removes_only_folders_of_runs_that_have_ended(tmp_path: Path) -> None:
    dead = tmp_path / f"{SCRATCH_PREFIX}{finished_pid()}-abc"
    ours = tmp_path / f"{SCRATCH_PREFIX}{os.getpid()}-def"
    other = tmp_path / "placement-tracker-notes"  # not one of ours: no process id
    for folder in (dead, ours, other):
        folder.mkdir()
        (folder / "demo.sqlite").write_bytes(b"x")
    assert sweep_scratch(tmp_path) == [dead]
    assert not dead.exists() and ours.exists() and other.exists()


def test_a_screenshot_run_cleans_up_after_itself_and_after_a_killed_run(tmp_path: Path) -> None:
    scratch_parent = tmp_path / "tmp"
    scratch_parent.mkdir()
    left = scratch_parent / f"{SCRATCH_PREFIX}{finished_pid()}-killed"
    left.mkdir()
    (left / "demo.sqlite").write_bytes(b"left by a run that was killed")
    env = {**os.environ, "TMPDIR": str(scratch_parent), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "app", "--demo", "--as-of", "2026-11-23", "--screenshot", str(shot)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0
    assert list(scratch_parent.iterdir()) == []  # the killed run's folder and its own: gone
