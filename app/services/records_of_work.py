"""Everything else a PE records: events of every kind, absences, PCF reviews, learning evidence.

Each change is checked and stored in one unit of work with an audit line. An event form
is checked against the same rules as the Compliance page: what the seeds forbid outright
is refused with the reason; what needs judgement is saved and stays visible as a finding.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    EVENT_SKIP,
    AbsenceRecord,
    EventRecord,
    LearningRecord,
    PcfEvidenceLink,
    PcfRating,
    PcfReviewRecord,
)
from app.models.facts import row_values
from app.policy.engine import evaluate
from app.policy.findings import RULES, Finding
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Absence, Event, LearningEvidence, PcfReview, PlacementSnapshot
from app.policy.sources import cited
from app.policy.vocabulary import (
    ABSENCE_WHO,
    ALL_LEARNING_OUTCOMES,
    EVENT_ENUMS,
    EVENT_KINDS,
    OWN_ITEM_PREFIX,
    PCF_DOMAINS,
    PCF_RATINGS,
    PCF_STAGES,
)
from app.services.audit import record_change
from app.services.checking import profile_for
from app.services.context import Service
from app.services.errors import InvalidInput
from app.services.snapshot import (
    amend_events,
    load_snapshot,
    placement_for_change,
)
from app.services.supervision import new_id


@dataclass(frozen=True, slots=True)
class EventCheck:
    findings: tuple[Finding, ...]

    @property
    def forbidden(self) -> list[Finding]:
        """What the seeds forbid outright (the rule says so): refused on the form."""
        return [f for f in self.findings if not RULES[f.rule].overridable]

    @property
    def reasons(self) -> list[str]:
        return [cited(RULES[f.rule].never or "") for f in self.forbidden]


def check_event(
    snapshot: PlacementSnapshot, event: Event, profile: PolicyProfile, replacing: str | None
) -> EventCheck:
    """The findings about this event, judged as of its own date."""
    others = [e for e in snapshot.events if e.id != (replacing or event.id)]
    trial = replace(snapshot, events=[*others, event])
    found = [f for f in evaluate(trial, event.date, profile) if f.subject == f"event:{event.id}"]
    return EventCheck(tuple(found))


def validate_event(snapshot: PlacementSnapshot, event: Event) -> None:
    if event.kind not in EVENT_KINDS:
        raise InvalidInput("Choose what kind of event this is.")
    required, optional = EVENT_KINDS[event.kind]
    p = snapshot.placement
    if not p.start <= event.date <= p.end:
        raise InvalidInput("The event must fall within the placement's dates.")
    refs = {c.ref for c in snapshot.cases}
    if "case" in required and event.case not in refs:
        raise InvalidInput("Choose the case this event belongs to.")
    if event.case is not None and ("case" not in required and "case" not in optional):
        raise InvalidInput("This kind of event is not about one case.")
    if event.case is not None and event.case not in refs:
        raise InvalidInput(f"There is no case {event.case} in this placement.")
    for key in required:
        if key == "case":
            continue
        value = getattr(event, {"with": "with_"}.get(key, key))
        if value is None:
            raise InvalidInput(f"Fill in {key.replace('_', ' ')}.")
        if key in EVENT_ENUMS and value not in EVENT_ENUMS[key]:
            raise InvalidInput(f"Choose the {key.replace('_', ' ')}.")


def _event_row(session: Session, placement_id: int, key: str) -> EventRecord:
    row = session.scalars(
        select(EventRecord).where(EventRecord.placement_id == placement_id, EventRecord.key == key)
    ).one_or_none()
    if row is None:
        raise InvalidInput(f"There is no event {key} in this placement.")
    return row


class RecordsService(Service):
    def _snapshot(self, placement_id: int) -> PlacementSnapshot:
        with self.db.unit_of_work() as session:
            return load_snapshot(session, placement_id)

    # ---------------------------------------------------------------- events

    def check_event(
        self, placement_id: int, event: Event, replacing: str | None = None
    ) -> EventCheck:
        snap = self._snapshot(placement_id)
        return check_event(snap, event, profile_for(snap, self.profile), replacing)

    def save_event(self, placement_id: int, event: Event, replacing: str | None = None) -> str:
        """Store a new event (or changes to ``replacing``); forbidden ones are refused with the reason."""
        event = replace(event, id=event.id or new_id("e"))
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
            validate_event(snap, event)
            check = check_event(snap, event, profile_for(snap, self.profile), replacing)
            if check.forbidden:
                raise InvalidInput(" ".join(check.reasons))
            placement = placement_for_change(session, placement_id)
            cases = {c.ref: c for c in placement.cases}
            if replacing is None:
                if any(e.id == event.id for e in snap.events):
                    raise InvalidInput(f"There is already an event {event.id}.")
                last = session.scalar(
                    select(func.max(EventRecord.position)).where(
                        EventRecord.placement_id == placement_id
                    )
                )  # not placement.events: a long placement would load 20,000 rows to add one
                row = EventRecord(
                    placement_id=placement_id,
                    key=event.id,
                    kind=event.kind,
                    date=event.date,
                    position=(-1 if last is None else last) + 1,
                )
                session.add(row)
            else:
                row = _event_row(session, placement_id, replacing)
            row.key, row.kind, row.date = event.id, event.kind, event.date
            row.case = cases[event.case] if event.case else None
            for name, value in row_values(event, EVENT_SKIP).items():
                setattr(row, name, value)
            record_change(
                session,
                "event.saved" if replacing is None else "event.updated",
                placement_id=placement_id,
                subject=f"event:{event.id}",
                detail={"kind": event.kind, "date": event.date.isoformat(), "case": event.case},
            )
        saved = event
        amend_events(
            self.db,
            placement_id,
            lambda events: (
                [*events, saved]
                if replacing is None
                else [saved if e.id == replacing else e for e in events]
            ),
        )
        return event.id

    def record_plan(
        self,
        placement_id: int,
        case: str,
        on: date,
        agreed_by: str | None,
        notes: str | None = None,
    ) -> str:
        """A child's plan the student wrote, and who agreed it (001 §7). A plan not yet
        agreed is kept, and stays a breach until someone is named."""
        who = (agreed_by or "").strip() or None
        return self.save_event(
            placement_id, Event("", "plan", on, case=case, agreed_by=who, notes=notes)
        )

    def record_abe_interview(
        self,
        placement_id: int,
        case: str,
        on: date,
        student_part: str,
        notes: str | None = None,
    ) -> str:
        """An ABE interview the student took part in: observing is allowed, conducting is
        refused with the reason (003 §4.3)."""
        return self.save_event(
            placement_id,
            Event("", "abe-interview", on, case=case, student_part=student_part, notes=notes),
        )

    def delete_event(self, placement_id: int, key: str) -> None:
        with self.db.unit_of_work() as session:
            row = _event_row(session, placement_id, key)
            snap = load_snapshot(session, placement_id)
            cited = [
                r.id
                for r in snap.pcf_reviews
                if any(f"event:{key}" in refs for refs in r.evidence.values())
            ]
            if cited:
                raise InvalidInput(
                    f"{'PCF review' if len(cited) == 1 else 'PCF reviews'} {', '.join(cited)} "
                    f"{'cites' if len(cited) == 1 else 'cite'} this event as evidence: remove it there first."
                )
            placement_for_change(session, placement_id)  # a closed placement stays as it is
            gone = next(e for e in snap.events if e.id == key)
            session.delete(row)
            record_change(
                session,
                "event.deleted",
                placement_id=placement_id,
                subject=f"event:{key}",
                detail={"kind": gone.kind, "date": gone.date.isoformat(), "case": gone.case},
            )
        amend_events(self.db, placement_id, lambda events: [e for e in events if e.id != key])

    # ---------------------------------------------------------------- absences

    def save_absence(
        self, placement_id: int, absence: Absence, replacing: str | None = None
    ) -> str:
        a = replace(
            absence,
            id=absence.id or new_id("a"),
            reason=(absence.reason or "").strip() or None,
            cover=(absence.cover or "").strip() or None,
        )
        if a.who not in ABSENCE_WHO:
            raise InvalidInput("Choose who was absent.")
        if a.to < a.from_:
            raise InvalidInput("An absence cannot end before it starts.")
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
            p = snap.placement
            if a.to < p.start or a.from_ > p.end:
                raise InvalidInput("The absence must overlap the placement's dates.")
            placement = placement_for_change(session, placement_id)
            if replacing is None:
                row = AbsenceRecord(
                    key=a.id,
                    who=a.who,
                    first_day=a.from_,
                    last_day=a.to,
                    position=max((x.position for x in placement.absences), default=-1) + 1,
                )
                placement.absences.append(row)
            else:
                row = next((x for x in placement.absences if x.key == replacing), None)  # type: ignore[assignment]
                if row is None:
                    raise InvalidInput(f"There is no absence {replacing}.")
            row.key, row.who, row.first_day, row.last_day, row.reason, row.cover = (
                a.id,
                a.who,
                a.from_,
                a.to,
                a.reason,
                a.cover,
            )
            record_change(
                session,
                "absence.saved",
                placement_id=placement_id,
                subject=f"absence:{a.id}",
                detail={"who": a.who, "from": a.from_.isoformat(), "to": a.to.isoformat()},
            )
        return a.id

    def delete_absence(self, placement_id: int, key: str) -> None:
        with self.db.unit_of_work() as session:
            placement = placement_for_change(session, placement_id)
            row = next((x for x in placement.absences if x.key == key), None)
            if row is None:
                raise InvalidInput(f"There is no absence {key}.")
            placement.absences.remove(row)
            record_change(
                session,
                "absence.deleted",
                placement_id=placement_id,
                subject=f"absence:{key}",
                detail={
                    "who": row.who,
                    "from": row.first_day.isoformat(),
                    "to": row.last_day.isoformat(),
                },
            )

    # ---------------------------------------------------------------- PCF reviews

    def save_review(
        self, placement_id: int, review: PcfReview, replacing: str | None = None
    ) -> str:
        r = replace(
            review,
            id=review.id or new_id("p"),
            notes=(review.notes or "").strip() or None,
            development_needs=(review.development_needs or "").strip() or None,
        )
        if r.development_needs and r.stage != "final":
            raise InvalidInput("Development needs for the ASYE belong to the final review.")
        if r.stage not in PCF_STAGES:
            raise InvalidInput("Choose the stage: initial, midpoint or final.")
        for domain, rating in r.ratings.items():
            if domain not in PCF_DOMAINS or rating not in PCF_RATINGS:
                raise InvalidInput("Rate each domain as not yet, developing, meeting or exceeding.")
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
            p = snap.placement
            if not p.start <= r.date <= p.end:
                raise InvalidInput("The review must fall within the placement's dates.")
            known = {f"event:{e.id}" for e in snap.events} | {
                f"supervision:{s.id}" for s in snap.supervisions
            }
            known |= {f"case:{c.ref}" for c in snap.cases}
            for domain, refs in r.evidence.items():
                if domain not in PCF_DOMAINS:
                    raise InvalidInput(f"{domain} is not a PCF domain.")
                for ref in refs:
                    if ref not in known:
                        raise InvalidInput(
                            f"{PCF_DOMAINS[domain]}: no record {ref!r} to cite as evidence."
                        )
            placement = placement_for_change(session, placement_id)
            if replacing is None:
                row = PcfReviewRecord(
                    key=r.id,
                    date=r.date,
                    stage=r.stage,
                    position=max((x.position for x in placement.pcf_reviews), default=-1) + 1,
                )
                placement.pcf_reviews.append(row)
            else:
                found = next((x for x in placement.pcf_reviews if x.key == replacing), None)
                if found is None:
                    raise InvalidInput(f"There is no PCF review {replacing}.")
                row = found
            row.key, row.date, row.stage, row.notes = r.id, r.date, r.stage, r.notes
            row.development_needs = r.development_needs
            row.ratings = [
                PcfRating(domain=d, rating=v, position=i)
                for i, (d, v) in enumerate(r.ratings.items())
            ]
            row.evidence = [
                PcfEvidenceLink(domain=d, reference=ref, position=i)
                for i, (d, ref) in enumerate(
                    (d, ref) for d, refs in r.evidence.items() for ref in refs
                )
            ]
            record_change(
                session,
                "pcf.review-saved",
                placement_id=placement_id,
                subject=f"pcf:{r.id}",
                detail={"stage": r.stage, "date": r.date.isoformat()},
            )
        return r.id

    def delete_review(self, placement_id: int, key: str) -> None:
        with self.db.unit_of_work() as session:
            placement = placement_for_change(session, placement_id)
            row = next((x for x in placement.pcf_reviews if x.key == key), None)
            if row is None:
                raise InvalidInput(f"There is no PCF review {key}.")
            placement.pcf_reviews.remove(row)
            record_change(
                session,
                "pcf.review-deleted",
                placement_id=placement_id,
                subject=f"pcf:{key}",
                detail={"stage": row.stage, "date": row.date.isoformat()},
            )

    # ---------------------------------------------------------------- learning outcomes

    def record_learning(self, placement_id: int, evidence: LearningEvidence) -> None:
        """Evidence for one learning outcome (replacing any earlier evidence for it)."""
        if evidence.item not in ALL_LEARNING_OUTCOMES and not evidence.item.startswith(
            OWN_ITEM_PREFIX
        ):
            raise InvalidInput(f"{evidence.item} is not a learning outcome.")
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
            if evidence.evidenced > snap.placement.end:
                raise InvalidInput("Evidence cannot be dated after the placement ends.")
            placement = placement_for_change(session, placement_id)
            row = next((x for x in placement.learning if x.item == evidence.item), None)
            if row is None:
                row = LearningRecord(
                    item=evidence.item,
                    evidenced=evidence.evidenced,
                    position=max((x.position for x in placement.learning), default=-1) + 1,
                )
                placement.learning.append(row)
            row.evidenced, row.evidence = (
                evidence.evidenced,
                (evidence.evidence or "").strip() or None,
            )
            record_change(
                session,
                "learning.evidenced",
                placement_id=placement_id,
                subject=f"learning:{evidence.item}",
                detail={"date": evidence.evidenced.isoformat()},
            )

    def clear_learning(self, placement_id: int, item: str) -> None:
        with self.db.unit_of_work() as session:
            placement = placement_for_change(session, placement_id)
            for row in [x for x in placement.learning if x.item == item]:
                placement.learning.remove(row)
            record_change(
                session, "learning.cleared", placement_id=placement_id, subject=f"learning:{item}"
            )
