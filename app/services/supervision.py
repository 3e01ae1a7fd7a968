"""Supervision sessions: write, sign, add addenda, carry actions forward, keep drafts, export dates.

A record signed by both people is read-only: later changes are dated addenda. Marking a
carried-forward action done only fills in that action's completion date.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AddendumRecord, DraftRecord, SupervisionRecord
from app.policy.agenda import next_supervision
from app.policy.calendar import uk_date
from app.policy.findings import Finding
from app.policy.gaps import counted_days
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Action, Case, PlacementSnapshot, Supervision
from app.policy.terms import as_of_view, caseload_cap, caseload_on, student_absence_days
from app.policy.vocabulary import SUPERVISION_FORMATS
from app.services.audit import record_change
from app.services.checking import profile_for
from app.services.context import Service
from app.services.errors import InvalidInput
from app.services.snapshot import (
    fill_supervision,
    load_snapshot,
    placement_for_change,
    supervision_row,
)


@dataclass(frozen=True, slots=True)
class SessionRow:
    supervision: Supervision
    days_since_previous: int | None  # student absences not counted
    gap_state: str  # ok | late (over a week) | overdue (over a fortnight) | first
    signed: str  # signed | educator | student | unsigned

    @property
    def locked(self) -> bool:
        return self.signed == "signed"


@dataclass(frozen=True, slots=True)
class CarriedAction:
    """An open action from an earlier session, shown on the next form until it is done."""

    supervision_id: str
    supervision_date: date
    case: str
    index: int
    action: Action


@dataclass(frozen=True, slots=True)
class SessionForm:
    """What a new session's form starts with."""

    day: date
    format: str
    attendees: list[str]
    open_cases: list[Case]
    caseload: int
    cap: int
    carried: list[CarriedAction]
    next: date
    three_way_expected: bool
    # open cases stepped up since the last session: the step-up is to be discussed (003 §4.1)
    stepped_up: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class WeekMark:
    monday: date
    held: bool
    absent: bool  # the student was absent all the working week
    future: bool  # the week has not begun on the as-of date
    current: bool = False  # the as-of date falls in it: still in progress
    breach: bool = False  # the fortnightly limit was exceeded during it (a real breach)


def new_id(prefix: str = "s") -> str:
    return f"{prefix}-{secrets.token_hex(4)}"


def signed_state(s: Supervision) -> str:
    if s.signed_by_educator and s.signed_by_student:
        return "signed"
    if s.signed_by_educator:
        return "educator"
    if s.signed_by_student:
        return "student"
    return "unsigned"


def session_rows(snap: PlacementSnapshot, profile: PolicyProfile) -> list[SessionRow]:
    absent = student_absence_days(snap.absences)
    rows = []
    previous: date | None = None
    for s in sorted(snap.supervisions, key=lambda x: x.date):
        days = None if previous is None else counted_days(previous, s.date, absent)
        if days is None:
            state = "first"
        elif days > profile.supervision_max_days:
            state = "overdue"
        elif days > profile.supervision_days:
            state = "late"
        else:
            state = "ok"
        rows.append(SessionRow(s, days, state, signed_state(s)))
        previous = s.date
    return rows


def frequency_strip(
    snap: PlacementSnapshot, as_of: date, findings: list[Finding] | None = None
) -> list[WeekMark]:
    """The placement's weeks (Monday first) and whether each had a supervision.

    ``findings``: the engine's, so that a week is marked as a breach only where the
    fortnightly rule actually fired in it (the current week is otherwise in progress).
    """
    p = snap.placement
    held = {s.date for s in snap.supervisions}
    absent = student_absence_days(snap.absences)
    breaches = {f.date for f in findings or () if f.rule == "supervision.fortnightly"}
    last_held = max((d for d in held if d <= as_of), default=None)
    # The gap running now (since the last session) has already passed the fortnight.
    overdue = any(d <= as_of and (last_held is None or d > last_held) for d in breaches)
    monday = p.start - timedelta(days=p.start.weekday())
    marks = []
    while monday <= p.end:
        week = [monday + timedelta(days=i) for i in range(7)]
        workdays = [d for d in week[:5] if p.start <= d <= p.end]
        marks.append(
            WeekMark(
                monday,
                held=any(d in held and d <= as_of for d in week),
                absent=bool(workdays) and all(d in absent for d in workdays),
                future=monday > as_of,
                current=monday <= as_of <= week[-1],
                breach=overdue if monday <= as_of <= week[-1] else any(d in breaches for d in week),
            )
        )
        monday += timedelta(days=7)
    return marks


