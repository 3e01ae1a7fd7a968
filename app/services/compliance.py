"""Findings dressed for people: the rule's title, what it asks, what to do next, and the
record it is about named as a PE knows it ("Decision with Duty senior, D-1042, 20 Nov 2026")."""

from __future__ import annotations

from dataclasses import dataclass

from app.policy.advice import ADVICE
from app.policy.calendar import uk_date
from app.policy.findings import RULES, SEVERITIES, Finding
from app.policy.snapshot import Event, PlacementSnapshot
from app.policy.vocabulary import (
    ABSENCE_WHO_LABELS,
    EVENT_KIND_LABELS,
    SUPERVISION_FORMAT_LABELS,
)


@dataclass(frozen=True, slots=True)
class ComplianceItem:
    finding: Finding
    title: str  # the rule in a few words
    explanation: str  # what the rule asks, in plain words
    next_step: str  # what a PE does about it
    about: str  # the record it is about, as a PE knows it

    def order(self) -> tuple[int, str, str]:
        """Breaches first, then warnings, then what is due; by date within each."""
        f = self.finding
        return (SEVERITIES.index(f.severity), f.date.isoformat(), self.title)


@dataclass(frozen=True, slots=True)
class ComplianceCounts:
    breaches: int
    warnings: int
    due: int

    @property
    def total(self) -> int:
        return self.breaches + self.warnings + self.due


def _event(e: Event) -> str:
    label = EVENT_KIND_LABELS[e.kind]
    if e.kind == "decision" and e.with_:
        label = f"Decision with {e.with_}"
    elif e.kind == "joint-visit" and e.with_:
        label = f"Joint visit with {e.with_}"
    parts = [label, e.case, uk_date(e.date)]
    return ", ".join(p for p in parts if p)


def subject_names(snap: PlacementSnapshot) -> dict[str, str]:
    """Every subject a finding can be about, named in a PE's words."""
    names = {"placement": "The placement"}
    for c in snap.cases:
        names[f"case:{c.ref}"] = f"Case {c.ref} ({c.initials})" if c.initials else f"Case {c.ref}"
    for e in snap.events:
        names[f"event:{e.id}"] = _event(e)
    for s in snap.supervisions:
        names[f"supervision:{s.id}"] = (
            f"{SUPERVISION_FORMAT_LABELS[s.format]} supervision, {uk_date(s.date)}"
        )
    for a in snap.absences:
        span = uk_date(a.from_) if a.from_ == a.to else f"{uk_date(a.from_)} to {uk_date(a.to)}"
        names[f"absence:{a.id}"] = f"{ABSENCE_WHO_LABELS[a.who]}'s absence, {span}"
    return names


def explain(findings: list[Finding], snap: PlacementSnapshot) -> list[ComplianceItem]:
    """The findings as a PE's list, breaches first."""
    names = subject_names(snap)
    items = []
    for f in findings:
        advice = ADVICE[f.rule]
        about = names.get(f.subject) or f.subject.partition(":")[2] or "The placement"
        items.append(
            ComplianceItem(f, advice.title, RULES[f.rule].summary, advice.next_step, about)
        )
    return sorted(items, key=ComplianceItem.order)


def count(findings: list[Finding]) -> ComplianceCounts:
    return ComplianceCounts(
        breaches=sum(1 for f in findings if f.severity == "breach"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
        due=sum(1 for f in findings if f.severity == "due"),
    )
