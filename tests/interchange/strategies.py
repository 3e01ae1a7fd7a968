"""Hypothesis strategies for whole, valid placements: every object and optional key of the format."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

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
    SteppedUp,
    Supervision,
    SupervisionAgreement,
    Transition,
)
from app.policy.vocabulary import (
    ABSENCE_WHO,
    ALL_LEARNING_OUTCOMES,
    BOOLEAN_EVENT_KEYS,
    CASE_TYPES,
    ENDINGS,
    EVENT_ENUMS,
    EVENT_KINDS,
    INDUCTION_ITEMS,
    LEVELS,
    NON_STATUTORY_CASE_TYPES,
    OPTIONAL_TRANSITION_ITEMS,
    PCF_DOMAINS,
    PCF_POINT_KINDS,
    PCF_RATINGS,
    PCF_STAGES,
    PLACEMENT_KINDS,
    SETTINGS,
    STATUTORY_CASE_TYPES,
    STUDENT_ROLES,
    SUPERVISION_FORMATS,
    TRANSITION_ITEMS,
    WEEKDAYS,
)

# Any text a person can type: every script, but no broken characters (surrogates) and no
# control characters other than tab and new line, which the reader refuses.
letters = st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n")
names = st.text(letters, min_size=1, max_size=12).filter(str.strip)
maybe_names = st.none() | st.text(letters, max_size=12)
dates = st.dates(date(2024, 1, 1), date(2028, 12, 31))
maybe_dates = st.none() | dates


def entries() -> st.SearchStrategy[ChecklistEntry]:
    return st.builds(ChecklistEntry, dates, maybe_names, maybe_names)


def checklist(known: list[str]) -> st.SearchStrategy[dict[str, ChecklistEntry]]:
    keys = st.sampled_from(known) | st.text("abcdef-", min_size=1, max_size=6).map(
        lambda s: f"x-{s}"
    )
    return st.dictionaries(keys, entries(), max_size=5)


@st.composite
def placements(draw: st.DrawFn) -> Placement:
    start = draw(dates)
    return Placement(
        student=draw(names), kind=draw(st.sampled_from(PLACEMENT_KINDS)), setting=draw(st.sampled_from(SETTINGS)),
        start=start, end=start + timedelta(days=draw(st.integers(0, 400))), educator=draw(names),
        team_manager=draw(names), required_days=draw(st.integers(1, 200)), programme=draw(maybe_names),
        working_days=tuple(draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))),
        induction_days=draw(st.integers(0, 20)),
        host_team_average_caseload=draw(st.none() | st.floats(0, 40, allow_nan=False) | st.integers(0, 40).map(float)),
        educator_onsite=draw(st.booleans()), onsite_supervisor=draw(maybe_names), link_worker=draw(maybe_names),
        archived=draw(maybe_dates), close_reason=draw(maybe_names),
    )  # fmt: skip


LEARNING_ITEMS = [*ALL_LEARNING_OUTCOMES, *PCF_DOMAINS, "x-court-skills"]


@st.composite
def cases(draw: st.DrawFn, ref: str) -> Case:
    allocated = draw(dates)
    ended = draw(st.none() | st.integers(0, 100).map(lambda n: allocated + timedelta(days=n)))
    override = draw(st.none() | st.builds(ManagerOverride, names, names, dates, maybe_dates))
    kind = draw(st.sampled_from(CASE_TYPES))
    stepped_up = None
    if kind in STATUTORY_CASE_TYPES and draw(
        st.booleans()
    ):  # on or after the allocation, by the end
        last = (ended - allocated).days if ended else 100
        stepped_up = SteppedUp(allocated + timedelta(days=draw(st.integers(0, last))),
                               draw(st.sampled_from(NON_STATUTORY_CASE_TYPES)))  # fmt: skip
    ending = draw(st.none() | st.sampled_from(ENDINGS))
    return Case(
        ref=ref, type=kind, student_role=draw(st.sampled_from(STUDENT_ROLES)),
        allocated=allocated, educator_consulted=draw(st.booleans()), initials=draw(maybe_names), ended=ended,
        ending=ending, handover_to=draw(maybe_names),
        complexity=draw(st.sampled_from(LEVELS)), risk=draw(st.sampled_from(LEVELS)),
        rationale=draw(st.text(letters, max_size=20)), previous_social_workers=draw(st.integers(0, 9)),
        major_transition=draw(st.booleans()), conflict_of_interest=draw(st.booleans()), manager_override=override,
        briefed=draw(maybe_dates), previous_worker_consulted=draw(st.none() | st.booleans()),
        risk_to_worker=draw(st.booleans()), safety_plan=draw(maybe_names), keyworker=draw(maybe_names),
        stepped_up=stepped_up, visit_every_days=draw(st.none() | st.integers(1, 60)),
        learning=tuple(draw(st.lists(st.sampled_from(LEARNING_ITEMS), unique=True, max_size=4))),
        transfer_signed_off=draw(maybe_dates) if ending == "transferred" else None,
    )  # fmt: skip


@st.composite
def events(draw: st.DrawFn, event_id: str, refs: list[str]) -> Event:
    kinds = list(EVENT_KINDS) if refs else ["direct-observation", "supervisor-supervision"]
    kind = draw(st.sampled_from(kinds))
    required, optional = EVENT_KINDS[kind]
    event = Event(event_id, kind, draw(dates), notes=draw(maybe_names))
    for key in required:
        if key == "case":
            event.case = draw(st.sampled_from(refs))
        elif key in BOOLEAN_EVENT_KEYS:
            setattr(event, key, draw(st.booleans()))
        else:
            setattr(event, key, draw(st.sampled_from(EVENT_ENUMS[key])))
    for key in optional:
        if key == "case":
            event.case = draw(st.none() | st.sampled_from(refs)) if refs else None
        elif key == "before_midpoint":
            event.before_midpoint = draw(st.none() | st.booleans())
        elif key in ("student_signed", "observer_signed"):
            setattr(event, key, draw(maybe_dates))
        elif key == "pcf_points":
            point = st.builds(
                PcfPoint,
                st.sampled_from(list(PCF_DOMAINS)),
                st.sampled_from(list(PCF_POINT_KINDS)),
                st.text(letters, max_size=10),
            )
            event.pcf_points = tuple(draw(st.lists(point, max_size=3)))
        else:
            setattr(event, {"with": "with_"}.get(key, key), draw(maybe_names))
    return event


@st.composite
def supervisions(draw: st.DrawFn, sid: str, refs: list[str]) -> Supervision:
    some_refs = st.lists(st.sampled_from(refs), max_size=3) if refs else st.just([])
    actions = st.lists(st.builds(Action, names, maybe_names, maybe_dates, maybe_dates), max_size=2)
    directions = [CaseDirection(r, draw(st.text(letters, max_size=10)), draw(st.text(letters, max_size=10)), draw(actions))
                  for r in draw(some_refs)]  # fmt: skip
    return Supervision(
        id=sid, date=draw(dates), format=draw(st.sampled_from(SUPERVISION_FORMATS)),
        caseload_discussed=draw(st.booleans()), cases_discussed=draw(some_refs),
        decisions_recorded=draw(st.booleans()), attendees=draw(st.lists(names, max_size=3)),
        case_direction=directions, wellbeing=draw(maybe_names), learning=draw(maybe_names),
        signed_by_educator=draw(maybe_dates), signed_by_student=draw(maybe_dates),
        addenda=draw(st.lists(st.builds(Addendum, dates, names, names), max_size=2)), next=draw(maybe_dates),
    )  # fmt: skip


@st.composite
def snapshots(draw: st.DrawFn) -> PlacementSnapshot:
    refs = [f"C{i}" for i in range(draw(st.integers(0, 4)))]
    event_ids = [f"e{i}" for i in range(draw(st.integers(0, 6)))]
    sup_ids = [f"s{i}" for i in range(draw(st.integers(0, 3)))]
    snap = PlacementSnapshot(
        placement=draw(placements()),
        policy=draw(st.dictionaries(st.sampled_from(["first_placement_cap", "notice_days", "joint_visit_days"]),
                                    st.integers(0, 60), max_size=2)),
        induction=draw(checklist(list(INDUCTION_ITEMS))),
    )  # fmt: skip
    for i in range(draw(st.integers(0, 2))):
        first = draw(dates)
        snap.absences.append(Absence(f"a{i}", draw(st.sampled_from(ABSENCE_WHO)), first,
                                      first + timedelta(days=draw(st.integers(0, 20))),
                                      draw(maybe_names), draw(maybe_names)))  # fmt: skip
    snap.cases = [draw(cases(r)) for r in refs]
    snap.events = [draw(events(e, refs)) for e in event_ids]
    snap.supervisions = [draw(supervisions(s, refs)) for s in sup_ids]
    evidence_refs = (
        [f"case:{r}" for r in refs]
        + [f"event:{e}" for e in event_ids]
        + [f"supervision:{s}" for s in sup_ids]
    )
    for i in range(draw(st.integers(0, 2))):
        domains = st.sampled_from(list(PCF_DOMAINS))
        snap.pcf_reviews.append(PcfReview(
            f"p{i}", draw(dates), draw(st.sampled_from(PCF_STAGES)),
            ratings=draw(st.dictionaries(domains, st.sampled_from(PCF_RATINGS), max_size=3)),
            evidence=draw(st.dictionaries(domains, st.lists(st.sampled_from(evidence_refs), min_size=1, max_size=2),
                                          max_size=2)) if evidence_refs else {},
            notes=draw(maybe_names),
        ))  # fmt: skip
    snap.learning = draw(st.lists(st.builds(LearningEvidence, st.sampled_from(list(ALL_LEARNING_OUTCOMES)), dates,
                                            maybe_names), max_size=3))  # fmt: skip
    if draw(st.booleans()):
        snap.placement_agreement = PlacementAgreement(
            draw(maybe_names), draw(maybe_names), draw(maybe_names)
        )
    if draw(st.booleans()):
        snap.supervision_agreement = SupervisionAgreement(
            draw(st.none() | st.sampled_from(WEEKDAYS)), draw(st.integers(1, 28)), draw(maybe_names),
            draw(maybe_names), draw(maybe_names),
        )  # fmt: skip
    for r in draw(st.lists(st.sampled_from(refs), unique=True, max_size=3)) if refs else []:
        snap.transitions.append(
            Transition(r, draw(checklist([*TRANSITION_ITEMS, *OPTIONAL_TRANSITION_ITEMS])))
        )
    return snap
