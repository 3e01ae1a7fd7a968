"""The database file itself: private modes, checks on open, online backups, the one-writer lock.

No Qt and no SQLAlchemy here: the commands ``backup`` and ``verify`` and the start-up
check use the standard ``sqlite3`` module, which is quick to load and has SQLite's
online backup API (never copy a live file: a copy taken mid-write is not a database).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app.paths import PASSPHRASE_SOURCES, odd_target

# Every schema revision this version knows, oldest first (app/db/migrations/versions).
KNOWN_REVISIONS = (
    "0001_baseline",
    "0002_agreements",
    "0003_drafts",
    "0004_statutory_work",
    "0005_development_needs",
    "0006_history",
    "0007_placement_profile",
    "0008_observation_report",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_NEWEST = 10
KEEP_MONTHS = 12
POSIX = os.name == "posix"


class DatabaseError(Exception):
    """The database cannot be opened or is not a Placement Tracker database."""


class DamagedDatabase(DatabaseError):
    """The file is damaged, foreign, empty or newer than this version: left exactly as found."""


class DatabaseInUse(DatabaseError):
    """Another Placement Tracker window (or an import) is writing to this database."""


class PassphraseNeeded(DatabaseError):
    """The file is encrypted (or unreadable) and no passphrase was given."""


class WrongPassphrase(DatabaseError):
    """The passphrase does not open the file: nothing was changed."""


# ---------------------------------------------------------------- private files


def private_dir(path: Path) -> Path:
    """Create ``path`` if needed and make it the user's alone (0700), whatever the umask."""
    path.mkdir(parents=True, exist_ok=True)
    if POSIX:
        path.chmod(0o700)
    return path


def private_file(path: Path) -> None:
    """Make an existing file readable and writable by its owner only (0600)."""
    if POSIX and path.exists():
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def create_private_file(path: Path) -> None:
    """Create an empty file that was never readable by others (SQLite gives its WAL the same mode)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    private_file(path)


def companions(db_path: Path) -> list[Path]:
    """The files SQLite keeps beside a database while it is open."""
    return [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def make_private(db_path: Path) -> None:
    for path in (db_path, *companions(db_path)):
        private_file(path)


# ---------------------------------------------------------------- checks


@dataclass(frozen=True)
class FileState:
    """What an existing database file holds, read without changing it."""

    revision: str
    placements: int
    encrypted: bool = False


def quote_key(key: str) -> str:
    """The passphrase as an SQL string literal (quotes doubled): SQLCipher derives the key from
    it exactly as DB Browser for SQLite does, so the file opens there too."""
    return "'" + key.replace("'", "''") + "'"


def is_encrypted(path: Path) -> bool:
    """An existing file whose first bytes are not SQLite's header: SQLCipher (or damage).

    A SQLCipher file starts with a random 16-byte salt; all zeros is damage, not a salt.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return len(header) == len(SQLITE_HEADER) and header != SQLITE_HEADER and any(header)


def _silence_sqlcipher() -> None:
    """SQLCipher writes "ERROR CORE … hmac check failed" to stderr on a wrong key: the person
    should see only our sentence."""
    import sqlcipher3

    quiet = sqlcipher3.connect(":memory:")
    quiet.execute("PRAGMA cipher_log_level = NONE")
    quiet.close()


def open_connection(path: Path, key: str | None = None, **options: Any) -> sqlite3.Connection:
    """A DB-API connection to ``path``: the standard ``sqlite3``, or SQLCipher keyed with ``key``.

    Not read-only: a file left with a WAL by a crash needs the WAL read back in, which is
    SQLite's normal recovery, not a repair.
    """
    settings: dict[str, Any] = {"timeout": 5, "isolation_level": None, **options}
    if key is None:
        plain: sqlite3.Connection = sqlite3.connect(path, **settings)
        return plain
    import sqlcipher3

    _silence_sqlcipher()
    connection = sqlcipher3.connect(str(path), **settings)
    connection.execute(f"PRAGMA key = {quote_key(key)}")
    return connection  # type: ignore[no-any-return]


