"""Cases: allocating, editing and ending them inside the policy, with every change audited.

An allocation is checked against the same rule engine as the Compliance page before it
is stored. A breach blocks it unless a manager override (who, why, review date) is
recorded; two breaches can never be overridden (001 §10, 004 §2.4).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import CaseRecord, ManagerOverrideRecord
from app.policy.calendar import uk_date
from app.policy.engine import evaluate
from app.policy.findings import BREACH, Finding
from app.policy.profile import DEFAULT_PROFILE, PolicyProfile
from app.policy.snapshot import Case, Event, PlacementSnapshot
from app.policy.sources import cited
from app.policy.terms import as_of_view, is_caseload, joint_visit_deadline
from app.policy.vocabulary import (
    CASE_TYPE_LABELS,
    CASE_TYPES,
    ENDINGS,
    EVENT_KIND_LABELS,
    LEVELS,
    STUDENT_ROLES,
)
from app.services.audit import record_change
from app.services.checking import profile_for
from app.services.compliance import ComplianceItem, explain
from app.services.errors import InvalidInput
from app.services.snapshot import case_row, load_snapshot, placement_for_change

# Breaches the seeds rule out in any circumstances: no override can allow them.
NEVER_OVERRIDE: Final = {
    "allocation.statutory-lead": cited(
        "A student can never lead a statutory case (001 §10, 004 §2.1): "
        "make the student a co-worker or let them shadow."
    ),
    "allocation.pre-birth": cited(
        "A student can never lead or co-work a pre-birth assessment (004 §2.4): "
        "let the student shadow instead."
    ),
}
# Rules an allocation is checked against at the moment it is made.
ALLOCATION_RULES: Final = ("allocation.", "caseload.")
REF_PATTERN: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.\-]{0,39}$")
INITIALS_PATTERN: Final = re.compile(r"^[A-Za-z]{1,4}$")
ENDING_LABELS: Final = {
    "closed": "Closed",
    "transferred": "Transferred",
    "stays-with-named-worker": "Stays with the named worker",
}


class AllocationRefused(ValueError):
    """The allocation breaches policy and no acceptable manager override is recorded."""

    def __init__(self, message: str, findings: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings


@dataclass(frozen=True, slots=True)
class AllocationCheck:
    """What an allocation (or a change to a case) would cause, before it is saved."""

    items: tuple[ComplianceItem, ...]
    # (rule, subject) of findings the stored placement did not have already: only these block
    new: frozenset[tuple[str, str]] = frozenset()

    def is_new(self, finding: Finding) -> bool:
        return (finding.rule, finding.subject) in self.new

    @property
    def breaches(self) -> list[Finding]:
        """Breaches this change would bring in (ones already on record do not block an edit)."""
        return [
            i.finding for i in self.items if i.finding.severity == BREACH and self.is_new(i.finding)
        ]

    @property
    def unoverridable(self) -> list[Finding]:
        return [f for f in self.breaches if f.rule in NEVER_OVERRIDE]

    @property
    def needs_override(self) -> bool:
        return bool(self.breaches) and not self.unoverridable


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    day: date
    what: str
    detail: str


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One child as the Cases page shows it."""

    case: Case
    is_open: bool
    days_open: int
    joint_visit: str  # done | due | overdue | pending | exempt | n/a
    joint_visit_text: str
    last_direction: date | None
    findings: tuple[Finding, ...]
    events: tuple[Event, ...]  # the child's events, for the timeline
    directions: tuple[tuple[date, str], ...]  # (session date, decision)

    @property
    def timeline(self) -> tuple[TimelineEntry, ...]:
        """What happened with the child, oldest first: worked out only for the case a PE
        selects, not for all 300 of a long placement at every refresh."""
        entries = [
            TimelineEntry(e.date, EVENT_KIND_LABELS[e.kind], e.notes or e.feedback or "")
            for e in self.events
        ]
        entries += [TimelineEntry(day, "Case direction", text) for day, text in self.directions]
        return tuple(sorted(entries, key=lambda t: t.day))

    @property
    def type_label(self) -> str:
        return CASE_TYPE_LABELS[self.case.type]

    @property
    def ending_label(self) -> str:
        return ENDING_LABELS.get(self.case.ending or "", "")


