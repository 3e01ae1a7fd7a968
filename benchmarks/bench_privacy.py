"""The privacy guard on the two-year placement (300 cases, 20,000 events): scanning all its
free text, against evaluating every rule on the same placement in the same run; and the
same with a realistic note on every one of the 20,000 events, the worst a PE could type.

Target: the two-year placement's free text in under 300 ms.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.interchange.free_text import free_text, scan_placement  # noqa: E402
from app.policy.engine import evaluate  # noqa: E402
from app.policy.identifying import given_names  # noqa: E402
from benchmarks.timing import median_time  # noqa: E402
from tests.privacy.corpus import clean, with_hits  # noqa: E402
from tests.two_year import AS_OF, two_year_placement  # noqa: E402


def main() -> None:
    given_names()  # the name list is read once per run of the app
    snap = two_year_placement()
    fields = len(free_text(snap))
    rules = median_time(lambda: evaluate(snap, AS_OF))
    scan = median_time(lambda: scan_placement(snap, never=(f"cold {time.perf_counter()}",)))
    print(
        f"two-year placement: {fields} free-text fields; all scanned in {scan * 1000:.0f} ms "
        f"(every rule evaluated: {rules * 1000:.0f} ms; ratio {scan / rules:.2f})"
    )
    notes = [n.text for n in clean() + with_hits()]
    rng = random.Random(date(2026, 11, 30).toordinal())
    for n, event in enumerate(snap.events):  # every note its own, as a PE's would be
        event.notes = f"{rng.choice(notes)} Follow-up {n}."
    worst = median_time(lambda: scan_placement(snap, never=(f"cold {time.perf_counter()}",)))
    print(
        f"with a note on all {len(snap.events):,} events: {len(free_text(snap)):,} fields "
        f"scanned in {worst * 1000:.0f} ms (ratio to the rules {worst / rules:.2f})"
    )


if __name__ == "__main__":
    main()
