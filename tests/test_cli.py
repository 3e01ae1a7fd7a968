"""The command line as a person (or a docs script) would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def run_app(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if env_db:
        env["PLACEMENT_TRACKER_DB"] = str(env_db)
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_demo_screenshot_is_a_large_png_and_leaves_real_data_alone(tmp_path: Path) -> None:
    real = tmp_path / "real.sqlite"
    out = tmp_path / "shot.png"
    result = run_app("--demo", "--as-of", "2026-11-23", "--screenshot", str(out), env_db=real)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() >= 1200 and image.height() >= 800
    assert not real.exists()  # the demo used a throwaway database


def test_bad_as_of_date_is_one_clear_line(tmp_path: Path) -> None:
    result = run_app("--as-of", "2026-13-01", "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "not a date" in result.stderr and "Traceback" not in result.stderr


def test_unknown_page_is_refused_with_the_list_of_pages(tmp_path: Path) -> None:
    result = run_app("--demo", "--page", "Nowhere", "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "Overview" in result.stderr and "Traceback" not in result.stderr


def test_help_names_every_command() -> None:
    result = run_app("--help")
    assert result.returncode == 0
    assert all(command in result.stdout for command in ("check", "import", "export", "pdf"))


def test_pdf_help_names_every_record_with_an_example_and_check_help_the_exit_codes() -> None:
    from app.services.records import RECORDS, renderers

    assert set(RECORDS) == set(renderers())  # the help lists exactly what can be printed
    result = run_app("pdf", "--help")
    assert result.returncode == 0
    first_words = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    listed = [word for word in first_words if word in RECORDS]
    assert listed == list(RECORDS)
    assert "placement-tracker pdf supervision --date" in result.stdout
    for record in RECORDS:  # an example for each
        assert f"placement-tracker pdf {record} " in result.stdout
    check = run_app("check", "--help")
    assert "exit codes: 0 no breach" in " ".join(check.stdout.split())
