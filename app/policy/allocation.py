"""May this allocation be saved? One answer, for the allocation dialog and the service alike.

``assess_allocation`` takes the placement as stored and the case as the PE has it in the
dialog, and says what saving it would cause: the problems that make it no case at all
(a name for a reference, a step-up from a statutory type), the findings of the rules
checked at allocation, and the verdict: saved, saved with a manager override, or never.
Each rule declares whether it is checked at allocation and whether an override can allow
it (``findings.rule``); nothing here lists rule ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from app.policy.calendar import uk_date
from app.policy.engine import evaluate
from app.policy.errors import InvalidInput
from app.policy.findings import BREACH, RULES, Finding
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Case, PlacementSnapshot
from app.policy.sources import cited
from app.policy.terms import is_statutory
from app.policy.vocabulary import (
    ALL_LEARNING_OUTCOMES,
    CASE_TYPE_LABELS,
    CASE_TYPES,
    ENDINGS,
    LEVELS,
    OWN_ITEM_PREFIX,
    PCF_DOMAINS,
    STUDENT_ROLES,
)

REF_PATTERN: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.\-]{0,39}$")
INITIALS_PATTERN: Final = re.compile(r"^[A-Za-z]{1,4}$")

OK: Final = "ok"
NEEDS_OVERRIDE: Final = "needs-override"
NEVER: Final = "never"
INVALID: Final = "invalid"


class AllocationRefused(InvalidInput):
    """The allocation breaches policy and no acceptable manager override is recorded."""

    def __init__(self, message: str, findings: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings


@dataclass(frozen=True, slots=True)
class CaseProblem:
    """A value no case can have: the key it is in (as in the placement file) and why."""

    key: str  # e.g. "stepped_up.from"
    problem: str  # a phrase: "cin is not a statutory type"
    sentence: str  # the same for a person at the dialog


def is_learning_item(item: str) -> bool:
    """A learning outcome, a PCF domain, or the PE's own ``x-`` item."""
    return (
        item in ALL_LEARNING_OUTCOMES
        or item in PCF_DOMAINS
        or (item.startswith(OWN_ITEM_PREFIX) and len(item) > len(OWN_ITEM_PREFIX))
    )


def case_problems(case: Case) -> Iterator[CaseProblem]:
    """What makes a case impossible whatever the placement: the file reader reports these
    with the JSON path, the services as a sentence. (A briefing after the allocation, or a
    sign-off after the transfer, are facts the rules report, not problems.)"""
    s = case.stepped_up
    if s is not None:
        if s.date < case.allocated:
            yield CaseProblem(
                "stepped_up.date",
                f"before the case's allocation ({case.allocated.isoformat()})",
                f"A step-up cannot come before the allocation ({uk_date(case.allocated)}).",
            )
        if case.ended is not None and s.date > case.ended:
            yield CaseProblem(
                "stepped_up.date",
                f"after the case ended ({case.ended.isoformat()})",
                f"A step-up cannot come after the case ended ({uk_date(case.ended)}).",
            )
        if is_statutory(s.from_):
            yield CaseProblem(
                "stepped_up.from",
                f'"{s.from_}" is already statutory: a step-up is from a non-statutory type',
                "A step-up is from a non-statutory type (early help, child in need, TAC).",
            )
        if not is_statutory(case.type):
            yield CaseProblem(
                "type",
                f'"{case.type}" is not statutory, but the case has a step-up',
                f"A case stepped up must now be statutory, not {CASE_TYPE_LABELS[case.type]}.",
            )
    if case.visit_every_days is not None and case.visit_every_days < 1:
        yield CaseProblem(
            "visit_every_days",
            f"must be at least 1, got {case.visit_every_days}",
            "The visiting frequency is at least one day.",
        )
    seen: set[str] = set()
    for i, item in enumerate(case.learning):
        if not is_learning_item(item):
            yield CaseProblem(
                f"learning[{i}]",
                f'unknown item "{item}": use a learning outcome, a PCF domain or your own '
                f"starting with {OWN_ITEM_PREFIX!r}",
                f'"{item}" is not a learning outcome or PCF domain.',
            )
        elif item in seen:
            yield CaseProblem(
                f"learning[{i}]", f'"{item}" is listed twice', f'"{item}" is listed twice.'
            )
        seen.add(item)
    if case.transfer_signed_off is not None and case.ending != "transferred":
        yield CaseProblem(
            "transfer_signed_off",
            "only a transferred case has a transfer sign-off",
            "Only a transferred case has a transfer sign-off date.",
        )


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
    for problem in case_problems(case):
        raise InvalidInput(problem.sentence)
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


