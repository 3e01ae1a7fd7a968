"""The induction fortnight: checklist items, the PE's own items, the two agreements, the link worker."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from app.models import InductionItem, PlacementRecord
from app.policy.calendar import days_between, is_bank_holiday
from app.policy.engine import evaluate
from app.policy.findings import Finding
from app.policy.profile import PolicyProfile
from app.policy.snapshot import (
    ChecklistEntry,
    PlacementAgreement,
    PlacementSnapshot,
    SupervisionAgreement,
)
from app.policy.sources import cited
from app.policy.terms import allocations_open, calendar_for
from app.policy.vocabulary import INDUCTION_ITEMS, OWN_ITEM_PREFIX, WEEKDAYS, own_item_label
from app.services.audit import record_change
from app.services.checking import profile_for
from app.services.context import Service
from app.services.errors import InvalidInput
from app.services.snapshot import (
    agreement_rows,
    apply_placement,
    load_snapshot,
    placement_for_change,
)


@dataclass(frozen=True, slots=True)
class InductionRow:
    item: str
    label: str
    source: str
    required: bool
    entry: ChecklistEntry | None


@dataclass(frozen=True, slots=True)
class InductionView:
    rows: tuple[InductionRow, ...]
    working_days: tuple[date, ...]  # the induction's working days
    skipped_holidays: tuple[date, ...]  # bank holidays that fell inside and were skipped
    allocations_open: date
    placement_agreement: PlacementAgreement | None
    supervision_agreement: SupervisionAgreement | None
    finding: Finding | None  # induction.incomplete, once allocations have opened
    link_worker_needed: bool
    pattern_warning: str | None
    educator_onsite: bool

    @property
    def done(self) -> int:
        return sum(1 for r in self.rows if r.required and r.entry is not None)

    @property
    def required(self) -> int:
        return sum(1 for r in self.rows if r.required)


def own_item_id(name: str) -> str:
    """A PE's own item id from its name: ``Parking permit`` → ``x-parking-permit``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")
    if not slug:
        raise InvalidInput("Give the item a name made of letters or digits.")
    return f"{OWN_ITEM_PREFIX}{slug[:60]}"


def induction_view(
    snap: PlacementSnapshot,
    as_of: date,
    profile: PolicyProfile,
    findings: list[Finding] | None = None,
) -> InductionView:
    p = snap.placement
    cal = calendar_for(p)
    last = cal.induction_last_day(p.start, p.induction_days)
    days = tuple(d for d in days_between(p.start, last) if cal.is_working_day(d))
    skipped = tuple(d for d in days_between(p.start, last) if is_bank_holiday(d))
    rows = [
        InductionRow(k, label, cited(source), True, snap.induction.get(k))
        for k, (label, source) in INDUCTION_ITEMS.items()
    ]
    rows += [
        InductionRow(k, own_item_label(k), "own item", False, v)
        for k, v in snap.induction.items()
        if k.startswith(OWN_ITEM_PREFIX)
    ]
    if findings is None:
        findings = evaluate(snap, as_of, profile)
    incomplete = [f for f in findings if f.rule == "induction.incomplete"]
    sa = snap.supervision_agreement
    warning = None
    if sa is not None and sa.every_days > profile.supervision_max_days:
        warning = (
            f"The agreed pattern (every {sa.every_days} days) is less often than policy allows: "
            + cited(f"at most {profile.supervision_max_days} days between supervisions (000 §15).")
        )
    elif sa is not None and sa.every_days > profile.supervision_days:
        warning = cited(
            f"Weekly supervision is expected (001 §6); the agreed pattern is every {sa.every_days} days."
        )
    same_person = p.educator.strip().casefold() == p.team_manager.strip().casefold()
    return InductionView(
        rows=tuple(rows),
        working_days=days,
        skipped_holidays=skipped,
        allocations_open=allocations_open(p),
        placement_agreement=snap.placement_agreement,
        supervision_agreement=sa,
        finding=incomplete[0] if incomplete else None,
        link_worker_needed=same_person and not p.link_worker,
        pattern_warning=warning,
        educator_onsite=p.educator_onsite,
    )


def _check_entry(snap: PlacementSnapshot, entry: ChecklistEntry) -> None:
    p = snap.placement
    if entry.date > p.end:
        raise InvalidInput("An induction item cannot be done after the placement has ended.")
    if (p.start - entry.date).days > 120:
        raise InvalidInput("That date is months before the placement starts: check it.")


