"""Database ⇄ snapshot: the only translation between stored rows and plain placement data.

``load_snapshot`` feeds the rule engine, the PDFs and export; ``store_snapshot`` is how an
imported file (or the demo) becomes rows. Both keep list order through ``position``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import batched
from typing import Any, cast

from sqlalchemy import JSON, Boolean, Date, Table, insert, select
from sqlalchemy.orm import Session

from app.db import Database
from app.interchange.profile_file import profile_from_state, profile_state
from app.models import (
    CASE_SKIP,
    EVENT_SKIP,
    AbsenceRecord,
    ActionRecord,
    AddendumRecord,
    AgreementRecord,
    Base,
    CaseDirectionRecord,
    CaseDiscussed,
    CaseRecord,
    EventRecord,
    InductionItem,
    LearningRecord,
    ManagerOverrideRecord,
    PcfEvidenceLink,
    PcfRating,
    PcfReviewRecord,
    PersonRole,
    PlacementRecord,
    SupervisionAttendee,
    SupervisionRecord,
    TransitionItem,
    TransitionRecord,
)
from app.models.facts import columns_of, field_values, row_values
from app.policy.profile import PolicyProfile
from app.policy.snapshot import (
    Absence,
    Action,
    Addendum,
    Case,
    CaseDirection,
    ChecklistEntry,
    Event,
    LearningEvidence,
    ManagerOverride,
    PcfPoint,
    PcfReview,
    Placement,
    PlacementAgreement,
    PlacementSnapshot,
    Supervision,
    SupervisionAgreement,
    Transition,
)
from app.policy.vocabulary import OBSERVATION_TEXT_KEYS
from app.services.errors import InvalidInput

# Event fields stored in EventRecord's columns of the same names (all but id, kind, date, case).
EVENT_FIELDS = tuple(c.field for c in columns_of(Event, EVENT_SKIP))


class PlacementNotFound(LookupError):
    pass


def placement_for_change(session: Session, placement_id: int) -> PlacementRecord:
    """The placement, if it may still be changed: a closed (archived) one is read-only."""
    record = get_placement(session, placement_id)
    if record.archived is not None:
        raise InvalidInput(
            f"This placement was closed on {record.archived:%d %b %Y} and is kept read-only; "
            "export it or print its records instead."
        )
    return record


def get_placement(session: Session, placement_id: int) -> PlacementRecord:
    record = session.get(PlacementRecord, placement_id)
    if record is None:
        raise PlacementNotFound(f"There is no placement with id {placement_id} in this database.")
    return record


# ---------------------------------------------------------------- rows -> snapshot


def _events(session: Session, placement_id: int) -> list[Event]:
    """The placement's events as plain rows, straight from the driver: a long placement has
    ~20,000, and building mapped objects (or letting SQLAlchemy convert each date and flag)
    took most of a refresh."""
    flags, shared, dated, points = _EVENT_FLAGS, _EVENT_SHARED, _EVENT_DATES, _EVENT_POINTS
    same: dict[str, str] = {}  # one copy of each kind, case and name, not one per event
    days: dict[str, date] = {}
    events = []
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(_EVENTS_SQL, (placement_id,))
        while rows := cursor.fetchmany(2000):  # in chunks: no second copy of every row
            for row in rows:
                values = list(row)
                day = values[2]
                values[2] = days.get(day) or days.setdefault(day, date.fromisoformat(day))
                for i in shared:
                    value = values[i]
                    if value is not None:
                        values[i] = same.setdefault(value, value)
                for i in flags:
                    if values[i] is not None:
                        values[i] = bool(values[i])
                for i in dated:  # an observation's signatures: rare, so read as they come
                    if values[i] is not None:
                        values[i] = date.fromisoformat(values[i])
                for i in points:
                    held = values[i]
                    values[i] = (
                        tuple(PcfPoint(**x) for x in json.loads(held))
                        if held and held != "[]"
                        else ()
                    )
                events.append(Event(*values))
    finally:
        cursor.close()
    return events


def _events_sql() -> tuple[str, tuple[int, ...]]:
    """The query behind ``_events`` (columns in ``Event``'s order) and which of them are flags."""
    table, cases = EventRecord.__tablename__, CaseRecord.__tablename__
    columns = [EventRecord.key, EventRecord.kind, EventRecord.date]
    columns += [getattr(EventRecord, name) for name in EVENT_FIELDS]
    names = [f'e."{c.property.columns[0].name}"' for c in columns]
    names.insert(3, 'c."ref"')
    sql = (
        f'SELECT {", ".join(names)} FROM "{table}" e '
        f'LEFT JOIN "{cases}" c ON e.case_id = c.id '
        "WHERE e.placement_id = ? ORDER BY e.position, e.id"
    )
    flags = tuple(
        i + 4
        for i, name in enumerate(EVENT_FIELDS)
        if isinstance(getattr(EventRecord, name).property.columns[0].type, Boolean)
    )
    return sql, flags


_EVENTS_SQL, _EVENT_FLAGS = _events_sql()
_EVENT_DATES = tuple(
    i + 4
    for i, name in enumerate(EVENT_FIELDS)
    if isinstance(getattr(EventRecord, name).property.columns[0].type, Date)
)
_EVENT_POINTS = tuple(
    i + 4
    for i, name in enumerate(EVENT_FIELDS)
    if isinstance(getattr(EventRecord, name).property.columns[0].type, JSON)
)
# Columns whose values repeat from event to event (kinds, case references, people's names).
_EVENT_SHARED = (1, 3) + tuple(
    i + 4
    for i, name in enumerate(EVENT_FIELDS)
    if name not in ("notes", "feedback", *OBSERVATION_TEXT_KEYS)
    and i + 4 not in (*_EVENT_FLAGS, *_EVENT_DATES, *_EVENT_POINTS)
)
assert list(Event.__dataclass_fields__)[4:] == list(EVENT_FIELDS), "Event's fields moved"


def load_snapshot(session: Session, placement_id: int) -> PlacementSnapshot:
    """Everything stored about one placement, as plain data.

    A long placement's snapshot takes a fifth of a second to read, and every edit and every
    refresh needs one; so it is read in parts, each kept with the state of the tables it
    came from (``PARTS``) and read again only when one of them changes: recording an
    induction item reads the induction again, not 20,000 events. Callers get their own
    lists (the rows in them are shared, and never changed in place).
    """
    _placement_row(session, placement_id)  # PlacementNotFound, and nothing read, if none
    database = session.info.get("database")
    if database is not None and (session.new or session.dirty or session.deleted):
        session.flush()  # what this action changed so far is part of what it reads
    got = {name: _part(session, placement_id, name) for name in PARTS}
    core: _Core = got["placement"]
    return PlacementSnapshot(
        placement=core.placement,
        policy=dict(core.policy),
        induction=dict(core.induction),
        absences=list(core.absences),
        cases=list(got["cases"]),
        events=list(got["events"]),
        supervisions=list(got["supervisions"]),
        pcf_reviews=list(got["pcf_reviews"]),
        learning=list(core.learning),
        transitions=list(got["transitions"]),
        placement_agreement=core.placement_agreement,
        supervision_agreement=core.supervision_agreement,
        profile=core.profile,
    )


def load_placement(session: Session, placement_id: int) -> Placement:
    """One placement's own facts (dates, people), without its records: what the rules across
    placements compare. Kept like a snapshot's part, so reading it again costs nothing."""
    core: _Core = _part(session, placement_id, "placement")
    return core.placement


def _part(session: Session, placement_id: int, name: str) -> Any:
    """One part of a placement (``PARTS``), read again only when one of its tables changed."""
    tables, read = PARTS[name]
    database = session.info.get("database")
    if database is None:
        return read(session, placement_id)
    return database.kept((name, placement_id), tables, lambda: read(session, placement_id))


@dataclass(frozen=True, slots=True)
class _Core:
    """The placement's own facts and the small lists kept with it."""

    placement: Placement
    policy: dict[str, int]
    induction: dict[str, ChecklistEntry]
    absences: list[Absence]
    learning: list[LearningEvidence]
    placement_agreement: PlacementAgreement | None
    supervision_agreement: SupervisionAgreement | None
    profile: PolicyProfile | None = None


# The parts are read with SQLAlchemy Core, table by table, not through the ORM: the window's
# first screen then needs no mapper configuration nor ORM query compilation (~75 ms of a
# start), and a part is a handful of flat queries grouped in Python. The ORM still writes.
def _table(record: type[Base]) -> Table:
    return cast(Table, record.__table__)


def _rows(session: Session, record: type[Base], parent: str, ids: Any, *columns: str) -> list[Any]:
    """``columns`` of ``record``'s rows whose ``parent`` column is in ``ids`` (a value or a
    subquery), in the order they were entered."""
    t = _table(record)
    where = t.c[parent].in_(ids) if not isinstance(ids, int) else t.c[parent] == ids
    query = select(t.c[parent], *(t.c[c] for c in columns)).where(where)
    order = [t.c[parent], *([t.c.position] if "position" in t.c else []), t.c.id]
    return list(session.execute(query.order_by(*order)))


def _grouped(rows: list[Any]) -> dict[Any, list[Any]]:
    """Rows by their first column (the parent's id), each group in its order."""
    groups: dict[Any, list[Any]] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row[1:])
    return groups