def validate_case(case: Case, snapshot: PlacementSnapshot, replacing: str | None = None) -> None:
    """Refuse what no case can be, with a sentence that says what to change."""
    p = snapshot.placement
    stored = next((c for c in snapshot.cases if c.ref == replacing), None)
    # The privacy guards apply to what is typed now; a case imported from elsewhere can still be
    # edited or ended without renaming it first.
    if stored is None or case.ref != stored.ref:
        if not REF_PATTERN.match(case.ref):
            raise InvalidInput(
                "Enter the case-record number as the reference (letters, digits, - / _ . only)."
            )
        if not any(ch.isdigit() for ch in case.ref):
            raise InvalidInput(
                "The reference must be the case-record number (it has digits), never the child's name."
            )
    if case.ref != replacing and any(c.ref == case.ref for c in snapshot.cases):
        raise InvalidInput(f"There is already a case {case.ref} in this placement.")
    initials_changed = stored is None or case.initials != stored.initials
    if case.initials and initials_changed and not INITIALS_PATTERN.match(case.initials):
        raise InvalidInput("Initials are up to four letters (e.g. AB), never a name.")
    if case.type not in CASE_TYPES or case.student_role not in STUDENT_ROLES:
        raise InvalidInput("Choose the case type and the student's role.")
    if case.complexity not in LEVELS or case.risk not in LEVELS:
        raise InvalidInput("Choose the complexity and the risk.")
    if not p.start <= case.allocated <= p.end:
        raise InvalidInput(
            f"The allocation date must fall within the placement ({uk_date(p.start)} to {uk_date(p.end)})."
        )
    if case.ended is not None and case.ended < case.allocated:
        raise InvalidInput("A case cannot end before it was allocated.")
    if (case.ended is None) != (case.ending is None):
        raise InvalidInput("Give both the end date and how the case ended.")
    if case.ending is not None and case.ending not in ENDINGS:
        raise InvalidInput("Choose how the case ended.")
    if case.previous_social_workers < 0:
        raise InvalidInput("The number of previous social workers cannot be negative.")
    o = case.manager_override
    if o is not None:
        if not o.by.strip() or not o.reason.strip():
            raise InvalidInput("A manager override needs the manager's name and the reason.")
        if o.review_by < case.allocated:
            raise InvalidInput("The override's review date must be on or after the allocation.")
        if o.reviewed is not None and o.reviewed < case.allocated:
            raise InvalidInput("The override cannot be reviewed before the allocation.")


def with_case(snapshot: PlacementSnapshot, case: Case, replacing: str | None) -> PlacementSnapshot:
    """The placement as it would be with ``case`` added (or put in place of ``replacing``)."""
    if replacing is None:
        return replace(snapshot, cases=[*snapshot.cases, case])
    cases = [case if c.ref == replacing else c for c in snapshot.cases]
    return replace(snapshot, cases=cases)


def check_case(
    snapshot: PlacementSnapshot,
    case: Case,
    as_of: date,
    profile: PolicyProfile,
    replacing: str | None = None,
) -> AllocationCheck:
    """The allocation rules' findings about ``case``, and any it newly causes on other cases.

    Evaluated as of the later of today and the allocation date, so a planned allocation is
    judged on the day it will happen.
    """
    when = max(as_of, case.allocated)
    renamed = {f"case:{replacing}": f"case:{case.ref}"} if replacing else {}
    before = {
        (f.rule, renamed.get(f.subject, f.subject))
        for f in evaluate(snapshot, when, profile)
        if f.rule.startswith(ALLOCATION_RULES)
    }
    after = [
        f
        for f in evaluate(with_case(snapshot, case, replacing), when, profile)
        if f.rule.startswith(ALLOCATION_RULES)
        and f.rule != "allocation.override-review"
        and (f.subject == f"case:{case.ref}" or (f.rule, f.subject) not in before)
    ]
    new = frozenset((f.rule, f.subject) for f in after) - before
    return AllocationCheck(tuple(explain(after)), new)


