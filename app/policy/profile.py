"""The policy profile: every number the rules use, with the documented defaults.

Local authorities differ, so each limit is a parameter. A placement file's ``policy``
object or the app's settings override the defaults; unknown names are an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Final

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

    def with_overrides(self, overrides: Mapping[str, object]) -> PolicyProfile:
        """A copy with ``overrides`` applied; raises ProfileError naming the bad parameter."""
        return replace(self, **validate_overrides(overrides))

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def differences(self) -> dict[str, int]:
        """The parameters that differ from the defaults (what a PDF footnote shows)."""
        return {k: v for k, v in self.as_dict().items() if DEFAULTS[k] != v}

    @property
    def name(self) -> str:
        """ "default", or "local" once the PE (or the placement file) changed a setting."""
        return "local" if self.differences() else "default"

    def label(self) -> str:
        """The profile in a few words: "default", or "local (2 settings differ from the default)"."""
        diff = self.differences()
        if not diff:
            return "default"
        differ = "differs" if len(diff) == 1 else "differ"
        return f"local ({counted(len(diff), 'setting')} {differ} from the default)"

    def describe(self) -> str:
        """One line for screens and every page of a printed record: the profile by name."""
        return f"Policy profile: {self.label()}"

    def changes(self) -> tuple[str, ...]:
        """Each setting that differs from the default, in words (a record's last page)."""
        return tuple(
            f"{PARAMETER_HELP[k]}: {v} (default {DEFAULTS[k]})"
            for k, v in sorted(self.differences().items())
        )


PARAMETER_NAMES: Final = tuple(f.name for f in fields(PolicyProfile))

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
