"""PDF time per record: a typical supervision record, a 20,000-word one, the induction record.

Each is compared with a one-page platypus document of a single paragraph built in the
same run, so the ratio says what our layout costs, whatever the machine.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from app.policy.profile import DEFAULT_PROFILE  # noqa: E402
from app.policy.snapshot import CaseDirection  # noqa: E402
from app.reports.induction import induction_record  # noqa: E402
from app.reports.supervision import supervision_record  # noqa: E402
from app.services.demo import demo_snapshot  # noqa: E402

AS_OF = date(2026, 11, 23)


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def bare_pdf() -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph("Hello", getSampleStyleSheet()["Normal"])])
    return buffer.getvalue()


def main() -> None:
    snap = demo_snapshot(AS_OF)
    sid = snap.supervisions[-1].id
    long = demo_snapshot(AS_OF)
    words = " ".join(f"word{i % 97}" for i in range(20_000))
    long.supervisions[-1].case_direction[0] = CaseDirection(
        long.supervisions[-1].case_direction[0].case, words, "Go on."
    )
    supervision_record(
        snap, sid, DEFAULT_PROFILE, AS_OF
    )  # fonts registered once, outside the timing
    base = median_seconds(bare_pdf, 20)
    typical = median_seconds(lambda: supervision_record(snap, sid, DEFAULT_PROFILE, AS_OF), 10)
    huge = median_seconds(lambda: supervision_record(long, sid, DEFAULT_PROFILE, AS_OF), 3)
    induction = median_seconds(lambda: induction_record(snap, DEFAULT_PROFILE, AS_OF), 10)
    print(f"one-paragraph platypus PDF: {base * 1000:.1f} ms")
    print(f"supervision record (4 cases): {typical * 1000:.1f} ms  ratio {typical / base:.1f}")
    print(
        f"supervision record, 20,000-word discussion: {huge * 1000:.0f} ms  ratio {huge / base:.0f}"
    )
    print(f"induction record: {induction * 1000:.1f} ms  ratio {induction / base:.1f}")


if __name__ == "__main__":
    main()
