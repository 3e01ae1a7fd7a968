"""``placement-tracker``: the desktop app, and commands that use the same services.

Kept light at import time: ``check`` must start fast and never load Qt or ReportLab, so
each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

log = logging.getLogger("app")

COMMANDS = ("check", "import", "export", "pdf", "backup", "restore", "verify")


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def setup_logging() -> Path | None:
    """Log to a file in the user's data directory; tracebacks go there, not to the screen.

    It rotates at about 1 MB, three old files kept, and is the user's alone (0600). It holds
    ids and counts, never what was typed into a record.
    """
    from logging.handlers import RotatingFileHandler

    from app.paths import log_path

    class PrivateLog(RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]
            stream = super()._open()  # also after each rotation
            if os.name == "posix":
                os.chmod(self.baseFilename, 0o600)
            return stream

    try:
        path = log_path()
        handler: logging.Handler = PrivateLog(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
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
        description="Track a social work student's placement. Commands: "
        + ", ".join(COMMANDS)
        + " (placement-tracker COMMAND --help).",
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
    parser.add_argument(
        "--dialog", metavar="NAME", help="with --screenshot: picture a dialog instead (allocate)"
    )
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="placement-tracker")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check a placement file against the policy rules")
    check.add_argument("file", type=Path, metavar="FILE.json")
    check.add_argument("--as-of", type=parse_date, metavar="YYYY-MM-DD", default=None,
                       help="evaluate as of this date (default: today)")  # fmt: skip
    check.add_argument("--format", choices=("text", "json"), default="text")

    imp = sub.add_parser(
        "import", help="import a placement file into the database (all or nothing)"
    )
    imp.add_argument("file", type=Path, metavar="FILE.json")
    imp.add_argument("--db", metavar="PATH")

    exp = sub.add_parser("export", help="export a placement to a placement file")
    exp.add_argument("--db", metavar="PATH")
    exp.add_argument(
        "--placement", type=int, metavar="ID", help="needed when the database holds several"
    )
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.json")

    backup = sub.add_parser(
        "backup",
        help="copy the database to FILE, safely even while the app has it open",
    )
    backup.add_argument("--db", metavar="PATH")
    backup.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")

    restore = sub.add_parser(
        "restore",
        help="put a backup in place of the database (checked first; the replaced one is backed up)",
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--db", metavar="PATH")
    restore.add_argument(
        "--force", action="store_true", help="replace an existing database (it is backed up first)"
    )

    verify = sub.add_parser(
        "verify",
        help="check the database whole: exit 0 when sound, 2 when damaged",
        description="Checks the database's integrity and foreign keys and re-validates every "
        "placement as an import would. Exit 0: sound; 2: damaged (the problems are listed).",
    )
    verify.add_argument("--db", metavar="PATH")

    pdf = sub.add_parser("pdf", help="print a record to PDF (induction, …)")
    pdf.add_argument("record", metavar="RECORD", help="induction")
    pdf.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    source = pdf.add_mutually_exclusive_group()
    source.add_argument(
        "--input", type=Path, metavar="FILE.json", help="print from a placement file"
    )
    source.add_argument("--db", metavar="PATH", help="print from a database (default: yours)")
    pdf.add_argument("--placement", type=int, metavar="ID", help="with --db: which placement")
    pdf.add_argument(
        "--id", metavar="ID", help="which record, for records of one session (supervision)"
    )
    pdf.add_argument(
        "--printed", type=parse_date, metavar="YYYY-MM-DD", help="the date printed on the record"
    )
    return parser


def run_pdf(options: argparse.Namespace) -> int:
    from app.db import DatabaseError
    from app.interchange.placement_file import PlacementFileError
    from app.services.placement_files import ExportProblem
    from app.services.records import RecordProblem, render, snapshot_from, write_pdf

    if options.input is not None and options.placement is not None:
        return _fail("--placement goes with --db, not with --input.")
    try:
        snapshot = snapshot_from(options.input, options.db, options.placement)
        data = render(
            options.record, snapshot, options.printed or date.today(), record_id=options.id
        )
        write_pdf(options.output, data)
    except (PlacementFileError, DatabaseError, ExportProblem, RecordProblem) as exc:
        return _fail(str(exc))
    print(f"Saved {options.output}", file=sys.stderr)
    return 0


def _fail(message: str) -> int:
    print(f"placement-tracker: {message}", file=sys.stderr)
    return 2


def run_check(options: argparse.Namespace) -> int:
    from app.interchange.findings_output import findings_json, findings_text
    from app.interchange.placement_file import PlacementFileError
    from app.policy.engine import has_breach
    from app.services.checking import check_file

    as_of = options.as_of or date.today()
    try:
        findings = check_file(options.file, as_of)
    except PlacementFileError as exc:
        return _fail(str(exc))
    render = findings_json if options.format == "json" else findings_text
    sys.stdout.write(render(findings, as_of))
    return 1 if has_breach(findings) else 0


class CommandFailed(Exception):
    """Bad input for a command: its message is the one line the person sees."""


def _with_database[T](db_path: str | None, action: Callable[[Any], T]) -> T:
    """Open an existing database, run ``action`` on it, close it; known problems become
    CommandFailed. Reading needs no lock: WAL lets the app go on writing meanwhile."""
    from app.db import Database, DatabaseError, default_db_path
    from app.services.placement_files import ExportProblem, PlacementFileError

    try:
        db = Database(default_db_path(db_path), create=False)
    except DatabaseError as exc:
        raise CommandFailed(str(exc)) from None
    try:
        return action(db)
    except (PlacementFileError, ExportProblem) as exc:
        raise CommandFailed(str(exc)) from None
    finally:
        db.close()


def run_import(options: argparse.Namespace) -> int:
    from app.db import DatabaseError, default_db_path
    from app.services.placement_files import PlacementFileError
    from app.services.storage import import_locked

    try:
        print(import_locked(default_db_path(options.db), options.file))
    except (DatabaseError, PlacementFileError) as exc:
        raise CommandFailed(str(exc)) from None
    return 0


def run_backup(options: argparse.Namespace) -> int:
    from app.db import DatabaseError, default_db_path
    from app.services.storage import backup_database

    db_path = default_db_path(options.db)
    try:
        backup_database(db_path, options.output)
    except DatabaseError as exc:
        raise CommandFailed(str(exc)) from None
    print(f"Backed up {db_path} to {options.output}", file=sys.stderr)
    return 0


def run_restore(options: argparse.Namespace) -> int:
    from app.db import DatabaseError, default_db_path
    from app.services.storage import restore_database

    db_path = default_db_path(options.db)
    try:
        saved = restore_database(options.file, db_path, force=options.force)
    except DatabaseError as exc:
        raise CommandFailed(str(exc)) from None
    kept = f"; the database it replaced is kept as {saved}" if saved else ""
    print(f"Restored {db_path} from {options.file}{kept}", file=sys.stderr)
    return 0


def run_verify(options: argparse.Namespace) -> int:
    from app.db import DatabaseError, default_db_path
    from app.services.storage import verify_database

    db_path = default_db_path(options.db)
    try:
        problems = verify_database(db_path)
    except DatabaseError as exc:
        raise CommandFailed(str(exc)) from None
    for problem in problems:
        print(f"placement-tracker: {problem}", file=sys.stderr)
    if problems:
        return 2
    print(f"{db_path}: sound (integrity, foreign keys and every placement checked)")
    return 0


def run_export(options: argparse.Namespace) -> int:
    from app.services.placement_files import export_placement

    chosen = _with_database(
        options.db, lambda db: export_placement(db, options.placement, options.output)
    )
    print(f"Exported placement {chosen} to {options.output}", file=sys.stderr)
    return 0


def run_command(args: list[str]) -> int:
    options = command_parser().parse_args(args)
    setup_logging()
    runner = {
        "check": run_check,
        "import": run_import,
        "export": run_export,
        "pdf": run_pdf,
        "backup": run_backup,
        "restore": run_restore,
        "verify": run_verify,
    }[options.command]
    try:
        return runner(options)
    except CommandFailed as exc:
        return _fail(str(exc))
    except Exception:  # a bug, not bad input: the details go to the log, a sentence to the person
        log.exception("command %s failed", options.command)
        return _fail("an unexpected error stopped this command; details are in the log file.")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        return run_command(args)
    options = gui_parser().parse_args(args)
    setup_logging()
    # Load the database layer before Qt: once PySide6 is in, it inspects every module imported.
    import app.services.demo  # noqa: F401
    import app.services.workspace  # noqa: F401
    from app.views.app import run_gui

    return run_gui(
        db_path=options.db,
        as_of=options.as_of or date.today(),
        demo=options.demo,
        screenshot=options.screenshot,
        page=options.page,
        dialog=options.dialog,
    )


if __name__ == "__main__":
    raise SystemExit(main())
