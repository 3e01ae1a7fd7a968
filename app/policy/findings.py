"""Findings, and the registry every rule is entered in with its id, severity and source."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Final

from app.policy.calendar import WorkingCalendar
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Case, ManagerOverride, Placement, PlacementSnapshot
from app.policy.terms import (
    allocations_open,
    calendar_for,
    caseload_by_day,
    placement_midpoint,
    window_end,
)

BREACH: Final = "breach"
WARNING: Final = "warning"
DUE: Final = "due"
SEVERITIES: Final = (BREACH, WARNING, DUE)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: str
    subject: str
    date: date
    message: str
    source: str
    override: ManagerOverride | None = None

    def sort_key(self) -> tuple[str, str, str]:
        return (self.date.isoformat(), self.rule, self.subject)


@dataclass
class EvaluationContext:
    """The placement as of a date, with the derived dates every rule family needs."""

    snapshot: PlacementSnapshot  # already cut to what existed on as_of
    as_of: date
    profile: PolicyProfile
    # the other placements looked at with it (the app's database): for educator.one-student
    others: tuple[Placement, ...] = ()
    calendar: WorkingCalendar = field(init=False)

    def __post_init__(self) -> None:
        self.calendar = calendar_for(self.snapshot.placement)

    @property
    def placement(self) -> Placement:
        return self.snapshot.placement

    @cached_property
    def allocations_open(self) -> date:
        return allocations_open(self.snapshot.placement)

    @cached_property
    def window_end(self) -> date:
        return window_end(self.snapshot.placement, self.as_of)

    @cached_property
    def midpoint(self) -> date:
        return placement_midpoint(self.snapshot.placement)

    @cached_property
    def cases_by_ref(self) -> dict[str, Case]:
        return {c.ref: c for c in self.snapshot.cases}

    @cached_property
    def caseload_days(self) -> dict[date, list[int]]:
        """Each day from the start to the window end: the file positions of the open caseload."""
        return caseload_by_day(self.snapshot.cases, self.placement.start, self.window_end)


RuleCheck = Callable[[EvaluationContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: str  # breach | warning | due | "varies" (observation.count)
    source: str
    params: tuple[str, ...]
    summary: str
    check: RuleCheck
    # Checked when a case is allocated or changed: its breaches then block Save until a
    # manager override is recorded.
    at_allocation: bool = False
    # What the seeds forbid outright, and what to do instead (cited by file number): no
    # override allows it at allocation, and an event form refuses it.
    never: str | None = None

    @property
    def overridable(self) -> bool:
        return self.never is None

    def finding(
        self,
        subject: str,
        day: date,
        message: str,
        severity: str | None = None,
        override: ManagerOverride | None = None,
    ) -> Finding:
        return Finding(
            self.id, severity or self.severity, subject, day, message, self.source, override
        )


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str,
    severity: str,
    source: str,
    summary: str,
    params: tuple[str, ...] = (),
    *,
    at_allocation: bool = False,
    never: str | None = None,
) -> Callable[[RuleCheck], Rule]:
    """Register a rule: ``@rule("case.direction", BREACH, "000 §8, §15", "…", ("direction_days",))``."""

    def register(check: RuleCheck) -> Rule:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        registered = Rule(rule_id, severity, source, params, summary, check, at_allocation, never)
        RULES[rule_id] = registered
        return registered

    return register
