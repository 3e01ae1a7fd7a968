"""The installed stack keeps a PE's window alive for hours (docs/decisions.md, "Python 3.12 or newer").

PySide6 6.12.0 on Python 3.11 released ``None`` once per Qt call that returns nothing; after a
few dozen refreshes CPython aborted ("deallocating None") and the window vanished. These run
the real paths in a child process, so an abort is an exit code here, not a dead test run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.views.frame import PAGE_TITLES as PAGES
from tests.two_year import AS_OF as TWO_YEAR_AS_OF
from tests.two_year import write_two_year_file

ROOT = Path(__file__).resolve().parents[1]

CANARY = """
import sys
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv[:1])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(200_000):
    label.setText("case direction")
print(sys.getrefcount(None) - before)
"""

REFRESH_LOOP = """
import sys, tempfile
from datetime import date
from pathlib import Path
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
from app.views.app import open_workspace
from app.views.main_window import MainWindow

app = QApplication(sys.argv[:1])
workspace = open_workspace(None, True, date(2026, 11, 23))
settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(workspace, settings)
window.show()
window.show_page_named("Induction")
item = next(r.item for r in window.induction.view.rows if r.entry is not None)
before = sys.getrefcount(None)
widgets = []
for n in range(250):  # each clear and each undo is one edit and one full refresh: 500 refreshes
    window.induction_actions.clear_induction_item(item)
    window.undo()
    window.show_page(n % len(window.page_titles()))  # every page is filled again in turn
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the event loop does between events
    if n in (25, 249):
        widgets.append(len(QApplication.allWidgets()))
drift = sys.getrefcount(None) - before
window.show_page_named("Induction")
restored = next(r.entry for r in window.induction.view.rows if r.item == item)
window.close()
workspace.close()
print(drift, restored is not None, window.undo_action.isEnabled(), widgets[1] - widgets[0])
"""


def run_child(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT
    )


def test_void_qt_calls_do_not_release_none() -> None:
    """200,000 calls that return nothing leave None's count where it was, and the process lives."""
    child = run_child(["-c", CANARY], timeout=120)
    assert child.returncode == 0, f"exit {child.returncode}: {child.stderr[-1500:]}"
    assert abs(int(child.stdout.strip())) <= 1000


def test_main_window_survives_500_refreshes_after_edits() -> None:
    """Clear-and-undo on the demo placement 250 times: every edit refreshes the whole window."""
    child = run_child(["-c", REFRESH_LOOP], timeout=240)
    assert child.returncode == 0, f"exit {child.returncode}: {child.stderr[-1500:]}"
    drift, restored, undo_left, more_widgets = child.stdout.split()
    assert int(drift) >= -1000, "None's count fell with the refreshes (it aborts at zero)"
    assert int(more_widgets) == 0, "each refresh left widgets behind"
    assert restored == "True", "the induction item's date did not come back after the last undo"
    assert undo_left == "False"


@pytest.fixture(scope="module")
def two_year_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("two-years")
    source = write_two_year_file(folder, events=18_000)
    db = folder / "two-years.sqlite"
    child = run_child(["-m", "app", "import", str(source), "--db", str(db)], timeout=120)
    assert child.returncode == 0, child.stderr
    return db


def test_two_year_placement_opens_on_every_page(two_year_db: Path, tmp_path: Path) -> None:
    """300 cases and 18,000 events: every page starts, paints a picture and exits cleanly."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    shots = {page: tmp_path / f"{n}.png" for n, page in enumerate(PAGES)}
    pending = list(PAGES)
    running: dict[str, subprocess.Popen[str]] = {}
    results: dict[str, tuple[int, str]] = {}
    while pending or running:  # two at a time: CI has two cores
        while pending and len(running) < 2:
            page = pending.pop(0)
            as_of = TWO_YEAR_AS_OF.isoformat()
            own = tmp_path / f"{len(results) + len(running)}.sqlite"  # one writer per database
            shutil.copyfile(two_year_db, own)
            cmd = [sys.executable, "-m", "app", "--db", str(own), "--as-of", as_of]
            cmd += ["--page", page, "--screenshot", str(shots[page])]
            running[page] = subprocess.Popen(
                cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        page, proc = next(iter(running.items()))
        _, err = proc.communicate(timeout=180)
        results[page] = (proc.returncode, err)
        del running[page]
    failed = {page: r for page, r in results.items() if r[0] != 0}
    assert not failed, {page: (rc, err[-800:]) for page, (rc, err) in failed.items()}
    for page, shot in shots.items():
        assert shot.stat().st_size > 20_000, f"{page}: the picture is nearly empty"
