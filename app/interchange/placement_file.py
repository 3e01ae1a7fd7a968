"""The placement file ``placement-tracker/1``: strict reading with one clear message, full writing.

A bad file raises ``PlacementFileError`` whose text names the JSON path (indexes from 0)
and the problem, e.g. ``cases[1] (EH-201).allocated: not a date: "2026-13-01" (write it as
YYYY-MM-DD, e.g. 2026-09-14)``; a list item is named by its reference or id. Nothing is stored
by this module: the services store a snapshot only after it has been read whole.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from typing import Any, Final, cast

from app.interchange.decoding import NOT_OURS, PlacementFileError, decode
from app.interchange.json_reader import Reader as _Reader
from app.interchange.json_reader import fail as _fail
from app.interchange.json_reader import quoted as _q
from app.interchange.profile_file import ProfileFileError, profile_from, profile_object
from app.policy.allocation import case_problems
from app.policy.profile import ProfileError, validate_overrides
from app.policy.snapshot import (
    Absence,
    Action,
    Addendum,
    Case,
    CaseDirection,
    ChecklistEntry,
    Event,
    LearningEvidence,
    PcfPoint,
    PcfReview,
    Placement,
    PlacementAgreement,
    PlacementSnapshot,
    Supervision,
    SupervisionAgreement,
    Transition,
    optional_of,
)
from app.policy.vocabulary import (
    ABSENCE_WHO,
    ALL_LEARNING_OUTCOMES,
    BOOLEAN_EVENT_KEYS,
    DEFAULT_INDUCTION_DAYS,
    DEFAULT_REQUIRED_DAYS,
    DEFAULT_WORKING_DAYS,
    EVENT_ENUMS,
    EVENT_KINDS,
    INDUCTION_ITEMS,
    OBSERVATION_KEYS,
    OPTIONAL_TRANSITION_ITEMS,
    OWN_ITEM_PREFIX,
    PCF_DOMAINS,
    PCF_POINT_KINDS,
    PCF_RATINGS,
    PCF_STAGES,
    PLACEMENT_KINDS,
    SETTINGS,
    SUPERVISION_FORMATS,
    TRANSITION_ITEMS,
    WEEKDAYS,
)

FORMAT: Final = "placement-tracker/1"
TOP_KEYS: Final = (
    "format",
    "policy",
    "placement",
    "induction",
    "absences",
    "cases",
    "events",
    "supervisions",
    "pcf_reviews",
    "learning",
    "transitions",
    "agreements",  # our extension (docs/interchange-extensions.md): written only when there are any
    "profile",  # our extension too: the placement's own policy profile, when it has one
)
# File keys that are Python keywords have a trailing underscore in the snapshot.
FIELD_NAMES: Final = {"with": "with_", "from": "from_"}
EVENT_COMMON: Final = ("id", "kind", "date", "notes")


def _or[T](reader: _Reader, key: str, default: T, read: Callable[[_Reader], T]) -> T:
    """A key's value read by ``read``, or ``default`` when the key is absent."""
    return read(reader.get(key)) if reader.has(key) else default


# ------------------------------------------------------------------ reading


def _checklist(r: _Reader, known: Iterable[str]) -> dict[str, ChecklistEntry]:
    known = set(known)
    items: dict[str, ChecklistEntry] = {}
    for key, value in r.items():
        if key not in known and not (
            key.startswith(OWN_ITEM_PREFIX) and len(key) > len(OWN_ITEM_PREFIX)
        ):
            raise value.fail(
                f"unknown item; use one of the listed items or your own starting with {OWN_ITEM_PREFIX!r}"
            )
        if isinstance(value.value, dict):
            value.obj(("date",), ("by", "note"))
            items[key] = ChecklistEntry(
                value.get("date").day(), value.get("by").opt_text(), value.get("note").opt_text()
            )
        else:
            items[key] = ChecklistEntry(value.day())
    return items


