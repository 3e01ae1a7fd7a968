"""Placement › History on the two-year placement (300 cases, 20,000 events): its invented
past is ~21,000 lines, the history of a PE who recorded each event on its day. Measured:
reading and wording every line (what the History window's worker does), narrowing them to
one case and to a search (what each keystroke in the filter costs), and the printed PDF of
one case's lines; against evaluating every rule on the same placement in the same run.

Target: the history opens in under 1 s; a filter in under 100 ms.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.db import Database  # noqa: E402
from app.policy.engine import evaluate  # noqa: E402
from app.policy.history import HistoryFilter, select  # noqa: E402
from app.services.audit import record_change  # noqa: E402
from app.services.demo import DEMO_ACCOUNT, invented_history  # noqa: E402
from app.services.history import HistoryService  # noqa: E402
from app.services.snapshot import store_snapshot  # noqa: E402
from benchmarks.timing import median_time  # noqa: E402
from tests.two_year import AS_OF, two_year_placement  # noqa: E402


def main() -> None:
    snap = two_year_placement()
    rules = median_time(lambda: evaluate(snap, AS_OF))
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "two-year.sqlite")
        with db.unit_of_work() as session:
            pid = store_snapshot(session, snap).id
            past = invented_history(snap, AS_OF)
            for at, action, subject, detail in past:
                record_change(session, action, placement_id=pid, subject=subject, detail=detail,
                              at=at, by=DEMO_ACCOUNT)  # fmt: skip
        service = HistoryService(db)
        lines = service.lines(pid)
        opened = median_time(lambda: select(service.lines(pid), HistoryFilter()))
        ref = snap.cases[0].ref
        one_case = median_time(lambda: select(lines, HistoryFilter(case=ref)))
        search = median_time(lambda: select(lines, HistoryFilter(text="signed by the student")))
        shown = HistoryFilter(case=ref)
        pdf = median_time(lambda: service.document(pid, shown, AS_OF))
        db.close()
    print(
        f"two-year placement: {len(lines):,} history lines read and worded in "
        f"{opened * 1000:.0f} ms (every rule evaluated: {rules * 1000:.0f} ms; ratio "
        f"{opened / rules:.2f}); one case's lines in {one_case * 1000:.0f} ms, a search in "
        f"{search * 1000:.0f} ms; one case's history as a PDF in {pdf * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