def carried_actions(snap: PlacementSnapshot, before: date | None = None) -> list[CarriedAction]:
    """Every action not yet done from sessions before ``before`` (all sessions when None)."""
    out = []
    for s in sorted(snap.supervisions, key=lambda x: x.date):
        if before is not None and s.date >= before:
            continue
        for d in s.case_direction:
            for i, a in enumerate(d.actions):
                if a.done is None:
                    out.append(CarriedAction(s.id, s.date, d.case, i, a))
    return out


def session_form(snap: PlacementSnapshot, as_of: date, profile: PolicyProfile) -> SessionForm:
    p = snap.placement
    day = min(max(as_of, p.start), p.end)
    seen = as_of_view(snap, day)
    sessions = sorted(seen.supervisions, key=lambda s: s.date)
    three_way_due = not p.educator_onsite and bool(p.onsite_supervisor)
    if three_way_due:
        last_three_way = max((s.date for s in sessions if s.format == "three-way"), default=p.start)
        three_way_due = (
            day - last_three_way
        ).days >= profile.three_way_days - profile.supervision_days
    fmt = "three-way" if three_way_due else "one-to-one"
    attendees = [p.educator, p.student] + (
        [p.onsite_supervisor] if fmt == "three-way" and p.onsite_supervisor else []
    )
    open_cases = caseload_on(seen.cases, day)
    last = sessions[-1].date if sessions else p.start - timedelta(days=1)
    stepped_up = frozenset(
        c.ref for c in open_cases if c.stepped_up is not None and c.stepped_up.date > last
    )
    here = replace(snap, supervisions=[*sessions, Supervision("draft", day, fmt, True, [], True)])
    nxt, _why = next_supervision(here, here.supervisions[-1], profile)
    return SessionForm(
        day=day,
        format=fmt,
        attendees=attendees,
        open_cases=open_cases,
        caseload=len(open_cases),
        cap=caseload_cap(p, profile),
        carried=carried_actions(snap, before=day + timedelta(days=1)),
        next=nxt,
        three_way_expected=not p.educator_onsite and bool(p.onsite_supervisor),
        stepped_up=stepped_up,
    )


def _validate(snap: PlacementSnapshot, s: Supervision) -> None:
    p = snap.placement
    if s.format not in SUPERVISION_FORMATS:
        raise InvalidInput("Choose the format: one-to-one, three-way or group.")
    if not p.start <= s.date <= p.end:
        raise InvalidInput(
            f"The session must fall within the placement ({uk_date(p.start)} to {uk_date(p.end)})."
        )
    refs = {c.ref for c in snap.cases}
    for ref in [*s.cases_discussed, *(d.case for d in s.case_direction)]:
        if ref not in refs:
            raise InvalidInput(f"There is no case {ref} in this placement.")
    for d in s.case_direction:
        for a in d.actions:
            if not a.action.strip():
                raise InvalidInput(f"An action for {d.case} has no text: describe it or remove it.")
    if s.next is not None and s.next <= s.date:
        raise InvalidInput("The next session must come after this one.")
    for signed in (s.signed_by_educator, s.signed_by_student):
        if signed is not None and signed < s.date:
            raise InvalidInput("A record cannot be signed before the session took place.")


def _record(session: Session, placement_id: int, sid: str) -> SupervisionRecord:
    row = session.scalars(
        select(SupervisionRecord).where(
            SupervisionRecord.placement_id == placement_id, SupervisionRecord.key == sid
        )
    ).one_or_none()
    if row is None:
        raise InvalidInput(f"There is no supervision {sid} in this placement.")
    return row


