"""Keeping the records safe: backups, restore, verify and imports under the one-writer lock.

The commands and File › Backups… both come here, so they refuse and back up alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.db import Database, DatabaseError
from app.db.storage import (
    HEAD_REVISION,
    Backup,
    DamagedDatabase,
    WriterLock,
    backup_to,
    backups_dir,
    change_encryption,
    inspect_file,
    is_encrypted,
    list_backups,
    make_backup,
    newest_good_backup,
    restore_file,
)
from app.interchange.placement_file import PlacementFileError, dumps, loads
from app.policy.calendar import uk_date
from app.policy.snapshot import PlacementSnapshot
from app.services.audit import record_change
from app.services.checking import read_placement_file
from app.services.placement_files import store_placement
from app.services.placements import PlacementService

__all__ = [
    "BackupRow",
    "backups_dir",
    "backup_database",
    "backup_rows",
    "change_passphrase",
    "needs_passphrase",
    "back_up_now",
    "Imported",
    "import_into",
    "inspect_database",
    "import_locked",
    "newest_usable_backup",
    "restore_database",
    "verify_database",
]


@dataclass(frozen=True)
class BackupRow:
    """One backup as File › Backups… lists it."""

    path: Path
    taken: datetime
    reason: str
    size: int
    placements: int | None  # None: the backup itself is damaged

    @property
    def usable(self) -> bool:
        return self.placements is not None


def inspect_database(db_path: Path, key: str | None = None) -> None:
    """Check a database opens (with ``key`` if encrypted); raises its DatabaseError if not."""
    inspect_file(db_path, key=key)


def needs_passphrase(db_path: Path) -> bool:
    """The database exists and is encrypted: ask for its passphrase before opening it."""
    return db_path.exists() and is_encrypted(db_path)


def backup_rows(db_path: Path, key: str | None = None) -> list[BackupRow]:
    rows = []
    for b in list_backups(db_path):
        rows.append(BackupRow(b.path, b.taken, b.reason, b.size, _placements(b, key)))
    return rows


def _placements(backup: Backup, key: str | None) -> int | None:
    try:
        return inspect_file(backup.path, key=key).placements
    except DatabaseError:
        return None


def newest_usable_backup(db_path: Path, key: str | None = None) -> Path | None:
    """The newest backup that passes the checks, for the start-up dialog's Restore button."""
    found = newest_good_backup(db_path, key)
    return found[0].path if found else None


def backup_database(db_path: Path, output: Path, key: str | None = None) -> Path:
    """``placement-tracker backup``: a copy of a (possibly open) database, checked first.

    The copy of an encrypted database is encrypted with the same passphrase."""
    if not db_path.exists():
        raise DatabaseError(f"There is no database at {db_path}.")
    inspect_file(db_path, key=key)
    return backup_to(db_path, output, key)


def back_up_now(db_path: Path, key: str | None = None) -> Path:
    """A backup in the backups folder, on the PE's request."""
    return make_backup(db_path, "by-hand", key=key)


def change_passphrase(db_path: Path, old_key: str | None, new_key: str | None) -> list[str]:
    """Encrypt (old None), decrypt (new None) or change the passphrase, as the one writer.

    Returns what became of each backup (re-made alike, or removed and why)."""
    if old_key is None and new_key is None:
        raise DatabaseError("The database is not encrypted.")
    if new_key is not None and not new_key:
        raise DatabaseError("An empty passphrase would not protect anything; choose one.")
    lock = WriterLock(db_path).acquire()
    try:
        notes = change_encryption(db_path, old_key, new_key)
        if new_key is None:
            action = "database.decrypted"
        else:
            action = "database.encrypted" if old_key is None else "database.passphrase-changed"
        _noted(db_path, new_key, action)
        return notes
    finally:
        lock.release()


def _noted(
    db_path: Path, key: str | None, action: str, detail: dict[str, object] | None = None
) -> None:
    """A history line about the whole database, written as its one writer (the caller holds
    the lock): every placement's history shows it."""
    db = Database(db_path, create=False, key=key)
    try:
        with db.unit_of_work() as session:
            record_change(session, action, placement_id=None, subject="database", detail=detail)
    finally:
        db.close()