def _placement_row(session: Session, placement_id: int) -> Any:
    t = _table(PlacementRecord)
    row = session.execute(select(t).where(t.c.id == placement_id)).first()
    if row is None:
        raise PlacementNotFound(f"There is no placement with id {placement_id} in this database.")
    return row


def _core(session: Session, placement_id: int) -> _Core:
    p = _placement_row(session, placement_id)
    people = {
        role: (name, onsite)
        for _p, role, name, onsite in _rows(
            session, PersonRole, "placement_id", placement_id, "role", "name", "onsite"
        )
    }

    def name(role: str) -> str | None:
        return people[role][0] if role in people else None

    educator = people.get("educator")
    placement = Placement(
        student=p.student,
        kind=p.kind,
        setting=p.setting,
        start=p.start,
        end=p.end,
        educator=educator[0] if educator else "",
        team_manager=name("team_manager") or "",
        required_days=p.required_days,
        programme=p.programme,
        working_days=tuple(d for d in p.working_days.split(",") if d),
        induction_days=p.induction_days,
        host_team_average_caseload=p.host_team_average_caseload,
        educator_onsite=bool(educator[1]) if educator and educator[1] is not None else True,
        onsite_supervisor=name("onsite_supervisor"),
        link_worker=name("link_worker"),
        archived=p.archived,
        close_reason=p.close_reason,
    )
    agreements = {
        r[1]: r
        for r in _rows(
            session,
            AgreementRecord,
            "placement_id",
            placement_id,
            "kind",
            "learning_needs",
            "after_hours_contact",
            "notes",
            "weekday",
            "every_days",
            "time",
            "three_way",
        )
    }
    pa, sa = agreements.get("placement"), agreements.get("supervision")
    return _Core(
        placement=placement,
        policy=dict(p.policy or {}),
        profile=profile_from_state(p.profile) if p.profile else None,
        induction={
            item: ChecklistEntry(done, by, note)
            for _p, item, done, by, note in _rows(
                session, InductionItem, "placement_id", placement_id, "item", "done", "by", "note"
            )
        },
        absences=[
            Absence(*r[1:])
            for r in _rows(
                session,
                AbsenceRecord,
                "placement_id",
                placement_id,
                "key",
                "who",
                "first_day",
                "last_day",
                "reason",
                "cover",
            )
        ],
        learning=[
            LearningEvidence(*r[1:])
            for r in _rows(
                session,
                LearningRecord,
                "placement_id",
                placement_id,
                "item",
                "evidenced",
                "evidence",
            )
        ],
        placement_agreement=PlacementAgreement(pa[2], pa[3], pa[4]) if pa else None,
        supervision_agreement=SupervisionAgreement(sa[5], sa[6] or 7, sa[7], sa[8], sa[4])
        if sa
        else None,
    )