def inspect_file(path: Path, *, full: bool = False, key: str | None = None) -> FileState:
    """Check an existing file before the app uses it; raise DamagedDatabase with what is wrong.

    ``full`` runs ``integrity_check`` and the foreign keys (``verify``); otherwise the quick
    check that keeps start-up fast. An encrypted file needs ``key``: without it
    PassphraseNeeded, with a wrong one WrongPassphrase.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"Cannot read {path}: {exc.strerror}.") from None
    if size == 0:
        raise DamagedDatabase(f"{path} is an empty file, not a Placement Tracker database.")
    encrypted = header != SQLITE_HEADER
    if encrypted and not any(header):  # a SQLCipher salt is never all zeros: this is damage
        raise DamagedDatabase(f"{path} is not a database file (its first bytes are blank).")
    if encrypted and key is None:
        raise PassphraseNeeded(
            f"{path} is not a database file that opens without a passphrase: it is encrypted "
            f"or damaged. To give its passphrase, {PASSPHRASE_SOURCES}."
        )
    try:
        connection = open_connection(path, key if encrypted else None)
    except Exception as exc:  # sqlite3 and sqlcipher3 have their own error classes
        raise DamagedDatabase(f"{path} cannot be opened: {exc}.") from None
    try:
        if encrypted:
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except Exception:
                raise WrongPassphrase(
                    f"Wrong passphrase for {path} (or the file is damaged); nothing was changed. "
                    f"To give it, {PASSPHRASE_SOURCES}."
                ) from None
        problems = _integrity(connection, full)
        if problems:
            raise DamagedDatabase(f"{path} is damaged ({problems[0]}).")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables or "placement" not in tables:
            raise DamagedDatabase(
                f"{path} is not a Placement Tracker database (another program made it)."
            )
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] not in KNOWN_REVISIONS:
            found = revision[0] if revision else "none"
            raise DamagedDatabase(
                f"{path} was written by a newer Placement Tracker (schema {found}); "
                "update the app to open it."
            )
        placements = connection.execute("SELECT count(*) FROM placement").fetchone()[0]
        return FileState(revision[0], placements, encrypted)
    except DatabaseError:
        raise
    except Exception as exc:  # "file is not a database", "malformed", from either library
        raise DamagedDatabase(f"{path} is damaged ({exc}).") from None
    finally:
        connection.close()


def _integrity(connection: sqlite3.Connection, full: bool) -> list[str]:
    pragma = "integrity_check" if full else "quick_check"
    rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
    problems = [] if rows == ["ok"] else rows
    if full:
        problems += [
            f"a {table} row points to a missing {parent} row"
            for table, _rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check")
        ]
    return problems


# ---------------------------------------------------------------- backups


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str
    size: int


def backups_dir(db_path: Path) -> Path:
    """Backups live in ``backups/`` beside the database (for the usual one: the data folder)."""
    return db_path.parent / "backups"


def backup_to(db_path: Path, target: Path, key: str | None = None) -> Path:
    """Copy a database, even while it is open, with SQLite's online backup API, to ``target``.

    Written to a temporary name first and renamed, so ``target`` is never half a file. The
    copy of an encrypted database is encrypted with the same key: ``key`` opens both.
    """
    key = key if is_encrypted(db_path) else None
    target = target.expanduser()
    odd = odd_target(target)
    if odd:
        raise DatabaseError(f"Not backed up: {odd}.")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        create_private_file(partial)
        source = open_connection(db_path, key)
        try:
            copy = open_connection(partial, key, isolation_level="")
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(partial, target)
    except Exception as exc:  # OSError, or either library's database error
        partial.unlink(missing_ok=True)
        detail = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise DatabaseError(f"Cannot back up to {target}: {detail}.") from None
    private_file(target)
    return target


def make_backup(
    db_path: Path, reason: str, now: datetime | None = None, key: str | None = None
) -> Path:
    """A dated backup in the backups folder, then the folder pruned to what we keep."""
    now = now or datetime.now()
    folder = private_dir(backups_dir(db_path))
    name = f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}.sqlite"
    while (folder / name).exists() or any(folder.glob(f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-*")):
        now += timedelta(seconds=1)  # two in one second: named a second apart, in order
        name = f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}.sqlite"
    target = backup_to(db_path, folder / name, key)
    prune_backups(db_path, now)
    return target


def list_backups(db_path: Path) -> list[Backup]:
    """This database's backups, newest first."""
    folder = backups_dir(db_path)
    found = []
    for path in folder.glob(f"{db_path.stem}-*.sqlite") if folder.is_dir() else ():
        rest = path.stem[len(db_path.stem) + 1 :]
        try:
            taken = datetime.strptime(rest[:15], "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(Backup(path, taken, rest[16:], path.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def prune_backups(db_path: Path, now: datetime) -> list[Path]:
    """Keep the newest ten, and the newest of each month for a year; remove the rest."""
    backups = list_backups(db_path)
    keep = {b.path for b in backups[:KEEP_NEWEST]}
    months: set[tuple[int, int]] = set()
    for b in backups:  # newest first, so the first seen in a month is its newest
        month = (b.taken.year, b.taken.month)
        age = (now.year - b.taken.year) * 12 + now.month - b.taken.month
        if age < KEEP_MONTHS and month not in months:
            months.add(month)
            keep.add(b.path)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def newest_good_backup(db_path: Path, key: str | None = None) -> tuple[Backup, FileState] | None:
    for backup in list_backups(db_path):
        try:
            return backup, inspect_file(backup.path, key=key)
        except DatabaseError:
            continue
    return None


def took_backup_today(db_path: Path, reason: str, today: datetime | None = None) -> bool:
    day = (today or datetime.now()).date()
    return any(b.taken.date() == day and b.reason == reason for b in list_backups(db_path))


def restore_hint(
    db_path: Path, key: str | None = None, good: tuple[Backup, FileState] | None = None
) -> str:
    """What to say when a file cannot be used: the newest good backup and how to put it back
    (``good``: that backup, when the caller has already looked for it)."""
    good = good or newest_good_backup(db_path, key)
    if good is None:
        return "There is no backup of it in the backups folder. The file was left as it is."
    backup, state = good
    return (
        f"The file was left as it is. The newest good backup is {backup.path.name} "
        f"({backup.taken:%d %b %Y %H:%M}, {state.placements} placement"
        f"{'' if state.placements == 1 else 's'}). Restore it when the app offers to, or with "
        f'placement-tracker restore "{backup.path}" --db "{db_path}" --force'
    )


def restore_file(
    backup: Path, db_path: Path, *, force: bool, key: str | None = None
) -> Path | None:
    """Put ``backup`` in place of ``db_path``, checked first; the replaced file is backed up.

    Returns the backup made of the replaced database (None when there was none). The caller
    holds the writer lock and has closed every connection to ``db_path``.
    """
    inspect_file(backup, key=key)  # a damaged or foreign backup is refused before anything moves
    saved = None
    if db_path.exists():
        if not force:
            raise DatabaseError(
                f"{db_path} already exists; add --force to replace it (it is backed up first)."
            )
        try:
            saved = make_backup(db_path, "before-restore", key=key)
        except DatabaseError:  # too damaged to read: keep its bytes as they are, aside
            saved = _keep_damaged(db_path)
        _checkpoint(db_path, key)
    staged = db_path.with_name(f".{db_path.name}.restoring")
    backup_to(backup, staged, key)
    for path in companions(db_path):
        path.unlink(missing_ok=True)
    os.replace(staged, db_path)
    private_file(db_path)
    return saved


def _keep_damaged(db_path: Path) -> Path:
    """A file SQLite cannot read is copied byte for byte (it is not open: we hold the lock)."""
    folder = private_dir(backups_dir(db_path))
    target = folder / f"{db_path.stem}-{datetime.now():%Y%m%d-%H%M%S}-replaced.damaged"
    shutil.copyfile(db_path, target)
    private_file(target)
    return target


def _checkpoint(db_path: Path, key: str | None = None) -> None:
    """Fold the WAL into the file so nothing of the replaced database lingers beside the new one."""
    with contextlib.suppress(Exception):
        connection = open_connection(db_path, key if is_encrypted(db_path) else None)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()


# ---------------------------------------------------------------- one writer


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class WriterLock:
    """One writer per database: a lock file beside it, held while the app or an import runs.

    The operating system lets go of the lock when the process ends, however it ends, so a
    lock left by a killed process is simply taken over.
    """

    def __init__(self, db_path: Path) -> None:
        from filelock import FileLock

        self.path = lock_path(db_path)
        self._lock = FileLock(self.path, timeout=0, mode=0o600)

    def acquire(self) -> WriterLock:
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout:
            raise DatabaseInUse(
                f"{self.path.with_suffix('')} is already open in Placement Tracker (another "
                "window, or an import or restore). Close it there first."
            ) from None
        except OSError as exc:
            raise DatabaseError(f"Cannot lock {self.path}: {exc.strerror}.") from None
        private_file(self.path)
        return self

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)


