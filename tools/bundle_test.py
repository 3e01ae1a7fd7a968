"""`make bundle-test`: the frozen app, run as a PE's machine would run it.

Checks, against dist/placement-tracker/: a screenshot of the demo (a real picture: its size
and many colours), `check` on the public example (exit code and findings as documented),
one PDF of each record, and an encrypted database opened with the passphrase from the
environment. Prints each step; exits 1 at the first that fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FROZEN = (
    ROOT
    / "dist"
    / "placement-tracker"
    / ("placement-tracker.exe" if sys.platform == "win32" else "placement-tracker")
)
EXAMPLE = ROOT.parent / "shared" / "examples" / "first-placement.json"
EXPECTED = EXAMPLE.with_name("first-placement.findings.json")


def run(*args: str, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)) -> str:
    result = subprocess.run(
        [str(FROZEN), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        timeout=120,
    )
    if result.returncode not in ok:
        raise SystemExit(
            f"bundle-test: `placement-tracker {' '.join(args)}` exited {result.returncode}\n"
            f"{result.stdout}{result.stderr}"
        )
    return result.stdout


def picture_is_real(path: Path) -> str:
    from PySide6.QtGui import QGuiApplication, QImage

    QGuiApplication.instance() or QGuiApplication([])
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)
    }
    if image.width() < 1000 or image.height() < 700 or len(colours) < 30:
        raise SystemExit(
            f"bundle-test: {path} is {image.width()}x{image.height()}, {len(colours)} colours"
        )
    return f"{image.width()}x{image.height()}, {len(colours)} colours sampled"


def main() -> int:
    if not FROZEN.exists():
        print("bundle-test: no bundle: run `make bundle` first", file=sys.stderr)
        return 1
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    folder = Path(tempfile.mkdtemp(prefix="bundle-test-"))
    shot = folder / "demo.png"
    run("--demo", "--as-of", "2026-11-23", "--screenshot", str(shot))
    print(f"screenshot of the demo: {picture_is_real(shot)}")

    if EXAMPLE.exists():
        documented = json.loads(EXPECTED.read_text())
        out = run(
            "check", str(EXAMPLE), "--as-of", documented["as_of"], "--format", "json", ok=(0, 1)
        )
        found = [f["rule"] for f in json.loads(out)["findings"]]
        expected = [f["rule"] for f in documented["findings"]]
        if found != expected:
            raise SystemExit(f"bundle-test: check found {found}, the example expects {expected}")
        print(f"check on the public example: {len(found)} findings, as expected")
        from pypdf import PdfReader

        sid = json.loads(EXAMPLE.read_text())["supervisions"][0]["id"]
        for record in ("induction", "supervision", "pcf", "transition", "summary"):
            pdf = folder / f"{record}.pdf"
            extra = ["--id", sid] if record == "supervision" else []
            run("pdf", record, "--input", str(EXAMPLE), *extra, "-o", str(pdf))
            pages = len(PdfReader(pdf).pages)
            print(f"pdf {record}: {pages} page(s)")
    else:
        print(f"bundle-test: {EXAMPLE} is not beside this checkout: check and PDFs not tried")

    listed = FROZEN.parent / "open-source-licences.json"
    if not listed.is_file():
        raise SystemExit("bundle-test: no open-source-licences.json beside the app")
    names = {p["name"] for p in json.loads(listed.read_text(encoding="utf-8"))}
    if not {"pyside6-essentials", "sqlcipher3", "reportlab", "pypdfium2"} <= names:
        raise SystemExit(f"bundle-test: the licence list lacks packages: {sorted(names)}")
    print(f"open-source licences: {len(names)} packages listed beside the app")

    shipped = FROZEN.parent / "_internal" / "docs"
    for page in ("placement-file.md", "example-placement.json"):
        if not (shipped / page).is_file():
            raise SystemExit(
                f"bundle-test: the bundle lacks docs/{page} (Help and the README use it)"
            )
    run("check", str(shipped / "example-placement.json"), "--as-of", "2026-11-23")
    print("the placement file's description and example ship with the app")
    run("privacy", str(shipped / "example-placement.json"))  # the name list and phonenumbers
    print("privacy: the example placement holds nothing identifying (exit 0)")

    db, secret = folder / "locked.sqlite", "correct horse battery staple"
    if EXAMPLE.exists():
        run("import", str(EXAMPLE), "--db", str(db))
    run("--demo", "--db", str(db), "--as-of", "2026-11-23", "--screenshot", str(shot))
    run("encrypt", "--db", str(db), env={"PLACEMENT_TRACKER_NEW_PASSPHRASE": secret})
    with_key = {"PLACEMENT_TRACKER_PASSPHRASE": secret}
    run("verify", "--db", str(db), env=with_key)
    run("--db", str(db), "--as-of", "2026-11-23", "--screenshot", str(shot), env=with_key)
    print(f"encrypted database: verified and opened ({picture_is_real(shot)})")
    run("verify", "--db", str(db), ok=(2,))  # no passphrase: refused, exit 2
    print("encrypted database without its passphrase: refused (exit 2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
