"""Starting the desktop app: the frame on screen first, then everything else.

A PE double-clicks the icon and should see the window at once. So this module loads only
Qt and the frame (``app.views.frame``), puts the frame up saying which database it is
opening, and only then loads the database layer, the policy engine and the pages
(``app.views.app``), which take most of start-up. On a slow or cold laptop that can be
seconds; the frame is there meanwhile.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import date
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import ICON_SIZES, RESOURCES, current_log_file, default_db_path
from app.views.frame import opening_frame, save_picture
from app.views.theme import SCHEME_SETTING

log = logging.getLogger(__name__)


def report_unexpected(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Tracebacks go to the log file; the person sees a sentence and where the details are."""
    log.critical("unexpected error", exc_info=(kind, exc, tb))
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            "Something went wrong",
            "Placement Tracker hit an unexpected problem and did not finish that action. "
            "Nothing half-done was saved. The details are in the log file "
            f"({current_log_file()}).",
        )


def app_icon() -> QIcon:
    """The app's icon at every size it is drawn in (window, task bar, Alt+Tab)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(RESOURCES / "icons" / f"placement-tracker-{size}.png"), QSize(size, size))
    return icon


SCRATCH_PREFIX = "placement-tracker-"


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A folder for this run only, named with our process id so that a later start can tell
    whether the run that made it is still going."""
    folder = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sweep_scratch(parent: Path | None = None) -> list[Path]:
    """Remove the scratch folders of runs that are no longer going (a killed run cannot
    remove its own); the folders removed."""
    removed = []
    for folder in (parent or Path(tempfile.gettempdir())).glob(f"{SCRATCH_PREFIX}*"):
        pid = folder.name.removeprefix(SCRATCH_PREFIX).split("-", 1)[0]
        if folder.is_dir() and pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this id is running (on Windows: assumed so, unless it is ours
    to know: a folder is then kept, never wrongly removed)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def run_gui(
    *,
    db_path: str | None,
    as_of: date,
    demo: bool = False,
    screenshot: Path | None = None,
    page: str | None = None,
    dialog: str | None = None,
    appearance: str | None = None,
    first_frame: Path | None = None,
) -> int:
    """Run the app until its window closes; the exit code (2: it could not open the database).

    ``first_frame``: also save a picture of the frame as it first appears (for timing
    start-up, ``benchmarks/bench_startup.py``, and for the docs).
    """
    if (screenshot or first_frame) and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QCoreApplication.setOrganizationName("PlacementTracker")
    QCoreApplication.setApplicationName("Placement Tracker")
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setWindowIcon(app_icon())
    sys.excepthook = report_unexpected
    # --demo's database and --screenshot's settings live in a scratch folder that goes when
    # the app ends; an ordinary start needs none. One a killed run left is swept away first.
    sweep_scratch()
    needs_scratch = bool((demo and not db_path) or screenshot or first_frame)
    with scratch_folder() if needs_scratch else nullcontext(None) as scratch:
        settings = (
            QSettings()
            if not screenshot
            else QSettings(str(Path(scratch or ".") / "settings.ini"), QSettings.Format.IniFormat)
        )
        if appearance and screenshot:  # for this picture only: the scratch settings go at exit
            settings.setValue(SCHEME_SETTING, appearance)
        what = "the demo placement" if demo and not db_path else default_db_path(db_path).name
        frame = opening_frame(settings, what, appearance)
        frame.show()
        QApplication.processEvents()  # painted before the slow part begins
        if first_frame:
            save_picture(frame, first_frame)
            print(f"Shown {first_frame}", flush=True)
        try:
            from app.views import app as slow_part  # the database layer, the engine, the pages

            return slow_part.open_and_show(
                qt_app,
                scratch,
                settings,
                frame,
                db_path=db_path,
                as_of=as_of,
                demo=demo,
                screenshot=screenshot,
                page=page,
                dialog=dialog,
                appearance=appearance,
            )
        finally:
            frame.close()
