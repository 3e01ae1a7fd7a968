"""Every piece of free text in a placement, with the path a PE's error messages use, the
placement's own people, and what the privacy guard finds in that text.

It walks the snapshot by the file's keys (a field's key in the file is its name, less a
trailing underscore; the agreements sit under ``agreements``), so the command line, the
app and every export read the same fields the same way. Which keys hold free text and
which name the placement's people is said once, here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from app.interchange.decoding import join, label_of, shown
from app.policy.identifying import KINDS, Guard, Hit
from app.policy.snapshot import Event, PlacementSnapshot
from app.policy.vocabulary import EVENT_KINDS, OBSERVATION_TEXT_KEYS
from app.policy.wording import counted

# Keys whose text a PE types freely: where a child's name can slip in.
FREE_TEXT_KEYS: Final = frozenset(
    {
        "close_reason",  # placement
        "note",  # a checklist item's note (induction, transitions)
        "reason",  # an absence, a manager override
        "rationale",
        "safety_plan",  # a case
        "notes",
        "feedback",  # an event, a PCF review, an agreement
        "wellbeing",
        "learning",  # a supervision (a case's "learning" is a list of ids: not text)
        "discussion",
        "decision",
        "action",
        "text",  # case direction, its actions, an addendum
        "evidence",  # a learning outcome's evidence
        "learning_needs",
        "after_hours_contact",
        "three_way",  # the agreements
        "development_needs",  # a final PCF review: what goes into the ASYE
        *OBSERVATION_TEXT_KEYS,  # a direct observation's report, the service user's voice
    }
)
# Keys that name the placement's own people: never flagged where they appear in text.
PEOPLE_KEYS: Final = frozenset(
    {
        "student",
        "educator",
        "onsite_supervisor",
        "team_manager",
        "link_worker",
        "keyworker",
        "handover_to",
        "by",
        "with",
        "observer",
        "accompanied_by",
        "authorised_by",
        "overseen_by",
        "agreed_by",
        "attendees",
        "author",
        "owner",
        "cover",
    }
)


@dataclass(frozen=True, slots=True)
class TextField:
    """One piece of free text: where it is, whose case it belongs to, and the text."""

    path: (
        str  # as import errors name it: supervisions[3] (s-1).case_direction[0] (D-1042).discussion
    )
    plain_path: str  # the bare JSON path: supervisions[3].case_direction[0].discussion
    case: str | None  # the case it is written about, if any
    text: str


@dataclass(frozen=True, slots=True)
class FieldHit:
    """Something that looks identifying, in the field it was found in."""

    field: TextField
    hit: Hit


@dataclass(slots=True)
class _Found:
    fields: list[TextField]
    people: list[str]


# The snapshot's parts kept under another name in the file (docs/interchange-extensions.md).
FILE_KEYS: Final = {
    "placement_agreement": "agreements.placement",
    "supervision_agreement": "agreements.supervision",
}


_PLANS: dict[type, tuple[tuple[str, str, str], ...]] = {}


def _plan(record: type) -> tuple[tuple[str, str, str], ...]:
    """For one kind of record, the fields worth reading: (attribute, file key, what)
    where what is "text", "people" or "nested"; every other field is passed over."""
    if record in _PLANS:
        return _PLANS[record]
    plan = []
    for f in dataclasses.fields(record):
        key = FILE_KEYS.get(f.name, f.name.rstrip("_"))
        if key in FREE_TEXT_KEYS and not (record.__name__ == "Case" and key == "learning"):
            plan.append((f.name, key, "text"))
        elif key in PEOPLE_KEYS:
            plan.append((f.name, key, "people"))
        elif f.name in NESTED.get(record.__name__, ()):
            plan.append((f.name, key, "nested"))
    _PLANS[record] = tuple(plan)
    return _PLANS[record]


def _plan_of(record: object) -> tuple[tuple[str, str, str], ...]:
    """The fields worth reading in this record: for an event, only its kind's (a home visit
    has notes and nothing of an observation's report), which keeps the walk over a long
    placement's 20,000 events as quick as before the report's fields were added."""
    if isinstance(record, Event):
        return _event_plan(record.kind)
    return _plan(type(record))


@cache
def _event_plan(kind: str) -> tuple[tuple[str, str, str], ...]:
    required, optional = EVENT_KINDS.get(kind, ((), ()))
    keys = {"notes", *required, *optional}
    return tuple(entry for entry in _plan(Event) if entry[1] in keys)


def typed_text_fields(record: type) -> frozenset[str]:
    """The attributes of a kind of record that hold text a person typed (a case's rationale,
    an override's reason): what the history says changed, never what it says."""
    return frozenset(name for name, _key, what in _plan(record) if what == "text")


# The fields that hold more records (lists, dicts of items, a record inside a record).
NESTED: Final = {
    "PlacementSnapshot": (
        "placement", "induction", "absences", "cases", "events", "supervisions",
        "pcf_reviews", "learning", "transitions", "placement_agreement", "supervision_agreement",
    ),
    "Case": ("manager_override",),
    "Supervision": ("case_direction", "addenda"),
    "CaseDirection": ("actions",),
    "Transition": ("items",),
    "Event": ("pcf_points",),  # a direct observation's point on each PCF domain
}  # fmt: skip


def _label(item: object) -> str | None:
    for name in ("ref", "id", "case"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return label_of({name: value})
    return None


Step = tuple[str, "int | str | None", object]  # a key, then an index or item key, the item


def _paths(trail: tuple[Step, ...], key: str) -> tuple[str, str]:
    """The field's path as import errors give it (items named), and the bare JSON path."""
    path = bare = "file"
    for step_key, index, item in trail:
        path, bare = join(path, step_key), join(bare, step_key)
        if isinstance(index, int):
            label = _label(item)
            path = f"{path}[{index}]" + (f" ({label})" if label else "")
            bare = f"{bare}[{index}]"
        elif index is not None:
            path, bare = join(path, index), join(bare, index)
    return join(path, key), join(bare, key)


def _walk(record: object, trail: tuple[Step, ...], case: str | None, found: _Found) -> None:
    """Read one record's text and people, then the records inside it: only the fields
    worth reading are touched, and a path is made only for text that is there, so a
    placement of 20,000 events is read in milliseconds."""
    here = getattr(record, "ref", None) or getattr(record, "case", None)
    if isinstance(here, str):
        case = here
    for name, key, what in _plan_of(record):
        value = getattr(record, name)
        if value is None:
            continue
        if what == "text":
            if isinstance(value, str) and value.strip():
                path, bare = _paths(trail, key)
                found.fields.append(TextField(path, bare, case, value))
        elif what == "people":
            found.people.extend([value] if isinstance(value, str) else value)
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                _walk(item, (*trail, (key, i, item)), case, found)
        elif isinstance(value, dict):
            for item_key, item in value.items():
                _walk(item, (*trail, (key, item_key, item)), case, found)
        else:
            _walk(value, (*trail, (key, None, value)), case, found)


def _found(snap: PlacementSnapshot) -> _Found:
    found = _Found([], [])
    _walk(snap, (), None, found)
    return found


def free_text(snap: PlacementSnapshot) -> list[TextField]:
    """Every non-empty piece of free text in a placement, in file order, with the path its
    placement file gives it."""
    return _found(snap).fields


def case_initials(snap: PlacementSnapshot) -> dict[str, str]:
    return {c.ref: c.initials for c in snap.cases if c.initials}


def placement_guard(
    snap: PlacementSnapshot, never: Iterable[str] = (), kinds: Iterable[str] | None = None
) -> tuple[Guard, list[TextField]]:
    """One walk of the placement: the guard (its own people and the PE's ``never`` words
    left alone, only the ``kinds`` asked for, all by default) and its free-text fields."""
    walked = _found(snap)
    return Guard.made(walked.people, never, KINDS if kinds is None else kinds), walked.fields


def scan_fields(snap: PlacementSnapshot, guard: Guard, fields: list[TextField]) -> list[FieldHit]:
    """Every hit in ``fields``, in file order; a field about a case reads its initials."""
    initials = case_initials(snap)
    everyone = tuple(initials.values())
    found: list[FieldHit] = []
    for field in fields:
        own = (initials[field.case],) if field.case in initials else everyone
        found.extend(FieldHit(field, hit) for hit in _scanned(guard, field.text, own))
    return found


def scan_placement(
    snap: PlacementSnapshot, never: Iterable[str] = (), kinds: Iterable[str] | None = None
) -> list[FieldHit]:
    """Every hit in every free-text field of the placement, in file order."""
    return scan_fields(snap, *placement_guard(snap, never, kinds))


@lru_cache(maxsize=20_000)
def _scanned(guard: Guard, text: str, initials: tuple[str, ...]) -> tuple[Hit, ...]:
    """A field's hits, kept: the app looks again at every refresh, and most text is as it was."""
    return tuple(guard.scan(text, initials))


PRIVACY_FORMAT: Final = "placement-tracker-privacy/1"


def hits_document(hits: list[FieldHit]) -> dict[str, object]:
    """``privacy --format json``: each hit with its field's path, kind, text and place."""
    return {
        "format": PRIVACY_FORMAT,
        "hits": [
            {
                "path": h.field.plain_path,
                "record": h.field.path,
                "kind": h.hit.kind,
                "text": h.hit.text,
                "start": h.hit.start,
                "end": h.hit.end,
            }
            for h in hits
        ],
    }


def hits_text(hits: list[FieldHit]) -> str:
    """One line a hit, as a person reads it, then what to do."""
    if not hits:
        return "Nothing in the placement's free text looks like a name, address or number.\n"
    lines = [f"{h.field.path}: {h.hit.looks_like}: {shown(h.hit.text)}" for h in hits]
    fields = len({h.field.path for h in hits})
    return (
        "\n".join(lines) + f"\n\n{counted(len(hits), 'thing')} in {counted(fields, 'field')} "
        f"look{'s' if len(hits) == 1 else ''} identifying. "
        "Write initials or "
        "the case reference instead, or a role (mum, the GP); numbers and addresses belong "
        "on the child's record, not here.\n"
    )