def is_in_use(db_path: Path) -> bool:
    lock = WriterLock(db_path)
    try:
        lock.acquire()
    except DatabaseInUse:
        return True
    lock.release()
    return False


# ---------------------------------------------------------------- encryption at rest


def _export(source: Path, source_key: str | None, target: Path, target_key: str | None) -> None:
    """Copy ``source`` into a new ``target`` with SQLCipher's ``sqlcipher_export``; the target is
    encrypted with ``target_key``, or plaintext when it is None."""
    import sqlcipher3

    _silence_sqlcipher()
    target.unlink(missing_ok=True)
    create_private_file(target)
    connection = sqlcipher3.connect(str(source), isolation_level=None)
    try:
        if source_key is not None:
            connection.execute(f"PRAGMA key = {quote_key(source_key)}")
        connection.execute(
            f"ATTACH DATABASE {quote_key(str(target))} AS target KEY {quote_key(target_key or '')}"
        )
        connection.execute("SELECT sqlcipher_export('target')")
        connection.execute("DETACH DATABASE target")
    finally:
        connection.close()


def _row_counts(path: Path, key: str | None) -> dict[str, int]:
    connection = open_connection(path, key)
    try:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


def _scrub(path: Path) -> None:
    """Overwrite a file with zeros before it goes, so its plaintext is not left in free space
    (a best effort: SSDs and copy-on-write file systems may keep old blocks elsewhere)."""
    try:
        with path.open("r+b") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(0)
            for _ in range(0, size, 1 << 20):
                handle.write(b"\0" * min(1 << 20, size - handle.tell()))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass
    path.unlink(missing_ok=True)


