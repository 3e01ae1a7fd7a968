"""``placement-tracker check`` on a two-year file with 300 cases and 20,000 events.

Times the whole command (interpreter, imports, reading, validating, evaluating, printing)
against a bare ``python -c pass`` in the same run, and the same check under a local
authority's profile (``--profile``, Stockport's ready-made one: reading the profile file,
seventeen rules switched off). Target: well under 2 seconds; a profile no slower.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.two_year import AS_OF, write_two_year_file  # noqa: E402

RUNS = 5


def timed(cmd: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, capture_output=True)
    return time.perf_counter() - began


def main() -> None:
    path = write_two_year_file(Path(tempfile.mkdtemp()))
    size = path.stat().st_size / 1e6
    bare = [timed([sys.executable, "-c", "pass"]) for _ in range(RUNS)]
    command = [sys.executable, "-m", "app", "check", str(path), "--as-of", AS_OF.isoformat(),
               "--format", "json"]  # fmt: skip
    stockport = Path(__file__).resolve().parents[1] / "resources" / "profiles" / "stockport.json"
    check, under = [], []
    for _ in range(RUNS):  # alternated, so a busy moment weighs on both alike
        check.append(timed(command))
        under.append(timed([*command, "--profile", str(stockport)]))
    b, c, p = statistics.median(bare), statistics.median(check), statistics.median(under)
    print(f"file: 300 cases, 20,000 events, two years ({size:.1f} MB)")
    print(f"bare python start: median {b:.3f} s")
    print(f"placement-tracker check: median {c:.3f} s over {RUNS} runs (target well under 2 s)")
    print(f"ratio check/bare python: {c / b:.1f}")
    print(f"check --profile (Stockport): median {p:.3f} s; ratio to check alone {p / c:.2f}")


if __name__ == "__main__":
    main()
