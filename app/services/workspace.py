"""The open database, the as-of date and the placement on screen: what the window works on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.db import Database, DatabaseError, default_db_path
from app.policy.profile import DEFAULT_PROFILE, PolicyProfile
from app.services.cases import CaseService
from app.services.endings import EndingsService
from app.services.induction import InductionService
from app.services.placements import PlacementService
from app.services.records_of_work import RecordsService
from app.services.supervision import SupervisionService

__all__ = ["DatabaseError", "Workspace"]


class Workspace:
    """One open database and the services over it. The GUI holds one; tests make their own."""

    def __init__(self, db: Database, as_of: date, profile: PolicyProfile = DEFAULT_PROFILE) -> None:
        self.db = db
        self.as_of = as_of
        self.placements = PlacementService(db, profile)
        self.cases = CaseService(db, profile)
        self.induction = InductionService(db, profile)
        self.supervision = SupervisionService(db, profile)
        self.recording = RecordsService(db, profile)
        self.endings = EndingsService(db, profile)

    @classmethod
    def open(
        cls, path: str | Path | None, as_of: date, profile: PolicyProfile = DEFAULT_PROFILE
    ) -> Workspace:
        """Open (or create) the database at ``path``; raises DatabaseError with a readable message."""
        return cls(Database(default_db_path(path)), as_of, profile)

    @property
    def profile(self) -> PolicyProfile:
        """The app's policy profile (from Settings); a placement's own overrides go on top."""
        return self.placements.profile

    @profile.setter
    def profile(self, profile: PolicyProfile) -> None:
        self.placements.profile = profile
        self.cases.profile = profile
        self.induction.profile = profile
        self.supervision.profile = profile
        self.recording.profile = profile
        self.endings.profile = profile

    @property
    def path(self) -> Path:
        return self.db.path

    def close(self) -> None:
        self.db.close()