def _set_item(record: PlacementRecord, item: str, entry: ChecklistEntry | None) -> None:
    row = next((i for i in record.induction_items if i.item == item), None)
    if entry is None:
        if row is not None:
            record.induction_items.remove(row)
        return
    if row is None:
        position = max((i.position for i in record.induction_items), default=-1) + 1
        record.induction_items.append(
            InductionItem(
                item=item, done=entry.date, by=entry.by, note=entry.note, position=position
            )
        )
    else:
        row.done, row.by, row.note = entry.date, entry.by, entry.note


def _clean(entry: ChecklistEntry) -> ChecklistEntry:
    return ChecklistEntry(
        entry.date, (entry.by or "").strip() or None, (entry.note or "").strip() or None
    )


class InductionService(Service):
    def view(self, placement_id: int, as_of: date) -> InductionView:
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
        return induction_view(snap, as_of, profile_for(snap, self.profile))

    def record(self, placement_id: int, item: str, entry: ChecklistEntry | None) -> None:
        """Tick (or, with None, untick) an item; the audit log keeps both."""
        if item not in INDUCTION_ITEMS and not item.startswith(OWN_ITEM_PREFIX):
            raise InvalidInput(f"{item} is not an induction item.")
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
            if entry is not None:
                entry = _clean(entry)
                _check_entry(snap, entry)
            _set_item(placement_for_change(session, placement_id), item, entry)
            record_change(
                session,
                "induction.recorded" if entry else "induction.cleared",
                placement_id=placement_id,
                subject=f"induction:{item}",
                detail={"date": entry.date.isoformat() if entry else None},
            )

    def add_own_item(self, placement_id: int, name: str, entry: ChecklistEntry) -> str:
        """A PE's own item (kept, exported and printed, but not required by the rules)."""
        item = own_item_id(name)
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
            if item in snap.induction:
                raise InvalidInput(f"There is already an item called {own_item_label(item)!r}.")
        self.record(placement_id, item, entry)
        return item

    def remove_own_item(self, placement_id: int, item: str) -> None:
        if not item.startswith(OWN_ITEM_PREFIX):
            raise InvalidInput(
                "Only your own items can be removed; a required item can be cleared instead."
            )
        self.record(placement_id, item, None)

    def save_placement_agreement(
        self, placement_id: int, agreement: PlacementAgreement, held: date | None
    ) -> None:
        """The agreement's content and the day its meeting was held (the induction item), together."""
        self._save_agreement(placement_id, "placement-agreement", held, placement=agreement)

    def save_supervision_agreement(
        self, placement_id: int, agreement: SupervisionAgreement, agreed: date | None
    ) -> None:
        self._save_agreement(placement_id, "supervision-agreement", agreed, supervision=agreement)

    def _save_agreement(
        self,
        placement_id: int,
        item: str,
        on: date | None,
        placement: PlacementAgreement | None = None,
        supervision: SupervisionAgreement | None = None,
    ) -> None:
        sa = supervision
        if sa is not None and sa.weekday is not None and sa.weekday not in WEEKDAYS:
            raise InvalidInput("Choose the day of the week for supervision.")
        if sa is not None and not 1 <= sa.every_days <= 60:
            raise InvalidInput("Supervision every 1 to 60 days.")
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
            entry = None
            if on is not None:
                previous = snap.induction.get(item)
                entry = ChecklistEntry(
                    on, previous.by if previous else None, previous.note if previous else None
                )
                _check_entry(snap, entry)
            record = placement_for_change(session, placement_id)
            [row] = agreement_rows(placement, supervision)
            old = next((a for a in record.agreements if a.kind == row.kind), None)
            if old is None:
                record.agreements.append(row)
            else:
                for column in (
                    "learning_needs",
                    "after_hours_contact",
                    "weekday",
                    "every_days",
                    "time",
                    "three_way",
                    "notes",
                ):
                    setattr(old, column, getattr(row, column))
            _set_item(record, item, entry)
            record_change(
                session,
                f"induction.{row.kind}-agreement-saved",
                placement_id=placement_id,
                subject="placement",
                detail={"date": on.isoformat() if on else None},
            )

    def set_link_worker(self, placement_id: int, name: str) -> None:
        """Name the link worker needed when the educator is also the team manager (002 §2)."""
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
            updated = replace(snap.placement, link_worker=name.strip() or None)
            apply_placement(placement_for_change(session, placement_id), updated)
            record_change(
                session,
                "placement.link-worker",
                placement_id=placement_id,
                subject="placement",
                detail={"link_worker": updated.link_worker},
            )
