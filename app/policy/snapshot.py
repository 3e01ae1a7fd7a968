"""A placement as plain data: everything the placement file holds, nothing of Qt or SQL.

The rule engine, the PDF builders and the file reader/writer all speak this; the services
build it from the database and store it back. Field names follow the file format, except
where a key is a Python keyword (``with`` → ``with_``, ``from`` → ``from_``).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.policy.profile import PolicyProfile
from app.policy.vocabulary import (
    ABE_PARTS,
    CASE_TYPES,
    CHAIRS,
    DEFAULT_INDUCTION_DAYS,
    DEFAULT_WORKING_DAYS,
    ENDINGS,
    LEVELS,
    MEETING_TYPES,
    PCF_DOMAINS,
    PCF_POINT_KINDS,
    REPORT_TYPES,
    STUDENT_ROLES,
)


def optional_of(annotation: Any) -> tuple[Any, bool]:
    """A field's type and whether it may be missing: ``X | None`` → (X, True), else (it,
    False). The file reader and the database's columns both read fields through this."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(annotation))
    return annotation, False


def fact(*, length: int | None = None, choices: tuple[str, ...] = ()) -> Mapping[str, Any]:
    """What a field needs beyond its type, for the file reader and the database's columns:
    the longest text it may hold (else unlimited text) and the words it may take.

    ``Case`` and ``Event`` are the one definition of their facts: the placement file's keys,
    the database columns and the stored rows are all derived from their fields."""
    return {"length": length, "choices": choices}


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    """One ticked checklist item: when, and optionally by whom and a note."""

    date: dt.date
    by: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Placement:
    student: str
    kind: str
    setting: str
    start: dt.date
    end: dt.date
    educator: str
    team_manager: str
    required_days: int
    programme: str | None = None
    working_days: tuple[str, ...] = DEFAULT_WORKING_DAYS
    induction_days: int = DEFAULT_INDUCTION_DAYS
    host_team_average_caseload: float | None = None
    educator_onsite: bool = True
    onsite_supervisor: str | None = None
    link_worker: str | None = None
    archived: dt.date | None = None
    close_reason: str | None = None


@dataclass(slots=True)
class Absence:
    id: str
    who: str
    from_: dt.date
    to: dt.date
    reason: str | None = None
    cover: str | None = None


@dataclass(slots=True)
class ManagerOverride:
    by: str
    reason: str
    review_by: dt.date
    reviewed: dt.date | None = None


@dataclass(frozen=True, slots=True)
class SteppedUp:
    """A case that became statutory part-way: since ``date``; before it, it was ``from_``."""

    date: dt.date
    from_: str = field(metadata=fact(length=30, choices=CASE_TYPES))  # non-statutory: checked


@dataclass(slots=True)
class Case:
    """One child the student works with (reference and initials only, never a name).

    Add a fact here and it is a key of the placement file, a column of the database and a
    value of every stored case: nothing else lists a case's fields."""

    ref: str = field(metadata=fact(length=80))
    type: str = field(metadata=fact(length=30, choices=CASE_TYPES))
    student_role: str = field(metadata=fact(length=20, choices=STUDENT_ROLES))
    allocated: dt.date = field()
    educator_consulted: bool = field()
    initials: str | None = field(default=None, metadata=fact(length=10))
    ended: dt.date | None = None
    ending: str | None = field(default=None, metadata=fact(length=40, choices=ENDINGS))
    handover_to: str | None = field(default=None, metadata=fact(length=200))
    complexity: str = field(default="low", metadata=fact(length=10, choices=LEVELS))
    risk: str = field(default="low", metadata=fact(length=10, choices=LEVELS))
    rationale: str = ""
    previous_social_workers: int = 0
    major_transition: bool = False
    conflict_of_interest: bool = False
    manager_override: ManagerOverride | None = None
    # the one-to-one briefing on the child and family, history read (004 §1.3, §1.5)
    briefed: dt.date | None = None
    # asked when the child had previous social workers (004 §1.5): None is not asked yet
    previous_worker_consulted: bool | None = None
    risk_to_worker: bool = False  # and how it is managed (004 §1.4, 000 §19)
    safety_plan: str | None = None
    # the qualified worker who holds a statutory case (001 §10, 003 §4.1, 004 §2.5)
    keyworker: str | None = field(default=None, metadata=fact(length=200))
    stepped_up: SteppedUp | None = None
    visit_every_days: int | None = None  # the child's plan's visiting frequency (003 §3.1)
    learning: tuple[str, ...] = ()  # learning outcomes, PCF domains or own items it offers
    transfer_signed_off: dt.date | None = None  # both managers signed the transfer off


@dataclass(frozen=True, slots=True)
class PcfPoint:
    """What a direct observation showed against one PCF domain: a strength, or an area for
    development, in the observer's words."""

    domain: str = field(metadata=fact(length=40, choices=tuple(PCF_DOMAINS)))
    point: str = field(metadata=fact(length=20, choices=tuple(PCF_POINT_KINDS)))
    text: str = ""


