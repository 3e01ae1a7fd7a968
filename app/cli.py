"""``placement-tracker``: the desktop app, and commands that use the same services.

Kept light at import time: ``check`` must start fast and never load Qt or ReportLab, so
each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

log = logging.getLogger("app")

COMMANDS: tuple[str, ...] = ()


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def setup_logging() -> Path | None:
    """Log to a file in the user's data directory; tracebacks go there, not to the screen."""
    from app.db import data_dir

    try:
        path = data_dir() / "placement-tracker.log"
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="placement-tracker",
        description="Track a social work student's placement.",
    )
    parser.add_argument("--db", metavar="PATH", help="database file (default: your data folder, "
                        "or $PLACEMENT_TRACKER_DB)")  # fmt: skip
    parser.add_argument("--as-of", type=parse_date, metavar="YYYY-MM-DD", default=None,
                        help="show the placement as it stood on this date (default: today)")  # fmt: skip
    parser.add_argument("--demo", action="store_true",
                        help="open an invented placement in a throwaway database")  # fmt: skip
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="save a picture of the main window and exit")  # fmt: skip
    parser.add_argument("--page", metavar="NAME", help="open on this page (e.g. Cases)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    options = gui_parser().parse_args(args)
    setup_logging()
    from app.views.app import run_gui

    return run_gui(
        db_path=options.db,
        as_of=options.as_of or date.today(),
        demo=options.demo,
        screenshot=options.screenshot,
        page=options.page,
    )


if __name__ == "__main__":
    raise SystemExit(main())
