"""``placement-tracker check`` on a two-year file with 300 cases and 20,000 events.

Times the whole command (interpreter, imports, reading, validating, evaluating, printing)
against a bare ``python -c pass`` in the same run. Target: well under 2 seconds.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.interchange.placement_file import dumps  # noqa: E402
from app.policy.snapshot import Case, Event, Placement, PlacementSnapshot, Supervision  # noqa: E402

RUNS = 5
KINDS = (
    "joint-visit",
    "manager-oversight",
    "home-visit",
    "decision",
    "assessment",
    "direct-observation",
)


def big_placement(cases: int = 300, events: int = 20_000) -> PlacementSnapshot:
    rng = random.Random(7)
    start, end = date(2025, 1, 6), date(2026, 12, 31)
    span = (end - start).days
    p = Placement(student="Bench Student", kind="final", setting="cin", start=start, end=end,
                  educator="Pat Educator", team_manager="Lee Manager", required_days=100,
                  educator_onsite=False, onsite_supervisor="Jo Supervisor")  # fmt: skip
    snap = PlacementSnapshot(placement=p)
    for i in range(cases):
        allocated = start + timedelta(days=14 + rng.randrange(span - 30))
        ended = allocated + timedelta(days=rng.randrange(20, 200))
        snap.cases.append(Case(f"C{i}", rng.choice(("cin", "early-help", "cp")), rng.choice(("lead", "co-worker")),
                               allocated, True, ended=ended if ended < end else None, rationale="Bench"))  # fmt: skip
    for i in range(events):
        kind = rng.choice(KINDS)
        c = rng.choice(snap.cases)
        e = Event(f"e{i}", kind, c.allocated + timedelta(days=rng.randrange(60)), case=c.ref)
        if kind == "home-visit":
            e.after_hours, e.checked_in = rng.random() < 0.2, True
        elif kind == "decision":
            e.recorded = rng.random() < 0.9
        snap.events.append(e)
    day, n = start + timedelta(days=4), 0
    while day <= end:
        open_refs = [
            c.ref for c in snap.cases if c.allocated <= day and (c.ended is None or c.ended > day)
        ]
        snap.supervisions.append(Supervision(f"s{n}", day, "three-way" if n % 4 == 0 else "one-to-one", True,
                                             open_refs, True, signed_by_educator=day, signed_by_student=day))  # fmt: skip
        day += timedelta(days=7)
        n += 1
    return snap


def timed(cmd: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, capture_output=True)
    return time.perf_counter() - began


def main() -> None:
    path = Path(tempfile.mkdtemp()) / "two-years.json"
    path.write_text(dumps(big_placement()), encoding="utf-8")
    size = path.stat().st_size / 1e6
    bare = [timed([sys.executable, "-c", "pass"]) for _ in range(RUNS)]
    check = [timed([sys.executable, "-m", "app", "check", str(path), "--as-of", "2027-01-15",
                    "--format", "json"]) for _ in range(RUNS)]  # fmt: skip
    b, c = statistics.median(bare), statistics.median(check)
    print(f"file: 300 cases, 20,000 events, two years ({size:.1f} MB)")
    print(f"bare python start: median {b:.3f} s")
    print(f"placement-tracker check: median {c:.3f} s over {RUNS} runs (target well under 2 s)")
    print(f"ratio check/bare python: {c / b:.1f}")


if __name__ == "__main__":
    main()
