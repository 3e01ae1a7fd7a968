"""Findings dressed for people: the rule's title, what it asks, what to do next, and the
record it is about named as a PE knows it ("Decision with Duty senior, D-1042, 20 Nov 2026")."""

from __future__ import annotations

from dataclasses import dataclass

from app.policy.advice import ADVICE, in_reading_order
from app.policy.findings import RULES, Finding
from app.policy.naming import RecordNames, named
from app.policy.snapshot import PlacementSnapshot


@dataclass(frozen=True, slots=True)
class ComplianceItem:
    finding: Finding
    title: str  # the rule in a few words
    explanation: str  # what the rule asks, in plain words
    next_step: str  # what a PE does about it
    names: RecordNames  # the placement's records, named when a row is shown

    @property
    def about(self) -> str:
        """The record it is about, as a PE knows it."""
        return named(self.names, self.finding.subject)

    def order(self) -> tuple[int, str, str]:
        """Breaches first, then warnings, then what is due; by date within each."""
        return in_reading_order(self.finding)


@dataclass(frozen=True, slots=True)
class ComplianceCounts:
    breaches: int
    warnings: int
    due: int

    @property
    def total(self) -> int:
        return self.breaches + self.warnings + self.due


def explain(findings: list[Finding], snap: PlacementSnapshot) -> list[ComplianceItem]:
    """The findings as a PE's list, breaches first."""
    names = RecordNames(snap)
    items = []
    for f in findings:
        advice = ADVICE[f.rule]
        items.append(
            ComplianceItem(f, advice.title, RULES[f.rule].summary, advice.next_step, names)
        )
    return sorted(items, key=ComplianceItem.order)


def count(findings: list[Finding]) -> ComplianceCounts:
    return ComplianceCounts(
        breaches=sum(1 for f in findings if f.severity == "breach"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
        due=sum(1 for f in findings if f.severity == "due"),
    )