def _placement(r: _Reader) -> Placement:
    r.obj(
        ("student", "kind", "setting", "start", "end", "educator", "team_manager"),
        (
            "programme",
            "working_days",
            "induction_days",
            "required_days",
            "host_team_average_caseload",
            "educator_onsite",
            "onsite_supervisor",
            "link_worker",
            "archived",
            "close_reason",
        ),
    )
    kind = r.get("kind").choice(PLACEMENT_KINDS)
    start, end = r.get("start").day(), r.get("end").day()
    if end < start:
        raise r.get("end").fail(f"before placement.start ({start.isoformat()})")
    working_days: tuple[str, ...] = DEFAULT_WORKING_DAYS
    if r.has("working_days"):
        days = [d.choice(WEEKDAYS) for d in r.get("working_days").list()]
        if not days:
            raise r.get("working_days").fail("needs at least one day")
        if len(set(days)) != len(days):
            raise r.get("working_days").fail("a day is listed twice")
        working_days = tuple(days)
    average = r.get("host_team_average_caseload")
    return Placement(
        student=r.get("student").text(),
        kind=kind,
        setting=r.get("setting").choice(SETTINGS),
        start=start,
        end=end,
        educator=r.get("educator").text(),
        team_manager=r.get("team_manager").text(),
        required_days=_or(r, "required_days", DEFAULT_REQUIRED_DAYS[kind], _Reader.count),
        programme=r.get("programme").opt_text(),
        working_days=working_days,
        induction_days=_or(r, "induction_days", DEFAULT_INDUCTION_DAYS, _Reader.count),
        host_team_average_caseload=None if average.value is None else average.number(),
        educator_onsite=_or(r, "educator_onsite", True, _Reader.flag),
        onsite_supervisor=r.get("onsite_supervisor").opt_text(),
        link_worker=r.get("link_worker").opt_text(),
        archived=r.get("archived").opt_day(),
        close_reason=r.get("close_reason").opt_text(),
    )


def _unique(reader: _Reader, value: str, seen: set[str], what: str = "id") -> str:
    if value in seen:
        raise reader.fail(f'duplicate {what} "{value}"')
    seen.add(value)
    return value


def _absence(r: _Reader, seen: set[str]) -> Absence:
    r.obj(("id", "who", "from", "to"), ("reason", "cover"))
    first, last = r.get("from").day(), r.get("to").day()
    if last < first:
        raise r.get("to").fail(f"before from ({first.isoformat()})")
    return Absence(
        id=_unique(r.get("id"), r.get("id").text(), seen),
        who=r.get("who").choice(ABSENCE_WHO),
        from_=first,
        to=last,
        reason=r.get("reason").opt_text(),
        cover=r.get("cover").opt_text(),
    )


def _key(name: str) -> str:
    """A field's key in the file (``from_`` is ``from``)."""
    return name.rstrip("_")


def _reader_for(
    annotation: Any, choices: tuple[str, ...], required: bool
) -> Callable[[_Reader], Any]:
    """How to read a value of a field with this annotation: the field's type decides."""
    kind, optional = optional_of(annotation)
    read: Callable[[_Reader], Any]
    if dataclasses.is_dataclass(kind):
        nested = cast(type, kind)
        read = lambda r: _record(r, nested)  # noqa: E731
    elif kind is str and choices:
        read = lambda r: r.choice(choices)  # noqa: E731
    elif kind is str:
        read = _Reader.text if required else lambda r: r.text(empty=True)
    elif kind is date:
        read = _Reader.day
    elif kind is bool:
        read = _Reader.flag
    elif kind is int:
        read = _Reader.count
    elif typing.get_origin(kind) is tuple:
        read = lambda r: tuple(x.text() for x in r.list())  # noqa: E731
    else:  # pragma: no cover - a new kind of field needs a reader here
        raise TypeError(f"no reader for {annotation!r}")
    if optional:
        return lambda r: None if r.value is None else read(r)
    return read


@cache
def _fields_of(record: type) -> tuple[tuple[str, str, bool, Callable[[_Reader], Any]], ...]:
    """Each field of ``record``: its name, its key, whether required, and its reader."""
    hints = typing.get_type_hints(record)
    found = []
    for f in dataclasses.fields(record):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        choices = tuple(f.metadata.get("choices", ()))
        found.append(
            (f.name, _key(f.name), required, _reader_for(hints[f.name], choices, required))
        )
    return tuple(found)


