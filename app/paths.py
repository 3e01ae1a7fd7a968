"""Where the app keeps its files: the user's data folder (platformdirs), and the log file in it.

Kept apart from ``app.db`` so that commands which never open the database (``check``)
do not load SQLAlchemy just to find the log file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

APP_NAME = "PlacementTracker"
# Fonts for the PDFs and the app's icons: beside app/, in a checkout and in the bundle alike.
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
# The pages a PE reads (the placement file's description, its example): beside resources/.
DOCS = RESOURCES.parent / "docs"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DB_ENV = "PLACEMENT_TRACKER_DB"
PASSPHRASE_ENV = "PLACEMENT_TRACKER_PASSPHRASE"
NEW_PASSPHRASE_ENV = "PLACEMENT_TRACKER_NEW_PASSPHRASE"
# Where a command takes an encrypted database's passphrase from: never the command line.
PASSPHRASE_SOURCES = (
    f"set {PASSPHRASE_ENV}, use --passphrase-file FILE, or run it in a terminal to be asked"
)


def data_dir(create: bool = True) -> Path:
    """The user's data directory (created on first use, the user's alone: 0700 on Linux/macOS).

    The database, its backups and the log live here.
    """
    from platformdirs import user_data_dir

    path = Path(user_data_dir(APP_NAME, appauthor=False))
    if not create:
        return path
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db PATH`` wins, then ``PLACEMENT_TRACKER_DB``, then the user's data directory."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "placements.sqlite"


def log_path(create: bool = True) -> Path:
    return data_dir(create) / "placement-tracker.log"


def current_log_file() -> Path:
    """The log file this run writes to (the usual one when none is open yet)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) and handler.baseFilename != os.devnull:
            return Path(handler.baseFilename)
    return log_path(create=False)


def odd_target(path: Path) -> str | None:
    """Why ``path`` must not be written over, if it must not: it exists and is not a regular
    file (a device, a pipe, a socket or a folder), which a rename would replace. None when it
    is a regular file or not there yet."""
    if os.path.lexists(path) and not path.is_file():
        kind = "a folder" if path.is_dir() else "not a regular file (a device, a pipe or a socket)"
        return f"{path} is {kind}: choose a file name to save to"
    return None
