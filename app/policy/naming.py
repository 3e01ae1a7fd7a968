"""What a PE calls each record a finding or a piece of evidence points at: "Case D-1042 (AB)",
"Decision with Duty senior, D-1057, 13 Nov 2026", "Three-way supervision, 30 Oct 2026".

Screens, printed records and the check output name records through here, never by the
ids the file uses to link them.
"""

from __future__ import annotations

from app.policy.calendar import uk_date
from app.policy.snapshot import Event, PlacementSnapshot
from app.policy.vocabulary import ABSENCE_WHO_LABELS, EVENT_KIND_LABELS, SUPERVISION_FORMAT_LABELS


def event_name(e: Event) -> str:
    label = EVENT_KIND_LABELS[e.kind]
    if e.kind == "decision" and e.with_:
        label = f"Decision with {e.with_}"
    elif e.kind == "joint-visit" and e.with_:
        label = f"Joint visit with {e.with_}"
    return ", ".join(part for part in (label, e.case, uk_date(e.date)) if part)


class RecordNames:
    """Every record a finding or an evidence link can be about (``case:D-1042``,
    ``event:dec-1``, ``supervision:s-1``, ``absence:a-1``, ``placement``), in a PE's words.

    Named when asked: a two-year placement has 20,000 events and a screen names a few."""

    def __init__(self, snap: PlacementSnapshot) -> None:
        self.cases = {c.ref: c for c in snap.cases}
        self.events = {e.id: e for e in snap.events}
        self.supervisions = {s.id: s for s in snap.supervisions}
        self.absences = {a.id: a for a in snap.absences}

    def name(self, key: str) -> str | None:
        kind, _, rid = key.partition(":")
        if kind == "placement":
            return "The placement"
        if kind == "case" and (c := self.cases.get(rid)) is not None:
            return f"Case {c.ref} ({c.initials})" if c.initials else f"Case {c.ref}"
        if kind == "event" and (e := self.events.get(rid)) is not None:
            return event_name(e)
        if kind == "supervision" and (s := self.supervisions.get(rid)) is not None:
            return f"{SUPERVISION_FORMAT_LABELS[s.format]} supervision, {uk_date(s.date)}"
        if kind == "absence" and (a := self.absences.get(rid)) is not None:
            span = uk_date(a.from_) if a.from_ == a.to else f"{uk_date(a.from_)} to {uk_date(a.to)}"
            return f"{ABSENCE_WHO_LABELS[a.who]}'s absence, {span}"
        return None


def named(names: RecordNames, key: str) -> str:
    """A record's name, or what the link says when the record is not there."""
    return names.name(key) or key.partition(":")[2] or "The placement"