def _record[T](r: _Reader, record: type[T]) -> T:
    """A plain record (a case, its override, its step-up) read field by field: its required
    keys must be there, unknown keys are an error, missing optional ones take the default."""
    fields = _fields_of(cast(Any, record))
    r.obj(
        [key for _n, key, req, _r in fields if req], [key for _n, key, req, _r in fields if not req]
    )
    values = {name: read(r.get(key)) for name, key, _req, read in fields if r.has(key)}
    return record(**values)


def _case(r: _Reader, seen: set[str]) -> Case:
    case = _record(r, Case)
    _unique(r.get("ref"), case.ref, seen, "ref")
    if case.ended is not None and case.ended < case.allocated:
        raise r.get("ended").fail(f"before allocated ({case.allocated.isoformat()})")
    for problem in case_problems(case):
        raise _fail(f"{r.path}.{problem.key}", problem.problem)
    return case


def _case_ref(r: _Reader, cases: set[str]) -> str:
    ref = r.text()
    if ref not in cases:
        raise r.fail(f'no case with ref "{ref}"')
    return ref


def _event(r: _Reader, seen: set[str], cases: set[str]) -> Event:
    if not isinstance(r.value, dict):
        r.obj()
    kind = r.get("kind").choice(EVENT_KINDS) if r.has("kind") else None
    if kind is None:
        raise r.fail('missing key "kind"')
    required, optional = EVENT_KINDS[kind]
    for key in r.value:
        if key not in EVENT_COMMON and key not in required and key not in optional:
            raise r.fail(f'key "{key}" does not belong to a "{kind}" event')
    r.obj(("id", "kind", "date", *required), ("notes", *optional))
    event = Event(
        id=_unique(r.get("id"), r.get("id").text(), seen),
        kind=kind,
        date=r.get("date").day(),
        notes=r.get("notes").opt_text(),
    )
    for key in (*required, *optional):
        value = r.get(key)
        if key == "case":
            parsed: object = (
                None if value.value is None and key in optional else _case_ref(value, cases)
            )
        elif key == "pcf_points":
            parsed = tuple(_pcf_point(p) for p in value.list())
        elif key == "before_midpoint":
            parsed = None if value.value is None else value.flag()
        elif key in ("student_signed", "observer_signed"):
            parsed = value.opt_day()
        elif key in BOOLEAN_EVENT_KEYS:
            parsed = value.flag()
        elif key in EVENT_ENUMS:
            parsed = value.choice(EVENT_ENUMS[key])
        else:
            parsed = value.opt_text()
        setattr(event, FIELD_NAMES.get(key, key), parsed)
    return event


def _pcf_point(r: _Reader) -> PcfPoint:
    """One PCF domain a direct observation evidences: a strength or an area for development."""
    r.obj(("domain", "point"), ("text",))
    return PcfPoint(
        r.get("domain").choice(PCF_DOMAINS),
        r.get("point").choice(PCF_POINT_KINDS),
        r.get("text").opt_text() or "",
    )


def _supervision(r: _Reader, seen: set[str], cases: set[str]) -> Supervision:
    r.obj(
        ("id", "date", "format", "caseload_discussed", "cases_discussed", "decisions_recorded"),
        (
            "attendees",
            "case_direction",
            "wellbeing",
            "learning",
            "signed_by_educator",
            "signed_by_student",
            "addenda",
            "next",
        ),
    )
    directions = []
    for d in r.get("case_direction").list():
        d.obj(("case",), ("discussion", "decision", "actions"))
        actions = []
        for a in d.get("actions").list():
            a.obj(("action",), ("owner", "due", "done"))
            actions.append(
                Action(
                    a.get("action").text(),
                    a.get("owner").opt_text(),
                    a.get("due").opt_day(),
                    a.get("done").opt_day(),
                )
            )
        directions.append(
            CaseDirection(
                case=_case_ref(d.get("case"), cases),
                discussion=_or(d, "discussion", "", lambda x: x.text(empty=True)),
                decision=_or(d, "decision", "", lambda x: x.text(empty=True)),
                actions=actions,
            )
        )
    addenda = []
    for a in r.get("addenda").list():
        a.obj(("date", "author", "text"))
        addenda.append(Addendum(a.get("date").day(), a.get("author").text(), a.get("text").text()))
    if not isinstance(r.value["cases_discussed"], list):
        raise r.get("cases_discussed").fail(
            f"expected a list of case refs, got {_q(r.value['cases_discussed'])}"
        )
    discussed = [_case_ref(x, cases) for x in r.get("cases_discussed").list()]
    return Supervision(
        id=_unique(r.get("id"), r.get("id").text(), seen),
        date=r.get("date").day(),
        format=r.get("format").choice(SUPERVISION_FORMATS),
        caseload_discussed=r.get("caseload_discussed").flag(),
        cases_discussed=discussed,
        decisions_recorded=r.get("decisions_recorded").flag(),
        attendees=[x.text() for x in r.get("attendees").list()],
        case_direction=directions,
        wellbeing=r.get("wellbeing").opt_text(),
        learning=r.get("learning").opt_text(),
        signed_by_educator=r.get("signed_by_educator").opt_day(),
        signed_by_student=r.get("signed_by_student").opt_day(),
        addenda=addenda,
        next=r.get("next").opt_day(),
    )