def _case_refs(session: Session, placement_id: int) -> dict[int, str]:
    t = _table(CaseRecord)
    query = select(t.c.id, t.c.ref).where(t.c.placement_id == placement_id)
    return {case_id: ref for case_id, ref in session.execute(query)}


def _ids(record: type[Base], placement_id: int) -> Any:
    """The ids of a placement's rows of ``record``, as a subquery for their children."""
    t = _table(record)
    return select(t.c.id).where(t.c.placement_id == placement_id)


# A case's facts are its table's columns (app.models.facts); the override has a table of its own.
_CASE_COLUMNS = tuple(c.name for c in columns_of(Case, CASE_SKIP))


def _cases(session: Session, placement_id: int) -> list[Case]:
    rows = _rows(session, CaseRecord, "placement_id", placement_id, "id", *_CASE_COLUMNS)
    overrides = {
        r[0]: ManagerOverride(*r[1:])
        for r in _rows(
            session,
            ManagerOverrideRecord,
            "case_id",
            _ids(CaseRecord, placement_id),
            "by",
            "reason",
            "review_by",
            "reviewed",
        )
    }
    return [
        Case(
            **field_values(Case, dict(zip(_CASE_COLUMNS, r[2:], strict=True)), CASE_SKIP),
            manager_override=overrides.get(r[1]),
        )
        for r in rows
    ]