@dataclass(frozen=True, slots=True)
class AllocationCheck:
    """What saving an allocation (or a change to a case) would cause, and whether it may."""

    case: Case
    findings: tuple[Finding, ...] = ()
    # (rule, subject) of findings the stored placement did not have already: only these block
    new: frozenset[tuple[str, str]] = frozenset()
    problem: str | None = None  # what makes it no case at all (validate_case's sentence)
    # the student's roles that no rule would forbid outright, offered when one does
    alternatives: tuple[str, ...] = ()

    def is_new(self, finding: Finding) -> bool:
        return (finding.rule, finding.subject) in self.new

    @property
    def breaches(self) -> list[Finding]:
        """Breaches this change would bring in (ones already on record do not block an edit)."""
        return [f for f in self.findings if f.severity == BREACH and self.is_new(f)]

    @property
    def unoverridable(self) -> list[Finding]:
        return [f for f in self.breaches if not RULES[f.rule].overridable]

    @property
    def verdict(self) -> str:
        """``invalid``, ``never``, ``needs-override`` (unless one is recorded) or ``ok``."""
        if self.problem is not None:
            return INVALID
        if self.unoverridable:
            return NEVER
        if self.breaches and self.case.manager_override is None:
            return NEEDS_OVERRIDE
        return OK

    def never_reasons(self) -> list[str]:
        """Why no override can allow it, once per rule, as a PE reads it."""
        rules = dict.fromkeys(f.rule for f in self.unoverridable)
        return [cited(RULES[r].never or "") for r in rules]

    def refusal(self) -> AllocationRefused | None:
        """The error a person is shown when this is saved anyway; None when it may be."""
        verdict, ref = self.verdict, self.case.ref
        if verdict == INVALID:
            return AllocationRefused(self.problem or "", [])
        if verdict == NEVER:
            return AllocationRefused(
                f"Not allowed for {ref}: {' '.join(self.never_reasons())}", self.unoverridable
            )
        if verdict == NEEDS_OVERRIDE:
            names = "; ".join(f.message for f in self.breaches)
            return AllocationRefused(
                f"{ref} breaches policy ({names}). Record a manager override (who, why, review "
                "date) or change the allocation.",
                self.breaches,
            )
        return None


def _allocation_findings(
    snapshot: PlacementSnapshot, when: date, profile: PolicyProfile
) -> list[Finding]:
    return [
        f
        for f in evaluate(snapshot, when, profile)
        if RULES[f.rule].at_allocation and f.rule != "allocation.override-review"
    ]


def assess_allocation(
    snapshot: PlacementSnapshot,
    case: Case,
    as_of: date,
    profile: PolicyProfile,
    replacing: str | None = None,
    *,
    offer_alternatives: bool = True,
) -> AllocationCheck:
    """The allocation rules' findings about ``case``, any it newly causes on other cases, and
    the verdict. Evaluated as of the later of today and the allocation date, so a planned
    allocation is judged on the day it will happen."""
    try:
        validate_case(case, snapshot, replacing)
        problem = None
    except InvalidInput as exc:
        problem = str(exc)
    when = max(as_of, case.allocated)
    renamed = {f"case:{replacing}": f"case:{case.ref}"} if replacing else {}
    before = {
        (f.rule, renamed.get(f.subject, f.subject))
        for f in _allocation_findings(snapshot, when, profile)
    }
    after = [
        f
        for f in _allocation_findings(with_case(snapshot, case, replacing), when, profile)
        if f.subject == f"case:{case.ref}" or (f.rule, f.subject) not in before
    ]
    new = frozenset((f.rule, f.subject) for f in after) - before
    check = AllocationCheck(case, tuple(after), new, problem)
    if check.unoverridable and offer_alternatives:
        roles = []
        for role in STUDENT_ROLES:
            if role == case.student_role:
                continue
            other = replace(case, student_role=role)
            trial = assess_allocation(
                snapshot, other, as_of, profile, replacing, offer_alternatives=False
            )
            if not trial.unoverridable:
                roles.append(role)
        check = replace(check, alternatives=tuple(roles))
    return check