def _pcf_review(r: _Reader, seen: set[str]) -> PcfReview:
    r.obj(("id", "date", "stage"), ("ratings", "evidence", "notes", "development_needs"))
    ratings = {}
    for domain, value in r.get("ratings").items() if r.get("ratings").value is not None else []:
        if domain not in PCF_DOMAINS:
            raise value.fail(f"not a PCF domain; use one of {', '.join(PCF_DOMAINS)}")
        ratings[domain] = value.choice(PCF_RATINGS)
    evidence = {}
    for domain, refs in r.get("evidence").items() if r.get("evidence").value is not None else []:
        if domain not in PCF_DOMAINS:
            raise refs.fail(f"not a PCF domain; use one of {', '.join(PCF_DOMAINS)}")
        evidence[domain] = [x.text() for x in refs.list()]
    return PcfReview(
        id=_unique(r.get("id"), r.get("id").text(), seen),
        date=r.get("date").day(),
        stage=r.get("stage").choice(PCF_STAGES),
        ratings=ratings,
        evidence=evidence,
        notes=r.get("notes").opt_text(),
        development_needs=r.get("development_needs").opt_text(),
    )


def _learning(r: _Reader) -> LearningEvidence:
    r.obj(("item", "evidenced"), ("evidence",))
    item = r.get("item").text()
    if item not in ALL_LEARNING_OUTCOMES and not item.startswith(OWN_ITEM_PREFIX):
        raise r.get("item").fail(f'unknown learning outcome "{item}"')
    return LearningEvidence(item, r.get("evidenced").day(), r.get("evidence").opt_text())


def _check_evidence_links(snap: PlacementSnapshot, reviews: list[_Reader]) -> None:
    known = {
        "event": {e.id for e in snap.events},
        "supervision": {s.id for s in snap.supervisions},
        "case": {c.ref for c in snap.cases},
    }
    for review, r in zip(snap.pcf_reviews, reviews, strict=True):
        for domain, refs in review.evidence.items():
            for i, ref in enumerate(refs):
                kind, _, key = ref.partition(":")
                if key not in known.get(kind, set()):
                    path = f"{r.path}.evidence.{domain}[{i}]"
                    raise _fail(
                        path, f'no record "{ref}" (use event:<id>, supervision:<id> or case:<ref>)'
                    )


