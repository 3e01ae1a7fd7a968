"""The privacy guard for the app: the PE's preferences, what a placement's free text holds,
and the part of it that a record about to leave the app carries.

The finding itself is ``policy/identifying.py``; which fields are free text is
``interchange/free_text.py``. Nothing here keeps or logs the text that was found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.db import Database
from app.interchange.free_text import FieldHit, case_initials, people_in, scan_placement
from app.policy.identifying import KINDS, Guard
from app.policy.snapshot import PlacementSnapshot
from app.services.audit import record_change


@dataclass(frozen=True, slots=True)
class PrivacySettings:
    """Edit › Preferences › Privacy: on by default, every kind looked for."""

    on: bool = True
    kinds_off: frozenset[str] = frozenset()
    never: tuple[str, ...] = ()  # words never to flag: a school, a colleague

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(KINDS) - self.kinds_off if self.on else frozenset()


@dataclass(frozen=True, slots=True)
class PrivacyView:
    """What the guard found in a placement, and the guard to check typing with."""

    guard: Guard
    initials: dict[str, str]
    hits: list[FieldHit] = field(default_factory=list)

    @property
    def fields(self) -> int:
        """How many fields hold something that looks identifying."""
        return len({h.field.path for h in self.hits})

    def initials_for(self, case: str | None) -> tuple[str, ...]:
        """The initials that make a pair of words a name in a field about ``case``."""
        if case in self.initials:
            return (self.initials[case],)
        return tuple(self.initials.values())


def privacy_view(snap: PlacementSnapshot, settings: PrivacySettings) -> PrivacyView:
    guard = Guard.made(people_in(snap), settings.never, settings.kinds)
    hits = scan_placement(snap, settings.never, settings.kinds) if settings.on else []
    return PrivacyView(guard, case_initials(snap), hits)


# Which part of the placement each printed record carries: its fields' paths begin so.
RECORD_PARTS: dict[str, tuple[str, ...]] = {
    "induction": ("induction.", "agreements.", "placement."),
    "pcf": ("pcf_reviews[", "learning["),
    "transition": ("transitions[",),
    "summary": ("placement.", "learning["),
    "placement file": ("",),  # everything
    "calendar": (),  # dates and the student's name only: no free text goes into it
}


def leaving(
    hits: Iterable[FieldHit], record: str, supervision_id: str | None = None
) -> list[FieldHit]:
    """The hits in what is about to leave the app: a record's part of the placement, or for
    one supervision record, that session's fields only."""
    if record == "supervision":
        mark = f" ({supervision_id})." if supervision_id else "supervisions["
        return [
            h
            for h in hits
            if h.field.plain_path.startswith("supervisions[") and mark in h.field.path
        ]
    parts = RECORD_PARTS.get(record, ("",))
    return [h for h in hits if h.field.plain_path.startswith(parts)]


def left_as_it_is(db: Database, placement_id: int, record: str, hits: int) -> None:
    """The history's line for a PE who let a record leave with what looks identifying in
    it: which record and how many, never the text."""
    with db.unit_of_work() as session:
        record_change(
            session,
            "privacy.left-as-is",
            placement_id=placement_id,
            subject="placement",
            detail={"record": record, "hits": hits},
        )
