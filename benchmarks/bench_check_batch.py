"""A coordinator's check: ``placement-tracker check`` of a hundred ordinary placement files
at once (the demo placement under a hundred students and twenty educators), against a
bare ``python -c pass`` in the same run. Target: under 5 s on two cores."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.interchange.placement_file import to_document  # noqa: E402
from app.services.demo import demo_snapshot  # noqa: E402

RUNS = 3
AS_OF = date(2026, 11, 23)


def timed(cmd: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, capture_output=True)
    return time.perf_counter() - began


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    document = to_document(demo_snapshot(AS_OF))
    files = []
    for n in range(100):
        placement = document["placement"]
        assert isinstance(placement, dict)
        placement["student"] = f"Student {n:03}"
        placement["educator"] = f"Educator {n % 20:02}"
        path = folder / f"placement-{n:03}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        files.append(str(path))
    bare = statistics.median(timed([sys.executable, "-c", "pass"]) for _ in range(RUNS))
    cmd = [sys.executable, "-m", "app", "check", *files, "--as-of", AS_OF.isoformat()]
    batch = statistics.median(timed(cmd) for _ in range(RUNS))
    print(
        f"check of 100 placement files together: {batch:.2f} s "
        f"(bare interpreter {bare:.2f} s; ratio {batch / bare:.0f}); target under 5 s"
    )


if __name__ == "__main__":
    main()
