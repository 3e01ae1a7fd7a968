"""docs/asye-handover.png: the first page of an invented final placement's ASYE hand-over,
as the README and docs/asye-handover.md show it; and docs/word-supervision.png, a
supervision record's Word document as a word processor lays it out, where LibreOffice is
installed to lay it out (`make screenshot` runs this)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
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
    word_picture()


def word_picture() -> None:
    office = shutil.which("soffice")
    if office is None:
        print("No LibreOffice here: docs/word-supervision.png left as it is")
        return
    from app.interchange.placement_file import loads

    snap = loads((ROOT / "docs" / "example-placement.json").read_bytes())
    data = render(
        "supervision", snap, date(2026, 11, 23), record_date=date(2026, 11, 13), word=True
    )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "supervision.docx"
        source.write_bytes(data)
        subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
            capture_output=True,
            timeout=180,
            check=True,
        )
        page = pypdfium2.PdfDocument(str(source.with_suffix(".pdf")))[0]
        out = ROOT / "docs" / "word-supervision.png"
        page.render(scale=80 / 72).to_pil().save(out)
    print(f"Wrote {out}")


if __name__ == "__main__":
    main()
