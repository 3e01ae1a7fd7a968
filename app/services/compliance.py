"""Findings dressed for people: what the rule means, where it comes from, what it is about."""

from __future__ import annotations

from dataclasses import dataclass

from app.policy.findings import RULES, Finding


@dataclass(frozen=True, slots=True)
class ComplianceItem:
    finding: Finding
    explanation: str  # what the rule asks, in plain words

    @property
    def subject_label(self) -> str:
        kind, _, key = self.finding.subject.partition(":")
        labels = {
            "case": "Case",
            "event": "Event",
            "supervision": "Supervision",
            "absence": "Absence",
        }
        return f"{labels[kind]} {key}" if key else "Placement"


@dataclass(frozen=True, slots=True)
class ComplianceCounts:
    breaches: int
    warnings: int
    due: int

    @property
    def total(self) -> int:
        return self.breaches + self.warnings + self.due


def explain(findings: list[Finding]) -> list[ComplianceItem]:
    return [ComplianceItem(f, RULES[f.rule].summary) for f in findings]


def count(findings: list[Finding]) -> ComplianceCounts:
    return ComplianceCounts(
        breaches=sum(1 for f in findings if f.severity == "breach"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
        due=sum(1 for f in findings if f.severity == "due"),
    )