def restore_database(
    backup: Path, db_path: Path, *, force: bool, key: str | None = None
) -> Path | None:
    """Put a backup in place of the database; refused while the database is open elsewhere.

    Returns the backup made of the replaced database, if there was one.
    """
    if not backup.exists():
        raise DatabaseError(f"There is no backup file at {backup}.")
    if backup.resolve() == db_path.resolve():
        raise DatabaseError("That is the database itself; choose a backup file.")
    lock = WriterLock(db_path).acquire()
    try:
        replaced = restore_file(backup, db_path, force=force, key=key)
        _noted(db_path, key, "database.restored", {"backup": backup.name})
        return replaced
    finally:
        lock.release()


class AlreadyImported(ValueError):
    """The file's placement is in the database already; importing it again makes a copy."""

    def __init__(self, message: str, placement_id: int) -> None:
        super().__init__(message)
        self.placement_id = placement_id


@dataclass(frozen=True)
class Imported:
    """A placement file imported: the new placement's id and what a PE is told."""

    placement_id: int
    student: str
    kind: str
    start: date
    end: date
    source: str

    def sentence(self) -> str:
        return (
            f"Imported {self.student}'s {self.kind} placement ({uk_date(self.start)} to "
            f"{uk_date(self.end)}) from {self.source} as placement {self.placement_id}."
        )


def same_placement(db: Database, snapshot: PlacementSnapshot) -> int | None:
    """The placement already in ``db`` that the file holds (the same student from the same
    day), if there is one."""
    p = snapshot.placement
    for row in PlacementService(db).list_placements():
        if row.student.strip().casefold() == p.student.strip().casefold() and row.start == p.start:
            return row.id
    return None


def import_locked(
    db_path: Path, source: Path, key: str | None = None, as_new: bool = False
) -> Imported:
    """``placement-tracker import``: as the one writer, with a backup of the database first."""
    lock = WriterLock(db_path).acquire()
    try:
        db = Database(db_path, key=key)
        try:
            return import_into(db, source, as_new)
        finally:
            db.close()
    finally:
        lock.release()


def import_into(db: Database, source: Path, as_new: bool = False) -> Imported:
    """Import into an open database (the caller is its writer), backing it up first.

    The file is read and checked before any backup is made: a file that is refused costs
    no backup, so fumbled imports never push the real history out of the newest ten; the
    same placement again is refused unless ``as_new`` (a second copy is wanted). A
    backup made before a store that then fails is removed again: it is the database as it
    still is, nothing a PE would want back."""
    snapshot = read_placement_file(source)
    there = same_placement(db, snapshot)
    if there is not None and not as_new:
        p = snapshot.placement
        raise AlreadyImported(
            f"{p.student}'s placement from {uk_date(p.start)} is already in this database "
            f"(placement {there}); importing it again makes a second copy.",
            there,
        )
    backup = make_backup(db.path, "before-import", key=db.key) if db.placement_count() else None
    try:
        placement_id = store_placement(db, snapshot, source.name)
    except BaseException:
        if backup is not None:
            backup.unlink(missing_ok=True)
        raise
    p = snapshot.placement
    return Imported(placement_id, p.student, p.kind, p.start, p.end, source.name)


def verify_database(db_path: Path, key: str | None = None) -> list[str]:
    """Everything ``verify`` checks: integrity, foreign keys, and every placement re-read and
    validated as an import would; returns the problems found (none: the file is sound)."""
    if not db_path.exists():
        raise DatabaseError(f"There is no database at {db_path}.")
    try:
        state = inspect_file(db_path, full=True, key=key)
    except DamagedDatabase as exc:
        return [str(exc)]
    if state.revision != HEAD_REVISION:
        return []  # an older schema is sound; it is brought up to date when the app opens it
    db = Database(db_path, create=False, key=key)
    problems = []
    try:
        service = PlacementService(db)
        for placement in service.list_placements():
            try:
                loads(dumps(service.snapshot(placement.id)))
            except PlacementFileError as exc:
                problems.append(f"placement {placement.id}: {exc}")
    finally:
        db.close()
    return problems
