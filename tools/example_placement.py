"""Write docs/example-placement.json: the demo placement as it stands on 23 Nov 2026, the
date every picture and example in the README uses (`make screenshot` runs this)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.interchange.placement_file import dumps
from app.services.demo import demo_snapshot

AS_OF = date(2026, 11, 23)
EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "example-placement.json"


def example_text() -> str:
    return dumps(demo_snapshot(AS_OF))


if __name__ == "__main__":
    EXAMPLE.write_text(example_text(), encoding="utf-8")
    print(f"Wrote {EXAMPLE}")
