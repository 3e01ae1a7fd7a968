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
from typing import TYPE_CHECKING, Any

from app.paths import NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, PASSPHRASE_SOURCES

if TYPE_CHECKING:
    from app.policy.profile import PolicyProfile

log = logging.getLogger("app")

COMMANDS = (
    "check",
    "import",
    "export",
    "pdf",
    "docx",
    "privacy",
    "history",
    "backup",
    "restore",
    "verify",
    "encrypt",
    "decrypt",
    "change-passphrase",
)


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r} (write it as YYYY-MM-DD, e.g. 2026-09-14)"
        ) from None


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
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: your data folder, or $PLACEMENT_TRACKER_DB)",
    )
    parser.add_argument(
        "--as-of",
        type=parse_date,
        metavar="YYYY-MM-DD",
        default=None,
        help="show the placement as it stood on this date (default: today)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open an invented placement in a throwaway database"
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="save a picture of the main window and exit"
    )
    parser.add_argument("--page", metavar="NAME", help="open on this page (e.g. Cases)")
    parser.add_argument(
        "--dialog", metavar="NAME", help="with --screenshot: picture a dialog instead (allocate)"
    )
    parser.add_argument(
        "--first-picture",
        type=Path,
        metavar="PNG",
        help="also save a picture of the window as it first appears, before the placement loads",
    )
    parser.add_argument(
        "--appearance",
        choices=("system", "light", "dark"),
        help="light or dark for this run (the app otherwise keeps View › Appearance's choice)",
    )
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="placement-tracker")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser(
        "check",
        help="check a placement file against the policy rules",
        description="Checks a placement file against the policy rules and lists the findings.",
        epilog="exit codes: 0 no breach (warnings and due items may be listed); 1 at least one "
        "breach; 2 the file could not be read (the message says where and why).",
    )
    check.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE.json",
        help="one placement file; or several, checked together (one line a placement first)",
    )
    check.add_argument(
        "--as-of",
        type=parse_date,
        metavar="YYYY-MM-DD",
        default=None,
        help="evaluate as of this date (default: today)",
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--profile",
        type=Path,
        metavar="PROFILE.json",
        help="check under a local authority's policy profile (placement-tracker-profile/1): "
        "its numbers over the defaults, the file's own policy over those; its rules switched "
        "off raise nothing",
    )

    privacy = sub.add_parser(
        "privacy",
        help="find names, addresses and numbers typed into a placement's free text",
        description="Lists everything in a placement's free text (notes, rationales, case "
        "direction, …) that looks like a person's name, an address, a postcode, a phone "
        "number, an e-mail address, an NHS number or a date of birth.",
        epilog="exit codes: 0 nothing found; 1 something found; 2 the file or database could "
        "not be read.",
    )
    privacy.add_argument("file", type=Path, nargs="?", metavar="FILE.json")
    privacy.add_argument("--db", metavar="PATH", help="look in a database instead of a file")
    privacy.add_argument("--placement", type=int, metavar="ID", help="with --db: which placement")
    privacy.add_argument("--format", choices=("text", "json"), default="text")

    past = sub.add_parser(
        "history",
        help="list who changed what in a placement, and when (newest first)",
        description="Lists a placement's history as Placement › History shows it: every "
        "allocation, override, signature, addendum, deletion, import, restore and export, "
        "with who made it and when. Notes typed into records are never repeated.",
    )
    past.add_argument("--db", metavar="PATH", help="the database (default: yours)")
    past.add_argument(
        "--placement", type=int, metavar="ID", help="needed when the database holds several"
    )
    past.add_argument("--case", metavar="REF", help="only the changes about this case")
    past.add_argument(
        "--since", type=parse_date, metavar="YYYY-MM-DD", help="only changes from this day"
    )
    past.add_argument(
        "--until", type=parse_date, metavar="YYYY-MM-DD", help="only changes up to this day"
    )
    past.add_argument("--format", choices=("text", "json"), default="text")

    imp = sub.add_parser(
        "import", help="import a placement file into the database (all or nothing)"
    )
    imp.add_argument("file", type=Path, metavar="FILE.json")
    imp.add_argument(
        "--as-new",
        action="store_true",
        help="import it even when the same placement (student and start) is already there",
    )
    imp.add_argument("--db", metavar="PATH")

    exp = sub.add_parser("export", help="export a placement to a placement file")
    exp.add_argument("--db", metavar="PATH")
    exp.add_argument(
        "--placement", type=int, metavar="ID", help="needed when the database holds several"
    )
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.json")
    exp.add_argument(
        "--asye",
        action="store_true",
        help="the ASYE hand-over of a final placement (placement-tracker-asye/1), not the placement",
    )

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

    lost = "A lost passphrase means lost records: keep it safe, and back up first."
    encrypt = sub.add_parser(
        "encrypt",
        help="encrypt the database and its backups with a passphrase (SQLCipher 4)",
        description="Re-writes the database encrypted, checks it, and swaps it in; backups are "
        f"re-made encrypted. The passphrase comes from ${NEW_PASSPHRASE_ENV} (or "
        "$PLACEMENT_TRACKER_PASSPHRASE), --passphrase-file, or a prompt. " + lost,
    )
    decrypt = sub.add_parser(
        "decrypt",
        help="remove the encryption from the database and its backups",
        description="Re-writes the database and its backups without encryption.",
    )
    change = sub.add_parser(
        "change-passphrase",
        help="give the database and its backups a new passphrase",
        description=f"The current passphrase as for any command; the new one from "
        f"${NEW_PASSPHRASE_ENV}, --new-passphrase-file, or a prompt. " + lost,
    )
    change.add_argument("--new-passphrase-file", type=Path, metavar="FILE")
    for command in (encrypt, decrypt, change):
        command.add_argument("--db", metavar="PATH")

    from app.services.records import RECORDS

    records = "\n".join(f"  {name:<12} {what}" for name, what in RECORDS.items())
    for command, paper, suffix in (
        ("pdf", "an A4 PDF", "pdf"),
        ("docx", "a Word document", "docx"),
    ):
        printer = sub.add_parser(
            command,
            help=f"print a record to {paper}: " + ", ".join(RECORDS),
            description=f"Print one of the placement's records to {paper}.\n\nrecords:\n{records}",
            epilog="examples, one per record:\n"
            f"  placement-tracker {command} induction -o induction.{suffix}\n"
            f"  placement-tracker {command} supervision --date 2026-11-13 -o supervision.{suffix}\n"
            f"  placement-tracker {command} pcf -o pcf-reviews.{suffix}\n"
            f"  placement-tracker {command} transition -o transition-checklists.{suffix}\n"
            f"  placement-tracker {command} summary --input placement.json -o summary.{suffix}\n"
            f"  placement-tracker {command} asye --db final.sqlite -o asye-hand-over.{suffix}\n"
            f"  placement-tracker {command} observation --id obs-1 -o observation.{suffix}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        printer.add_argument("record", metavar="RECORD", help="one of the records above")
        printer.add_argument("-o", "--output", type=Path, required=True, metavar=f"OUT.{suffix}")
        source = printer.add_mutually_exclusive_group()
        source.add_argument(
            "--input", type=Path, metavar="FILE.json", help="print from a placement file"
        )
        source.add_argument("--db", metavar="PATH", help="print from a database (default: yours)")
        printer.add_argument(
            "--placement", type=int, metavar="ID", help="with --db: which placement"
        )
        printer.add_argument(
            "--date",
            type=parse_date,
            metavar="YYYY-MM-DD",
            help="supervision: the day the session was held (leave it out to list the days)",
        )
        printer.add_argument(
            "--id",
            metavar="ID",
            help="observation: the direct observation's id; supervision: the session's id, "
            "when two share a day",
        )
        printer.add_argument(
            "--printed",
            type=parse_date,
            metavar="YYYY-MM-DD",
            help="the date printed on the record",
        )
    for name, command in sub.choices.items():
        if name != "check":
            command.add_argument(
                "--passphrase-file",
                type=Path,
                metavar="FILE",
                help=f"the passphrase of an encrypted database, from FILE (or ${PASSPHRASE_ENV}; "
                "never on the command line)",
            )
    return parser


def passphrase(
    options: argparse.Namespace,
    what: str,
    *,
    env: str = PASSPHRASE_ENV,
    file_option: str = "passphrase_file",
    confirm: bool = False,
) -> str:
    """A passphrase from the environment, a file, or a prompt on a terminal; never argv."""
    value = os.environ.get(env)
    if value:
        return value
    file: Path | None = getattr(options, file_option, None)
    if file is not None:
        try:
            return file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise CommandFailed(
                f"Cannot read the passphrase file {file}: {exc.strerror}."
            ) from None
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(f"Passphrase for {what}: ")
        if confirm and getpass.getpass("The same passphrase again: ") != first:
            raise CommandFailed("The two passphrases differ; nothing was changed.")
        return first
    if what.endswith("(new)"):
        raise CommandFailed(f"No new passphrase for {what[:-6]} was given: {PASSPHRASE_SOURCES}.")
    raise CommandFailed(
        f"{what} is not a database file that opens without a passphrase (it is encrypted or "
        f"damaged); to give its passphrase, {PASSPHRASE_SOURCES}."
    )


def key_for(options: argparse.Namespace, db_path: Path) -> str | None:
    """The passphrase, asked for only when the database is encrypted."""
    from app.services.safekeeping import needs_passphrase

    return passphrase(options, str(db_path)) if needs_passphrase(db_path) else None


def run_pdf(options: argparse.Namespace) -> int:
    from app.db import DatabaseError
    from app.interchange.placement_file import PlacementFileError
    from app.services.placement_files import ExportProblem
    from app.services.records import RecordProblem, render, snapshot_from, write_pdf

    if options.input is not None and options.placement is not None:
        return _fail("--placement goes with --db, not with --input.")
    from app.db import default_db_path

    key = None if options.input is not None else key_for(options, default_db_path(options.db))
    try:
        snapshot = snapshot_from(options.input, options.db, options.placement, key)
        data = render(
            options.record,
            snapshot,
            options.printed or date.today(),
            record_id=options.id,
            record_date=options.date,
            word=options.command == "docx",
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
    profile = None
    if options.profile is not None:
        from app.interchange.profile_file import ProfileFileError, read_profile

        try:
            profile = read_profile(options.profile)
        except ProfileFileError as exc:
            return _fail(f"{options.profile}: {exc}")
    name = profile.name if profile is not None else "default"
    if len(options.files) > 1:
        return run_batch_check(options.files, as_of, options.format, profile)
    try:
        findings = check_file(options.files[0], as_of, profile)
    except PlacementFileError as exc:
        return _fail(str(exc))
    if options.format == "json":
        sys.stdout.write(findings_json(findings, as_of, name))
    else:
        sys.stdout.write(findings_text(findings, as_of))
        if profile is not None:
            sys.stdout.write(f"{profile.describe()}.\n")
    return 1 if has_breach(findings) else 0


def run_privacy(options: argparse.Namespace) -> int:
    import json

    from app.db import DatabaseError, default_db_path
    from app.interchange.free_text import hits_document, hits_text, scan_placement
    from app.interchange.placement_file import PlacementFileError
    from app.services.placement_files import ExportProblem
    from app.services.records import snapshot_from

    if (options.file is None) == (options.db is None):
        return _fail("Name a placement file, or a database with --db (not both).")
    if options.file is not None and options.placement is not None:
        return _fail("--placement goes with --db, not with a file.")
    key = None if options.file is not None else key_for(options, default_db_path(options.db))
    try:
        snapshot = snapshot_from(options.file, options.db, options.placement, key)
    except (PlacementFileError, DatabaseError, ExportProblem) as exc:
        return _fail(str(exc))
    hits = scan_placement(snapshot)
    if options.format == "json":
        sys.stdout.write(json.dumps(hits_document(hits), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(hits_text(hits))
    return 1 if hits else 0


def run_batch_check(
    files: list[Path], as_of: date, form: str, profile: PolicyProfile | None = None
) -> int:
    """A coordinator's check: exit 2 if any file was bad, else 1 if any breach, else 0."""
    from app.interchange.findings_output import batch_json, batch_text
    from app.policy.engine import has_breach
    from app.services.checking import check_files

    results = check_files(files, as_of, profile)
    if form == "json":
        sys.stdout.write(batch_json(list(results), as_of, profile.name if profile else "default"))
    else:
        sys.stdout.write(batch_text(list(results), as_of))
        if profile is not None:
            sys.stdout.write(f"{profile.describe()}.\n")
    if any(r.error is not None for r in results):
        return 2
    return 1 if any(has_breach(list(r.findings)) for r in results) else 0


class CommandFailed(Exception):
    """Bad input for a command: its message is the one line the person sees."""


def _with_database[T](db_path: str | None, action: Callable[[Any], T], key: str | None = None) -> T:
    """Open an existing database, run ``action`` on it, close it; known problems become
    CommandFailed. Reading needs no lock: WAL lets the app go on writing meanwhile."""
    from app.db import Database, DatabaseError, default_db_path
    from app.services.placement_files import ExportProblem, PlacementFileError

    try:
        db = Database(default_db_path(db_path), create=False, key=key)
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
    from app.services.safekeeping import AlreadyImported, import_locked

    try:
        db_path = default_db_path(options.db)
        done = import_locked(db_path, options.file, key_for(options, db_path), options.as_new)
        print(done.sentence())
    except AlreadyImported as exc:
        raise CommandFailed(f"{exc} Add --as-new to import it again.") from None
    except (DatabaseError, PlacementFileError) as exc:
        raise CommandFailed(str(exc)) from None
    return 0


def run_history(options: argparse.Namespace) -> int:
    from app.db import default_db_path
    from app.interchange.history_output import history_json, history_text
    from app.policy.history import HistoryFilter, select
    from app.services.history import read_history
    from app.services.placement_files import choose_placement
    from app.services.placements import PlacementService

    chosen = HistoryFilter(case=options.case, since=options.since, until=options.until)

    def read(db: Any) -> str:
        pid = choose_placement(db, options.placement)
        placement = PlacementService(db).snapshot(pid).placement
        lines = select(read_history(db, pid), chosen)
        render = history_json if options.format == "json" else history_text
        return render(placement, lines, chosen)

    sys.stdout.write(
        _with_database(options.db, read, key_for(options, default_db_path(options.db)))
    )
    return 0


def run_backup(options: argparse.Namespace) -> int:
    from app.db import DatabaseError, default_db_path
    from app.services.safekeeping import backup_database

    db_path = default_db_path(options.db)
    try:
        backup_database(db_path, options.output, key_for(options, db_path))
    except DatabaseError as exc:
        raise CommandFailed(str(exc)) from None
    print(f"Backed up {db_path} to {options.output}", file=sys.stderr)
    return 0


def run_restore(options: argparse.Namespace) -> int:
    from app.db import DatabaseError, default_db_path
    from app.services.safekeeping import restore_database

    db_path = default_db_path(options.db)
    try:
        # The backup's passphrase, if it has one; it is also the database's (same key).
        key = key_for(options, options.file)
        saved = restore_database(options.file, db_path, force=options.force, key=key)
    except DatabaseError as exc:
        raise CommandFailed(str(exc)) from None
    kept = f"; the database it replaced is kept as {saved}" if saved else ""
    print(f"Restored {db_path} from {options.file}{kept}", file=sys.stderr)
    return 0


def run_verify(options: argparse.Namespace) -> int:
    from app.db import DatabaseError, default_db_path
    from app.services.safekeeping import verify_database

    db_path = default_db_path(options.db)
    try:
        problems = verify_database(db_path, key_for(options, db_path))
    except DatabaseError as exc:
        raise CommandFailed(str(exc)) from None
    for problem in problems:
        print(f"placement-tracker: {problem}", file=sys.stderr)
    if problems:
        return 2
    print(f"{db_path}: sound (integrity, foreign keys and every placement checked)")
    return 0


def run_export(options: argparse.Namespace) -> int:
    from app.db import default_db_path
    from app.services.placement_files import export_placement

    if options.asye:
        return run_asye_export(options)

    chosen = _with_database(
        options.db,
        lambda db: export_placement(db, options.placement, options.output),
        key_for(options, default_db_path(options.db)),
    )
    print(f"Exported placement {chosen} to {options.output}", file=sys.stderr)
    return 0


def run_asye_export(options: argparse.Namespace) -> int:
    from app.db import DatabaseError, default_db_path
    from app.services.placement_files import ExportProblem, write_atomically
    from app.services.records import RecordProblem, asye_file_text, snapshot_from

    key = key_for(options, default_db_path(options.db))
    try:
        snapshot = snapshot_from(None, options.db, options.placement, key)
        write_atomically(options.output, asye_file_text(snapshot))
    except (DatabaseError, ExportProblem, RecordProblem) as exc:
        return _fail(str(exc))
    print(f"Saved the ASYE hand-over to {options.output}", file=sys.stderr)
    return 0


def run_encryption(options: argparse.Namespace) -> int:
    """encrypt, decrypt and change-passphrase: the database and its backups, re-written."""
    from app.db import DatabaseError, default_db_path
    from app.services.safekeeping import change_passphrase, needs_passphrase

    db_path = default_db_path(options.db)
    if not db_path.exists():
        raise CommandFailed(f"There is no database at {db_path}.")
    encrypted = needs_passphrase(db_path)
    if options.command == "encrypt" and encrypted:
        raise CommandFailed(f"{db_path} is already encrypted; use change-passphrase.")
    if options.command != "encrypt" and not encrypted:
        raise CommandFailed(f"{db_path} is not encrypted.")
    old = passphrase(options, str(db_path)) if encrypted else None
    new = None
    if options.command == "encrypt":
        new = os.environ.get(NEW_PASSPHRASE_ENV) or passphrase(
            options, f"{db_path} (new)", confirm=True
        )
    elif options.command == "change-passphrase":
        new = passphrase(
            options,
            f"{db_path} (new)",
            env=NEW_PASSPHRASE_ENV,
            file_option="new_passphrase_file",
            confirm=True,
        )
    try:
        notes = change_passphrase(db_path, old, new)
    except DatabaseError as exc:
        raise CommandFailed(str(exc)) from None
    done = {
        "encrypt": "Encrypted",
        "decrypt": "Decrypted",
        "change-passphrase": "New passphrase for",
    }
    print(f"{done[options.command]} {db_path}.", file=sys.stderr)
    for note in notes:
        print(f"  backup {note}", file=sys.stderr)
    if new is not None:
        print("Keep the passphrase safe: without it the records cannot be opened.", file=sys.stderr)
    return 0


def run_command(args: list[str]) -> int:
    options = command_parser().parse_args(args)
    setup_logging()
    runner = {
        "check": run_check,
        "import": run_import,
        "export": run_export,
        "pdf": run_pdf,
        "docx": run_pdf,
        "privacy": run_privacy,
        "history": run_history,
        "backup": run_backup,
        "restore": run_restore,
        "verify": run_verify,
        "encrypt": run_encryption,
        "decrypt": run_encryption,
        "change-passphrase": run_encryption,
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
    from app.views.start import run_gui  # Qt and the frame only: the rest loads behind it

    return run_gui(
        db_path=options.db,
        as_of=options.as_of or date.today(),
        demo=options.demo,
        screenshot=options.screenshot,
        page=options.page,
        dialog=options.dialog,
        appearance=options.appearance,
        first_frame=options.first_picture,
    )


if __name__ == "__main__":
    raise SystemExit(main())
