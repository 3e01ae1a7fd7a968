"""The bundle (`make bundle`): its size, and its start-up against running from .venv.

Both are timed as bench_startup times them, interleaved, medians: to the frame's picture
(the window on screen) and, in runs of their own, to the painted, saved picture of the demo
placement. Nothing is printed as pass or fail; without a bundle it says how to make one.
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


def main() -> None:
    if not FROZEN.exists():
        print("no bundle in dist/: `make bundle` makes one, then `make bench` reports it")
        return
    size = sum(f.stat().st_size for f in FOLDER.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"bundle: {size / 2**20:.0f} MB in {sum(1 for _ in FOLDER.rglob('*'))} files")
    folder = Path(tempfile.mkdtemp())
    args = ["--demo", "--as-of", "2026-11-23", "--screenshot", str(folder / "shot.png")]
    first = [*args, "--first-picture", str(folder / "first.png")]
    runs: dict[str, list[float]] = {k: [] for k in ("bundle", ".venv")}
    window: dict[str, list[float]] = {k: [] for k in ("bundle", ".venv")}
    for _ in range(RUNS):
        for name, cmd in (("bundle", [str(FROZEN)]), (".venv", [sys.executable, "-m", "app"])):
            window[name].append(timed([*cmd, *first], "Shown")[0])
            runs[name].append(timed([*cmd, *args])[0])
    for what, times in (("the window on screen", window), ("the demo placement on screen", runs)):
        f, v = statistics.median(times["bundle"]), statistics.median(times[".venv"])
        print(f"{what}: bundle {f:.3f} s, .venv {v:.3f} s, ratio {f / v:.2f}")


if __name__ == "__main__":
    main()