def _supervisions(session: Session, placement_id: int) -> list[Supervision]:
    refs = _case_refs(session, placement_id)
    ids = _ids(SupervisionRecord, placement_id)
    attendees = _grouped(_rows(session, SupervisionAttendee, "supervision_id", ids, "name"))
    discussed = _grouped(_rows(session, CaseDiscussed, "supervision_id", ids, "case_id"))
    addenda = _grouped(
        _rows(session, AddendumRecord, "supervision_id", ids, "date", "author", "text")
    )
    directions = _grouped(
        _rows(
            session,
            CaseDirectionRecord,
            "supervision_id",
            ids,
            "id",
            "case_id",
            "discussion",
            "decision",
        )
    )
    direction_ids = select(_table(CaseDirectionRecord).c.id).where(
        _table(CaseDirectionRecord).c.supervision_id.in_(ids)
    )
    actions = _grouped(
        _rows(
            session,
            ActionRecord,
            "case_direction_id",
            direction_ids,
            "action",
            "owner",
            "due",
            "done",
        )
    )
    sessions = _rows(
        session,
        SupervisionRecord,
        "placement_id",
        placement_id,
        "id",
        "key",
        "date",
        "format",
        "caseload_discussed",
        "decisions_recorded",
        "wellbeing",
        "learning",
        "signed_by_educator",
        "signed_by_student",
        "next",
    )
    return [
        Supervision(
            id=key,
            date=day,
            format=fmt,
            caseload_discussed=caseload,
            cases_discussed=[refs[c] for (c,) in discussed.get(sid, [])],
            decisions_recorded=decisions,
            attendees=[n for (n,) in attendees.get(sid, [])],
            case_direction=[
                CaseDirection(
                    case=refs[case_id],
                    discussion=discussion,
                    decision=decision,
                    actions=[Action(*a) for a in actions.get(did, [])],
                )
                for did, case_id, discussion, decision in directions.get(sid, [])
            ],
            wellbeing=wellbeing,
            learning=learning,
            signed_by_educator=by_educator,
            signed_by_student=by_student,
            addenda=[Addendum(*a) for a in addenda.get(sid, [])],
            next=next_day,
        )
        for _p, sid, key, day, fmt, caseload, decisions, wellbeing, learning, by_educator, by_student, next_day in sessions
    ]


def _pcf_reviews(session: Session, placement_id: int) -> list[PcfReview]:
    ids = _ids(PcfReviewRecord, placement_id)
    ratings = _grouped(_rows(session, PcfRating, "review_id", ids, "domain", "rating"))
    links = _grouped(_rows(session, PcfEvidenceLink, "review_id", ids, "domain", "reference"))
    reviews = []
    for _p, rid, key, day, stage, notes, development_needs in _rows(
        session,
        PcfReviewRecord,
        "placement_id",
        placement_id,
        "id",
        "key",
        "date",
        "stage",
        "notes",
        "development_needs",
    ):
        evidence: dict[str, list[str]] = {}
        for domain, reference in links.get(rid, []):
            evidence.setdefault(domain, []).append(reference)
        reviews.append(
            PcfReview(
                id=key,
                date=day,
                stage=stage,
                ratings={domain: rating for domain, rating in ratings.get(rid, [])},
                evidence=evidence,
                notes=notes,
                development_needs=development_needs,
            )
        )
    return reviews


def _transitions(session: Session, placement_id: int) -> list[Transition]:
    refs = _case_refs(session, placement_id)
    ids = _ids(TransitionRecord, placement_id)
    items = _grouped(
        _rows(session, TransitionItem, "transition_id", ids, "item", "done", "by", "note")
    )
    return [
        Transition(refs[case_id], {i: ChecklistEntry(d, b, n) for i, d, b, n in items.get(tid, [])})
        for _p, tid, case_id in _rows(
            session, TransitionRecord, "placement_id", placement_id, "id", "case_id"
        )
    ]


