"""The policy profile: every number the rules use, with the documented defaults, and the
rules an authority switches off.

Local authorities differ, so each limit is a parameter. A profile may carry an authority's
name (``placement-tracker-profile/1``, read by ``app/interchange/profile_file.py``); a
placement file's ``policy`` object or the PE's own edits go on top, and once they change
anything the name says so ("Stockport (changed here)"): a printed page never claims an
authority's name for numbers the PE chose. Unknown names are an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, Final

from app.policy.wording import counted


class ProfileError(ValueError):
    """A policy override names an unknown parameter or gives a value that is not a whole number."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


@dataclass(frozen=True, slots=True)
class PolicyProfile:
    first_placement_cap: int = 6
    final_placement_cap: int = 10
    many_workers: int = 3
    late_days: int = 28
    early_days: int = 28
    max_new_per_week: int = 2
    supervision_days: int = 7
    supervision_max_days: int = 14
    three_way_days: int = 28
    sign_within_days: int = 7
    direction_days: int = 14
    oversight_days: int = 28
    absence_cover_days: int = 14
    joint_visit_days: int = 42
    s7_not_before_days: int = 42
    observations_first: int = 2
    observations_final: int = 3
    review_grace_days: int = 7
    transition_notice_days: int = 21
    notice_days: int = 7
    step_up_days: int = 7
    max_high_first: int = 2
    max_high_final: int = 5
    # Not numbers: what an authority's profile adds (``profile_file``).
    rules_off: frozenset[str] = frozenset()  # rule ids that raise nothing
    authority: str = ""  # the profile's name as issued; "" for the documents' own
    description: str = ""
    changed_here: bool = False  # a number or a rule changed after it was issued

    def with_overrides(self, overrides: Mapping[str, object]) -> PolicyProfile:
        """A copy with ``overrides`` applied; raises ProfileError naming the bad parameter.
        An authority's profile whose numbers this changes is then "changed here"."""
        clean: dict[str, Any] = dict(validate_overrides(overrides))
        if not clean:
            return self
        changed = self.changed_here or any(getattr(self, k) != v for k, v in clean.items())
        return replace(self, **clean, changed_here=bool(self.authority) and changed)

    def edited(self, parameters: Mapping[str, int], rules_off: frozenset[str]) -> PolicyProfile:
        """The PE's edits in Settings: every number and the rules switched off."""
        changed = (
            self.changed_here
            or rules_off != self.rules_off
            or any(getattr(self, k) != v for k, v in parameters.items())
        )
        numbers: dict[str, Any] = dict(validate_overrides(parameters))
        return replace(
            self,
            **numbers,
            rules_off=frozenset(rules_off),
            changed_here=bool(self.authority) and changed,
        )

    def as_dict(self) -> dict[str, int]:
        """The numbers, by parameter name."""
        return {k: getattr(self, k) for k in PARAMETER_NAMES}

    def differences(self) -> dict[str, int]:
        """The parameters that differ from the defaults (what a PDF footnote shows)."""
        return {k: v for k, v in self.as_dict().items() if DEFAULTS[k] != v}

    def is_on(self, rule: str) -> bool:
        return rule not in self.rules_off

    @property
    def name(self) -> str:
        """The authority's name ("Stockport", "Stockport (changed here)"); without one,
        "default", or "local" once the PE (or the placement file) changed a setting."""
        if self.authority:
            if self.changed_here and not self.authority.endswith(CHANGED_HERE):
                return f"{self.authority} {CHANGED_HERE}"
            return self.authority
        return "local" if self.differences() or self.rules_off else "default"

    def label(self) -> str:
        """The profile in a few words: "default", "Stockport", "local (2 settings differ
        from the default)", "Stockport (changed here; 1 rule off)"."""
        diff, off = self.differences(), len(self.rules_off)
        if self.authority:
            return self.name
        if not diff and not off:
            return "default"
        parts = []
        if diff:
            differ = "differs" if len(diff) == 1 else "differ"
            parts.append(f"{counted(len(diff), 'setting')} {differ} from the default")
        if off:
            parts.append(f"{counted(off, 'rule')} off")
        return f"local ({'; '.join(parts)})"

    def describe(self) -> str:
        """One line for screens and every page of a printed record: the profile by name."""
        return f"Policy profile: {self.label()}"

    def changes(self) -> tuple[str, ...]:
        """Each setting that differs from the default, and each rule switched off, in words
        (a record's last page)."""
        return tuple(
            f"{PARAMETER_HELP[k]}: {v} (default {DEFAULTS[k]})"
            for k, v in sorted(self.differences().items())
        ) + tuple(f"Rule switched off: {rule}" for rule in sorted(self.rules_off))


CHANGED_HERE: Final = "(changed here)"
_NOT_NUMBERS: Final = frozenset({"rules_off", "authority", "description", "changed_here"})
PARAMETER_NAMES: Final = tuple(f.name for f in fields(PolicyProfile) if f.name not in _NOT_NUMBERS)

# What each parameter means, for the settings screen (unit in brackets).
PARAMETER_HELP: Final = {
    "first_placement_cap": "Caseload cap, first placement (children)",
    "final_placement_cap": "Caseload cap, final placement (children)",
    "many_workers": "Previous social workers that call for caution",
    "late_days": "Late allocation window before the end (days)",
    "early_days": "Early weeks after induction for complex cases (days)",
    "max_new_per_week": "New caseload allocations in any 7 days",
    "supervision_days": "Expected gap between supervisions (days)",
    "supervision_max_days": "Longest gap between supervisions (days)",
    "three_way_days": "Longest gap between three-way supervisions (days)",
    "sign_within_days": "Days to sign a supervision record",
    "direction_days": "Longest gap in case direction per child (days)",
    "oversight_days": "Longest gap in manager oversight (days)",
    "absence_cover_days": "Absence of educator or supervisor before cover is needed (days)",
    "joint_visit_days": "First joint visit after allocation (days)",
    "s7_not_before_days": "No s7 report before this day of the placement",
    "observations_first": "Direct observations, first placement",
    "observations_final": "Direct observations, final placement",
    "review_grace_days": "Days after the midpoint for the midpoint review",
    "transition_notice_days": "Transition planning starts before the end (days)",
    "notice_days": "Warn this many days before a deadline",
    "step_up_days": "Days to discuss a step-up in supervision",
    "max_high_first": "High-complexity cases at once, first placement",
    "max_high_final": "High-complexity cases at once, final placement",
}
DEFAULTS: Final = PolicyProfile().as_dict()
DEFAULT_PROFILE: Final = PolicyProfile()

# Facts of the placement that people may try to set as policy: point them to the right place.
_PLACEMENT_FACTS = {"induction_days", "required_days"}


def validate_overrides(overrides: Mapping[str, object]) -> dict[str, int]:
    """Check a ``policy`` object: known names, non-negative whole numbers."""
    clean: dict[str, int] = {}
    for name, value in overrides.items():
        if name in _PLACEMENT_FACTS:
            raise ProfileError(name, f"is a fact of the placement: set placement.{name} instead")
        if name not in DEFAULTS:
            raise ProfileError(name, "unknown policy parameter")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ProfileError(name, f"not a whole number: {value!r}")
        if value < 0:
            raise ProfileError(name, f"must not be negative: {value}")
        clean[name] = value
    return clean
