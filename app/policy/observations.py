"""Direct observations as the report lays them out: which sections are still empty, and
which PCF domains each observation evidences (the PCF grid and summary cite them)."""

from __future__ import annotations

from dataclasses import dataclass

from app.policy.calendar import uk_date
from app.policy.snapshot import Event, PcfPoint, PlacementSnapshot
from app.policy.vocabulary import OBSERVATION_SECTIONS, PCF_DOMAINS, PCF_POINT_KINDS

OBSERVATION = "direct-observation"


def observations(snap: PlacementSnapshot) -> list[Event]:
    """The placement's direct observations, oldest first."""
    return sorted((e for e in snap.events if e.kind == OBSERVATION), key=lambda e: e.date)


def empty_sections(e: Event) -> list[str]:
    """The report's sections with nothing written in them yet, in the report's order;
    the PCF points and both signatures count as sections too."""
    empty = [
        title
        for title, keys in OBSERVATION_SECTIONS
        if not any((getattr(e, key) or "").strip() for key, _label in keys)
    ]
    if not e.pcf_points:
        empty.append("PCF domains")
    if e.student_signed is None or e.observer_signed is None:
        empty.append("Signatures")
    return empty


@dataclass(frozen=True, slots=True)
class Observed:
    """One observation's point on one domain, as the PCF grid cites it."""

    event: Event
    point: PcfPoint

    def short(self) -> str:
        where = f", {self.event.case}" if self.event.case else ""
        return f"{PCF_POINT_KINDS[self.point.point]} ({uk_date(self.event.date)}{where})"


def observed_domains(snap: PlacementSnapshot) -> dict[str, list[Observed]]:
    """For each PCF domain, the direct observations that evidence it, oldest first."""
    found: dict[str, list[Observed]] = {d: [] for d in PCF_DOMAINS}
    for e in observations(snap):
        for p in e.pcf_points:
            found[p.domain].append(Observed(e, p))
    return found