def amend_events(
    database: Database, placement_id: int, change: Callable[[list[Event]], list[Event]]
) -> None:
    """After an action that changed only some events: change the kept list to match, so the
    next read does not read every event again (see Database.amend)."""
    database.amend(("events", placement_id), change)


# Each part of a snapshot and the tables it is read from: a part is read again only when one
# of its tables was written since (Database.generation). The audit log and drafts are in no
# part; a test checks that every other table is in one.
PARTS: dict[str, tuple[tuple[str, ...], Callable[[Session, int], Any]]] = {
    "placement": (
        ("placement", "person_role", "agreement", "induction_item", "absence", "learning_evidence"),
        _core,
    ),
    "cases": (("case", "manager_override"), _cases),
    "events": (("event", "case"), _events),
    "supervisions": (
        (
            "supervision",
            "supervision_attendee",
            "case_discussed",
            "case_direction",
            "action",
            "addendum",
            "case",
        ),
        _supervisions,
    ),
    "pcf_reviews": (("pcf_review", "pcf_rating", "pcf_evidence"), _pcf_reviews),
    "transitions": (("transition", "transition_item", "case"), _transitions),
}


def agreement_rows(
    placement: PlacementAgreement | None, supervision: SupervisionAgreement | None
) -> list[AgreementRecord]:
    rows = []
    if placement is not None:
        rows.append(
            AgreementRecord(
                kind="placement",
                learning_needs=placement.learning_needs,
                after_hours_contact=placement.after_hours_contact,
                notes=placement.notes,
            )
        )
    if supervision is not None:
        rows.append(
            AgreementRecord(
                kind="supervision",
                weekday=supervision.weekday,
                every_days=supervision.every_days,
                time=supervision.time,
                three_way=supervision.three_way,
                notes=supervision.notes,
            )
        )
    return rows


# ---------------------------------------------------------------- snapshot -> rows


def people_rows(p: Placement) -> list[PersonRole]:
    """The people around a placement, one row per role that has someone in it."""
    rows = [PersonRole(role="educator", name=p.educator, onsite=p.educator_onsite, position=0)]
    for position, (role, name) in enumerate(
        (
            ("onsite_supervisor", p.onsite_supervisor),
            ("team_manager", p.team_manager),
            ("link_worker", p.link_worker),
        ),
        start=1,
    ):
        if name is not None:  # an empty name is kept as given (a file may say "")
            rows.append(PersonRole(role=role, name=name, position=position))
    return rows


def apply_placement(record: PlacementRecord, p: Placement) -> None:
    """Copy a placement's details onto its row (used by import and by the details page)."""
    record.student = p.student
    record.programme = p.programme
    record.kind = p.kind
    record.setting = p.setting
    record.start = p.start
    record.end = p.end
    record.working_days = ",".join(p.working_days)
    record.induction_days = p.induction_days
    record.required_days = p.required_days
    record.host_team_average_caseload = p.host_team_average_caseload
    record.archived = p.archived
    record.close_reason = p.close_reason
    # update rows in place: replacing them would insert before deleting (one person per role)
    wanted = {row.role: row for row in people_rows(p)}
    for row in list(record.people):
        if row.role not in wanted:
            record.people.remove(row)
    for role, new in wanted.items():
        current = record.person(role)
        if current is None:
            record.people.append(new)
        else:
            current.name, current.onsite, current.position = new.name, new.onsite, new.position


def _override_row(o: ManagerOverride | None) -> ManagerOverrideRecord | None:
    if o is None:
        return None
    return ManagerOverrideRecord(
        by=o.by, reason=o.reason, review_by=o.review_by, reviewed=o.reviewed
    )


def case_row(c: Case, position: int) -> CaseRecord:
    return CaseRecord(
        **row_values(c, CASE_SKIP),
        position=position,
        manager_override=_override_row(c.manager_override),
    )


