"""docs/asye-handover.png: the first page of an invented final placement's ASYE hand-over,
as the README and docs/asye-handover.md show it (`make screenshot` runs this)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2  # noqa: E402

from app.services.records import render  # noqa: E402
from tests.reports.test_asye import final_placement  # noqa: E402


def main() -> None:
    pdf = render("asye", final_placement(), date(2026, 11, 23))
    page = pypdfium2.PdfDocument(pdf)[0]
    out = ROOT / "docs" / "asye-handover.png"
    page.render(scale=80 / 72).to_pil().save(out)
    print(f"Wrote {out}")


if __name__ == "__main__":
    main()
