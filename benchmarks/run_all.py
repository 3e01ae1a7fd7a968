"""Run every benchmark in this folder (``make bench``). Each prints its own ratios."""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
from pathlib import Path

here = Path(__file__).parent
# Timed as a PE's installed copy runs: from compiled bytecode. (Some machines set
# PYTHONDONTWRITEBYTECODE, which would make every run compile our ~80 modules again, ~130 ms
# that the floor, all of it in site-packages, never pays.)
compileall.compile_dir(here.parent / "app", quiet=1)
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
status = 0
for script in sorted(here.glob("bench_*.py")):
    print(f"== {script.name}", flush=True)
    status |= subprocess.call([sys.executable, str(script)])
raise SystemExit(status)