@dataclass(slots=True)
class Event:
    """One recorded event. Only the keys of its kind (``EVENT_KINDS``) are meaningful.

    Like ``Case``, the one definition of an event's facts: file keys, columns and rows."""

    id: str
    kind: str
    date: dt.date
    case: str | None = None
    notes: str | None = None
    with_: str | None = field(default=None, metadata=fact(length=200))
    observer: str | None = field(default=None, metadata=fact(length=200))
    feedback: str | None = None
    after_hours: bool | None = None
    checked_in: bool | None = None
    accompanied_by: str | None = field(default=None, metadata=fact(length=200))
    meeting: str | None = field(default=None, metadata=fact(length=20, choices=MEETING_TYPES))
    chaired_by: str | None = field(default=None, metadata=fact(length=30, choices=CHAIRS))
    competent: bool | None = None
    authorised_by: str | None = field(default=None, metadata=fact(length=200))
    report: str | None = field(default=None, metadata=fact(length=20, choices=REPORT_TYPES))
    overseen_by: str | None = field(default=None, metadata=fact(length=200))
    recorded: bool | None = None
    by: str | None = field(default=None, metadata=fact(length=200))
    agreed_by: str | None = field(default=None, metadata=fact(length=200))  # a plan (001 §7)
    student_part: str | None = field(default=None, metadata=fact(length=20, choices=ABE_PARTS))
    # A direct observation's report (vocabulary.OBSERVATION_SECTIONS): the student's half,
    # the observer's assessment, the service user's voice, the PCF points and signatures.
    background: str | None = None
    planning: str | None = None
    consent: str | None = None
    knowledge_theory: str | None = None
    power_values: str | None = None
    what_happened: str | None = None
    reflection: str | None = None
    feedback_reflection: str | None = None
    service_user_reflection: str | None = None
    assessment: str | None = None
    service_user_feedback: str | None = None
    feedback_gathered: str | None = None
    pcf_points: tuple[PcfPoint, ...] = ()
    before_midpoint: bool | None = None  # the observation the midpoint review looks at
    student_signed: dt.date | None = None
    observer_signed: dt.date | None = None


@dataclass(slots=True)
class Action:
    action: str
    owner: str | None = None
    due: dt.date | None = None
    done: dt.date | None = None


@dataclass(slots=True)
class CaseDirection:
    case: str
    discussion: str = ""
    decision: str = ""
    actions: list[Action] = field(default_factory=list)


@dataclass(slots=True)
class Addendum:
    date: dt.date
    author: str
    text: str


@dataclass(slots=True)
class Supervision:
    id: str
    date: dt.date
    format: str
    caseload_discussed: bool
    cases_discussed: list[str]
    decisions_recorded: bool
    attendees: list[str] = field(default_factory=list)
    case_direction: list[CaseDirection] = field(default_factory=list)
    wellbeing: str | None = None
    learning: str | None = None
    signed_by_educator: dt.date | None = None
    signed_by_student: dt.date | None = None
    addenda: list[Addendum] = field(default_factory=list)
    next: dt.date | None = None


@dataclass(slots=True)
class PcfReview:
    id: str
    date: dt.date
    stage: str
    ratings: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    notes: str | None = None
    # What the student carries into the ASYE (a final review's; docs/interchange-extensions.md)
    development_needs: str | None = None


@dataclass(slots=True)
class LearningEvidence:
    item: str
    evidenced: dt.date
    evidence: str | None = None


@dataclass(slots=True)
class Transition:
    case: str
    items: dict[str, ChecklistEntry] = field(default_factory=dict)


@dataclass(slots=True)
class PlacementAgreement:
    """What the placement agreement meeting settled (its date is the induction item's)."""

    learning_needs: str | None = None
    after_hours_contact: str | None = None  # who the student calls after an after-hours visit
    notes: str | None = None


@dataclass(slots=True)
class SupervisionAgreement:
    """How, when and with whom supervision happens (its date is the induction item's)."""

    weekday: str | None = None  # mon … sun
    every_days: int = 7
    time: str | None = None
    three_way: str | None = None  # three-way arrangements when the educator is off site
    notes: str | None = None


@dataclass(slots=True)
class PlacementSnapshot:
    """One student's placement, complete: the unit the rules, reports and file work on."""

    placement: Placement
    policy: dict[str, int] = field(default_factory=dict)
    induction: dict[str, ChecklistEntry] = field(default_factory=dict)
    absences: list[Absence] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    supervisions: list[Supervision] = field(default_factory=list)
    pcf_reviews: list[PcfReview] = field(default_factory=list)
    learning: list[LearningEvidence] = field(default_factory=list)
    transitions: list[Transition] = field(default_factory=list)
    placement_agreement: PlacementAgreement | None = None
    supervision_agreement: SupervisionAgreement | None = None
    # The placement's own policy profile (an authority's, for a PE with students from two
    # authorities); None: the app's. Its ``policy`` above still goes on top.
    profile: PolicyProfile | None = None