def _rewrite(path: Path, old_key: str | None, new_key: str | None) -> None:
    """Re-write one database file under ``new_key``, checked, then swapped in whole."""
    staged = path.with_name(f".{path.name}.rekeyed")
    try:
        _checkpoint(path, old_key)
        _export(path, old_key, staged, new_key)
        inspect_file(staged, full=True, key=new_key)
        if _row_counts(staged, new_key) != _row_counts(path, old_key):
            raise DatabaseError(f"The re-written copy of {path.name} did not match it.")
        old = path.with_name(f".{path.name}.old")
        os.replace(path, old)
        os.replace(staged, path)
        for companion in companions(path):
            companion.unlink(missing_ok=True)
        _scrub(old)
    except DatabaseError:
        staged.unlink(missing_ok=True)
        raise
    except Exception as exc:
        staged.unlink(missing_ok=True)
        raise DatabaseError(
            f"Could not re-write {path.name}: {exc}. Nothing was changed."
        ) from None
    private_file(path)


def change_encryption(db_path: Path, old_key: str | None, new_key: str | None) -> list[str]:
    """Encrypt (None → key), decrypt (key → None) or change the passphrase of a database and
    of its backups. The caller holds the writer lock and has closed its connections.

    The database is re-written into a new file, checked, and swapped in; the old file is
    overwritten and removed. Returns one sentence per backup: re-made, or removed and why.
    """
    inspect_file(db_path, full=True, key=old_key)  # wrong passphrase or damage: stop here
    _rewrite(db_path, old_key, new_key)
    done = "re-made encrypted" if new_key is not None else "re-made without encryption"
    notes = []
    folder = backups_dir(db_path)
    for backup in list_backups(db_path):
        try:
            _rewrite(backup.path, old_key if is_encrypted(backup.path) else None, new_key)
            notes.append(f"{backup.path.name}: {done}")
        except DatabaseError:
            _scrub(backup.path)
            notes.append(f"{backup.path.name}: removed (it could not be read to be re-made)")
    for damaged in folder.glob(f"{db_path.stem}-*.damaged") if folder.is_dir() else ():
        _scrub(damaged)
        notes.append(f"{damaged.name}: removed (an unreadable copy kept from a restore)")
    return notes