def _refusal(check: AllocationCheck, case: Case) -> AllocationRefused | None:
    if check.unoverridable:
        reasons = " ".join(NEVER_OVERRIDE[f.rule] for f in check.unoverridable)
        return AllocationRefused(f"Not allowed for {case.ref}: {reasons}", check.unoverridable)
    if check.breaches and case.manager_override is None:
        names = "; ".join(f.message for f in check.breaches)
        return AllocationRefused(
            f"{case.ref} breaches policy ({names}). Record a manager override (who, why, review date) "
            "or change the allocation.",
            check.breaches,
        )
    return None


def apply_case(record: CaseRecord, case: Case) -> None:
    """Copy a case's fields onto its row, keeping the row (and everything linked to it)."""
    fresh = case_row(case, record.position)
    for column in (
        "ref",
        "initials",
        "type",
        "student_role",
        "allocated",
        "ended",
        "ending",
        "handover_to",
        "complexity",
        "risk",
        "educator_consulted",
        "rationale",
        "previous_social_workers",
        "major_transition",
        "conflict_of_interest",
    ):
        setattr(record, column, getattr(fresh, column))
    o = case.manager_override
    if o is None:
        record.manager_override = None
    elif record.manager_override is None:
        record.manager_override = ManagerOverrideRecord(
            by=o.by, reason=o.reason, review_by=o.review_by, reviewed=o.reviewed
        )
    else:
        current = record.manager_override
        current.by, current.reason, current.review_by, current.reviewed = (
            o.by,
            o.reason,
            o.review_by,
            o.reviewed,
        )


def _changes(old: Case, new: Case) -> dict[str, object]:
    before, after = asdict(old), asdict(new)
    return {
        k: {"from": str(before[k]), "to": str(after[k])} for k in after if before[k] != after[k]
    }


def _case_record(session: Session, placement_id: int, ref: str) -> CaseRecord:
    record = session.scalars(
        select(CaseRecord).where(CaseRecord.placement_id == placement_id, CaseRecord.ref == ref)
    ).one_or_none()
    if record is None:
        raise InvalidInput(f"There is no case {ref} in this placement.")
    return record


class CaseService:
    def __init__(self, db: Database, profile: PolicyProfile = DEFAULT_PROFILE) -> None:
        self.db = db
        self.profile = profile

    def _snapshot(self, session: Session, placement_id: int) -> PlacementSnapshot:
        return load_snapshot(session, placement_id)

    def check(
        self, placement_id: int, case: Case, as_of: date, replacing: str | None = None
    ) -> AllocationCheck:
        """What saving ``case`` would cause; nothing is stored."""
        with self.db.unit_of_work() as session:
            snap = self._snapshot(session, placement_id)
        return check_case(snap, case, as_of, profile_for(snap, self.profile), replacing)

    def _save(self, placement_id: int, case: Case, as_of: date, replacing: str | None) -> None:
        with self.db.unit_of_work() as session:
            placement_for_change(session, placement_id)
            snap = self._snapshot(session, placement_id)
            validate_case(case, snap, replacing)
            refusal = _refusal(
                check_case(snap, case, as_of, profile_for(snap, self.profile), replacing), case
            )
            if refusal:
                raise refusal
            if replacing is None:
                placement = placement_for_change(session, placement_id)
                placement.cases.append(case_row(case, len(placement.cases)))
                record_change(
                    session,
                    "case.allocated",
                    placement_id=placement_id,
                    subject=f"case:{case.ref}",
                    detail={
                        "type": case.type,
                        "role": case.student_role,
                        "allocated": case.allocated.isoformat(),
                        "override": case.manager_override is not None,
                    },
                )
            else:
                old = next(c for c in snap.cases if c.ref == replacing)
                apply_case(_case_record(session, placement_id, replacing), case)
                record_change(
                    session,
                    "case.updated",
                    placement_id=placement_id,
                    subject=f"case:{case.ref}",
                    detail=_changes(old, case),
                )

    def allocate(self, placement_id: int, case: Case, as_of: date) -> None:
        """Store a new case if policy allows it (or an acceptable override is recorded)."""
        self._save(placement_id, case, as_of, None)

    def update(self, placement_id: int, ref: str, case: Case, as_of: date) -> None:
        """Change a case the same way: checked, refused or overridden, audited."""
        self._save(placement_id, case, as_of, ref)

    def end_case(
        self,
        placement_id: int,
        ref: str,
        ended: date,
        ending: str,
        handover_to: str | None,
        as_of: date,
    ) -> None:
        current = self.case(placement_id, ref)
        who = (handover_to or "").strip() or None
        self.update(
            placement_id, ref, replace(current, ended=ended, ending=ending, handover_to=who), as_of
        )

    def record_review(self, placement_id: int, ref: str, reviewed: date, as_of: date) -> None:
        """The manager reviewed the override on ``reviewed`` (002 §3)."""
        current = self.case(placement_id, ref)
        if current.manager_override is None:
            raise InvalidInput(f"{ref} has no manager override to review.")
        override = replace(current.manager_override, reviewed=reviewed)
        self.update(placement_id, ref, replace(current, manager_override=override), as_of)

    def case(self, placement_id: int, ref: str) -> Case:
        with self.db.unit_of_work() as session:
            snap = self._snapshot(session, placement_id)
        for c in snap.cases:
            if c.ref == ref:
                return c
        raise InvalidInput(f"There is no case {ref} in this placement.")

    def rows(self, placement_id: int, as_of: date) -> list[CaseRow]:
        with self.db.unit_of_work() as session:
            snap = self._snapshot(session, placement_id)
        profile = profile_for(snap, self.profile)
        findings = evaluate(snap, as_of, profile)
        return case_rows(snap, as_of, profile, findings)


