"""Every piece of free text in a placement, with the path a PE's error messages use, the
placement's own people, and what the privacy guard finds in that text.

It walks the placement file's document (``to_document``), so the command line, the app
and every export read the same fields the same way. Which keys hold free text and which
name the placement's people is said once, here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from app.interchange.decoding import join, shown
from app.policy.identifying import KINDS, Guard, Hit

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


def _path(trail: list[tuple[str | int, Any]], labelled: bool) -> str:
    path = "file"
    for step, value in trail:
        path = join(path, step, value if labelled else None)
    return path


def _walk(
    value: Any, key: str | None, trail: list[tuple[str | int, Any]], case: str | None, found: _Found
) -> None:
    """One pass over the document: free text and people's names, paths made only for text."""
    if isinstance(value, dict):
        ref = value.get("ref")
        here = ref if isinstance(ref, str) else value.get("case")
        if isinstance(here, str):
            case = here
        for k, v in value.items():
            if isinstance(v, str):
                if k in FREE_TEXT_KEYS and v.strip():
                    at = [*trail, (k, None)]
                    found.fields.append(TextField(_path(at, True), _path(at, False), case, v))
                elif k in PEOPLE_KEYS:
                    found.people.append(v)
            elif isinstance(v, dict | list) and not (key == "cases" and k == "learning"):
                _walk(v, k, [*trail, (k, None)], case, found)  # a case's learning: ids
    elif isinstance(value, list):
        for i, v in enumerate(value):
            if isinstance(v, str):
                if key in FREE_TEXT_KEYS and v.strip():
                    at = [*trail, (i, v)]
                    found.fields.append(TextField(_path(at, True), _path(at, False), case, v))
                elif key in PEOPLE_KEYS:
                    found.people.append(v)
            elif isinstance(v, dict | list):
                _walk(v, key, [*trail, (i, v)], case, found)


def _found(document: dict[str, Any]) -> _Found:
    found = _Found([], [])
    _walk(document, None, [], None, found)
    return found


def free_text(document: dict[str, Any]) -> list[TextField]:
    """Every non-empty piece of free text in a placement file's document, in file order."""
    return _found(document).fields


def people_in(document: dict[str, Any]) -> list[str]:
    """The names of everyone the placement names as one of its people."""
    return _found(document).people


def case_initials(document: dict[str, Any]) -> dict[str, str]:
    cases = document.get("cases") or []
    return {
        c["ref"]: c["initials"]
        for c in cases
        if isinstance(c, dict) and isinstance(c.get("ref"), str) and c.get("initials")
    }


def scan_document(
    document: dict[str, Any], never: Iterable[str] = (), kinds: Iterable[str] | None = None
) -> list[FieldHit]:
    """Every hit in every free-text field of the placement, in file order: its own people
    and the PE's ``never`` words left alone, only the ``kinds`` asked for (all by default)."""
    walked = _found(document)
    guard = Guard.made(walked.people, never, KINDS if kinds is None else kinds)
    initials = case_initials(document)
    everyone = tuple(initials.values())
    found: list[FieldHit] = []
    for field in walked.fields:
        own = (initials[field.case],) if field.case in initials else everyone
        found.extend(FieldHit(field, hit) for hit in guard.scan(field.text, own))
    return found


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
        "\n".join(lines)
        + f"\n\n{len(hits)} thing(s) in {fields} field(s) look identifying. Write initials or "
        "the case reference instead, or a role (mum, the GP); numbers and addresses belong "
        "on the child's record, not here.\n"
    )
