"""The bundle (`make bundle`): its size, and its start-up against running from .venv.

Both are timed to the painted, saved picture of the demo placement, interleaved, medians.
Nothing is printed as pass or fail; without a bundle it says how to make one.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_startup import timed  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "dist" / "placement-tracker"
FROZEN = FOLDER / ("placement-tracker.exe" if sys.platform == "win32" else "placement-tracker")
RUNS = 5


def painted(cmd: list[str]) -> float:
    return timed(cmd)[0]  # to the saved picture, as bench_startup times it


def main() -> None:
    if not FROZEN.exists():
        print("no bundle in dist/: `make bundle` makes one, then `make bench` reports it")
        return
    size = sum(f.stat().st_size for f in FOLDER.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"bundle: {size / 2**20:.0f} MB in {sum(1 for _ in FOLDER.rglob('*'))} files")
    shot = str(Path(tempfile.mkdtemp()) / "shot.png")
    args = ["--demo", "--as-of", "2026-11-23", "--screenshot", shot]
    frozen, venv = [], []
    for _ in range(RUNS):
        frozen.append(painted([str(FROZEN), *args]))
        venv.append(painted([sys.executable, "-m", "app", *args]))
    f, v = statistics.median(frozen), statistics.median(venv)
    print(f"start-up to the painted demo: bundle {f:.3f} s, .venv {v:.3f} s, ratio {f / v:.2f}")


if __name__ == "__main__":
    main()
