"""``evaluate``: a placement snapshot, an as-of date and a profile in; sorted findings out."""

from __future__ import annotations

from datetime import date

import app.policy.rules  # noqa: F401  (registers every rule)
from app.policy.findings import BREACH, RULES, EvaluationContext, Finding, Rule
from app.policy.profile import DEFAULT_PROFILE, PolicyProfile
from app.policy.snapshot import Placement, PlacementSnapshot
from app.policy.terms import as_of_view


def evaluate(
    snapshot: PlacementSnapshot,
    as_of: date,
    profile: PolicyProfile = DEFAULT_PROFILE,
    others: tuple[Placement, ...] = (),
) -> list[Finding]:
    """Every finding for the placement as it stood on ``as_of``, sorted by date, rule, subject;
    ``others``: the other placements looked at with it (the rules across placements). A rule
    the profile switches off is not run: it raises nothing, and refuses nothing."""
    ctx = EvaluationContext(as_of_view(snapshot, as_of), as_of, profile, others)
    off = profile.rules_off
    findings = [f for r in RULES.values() if r.id not in off for f in r.check(ctx)]
    return sorted(findings, key=Finding.sort_key)


def has_breach(findings: list[Finding]) -> bool:
    return any(f.severity == BREACH for f in findings)


def rules() -> list[Rule]:
    """Every registered rule, by id."""
    return [RULES[k] for k in sorted(RULES)]