def parse_placement(document: Any) -> PlacementSnapshot:
    """Read a decoded JSON document into a snapshot, or raise PlacementFileError."""
    top = _Reader(document, "file")
    if not isinstance(document, dict):
        raise top.fail(f"{NOT_OURS}: it holds {_q(document)} where an object belongs")
    if "format" not in document:
        raise top.fail(
            f'{NOT_OURS}: it has no "format" key (a placement file begins '
            f'{{"format": "{FORMAT}", …}})'
        )
    top.obj(("format", "placement"), TOP_KEYS)
    if document["format"] != FORMAT:
        raise top.get("format").fail(f'expected "{FORMAT}", got {_q(document["format"])}')
    raw_policy = document.get("policy")
    if raw_policy is not None and not isinstance(raw_policy, dict):
        raise top.get("policy").fail(f"expected an object, got {_q(raw_policy)}")
    try:
        policy = validate_overrides(raw_policy or {})
    except ProfileError as exc:
        raise _fail(f"policy.{exc.name}", exc.problem) from None
    snap = PlacementSnapshot(placement=_placement(top.get("placement")), policy=policy)
    if document.get("profile") is not None:
        try:
            snap.profile = profile_from(document["profile"], "profile")
        except ProfileFileError as exc:
            raise _fail(exc.where, exc.problem) from None
    snap.induction = (
        _checklist(top.get("induction"), INDUCTION_ITEMS)
        if top.get("induction").value is not None
        else {}
    )
    ids: set[str] = set()
    snap.absences = [_absence(r, ids) for r in top.get("absences").list()]
    refs: set[str] = set()
    snap.cases = [_case(r, refs) for r in top.get("cases").list()]
    ids = set()
    snap.events = [_event(r, ids, refs) for r in top.get("events").list()]
    ids = set()
    snap.supervisions = [_supervision(r, ids, refs) for r in top.get("supervisions").list()]
    ids = set()
    reviews = top.get("pcf_reviews").list()
    snap.pcf_reviews = [_pcf_review(r, ids) for r in reviews]
    _check_evidence_links(snap, reviews)
    snap.learning = [_learning(r) for r in top.get("learning").list()]
    seen_cases: set[str] = set()
    transitions = []
    for r in top.get("transitions").list():
        r.obj(("case",), ("items",))
        case = _unique(
            r.get("case"), _case_ref(r.get("case"), refs), seen_cases, "transition for case"
        )
        items = r.get("items")
        known = (*TRANSITION_ITEMS, *OPTIONAL_TRANSITION_ITEMS)
        transitions.append(
            Transition(case, _checklist(items, known) if items.value is not None else {})
        )
    snap.transitions = transitions
    _agreements(top.get("agreements"), snap)
    return snap


def _agreements(r: _Reader, snap: PlacementSnapshot) -> None:
    if r.value is None:
        return
    r.obj((), ("placement", "supervision"))
    pa = r.get("placement")
    if pa.value is not None:
        pa.obj((), ("learning_needs", "after_hours_contact", "notes"))
        snap.placement_agreement = PlacementAgreement(
            pa.get("learning_needs").opt_text(),
            pa.get("after_hours_contact").opt_text(),
            pa.get("notes").opt_text(),
        )
    sa = r.get("supervision")
    if sa.value is not None:
        sa.obj((), ("weekday", "every_days", "time", "three_way", "notes"))
        every = _or(sa, "every_days", 7, _Reader.count)
        if every < 1:
            raise sa.get("every_days").fail("must be at least 1")
        snap.supervision_agreement = SupervisionAgreement(
            weekday=sa.get("weekday").opt_choice(WEEKDAYS),
            every_days=every,
            time=sa.get("time").opt_text(),
            three_way=sa.get("three_way").opt_text(),
            notes=sa.get("notes").opt_text(),
        )


def loads(text: str | bytes) -> PlacementSnapshot:
    """Parse the text of a placement file; every problem is a PlacementFileError."""
    return parse_placement(decode(text))


