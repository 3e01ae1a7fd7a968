"""Cases: allocating, editing and ending them inside the policy, with every change audited.

An allocation is assessed by the policy package (``app.policy.allocation``), the same
answer the allocation dialog shows while the PE types: a breach blocks it unless a manager
override (who, why, review date) is recorded, and a rule that no override can allow
refuses it with what to do instead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.interchange.free_text import typed_text_fields
from app.models import CASE_SKIP, CaseRecord, ManagerOverrideRecord
from app.models.facts import row_values
from app.policy.allocation import AllocationCheck, AllocationRefused, assess_allocation
from app.policy.calendar import uk_date
from app.policy.engine import evaluate
from app.policy.findings import Finding
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Case, Event, ManagerOverride, PlacementSnapshot, SteppedUp
from app.policy.terms import as_of_view, is_caseload, is_statutory, joint_visit_deadline
from app.policy.vocabulary import (
    ALL_LEARNING_OUTCOMES,
    CASE_TYPE_LABELS,
    CASE_TYPES,
    ENDING_LABELS,
    EVENT_KIND_LABELS,
    OWN_ITEM_PREFIX,
    PCF_DOMAINS,
    ROLE_LABELS,
    learning_item_label,
    required_learning_outcomes,
)
from app.services.audit import changed_answers, record_change
from app.services.checking import profile_for
from app.services.context import Service
from app.services.errors import InvalidInput
from app.services.snapshot import case_row, load_snapshot, placement_for_change

__all__ = ["AllocationCheck", "AllocationRefused", "CaseService", "ENDING_LABELS"]


@dataclass(frozen=True, slots=True)
class LearningChoice:
    """Something a case can offer the student: a learning outcome, a PCF domain, an own item."""

    item: str
    label: str
    needed: bool  # a required outcome not yet evidenced, and no open case offers it


def learning_choices(snapshot: PlacementSnapshot, as_of: date) -> list[LearningChoice]:
    """What a case can be chosen to offer, the placement's gaps first: required outcomes that
    are neither evidenced nor offered by an open case, then the other outcomes, then the PCF
    domains, then the PE's own items already in use."""
    p = snapshot.placement
    seen = as_of_view(snapshot, as_of)
    evidenced = {x.item for x in seen.learning}
    offered = {i for c in seen.cases if c.ended is None for i in c.learning}
    required = required_learning_outcomes(p.kind, p.setting)
    needed = [i for i in required if i not in evidenced and i not in offered]
    others = [i for i in ALL_LEARNING_OUTCOMES if i not in needed]
    own = sorted({i for c in snapshot.cases for i in c.learning if i.startswith(OWN_ITEM_PREFIX)})
    choices = [LearningChoice(i, ALL_LEARNING_OUTCOMES[i], True) for i in needed]
    choices += [LearningChoice(i, ALL_LEARNING_OUTCOMES[i], False) for i in others]
    choices += [LearningChoice(k, learning_item_label(k), False) for k in PCF_DOMAINS]
    choices += [LearningChoice(i, learning_item_label(i), False) for i in own]
    return choices


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
        c = self.case
        entries = []
        if c.briefed is not None:
            entries.append(TimelineEntry(c.briefed, "Briefing", "One-to-one, history read"))
        keyworker = f"keyworker {c.keyworker}" if c.keyworker else ""
        entries.append(
            TimelineEntry(
                c.allocated,
                "Allocated",
                "; ".join(
                    x
                    for x in (
                        f"{ROLE_LABELS[c.student_role]}, {CASE_TYPE_LABELS[c.stepped_up.from_ if c.stepped_up else c.type]}",
                        "" if c.stepped_up else keyworker,
                        "risk to the student: safety plan recorded"
                        if c.risk_to_worker and c.safety_plan
                        else ("risk to the student: no safety plan" if c.risk_to_worker else ""),
                    )
                    if x
                ),
            )
        )
        if c.stepped_up is not None:
            entries.append(
                TimelineEntry(
                    c.stepped_up.date,
                    "Stepped up",
                    f"{CASE_TYPE_LABELS[c.stepped_up.from_]} to {CASE_TYPE_LABELS[c.type]}"
                    + (f"; {keyworker}" if keyworker else ""),
                )
            )
        entries += [
            TimelineEntry(e.date, EVENT_KIND_LABELS[e.kind], e.notes or e.feedback or "")
            for e in self.events
        ]
        entries += [TimelineEntry(day, "Case direction", text) for day, text in self.directions]
        if c.transfer_signed_off is not None:
            entries.append(
                TimelineEntry(c.transfer_signed_off, "Transfer signed off", "By both managers")
            )
        if c.ended is not None:
            entries.append(TimelineEntry(c.ended, "Ended", self.ending_label))
        return tuple(sorted(entries, key=lambda t: t.day))

    @property
    def type_label(self) -> str:
        return CASE_TYPE_LABELS[self.case.type]

    @property
    def ending_label(self) -> str:
        return ENDING_LABELS.get(self.case.ending or "", "")


def apply_case(record: CaseRecord, case: Case) -> None:
    """Copy a case's fields onto its row, keeping the row (and everything linked to it)."""
    for attribute, value in row_values(case, CASE_SKIP).items():
        setattr(record, attribute, value)
    o = case.manager_override
    if o is None:
        record.manager_override = None
    elif record.manager_override is None:
        record.manager_override = ManagerOverrideRecord(
            by=o.by, reason=o.reason, review_by=o.review_by, reviewed=o.reviewed
        )
    else:
        current = record.manager_override
        current.by, current.reason, current.review_by = o.by, o.reason, o.review_by
        current.reviewed = o.reviewed


