"""The privacy guard for the app: the PE's preferences, what a placement's free text holds,
and the part of it that a record about to leave the app carries.

The finding itself is ``policy/identifying.py``; which fields are free text is
``interchange/free_text.py``. Nothing here keeps or logs the text that was found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.db import Database
from app.interchange.free_text import FieldHit, case_initials, placement_guard, scan_fields
from app.policy.identifying import KINDS, Guard
from app.policy.naming import RecordNames, named
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


# Each free-text field as a PE knows it.
FIELD_WORDS: dict[str, str] = {
    "rationale": "Rationale",
    "safety_plan": "Safety plan",
    "reason": "Reason",
    "notes": "Notes",
    "feedback": "Feedback",
    "discussion": "Discussion",
    "decision": "Decision",
    "action": "Action",
    "wellbeing": "Wellbeing",
    "learning": "Learning and PCF reflection",
    "text": "Addendum",
    "evidence": "Evidence",
    "note": "Note",
    "close_reason": "Why it was closed",
    "learning_needs": "Learning needs",
    "after_hours_contact": "After-hours contact",
    "three_way": "Three-way arrangements",
}
# A record of the file named by the list it is in, where it has no name of its own.
PART_WORDS: dict[str, str] = {
    "pcf_reviews": "PCF review",
    "learning": "Learning outcome",
    "transitions": "Transition checklist",
    "induction": "Induction",
    "agreements": "Agreements",
    "placement": "The placement",
}
KIND_OF_PART: dict[str, str] = {
    "cases": "case",
    "events": "event",
    "supervisions": "supervision",
    "absences": "absence",
}


@dataclass(frozen=True, slots=True)
class PrivacyView:
    """What the guard found in a placement, and the guard to check typing with."""

    guard: Guard
    initials: dict[str, str]
    hits: list[FieldHit] = field(default_factory=list)
    names: RecordNames | None = None

    def where(self, found: FieldHit) -> tuple[str, str]:
        """The record and the field a hit is in, as a PE knows them ("One-to-one
        supervision, 9 Oct 2026, case direction for D-1042", "Discussion")."""
        path = found.field.path
        part = path.split("[", 1)[0].split(".", 1)[0]
        label = path.split(" (", 1)[1].split(")", 1)[0] if " (" in path else ""
        record = PART_WORDS.get(part, part)
        if part in KIND_OF_PART and self.names is not None:
            record = named(self.names, f"{KIND_OF_PART[part]}:{label}")
        elif part == "transitions" and found.field.case:
            record = f"Transition checklist for {found.field.case}"
        if ".case_direction[" in path and found.field.case:
            record += f", case direction for {found.field.case}"
        key = path.rsplit(".", 1)[-1]
        return record, FIELD_WORDS.get(key, key)

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
    guard, fields = placement_guard(snap, settings.never, settings.kinds)  # one walk for both
    hits = scan_fields(snap, guard, fields) if settings.on else []
    return PrivacyView(guard, case_initials(snap), hits, RecordNames(snap))


# Which part of the placement each printed record carries: its fields' paths begin so.
RECORD_PARTS: dict[str, tuple[str, ...]] = {
    "induction": ("induction.", "agreements."),
    "pcf": ("pcf_reviews[", "learning["),
    "transition": ("transitions[",),
    "summary": ("placement.",),  # the close reason; learning outcomes only by date
    "placement file": ("",),  # everything
    "asye": ("pcf_reviews[",),  # the final review's notes and development needs
    "calendar": (),  # dates and the student's name only: no free text goes into it
}


def leaving(
    hits: Iterable[FieldHit], record: str, supervision_id: str | None = None
) -> list[FieldHit]:
    """The hits in what is about to leave the app: a record's part of the placement, or for
    one supervision record, that session's fields only."""
    if record in ("supervision", "observation"):  # one session, one observation
        root = "supervisions[" if record == "supervision" else "events["
        mark = f" ({supervision_id})." if supervision_id else root
        return [h for h in hits if h.field.plain_path.startswith(root) and mark in h.field.path]
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