def case_rows(
    snap: PlacementSnapshot, as_of: date, profile: PolicyProfile, findings: list[Finding]
) -> list[CaseRow]:
    seen = as_of_view(snap, as_of)
    by_subject: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_subject[f.subject].append(f)
    events: dict[str, list[Event]] = defaultdict(list)
    decisions: dict[str, list[tuple[date, str]]] = defaultdict(list)
    directions: dict[str, list[date]] = defaultdict(list)
    joint: dict[str, list[date]] = defaultdict(list)
    for e in seen.events:
        if e.case:
            events[e.case].append(e)
            if e.kind == "joint-visit":
                joint[e.case].append(e.date)
    for s in seen.supervisions:
        for d in s.case_direction:
            decisions[d.case].append((s.date, d.decision))
        for ref in s.cases_discussed:
            directions[ref].append(s.date)
    shown = {x.ref: x for x in seen.cases}
    rows = []
    for stored in snap.cases:
        if stored.allocated > as_of:
            continue
        c = shown[stored.ref]
        is_open = c.ended is None
        end = c.ended or as_of
        status, text = _joint_visit_status(c, joint[c.ref], as_of, profile)
        rows.append(
            CaseRow(
                case=stored,
                is_open=is_open,
                days_open=(end - c.allocated).days,
                joint_visit=status,
                joint_visit_text=text,
                last_direction=max(directions[c.ref], default=None),
                findings=tuple(by_subject[f"case:{c.ref}"]),
                events=tuple(events[c.ref]),
                directions=tuple(decisions[c.ref]),
            )
        )
    return rows


def _joint_visit_status(
    case: Case, visits: list[date], as_of: date, profile: PolicyProfile
) -> tuple[str, str]:
    if not is_caseload(case):
        return "n/a", "—"
    deadline = joint_visit_deadline(case, profile)
    in_time = [d for d in visits if 0 <= (d - case.allocated).days <= profile.joint_visit_days]
    if in_time:
        return "done", f"Done {uk_date(min(in_time))}"
    if case.ended is not None and case.ended < deadline:
        return "exempt", "Not needed (ended early)"
    if as_of > deadline:
        return "overdue", f"Overdue since {uk_date(deadline)}"
    if (deadline - as_of).days <= profile.notice_days:
        return "due", f"Due by {uk_date(deadline)}"
    return "pending", f"By {uk_date(deadline)}"