def fill_supervision(
    row: SupervisionRecord, s: Supervision, cases: dict[str, CaseRecord]
) -> SupervisionRecord:
    """Copy a supervision onto its row, replacing its lists (attendees, directions, addenda)."""
    row.key, row.date, row.format = s.id, s.date, s.format
    row.caseload_discussed, row.decisions_recorded = s.caseload_discussed, s.decisions_recorded
    row.wellbeing, row.learning, row.next = s.wellbeing, s.learning, s.next
    row.signed_by_educator, row.signed_by_student = s.signed_by_educator, s.signed_by_student
    row.attendees = [SupervisionAttendee(name=n, position=j) for j, n in enumerate(s.attendees)]
    row.cases_discussed = [
        CaseDiscussed(case=cases[ref], position=j) for j, ref in enumerate(s.cases_discussed)
    ]
    row.case_direction = [
        CaseDirectionRecord(
            case=cases[d.case],
            discussion=d.discussion,
            decision=d.decision,
            position=j,
            actions=[
                ActionRecord(action=a.action, owner=a.owner, due=a.due, done=a.done, position=k)
                for k, a in enumerate(d.actions)
            ],
        )
        for j, d in enumerate(s.case_direction)
    ]
    row.addenda = [
        AddendumRecord(date=a.date, author=a.author, text=a.text, position=j)
        for j, a in enumerate(s.addenda)
    ]
    return row


def supervision_row(
    s: Supervision, cases: dict[str, CaseRecord], position: int
) -> SupervisionRecord:
    return fill_supervision(SupervisionRecord(position=position), s, cases)


def stored_profile(profile: PolicyProfile | None) -> dict[str, object] | None:
    """A placement's own profile as its row keeps it, changed here or not."""
    return profile_state(profile) if profile is not None else None


def store_snapshot(session: Session, snap: PlacementSnapshot) -> PlacementRecord:
    """Add a whole placement as new rows (the caller's unit of work commits or rolls back)."""
    record = PlacementRecord(policy=dict(snap.policy), profile=stored_profile(snap.profile))
    apply_placement(record, snap.placement)
    record.agreements = agreement_rows(snap.placement_agreement, snap.supervision_agreement)
    cases = {c.ref: case_row(c, i) for i, c in enumerate(snap.cases)}
    record.cases = list(cases.values())
    record.induction_items = [
        InductionItem(item=k, done=v.date, by=v.by, note=v.note, position=i)
        for i, (k, v) in enumerate(snap.induction.items())
    ]
    record.absences = [
        AbsenceRecord(
            key=a.id,
            who=a.who,
            first_day=a.from_,
            last_day=a.to,
            reason=a.reason,
            cover=a.cover,
            position=i,
        )
        for i, a in enumerate(snap.absences)
    ]
    record.supervisions = [supervision_row(s, cases, i) for i, s in enumerate(snap.supervisions)]
    record.pcf_reviews = [
        PcfReviewRecord(
            key=r.id,
            date=r.date,
            stage=r.stage,
            notes=r.notes,
            development_needs=r.development_needs,
            position=i,
            ratings=[
                PcfRating(domain=d, rating=v, position=j)
                for j, (d, v) in enumerate(r.ratings.items())
            ],
            evidence=[
                PcfEvidenceLink(domain=d, reference=ref, position=j)
                for j, (d, ref) in enumerate(
                    (d, ref) for d, refs in r.evidence.items() for ref in refs
                )
            ],
        )
        for i, r in enumerate(snap.pcf_reviews)
    ]
    record.learning = [
        LearningRecord(item=x.item, evidenced=x.evidenced, evidence=x.evidence, position=i)
        for i, x in enumerate(snap.learning)
    ]
    record.transitions = [
        TransitionRecord(
            case=cases[t.case],
            position=i,
            items=[
                TransitionItem(item=k, done=v.date, by=v.by, note=v.note, position=j)
                for j, (k, v) in enumerate(t.items.items())
            ],
        )
        for i, t in enumerate(snap.transitions)
    ]
    session.add(record)
    session.flush()
    _insert_events(session, record.id, {ref: c.id for ref, c in cases.items()}, snap.events)
    return record


def _insert_events(
    session: Session, placement_id: int, case_ids: dict[str, int], events: list[Event]
) -> None:
    """Events as plain rows, a thousand at a time: a long placement has ~20,000, and one
    ORM flush of them held Python's GIL long enough to stall the window for a quarter of a
    second (the import runs in a worker thread)."""
    rows = [
        {
            "placement_id": placement_id,
            "key": e.id,
            "kind": e.kind,
            "date": e.date,
            "position": i,
            "case_id": case_ids[e.case] if e.case else None,
            **row_values(e, EVENT_SKIP),
        }
        for i, e in enumerate(events)
    ]
    for chunk in batched(rows, 1000):
        session.execute(insert(EventRecord), list(chunk))
