"""What the benchmarks share: the median of a few runs, so one slow moment does not decide."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_time(work: Callable[[], object], runs: int = 5) -> float:
    """Seconds ``work`` takes, the median of ``runs`` runs."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)