def _facts(case: Case) -> dict[str, object]:
    """A case's answers as the history compares them: the override's answers one by one, and
    text a person typed as itself only to compare (``_changes`` never writes it down)."""
    facts = asdict(case)
    override = facts.pop("manager_override")
    facts["manager_override"] = "recorded" if override else "none"
    for key, value in (override or {}).items():
        facts[f"manager_override.{key}"] = value
    return facts


def _changes(old: Case, new: Case) -> dict[str, object]:
    """Which answers of a case changed (typed text only as "changed")."""
    typed = typed_text_fields(Case) | {
        f"manager_override.{n}" for n in typed_text_fields(ManagerOverride)
    }
    return changed_answers(_facts(old), _facts(new), typed)


def _case_record(session: Session, placement_id: int, ref: str) -> CaseRecord:
    record = session.scalars(
        select(CaseRecord).where(CaseRecord.placement_id == placement_id, CaseRecord.ref == ref)
    ).one_or_none()
    if record is None:
        raise InvalidInput(f"There is no case {ref} in this placement.")
    return record


class CaseService(Service):
    def _snapshot(self, session: Session, placement_id: int) -> PlacementSnapshot:
        return load_snapshot(session, placement_id)

    def check(
        self, placement_id: int, case: Case, as_of: date, replacing: str | None = None
    ) -> AllocationCheck:
        """What saving ``case`` would cause, and whether it may be saved; nothing is stored."""
        with self.db.unit_of_work() as session:
            snap = self._snapshot(session, placement_id)
        return assess_allocation(snap, case, as_of, profile_for(snap, self.profile), replacing)

    def _save(
        self,
        placement_id: int,
        case: Case,
        as_of: date,
        replacing: str | None,
        action: str = "case.updated",
    ) -> None:
        with self.db.unit_of_work() as session:
            placement_for_change(session, placement_id)
            snap = self._snapshot(session, placement_id)
            check = assess_allocation(snap, case, as_of, profile_for(snap, self.profile), replacing)
            refusal = check.refusal()
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
                        "override_by": case.manager_override.by if case.manager_override else None,
                        "review_by": case.manager_override.review_by.isoformat()
                        if case.manager_override
                        else None,
                    },
                )
            else:
                old = next(c for c in snap.cases if c.ref == replacing)
                apply_case(_case_record(session, placement_id, replacing), case)
                record_change(
                    session,
                    action,
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
        transfer_signed_off: date | None = None,
    ) -> None:
        """The student's work on the case ended; a transfer carries the day both managers
        signed it off (003 §3.6, §3.7), which only a transfer can have."""
        current = self.case(placement_id, ref)
        who = (handover_to or "").strip() or None
        ended_case = replace(
            current,
            ended=ended,
            ending=ending,
            handover_to=who,
            transfer_signed_off=transfer_signed_off,
        )
        self._save(placement_id, ended_case, as_of, ref, "case.ended")

    def record_step_up(
        self,
        placement_id: int,
        ref: str,
        on: date,
        new_type: str,
        keyworker: str | None,
        as_of: date,
        student_role: str | None = None,
    ) -> None:
        """The case became statutory on ``on`` (003 §4.2): its type before is kept, the
        keyworker named, and the student's role changed when asked (a student who led it
        becomes a co-worker or shadows, 001 §10)."""
        current = self.case(placement_id, ref)
        if current.stepped_up is not None:
            raise InvalidInput(
                f"{ref} was already stepped up on {uk_date(current.stepped_up.date)}; "
                "edit the case to change that."
            )
        if is_statutory(current.type):
            raise InvalidInput(
                f"{ref} is already a statutory case ({CASE_TYPE_LABELS[current.type]}): "
                "there is nothing to step up."
            )
        if new_type not in CASE_TYPES or not is_statutory(new_type):
            raise InvalidInput(
                "Choose the statutory type the case was stepped up to "
                "(child protection, section 47, looked after, ...)."
            )
        if on > as_of:
            raise InvalidInput(
                f"A step-up is recorded once it has happened: {uk_date(on)} is after today."
            )
        stepped = replace(
            current,
            type=new_type,
            stepped_up=SteppedUp(on, current.type),
            keyworker=(keyworker or "").strip() or current.keyworker,
            student_role=student_role or current.student_role,
        )
        self._save(placement_id, stepped, as_of, ref, "case.stepped-up")

    def record_review(self, placement_id: int, ref: str, reviewed: date, as_of: date) -> None:
        """The manager reviewed the override on ``reviewed`` (002 §3)."""
        current = self.case(placement_id, ref)
        if current.manager_override is None:
            raise InvalidInput(f"{ref} has no manager override to review.")
        override = replace(current.manager_override, reviewed=reviewed)
        self.update(placement_id, ref, replace(current, manager_override=override), as_of)

    def learning_choices(self, placement_id: int, as_of: date) -> list[LearningChoice]:
        with self.db.unit_of_work() as session:
            snap = self._snapshot(session, placement_id)
        return learning_choices(snap, as_of)

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