class SupervisionService(Service):
    def _snapshot(self, placement_id: int) -> PlacementSnapshot:
        with self.db.unit_of_work() as session:
            return load_snapshot(session, placement_id)

    def rows(self, placement_id: int) -> list[SessionRow]:
        snap = self._snapshot(placement_id)
        return session_rows(snap, profile_for(snap, self.profile))

    def strip(self, placement_id: int, as_of: date) -> list[WeekMark]:
        return frequency_strip(self._snapshot(placement_id), as_of)

    def form(self, placement_id: int, as_of: date) -> SessionForm:
        snap = self._snapshot(placement_id)
        return session_form(snap, as_of, profile_for(snap, self.profile))

    def get(self, placement_id: int, sid: str) -> Supervision:
        for s in self._snapshot(placement_id).supervisions:
            if s.id == sid:
                return s
        raise InvalidInput(f"There is no supervision {sid} in this placement.")

    def save(
        self,
        placement_id: int,
        supervision: Supervision,
        done_actions: Mapping[tuple[str, str, int], date] | None = None,
    ) -> str:
        """Store a new session or changes to an unsigned one, and carried actions marked done.

        ``cases_discussed`` follows the case-direction rows, so case direction is counted
        for every child the form has a row for.
        """
        s = replace(
            supervision,
            cases_discussed=list(
                dict.fromkeys(
                    [*supervision.cases_discussed, *(d.case for d in supervision.case_direction)]
                )
            ),
        )
        with self.db.unit_of_work() as session:
            snap = load_snapshot(session, placement_id)
            _validate(snap, s)
            placement = placement_for_change(session, placement_id)
            cases = {c.ref: c for c in placement.cases}
            existing = next((x for x in snap.supervisions if x.id == s.id), None)
            if existing is None:
                if not s.id:
                    s = replace(s, id=new_id())
                placement.supervisions.append(
                    supervision_row(s, cases, len(placement.supervisions))
                )
                action = "supervision.created"
            else:
                if signed_state(existing) == "signed":
                    raise InvalidInput(
                        "This record is signed by both of you: add an addendum instead."
                    )
                fill_supervision(
                    _record(session, placement_id, s.id),
                    replace(s, addenda=existing.addenda),
                    cases,
                )
                action = "supervision.updated"
            for (sid, ref, index), done in (done_actions or {}).items():
                self._mark_done(session, placement_id, sid, ref, index, done)
            record_change(
                session,
                action,
                placement_id=placement_id,
                subject=f"supervision:{s.id}",
                detail={
                    "date": s.date.isoformat(),
                    "format": s.format,
                    "cases": list(s.cases_discussed),
                    "actions_done": len(done_actions or {}),
                },
            )
            self._discard(session, placement_id, f"supervision:{supervision.id or 'new'}")
        return s.id

    def _mark_done(
        self, session: Session, placement_id: int, sid: str, ref: str, index: int, done: date
    ) -> None:
        row = _record(session, placement_id, sid)
        direction = next((d for d in row.case_direction if d.case.ref == ref), None)
        if direction is None or not 0 <= index < len(direction.actions):
            raise InvalidInput(f"That action of supervision {sid} no longer exists.")
        if done < row.date:
            raise InvalidInput("An action cannot be done before the session that set it.")
        direction.actions[index].done = done

    def mark_action_done(
        self, placement_id: int, sid: str, ref: str, index: int, done: date
    ) -> None:
        with self.db.unit_of_work() as session:
            placement_for_change(session, placement_id)
            self._mark_done(session, placement_id, sid, ref, index, done)
            record_change(
                session,
                "supervision.action-done",
                placement_id=placement_id,
                subject=f"supervision:{sid}",
                detail={"case": ref, "done": done.isoformat()},
            )

    def sign(self, placement_id: int, sid: str, who: str, on: date) -> None:
        """The educator or the student signs (their name is the placement's; the date is theirs)."""
        if who not in ("educator", "student"):
            raise InvalidInput("Only the educator and the student sign a supervision record.")
        with self.db.unit_of_work() as session:
            placement_for_change(session, placement_id)
            row = _record(session, placement_id, sid)
            if on < row.date:
                raise InvalidInput("A record cannot be signed before the session took place.")
            if getattr(row, f"signed_by_{who}") is not None:
                raise InvalidInput(f"The {who} has already signed this record.")
            setattr(row, f"signed_by_{who}", on)
            record_change(
                session,
                "supervision.signed",
                placement_id=placement_id,
                subject=f"supervision:{sid}",
                detail={"who": who, "date": on.isoformat()},
            )

    def add_addendum(self, placement_id: int, sid: str, author: str, text: str, on: date) -> None:
        """A dated correction beneath a record; the original is never changed."""
        if not author.strip() or not text.strip():
            raise InvalidInput("An addendum needs its author and its text.")
        with self.db.unit_of_work() as session:
            placement_for_change(session, placement_id)
            row = _record(session, placement_id, sid)
            if on < row.date:
                raise InvalidInput("An addendum cannot be dated before the session.")
            row.addenda.append(
                AddendumRecord(
                    date=on, author=author.strip(), text=text.strip(), position=len(row.addenda)
                )
            )
            record_change(
                session,
                "supervision.addendum",
                placement_id=placement_id,
                subject=f"supervision:{sid}",
                detail={"author": author.strip(), "date": on.isoformat()},
            )

    def delete(self, placement_id: int, sid: str) -> None:
        """Remove an unsigned session (a signed one stays: it is on paper)."""
        with self.db.unit_of_work() as session:
            row = _record(session, placement_id, sid)
            if row.signed_by_educator or row.signed_by_student:
                raise InvalidInput("A signed record cannot be deleted; add an addendum instead.")
            placement = placement_for_change(
                session, placement_id
            )  # held: the list needs its parent
            placement.supervisions.remove(row)
            record_change(
                session,
                "supervision.deleted",
                placement_id=placement_id,
                subject=f"supervision:{sid}",
                detail={"date": row.date.isoformat(), "format": row.format},
            )

    # ---------------------------------------------------------------- drafts

    def save_draft(self, placement_id: int, key: str, content: dict[str, object]) -> None:
        with self.db.unit_of_work() as session:
            row = session.scalars(
                select(DraftRecord).where(
                    DraftRecord.placement_id == placement_id, DraftRecord.key == key
                )
            ).one_or_none()
            if row is None:
                session.add(
                    DraftRecord(
                        placement_id=placement_id, key=key, content=content, saved_at=datetime.now()
                    )
                )
            else:
                row.content, row.saved_at = content, datetime.now()

    def drafts(self, placement_id: int) -> list[tuple[str, datetime, dict[str, object]]]:
        with self.db.unit_of_work() as session:
            rows = session.scalars(
                select(DraftRecord)
                .where(DraftRecord.placement_id == placement_id)
                .order_by(DraftRecord.saved_at)
            )
            return [(r.key, r.saved_at, dict(r.content)) for r in rows]

    def discard_draft(self, placement_id: int, key: str) -> None:
        with self.db.unit_of_work() as session:
            self._discard(session, placement_id, key)

    @staticmethod
    def _discard(session: Session, placement_id: int, key: str) -> None:
        row = session.scalars(
            select(DraftRecord).where(
                DraftRecord.placement_id == placement_id, DraftRecord.key == key
            )
        ).one_or_none()
        if row is not None:
            session.delete(row)

    # ---------------------------------------------------------------- calendar

    def planned_dates(self, placement_id: int, as_of: date) -> list[date]:
        """The supervision dates to come, from the agreed pattern (weekly by default) to the end."""
        snap = self._snapshot(placement_id)
        profile = profile_for(snap, self.profile)
        p = snap.placement
        held = sorted((s for s in snap.supervisions if s.date <= as_of), key=lambda s: s.date)
        last = held[-1] if held else None
        dates: list[date] = []
        while True:
            day, _why = next_supervision(snap, last, profile)
            if day > p.end or len(dates) > 200:
                return [d for d in dates if d >= as_of]
            dates.append(day)
            last = Supervision("planned", day, "one-to-one", True, [], True)

    def ics(self, placement_id: int, as_of: date) -> bytes:
        """The planned dates as an iCalendar file a PE can add to their calendar."""
        from icalendar import Calendar, Event

        snap = self._snapshot(placement_id)
        p, agreed = snap.placement, snap.supervision_agreement
        calendar = Calendar()
        calendar.add("prodid", "-//Placement Tracker//Supervision dates//EN")
        calendar.add("version", "2.0")
        for day in self.planned_dates(placement_id, as_of):
            event = Event()
            event.add("uid", f"supervision-{placement_id}-{day.isoformat()}@placement-tracker")
            event.add("summary", f"Supervision: {p.student}")
            event.add("dtstamp", datetime(as_of.year, as_of.month, as_of.day))
            start = _start_time(day, agreed.time if agreed else None)
            if isinstance(start, datetime):
                event.add("dtstart", start)
                event.add("dtend", start + timedelta(hours=1, minutes=30))
            else:
                event.add("dtstart", day)
                event.add("dtend", day + timedelta(days=1))
            event.add(
                "description",
                "Weekly supervision (Placement Tracker). Bring open actions and case notes.",
            )
            calendar.add_component(event)
        return bytes(calendar.to_ical())


def _start_time(day: date, time: str | None) -> datetime | date:
    """The agreed time on ``day`` when it reads as HH:MM, else the whole day."""
    if time:
        try:
            hours, minutes = (int(x) for x in time.strip().replace(".", ":").split(":")[:2])
            return datetime(day.year, day.month, day.day, hours, minutes)
        except ValueError:
            pass
    return day
