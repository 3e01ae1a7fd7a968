"""Endings: a transition checklist for every child, and closing the placement (000 §9; 003 §3.7, §5.2)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from app.models import TransitionItem, TransitionRecord
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Case, ChecklistEntry, PlacementSnapshot
from app.policy.terms import as_of_view, is_caseload
from app.policy.vocabulary import OPTIONAL_TRANSITION_ITEMS, OWN_ITEM_PREFIX, TRANSITION_ITEMS
from app.services.audit import record_change
from app.services.checking import profile_for
from app.services.context import Service
from app.services.errors import InvalidInput
from app.services.induction import own_item_id
from app.services.snapshot import apply_placement, load_snapshot, placement_for_change


@dataclass(frozen=True, slots=True)
class TransitionRow:
    case: Case
    is_open: bool
    items: dict[str, ChecklistEntry]

    @property
    def done(self) -> int:
        return sum(1 for k in TRANSITION_ITEMS if k in self.items)

    @property
    def required(self) -> int:
        return len(TRANSITION_ITEMS)

    @property
    def complete(self) -> bool:
        return self.done == self.required


@dataclass(frozen=True, slots=True)
class EndingsView:
    rows: tuple[TransitionRow, ...]
    planning_from: date  # end − transition_notice_days: when every child's plan should start
    end: date
    archived: date | None
    close_reason: str | None
    handover: bool = False  # a final placement with its final PCF review: the ASYE hand-over

    @property
    def done(self) -> int:
        return sum(r.done for r in self.rows)

    @property
    def required(self) -> int:
        return sum(r.required for r in self.rows)


def endings_view(snap: PlacementSnapshot, as_of: date, profile: PolicyProfile) -> EndingsView:
    """Every caseload child open now or since the planning window, plus any with a checklist started."""
    p = snap.placement
    seen = as_of_view(snap, as_of)
    planning_from = p.end - timedelta(days=profile.transition_notice_days)
    records = {t.case: t.items for t in snap.transitions}
    rows = []
    for c in snap.cases:
        now = next((x for x in seen.cases if x.ref == c.ref), None)
        if now is None:
            continue
        in_scope = is_caseload(c) and (now.ended is None or now.ended > planning_from)
        if in_scope or c.ref in records:
            rows.append(TransitionRow(c, now.ended is None, dict(records.get(c.ref, {}))))
    handover = p.kind == "final" and any(r.stage == "final" for r in snap.pcf_reviews)
    return EndingsView(tuple(rows), planning_from, p.end, p.archived, p.close_reason, handover)


def closing_problems(snap: PlacementSnapshot, as_of: date, profile: PolicyProfile) -> list[str]:
    """What stands in the way of a clean close: open cases and unfinished checklists."""
    problems = []
    for c in snap.cases:
        if is_caseload(c) and c.ended is None:
            problems.append(
                f"{c.ref} is still open: record how it ended (closed, transferred or stays with "
                "the named worker)."
            )
    for row in endings_view(snap, as_of, profile).rows:
        if is_caseload(row.case) and not row.complete:
            problems.append(
                f"{row.case.ref}: transition checklist {row.done} of {row.required} done."
            )
    return problems


def item_known(item: str) -> bool:
    return (
        item in TRANSITION_ITEMS
        or item in OPTIONAL_TRANSITION_ITEMS
        or item.startswith(OWN_ITEM_PREFIX)
    )


class EndingsService(Service):
    def view(self, placement_id: int, as_of: date) -> EndingsView:
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
        return endings_view(snap, as_of, profile_for(snap, self.profile))

    def record_item(
        self, placement_id: int, case: str, item: str, entry: ChecklistEntry | None
    ) -> None:
        """Tick (or with None untick) one item of a child's transition checklist."""
        if not item_known(item):
            raise InvalidInput(f"{item} is not a transition item.")
        with self.db.unit_of_work() as session:
            placement = placement_for_change(session, placement_id)
            snap = load_snapshot(session, placement_id)
            if case not in {c.ref for c in snap.cases}:
                raise InvalidInput(f"There is no case {case} in this placement.")
            if entry is not None:
                entry = ChecklistEntry(
                    entry.date, (entry.by or "").strip() or None, (entry.note or "").strip() or None
                )
                if entry.date > snap.placement.end + timedelta(days=30):
                    raise InvalidInput("That is long after the placement ended: check the date.")
            record = next((t for t in placement.transitions if t.case.ref == case), None)
            if record is None:
                if entry is None:
                    return
                case_row = next(c for c in placement.cases if c.ref == case)
                record = TransitionRecord(case=case_row, position=len(placement.transitions))
                placement.transitions.append(record)
            row = next((i for i in record.items if i.item == item), None)
            if entry is None and row is not None:
                record.items.remove(row)
            elif entry is not None and row is None:
                record.items.append(
                    TransitionItem(
                        item=item,
                        done=entry.date,
                        by=entry.by,
                        note=entry.note,
                        position=max((i.position for i in record.items), default=-1) + 1,
                    )
                )
            elif entry is not None and row is not None:
                row.done, row.by, row.note = entry.date, entry.by, entry.note
            record_change(
                session,
                "transition.recorded" if entry else "transition.cleared",
                placement_id=placement_id,
                subject=f"case:{case}",
                detail={"item": item},
            )

    def add_own_item(self, placement_id: int, case: str, name: str, entry: ChecklistEntry) -> str:
        item = own_item_id(name)
        self.record_item(placement_id, case, item, entry)
        return item

    def problems(self, placement_id: int, as_of: date) -> list[str]:
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
        return closing_problems(snap, as_of, profile_for(snap, self.profile))

    def close(self, placement_id: int, closed_on: date, reason: str | None, as_of: date) -> None:
        """Archive the placement read-only; open cases or unfinished checklists need a reason."""
        with self.db.unit_of_work() as session:
            record = placement_for_change(session, placement_id)
            snap = load_snapshot(session, placement_id)
            problems = closing_problems(snap, as_of, profile_for(snap, self.profile))
            why = (reason or "").strip() or None
            if problems and why is None:
                raise InvalidInput(
                    "The placement cannot be closed yet: "
                    + " ".join(problems)
                    + " Finish these, or record why it closes anyway."
                )
            if closed_on < snap.placement.start:
                raise InvalidInput("A placement cannot close before it starts.")
            apply_placement(record, replace(snap.placement, archived=closed_on, close_reason=why))
            record_change(
                session,
                "placement.closed",
                placement_id=placement_id,
                subject="placement",
                detail={
                    "date": closed_on.isoformat(),
                    "problems": len(problems),
                    "reason_given": why is not None,
                },
            )