# ------------------------------------------------------------------ writing


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _entry(e: ChecklistEntry) -> object:
    if e.by is None and e.note is None:
        return e.date.isoformat()
    return {"date": e.date.isoformat(), "by": e.by, "note": e.note}


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _plain(value: Any) -> Any:
    """A record's value as JSON: dates as text, lists, a nested record as an object."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {_key(f.name): _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _event_dict(e: Event) -> dict[str, object]:
    required, optional = EVENT_KINDS[e.kind]
    out: dict[str, object] = {"id": e.id, "kind": e.kind, "date": e.date.isoformat()}
    for key in (*required, *optional):
        value = getattr(e, FIELD_NAMES.get(key, key))
        if key in OBSERVATION_KEYS:  # our extension: only what the report holds
            if value in (None, ()):
                continue
            if key == "pcf_points":
                value = [dataclasses.asdict(p) for p in value]
            elif isinstance(value, date):
                value = value.isoformat()
        out[key] = value
    out["notes"] = e.notes
    return out


def to_document(snap: PlacementSnapshot) -> dict[str, object]:
    """The whole placement as a JSON-ready dict with every key, defaults included, lists in order."""
    p = snap.placement
    document: dict[str, object] = {
        "format": FORMAT,
        "policy": dict(snap.policy),
        **({"profile": profile_object(snap.profile)} if snap.profile is not None else {}),
        "placement": {
            "student": p.student,
            "programme": p.programme,
            "kind": p.kind,
            "setting": p.setting,
            "start": _day(p.start),
            "end": _day(p.end),
            "working_days": list(p.working_days),
            "induction_days": p.induction_days,
            "required_days": p.required_days,
            "host_team_average_caseload": _number(p.host_team_average_caseload),
            "educator": p.educator,
            "educator_onsite": p.educator_onsite,
            "onsite_supervisor": p.onsite_supervisor,
            "team_manager": p.team_manager,
            "link_worker": p.link_worker,
            "archived": _day(p.archived),
            "close_reason": p.close_reason,
        },
        "induction": {k: _entry(v) for k, v in snap.induction.items()},
        "absences": [
            {
                "id": a.id,
                "who": a.who,
                "from": _day(a.from_),
                "to": _day(a.to),
                "reason": a.reason,
                "cover": a.cover,
            }
            for a in snap.absences
        ],
        "cases": [_plain(c) for c in snap.cases],
        "events": [_event_dict(e) for e in snap.events],
        "supervisions": [
            {
                "id": s.id,
                "date": _day(s.date),
                "format": s.format,
                "attendees": list(s.attendees),
                "caseload_discussed": s.caseload_discussed,
                "cases_discussed": list(s.cases_discussed),
                "case_direction": [
                    {
                        "case": d.case,
                        "discussion": d.discussion,
                        "decision": d.decision,
                        "actions": [
                            {
                                "action": a.action,
                                "owner": a.owner,
                                "due": _day(a.due),
                                "done": _day(a.done),
                            }
                            for a in d.actions
                        ],
                    }
                    for d in s.case_direction
                ],
                "wellbeing": s.wellbeing,
                "learning": s.learning,
                "decisions_recorded": s.decisions_recorded,
                "signed_by_educator": _day(s.signed_by_educator),
                "signed_by_student": _day(s.signed_by_student),
                "addenda": [
                    {"date": _day(a.date), "author": a.author, "text": a.text} for a in s.addenda
                ],
                "next": _day(s.next),
            }
            for s in snap.supervisions
        ],
        "pcf_reviews": [
            {
                "id": r.id,
                "date": _day(r.date),
                "stage": r.stage,
                "ratings": dict(r.ratings),
                "evidence": {k: list(v) for k, v in r.evidence.items()},
                "notes": r.notes,
                # our extension (docs/interchange-extensions.md): written only when there is one
                **(
                    {"development_needs": r.development_needs}
                    if r.development_needs is not None
                    else {}
                ),
            }
            for r in snap.pcf_reviews
        ],
        "learning": [
            {"item": x.item, "evidenced": _day(x.evidenced), "evidence": x.evidence}
            for x in snap.learning
        ],
        "transitions": [
            {"case": t.case, "items": {k: _entry(v) for k, v in t.items.items()}}
            for t in snap.transitions
        ],
    }
    if snap.placement_agreement is not None or snap.supervision_agreement is not None:
        document["agreements"] = _agreements_dict(snap)
    return document


def _agreements_dict(snap: PlacementSnapshot) -> dict[str, object]:
    pa, sa = snap.placement_agreement, snap.supervision_agreement
    return {
        "placement": None
        if pa is None
        else {
            "learning_needs": pa.learning_needs,
            "after_hours_contact": pa.after_hours_contact,
            "notes": pa.notes,
        },
        "supervision": None
        if sa is None
        else {
            "weekday": sa.weekday,
            "every_days": sa.every_days,
            "time": sa.time,
            "three_way": sa.three_way,
            "notes": sa.notes,
        },
    }


def dumps(snap: PlacementSnapshot) -> str:
    """The placement file's text: UTF-8 JSON, one space indent, names printed as typed."""
    return json.dumps(to_document(snap), ensure_ascii=False, indent=1) + "\n"


__all__ = ["FORMAT", "PlacementFileError", "dumps", "loads", "parse_placement", "to_document"]
