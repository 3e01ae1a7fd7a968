"""A placement as plain data: everything the placement file holds, nothing of Qt or SQL.

The rule engine, the PDF builders and the file reader/writer all speak this; the services
build it from the database and store it back. Field names follow the file format, except
where a key is a Python keyword (``with`` → ``with_``, ``from`` → ``from_``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.policy.vocabulary import DEFAULT_INDUCTION_DAYS, DEFAULT_WORKING_DAYS


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


@dataclass(slots=True)
class Case:
    ref: str
    type: str
    student_role: str
    allocated: dt.date
    educator_consulted: bool
    initials: str | None = None
    ended: dt.date | None = None
    ending: str | None = None
    handover_to: str | None = None
    complexity: str = "low"
    risk: str = "low"
    rationale: str = ""
    previous_social_workers: int = 0
    major_transition: bool = False
    conflict_of_interest: bool = False
    manager_override: ManagerOverride | None = None


@dataclass(slots=True)
class Event:
    """One recorded event. Only the keys of its kind (``EVENT_KINDS``) are meaningful."""

    id: str
    kind: str
    date: dt.date
    case: str | None = None
    notes: str | None = None
    with_: str | None = None
    observer: str | None = None
    feedback: str | None = None
    after_hours: bool | None = None
    checked_in: bool | None = None
    accompanied_by: str | None = None
    meeting: str | None = None
    chaired_by: str | None = None
    competent: bool | None = None
    authorised_by: str | None = None
    report: str | None = None
    overseen_by: str | None = None
    recorded: bool | None = None
    by: str | None = None


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
