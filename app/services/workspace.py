"""The open database, the as-of date and the placement on screen: what the window works on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.db import (
    Database,
    DatabaseError,
    DatabaseInUse,
    PassphraseNeeded,
    WrongPassphrase,
    default_db_path,
)
from app.db.storage import WriterLock, make_backup, took_backup_today
from app.policy.profile import DEFAULT_PROFILE, PolicyProfile
from app.services.cases import CaseService
from app.services.context import Context
from app.services.endings import EndingsService
from app.services.history import HistoryService
from app.services.induction import InductionService
from app.services.placements import PlacementService
from app.services.privacy import PrivacySettings
from app.services.records_of_work import RecordsService
from app.services.supervision import SupervisionService

__all__ = [
    "DatabaseError",
    "DatabaseInUse",
    "PassphraseNeeded",
    "Workspace",
    "WrongPassphrase",
    "default_db_path",
]

DAILY = "daily"


class Workspace:
    """One open database and the services over it. The GUI holds one; tests make their own."""

    def __init__(
        self,
        db: Database,
        as_of: date,
        profile: PolicyProfile = DEFAULT_PROFILE,
        lock: WriterLock | None = None,
    ) -> None:
        self.lock = lock
        self.locked = False
        self._changed_before = False
        self.as_of = as_of
        self._attach(db, profile)

    def _attach(self, db: Database, profile: PolicyProfile) -> None:
        self.db = db
        self.context = Context(profile)  # every service works under this one context
        self.placements = PlacementService(db, self.context)
        self.cases = CaseService(db, self.context)
        self.induction = InductionService(db, self.context)
        self.supervision = SupervisionService(db, self.context)
        self.recording = RecordsService(db, self.context)
        self.endings = EndingsService(db, self.context)
        self.history = HistoryService(db, self.context)

    @classmethod
    def open(
        cls,
        path: str | Path | None,
        as_of: date,
        profile: PolicyProfile = DEFAULT_PROFILE,
        key: str | None = None,
    ) -> Workspace:
        """Open (or create) the database at ``path`` as its one writer.

        Raises DatabaseError with a readable message: damaged, foreign or newer files, and a
        database another window or an import is already writing to (DatabaseInUse).
        """
        db_path = default_db_path(path)
        lock = WriterLock(db_path).acquire()
        try:
            return cls(Database(db_path, key=key), as_of, profile, lock)
        except BaseException:
            lock.release()
            raise

    @property
    def profile(self) -> PolicyProfile:
        """The app's policy profile (from Settings); a placement's own overrides go on top."""
        return self.context.profile

    @profile.setter
    def profile(self, profile: PolicyProfile) -> None:
        self.context.profile = profile  # one place: every service reads it from there

    @property
    def privacy(self) -> PrivacySettings:
        """The privacy guard's preferences (Edit › Preferences › Privacy)."""
        return self.context.privacy

    @privacy.setter
    def privacy(self, settings: PrivacySettings) -> None:
        self.context.privacy = settings

    def lock_records(self) -> None:
        """Hide the records: close every connection and forget the key. The writer lock stays
        ours, so no other window can take the database meanwhile."""
        self._changed_before = self.db.changed
        self.db.close()
        self.locked = True

    def unlock(self, key: str | None) -> None:
        """Open the database again with its passphrase (WrongPassphrase leaves it locked)."""
        db = Database(self.db.path, key=key)
        db.changed = self._changed_before
        self._attach(db, self.profile)
        self.locked = False

    @property
    def encrypted(self) -> bool:
        return self.db.encrypted

    @property
    def path(self) -> Path:
        return self.db.path

    def close(self, backup: bool = True) -> Path | None:
        """Close the database; when something changed, a backup (at most one a day)."""
        made = None
        try:
            if backup and self.db.changed and not took_backup_today(self.db.path, DAILY):
                made = make_backup(self.db.path, DAILY, key=self.db.key)
        finally:
            self.db.close()
            if self.lock is not None:
                self.lock.release()
        return made
