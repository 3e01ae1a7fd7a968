"""The placement file: the shared example, one clear message per bad file, lossless round trips."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from app.interchange.findings_output import findings_document
from app.interchange.placement_file import (
    PlacementFileError,
    dumps,
    loads,
    parse_placement,
    to_document,
)
from app.policy.engine import evaluate
from app.services.checking import findings_for
from app.services.demo import demo_snapshot
from tests.interchange.strategies import snapshots

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "examples"
EXAMPLE = json.loads((EXAMPLES / "first-placement.json").read_text()) if EXAMPLES.exists() else None
needs_example = pytest.mark.skipif(
    EXAMPLE is None, reason="shared/examples is not beside this checkout"
)


@needs_example
def test_shared_example_gives_exactly_the_expected_findings() -> None:
    expected = json.loads((EXAMPLES / "first-placement.findings.json").read_text())
    snap = parse_placement(EXAMPLE)
    got = findings_document(
        findings_for(snap, date.fromisoformat(expected["as_of"])),
        date.fromisoformat(expected["as_of"]),
    )
    assert got["format"] == expected["format"] and got["as_of"] == expected["as_of"]
    key = ("rule", "subject", "severity", "date")
    assert [tuple(f[k] for k in key) for f in got["findings"]] == [  # type: ignore[attr-defined]
        tuple(f[k] for k in key) for f in expected["findings"]
    ]


@needs_example
def test_export_of_the_example_covers_every_value_given() -> None:
    exported = to_document(parse_placement(EXAMPLE))

    def covered(given: Any, written: Any, path: str) -> None:
        if isinstance(given, dict):
            for k, v in given.items():
                assert k in written, f"{path}.{k} dropped"
                covered(v, written[k], f"{path}.{k}")
        elif isinstance(given, list):
            assert len(given) == len(written), path
            for i, (g, w) in enumerate(zip(given, written, strict=True)):
                covered(g, w, f"{path}[{i}]")
        else:
            assert given == written, path

    covered(EXAMPLE, exported, "file")


def _doc() -> dict[str, Any]:
    return to_document(demo_snapshot(date(2026, 11, 23)))


def _error(doc: Any) -> str:
    with pytest.raises(PlacementFileError) as info:
        parse_placement(doc)
    return str(info.value)


def _set(doc: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    target = doc
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["cases", 1, "allocated"], "2026-13-01", 'cases[1] (D-1057).allocated: not a date: "2026-13-01"'),
        (["supervisions", 3, "decisions_recorded"], _DELETE, 'supervisions[3] (s-2026-10-09): missing key "decisions_recorded"'),
        (["format"], "placement-tracker/2", 'format: expected "placement-tracker/1", got "placement-tracker/2"'),
        (["cases", 0, "colour"], "red", 'cases[0] (D-1042): unknown key "colour"'),
        (["cases", 2, "type"], "adoption", 'cases[2] (D-1123).type: "adoption" is not one of early-help'),
        (["placement", "end"], "2026-01-01", "placement.end: before placement.start (2026-09-14)"),
        (["cases", 1, "ref"], "D-1042", 'cases[1] (D-1042).ref: duplicate ref "D-1042"'),
        (["supervisions", 2, "cases_discussed"], ["Z-1"], 'supervisions[2] (s-2026-10-02).cases_discussed[0]: no case with ref "Z-1"'),
        (["events", 0, "kind"], "party", 'events[0] (mo-D-1042-0930).kind: "party" is not one of joint-visit'),
        (["placement", "student"], _DELETE, 'placement: missing key "student"'),
        (["placement", "educator_onsite"], "yes", 'placement.educator_onsite: expected true or false, got "yes"'),
        (["policy"], {"first_placement_cap": "six"}, 'policy.first_placement_cap: not a whole number'),
        (["policy"], {"cap": 6}, "policy.cap: unknown policy parameter"),
        (["policy"], {"induction_days": 5}, "policy.induction_days: is a fact of the placement"),
        (["induction", "photo-taken"], "2026-09-15", "induction.photo-taken: unknown item"),
        (["absences", 0, "to"], "2026-01-01", "absences[0] (a-1).to: before from"),
        (["pcf_reviews", 1, "ratings", "charm"], "meeting", "pcf_reviews[1] (p-midpoint).ratings.charm: not a PCF domain"),
        (["pcf_reviews", 1, "evidence", "knowledge"], ["event:nope"], 'pcf_reviews[1] (p-midpoint).evidence.knowledge[0]: no record "event:nope"'),
        (["learning", 0, "item"], "juggling", 'learning[0].item: unknown learning outcome "juggling"'),
    ],
)  # fmt: skip
def test_bad_files_get_one_clear_message_naming_the_path(
    path: list[Any], value: Any, message: str
) -> None:
    assert message in _error(_set(_doc(), path, value))


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["cases", 3, "stepped_up", "date"], "2026-10-01", "cases[3] (D-1101).stepped_up.date: before the case's allocation (2026-10-12)"),
        (["cases", 3, "stepped_up", "from"], "lac", 'cases[3] (D-1101).stepped_up.from: "lac" is already statutory'),
        (["cases", 3, "stepped_up", "from"], "adoption", 'cases[3] (D-1101).stepped_up.from: "adoption" is not one of'),
        (["cases", 3, "stepped_up", "when"], "2026-10-20", 'cases[3] (D-1101).stepped_up: unknown key "when"'),
        (["cases", 3, "stepped_up"], {"date": "2026-10-26"}, 'cases[3] (D-1101).stepped_up: missing key "from"'),
        (["cases", 3, "type"], "cin", 'cases[3] (D-1101).type: "cin" is not statutory, but the case has a step-up'),
        (["cases", 0, "visit_every_days"], 0, "cases[0] (D-1042).visit_every_days: must be at least 1, got 0"),
        (["cases", 0, "visit_every_days"], -14, "cases[0] (D-1042).visit_every_days: must not be negative"),
        (["cases", 0, "visit_every_days"], "14", 'cases[0] (D-1042).visit_every_days: expected a whole number, got "14"'),
        (["cases", 0, "learning"], ["genogram", "juggling"], 'cases[0] (D-1042).learning[1]: unknown item "juggling"'),
        (["cases", 0, "learning"], ["genogram", "genogram"], 'cases[0] (D-1042).learning[1]: "genogram" is listed twice'),
        (["cases", 0, "learning"], "genogram", 'cases[0] (D-1042).learning: expected a list, got "genogram"'),
        (["cases", 0, "transfer_signed_off"], "2026-11-01", "cases[0] (D-1042).transfer_signed_off: only a transferred case"),
        (["cases", 1, "transfer_signed_off"], "16/11/2026", 'cases[1] (D-1057).transfer_signed_off: not a date: "16/11/2026"'),
        (["cases", 0, "previous_worker_consulted"], "yes", "cases[0] (D-1042).previous_worker_consulted: expected true or false"),
        (["cases", 0, "risk_to_worker"], None, "cases[0] (D-1042).risk_to_worker: expected true or false, got null"),
        (["cases", 0, "keyworker"], 5, "cases[0] (D-1042).keyworker: expected text, got 5"),
        (["cases", 0, "briefed"], "yesterday", 'cases[0] (D-1042).briefed: not a date: "yesterday"'),
    ],
)  # fmt: skip
def test_bad_new_case_values_get_one_line_naming_the_path(
    path: list[Any], value: Any, message: str
) -> None:
    assert message in _error(_set(_doc(), path, value))


def test_a_step_up_after_the_case_ended_is_refused() -> None:
    doc = _set(_doc(), ["cases", 1, "type"], "cp")
    doc = _set(doc, ["cases", 1, "stepped_up"], {"date": "2026-11-20", "from": "cin"})
    assert _error(doc) == "cases[1] (D-1057).stepped_up.date: after the case ended (2026-11-18)"


def test_plans_and_abe_interviews_are_checked_like_every_event() -> None:
    doc = _doc()
    events = doc["events"]
    abe = next(i for i, e in enumerate(events) if e["kind"] == "abe-interview")
    plan = next(i for i, e in enumerate(events) if e["kind"] == "plan")
    assert _error(_set(doc, ["events", abe, "student_part"], _DELETE)) == (
        f'events[{abe}] ({events[abe]["id"]}): missing key "student_part"'
    )
    assert _error(_set(doc, ["events", abe, "student_part"], "led")) == (
        f'events[{abe}] ({events[abe]["id"]}).student_part: "led" is not one of observed, conducted'
    )
    assert _error(_set(doc, ["events", plan, "student_part"], "observed")) == (
        f'events[{plan}] ({events[plan]["id"]}): key "student_part" does not belong to a "plan" event'
    )
    assert _error(_set(doc, ["events", abe, "agreed_by"], "Pat")) == (
        f'events[{abe}] ({events[abe]["id"]}): key "agreed_by" does not belong to a "abe-interview" event'
    )


def test_a_briefing_after_the_allocation_is_a_finding_not_a_bad_file() -> None:
    doc = _set(_doc(), ["cases", 0, "briefed"], "2026-11-20")
    snap = parse_placement(doc)
    assert snap.cases[0].briefed == date(2026, 11, 20)
    assert "allocation.no-briefing" in {f.rule for f in evaluate(snap, date(2026, 11, 23))}


def test_event_problems_name_the_event() -> None:
    doc = _doc()
    events = doc["events"]
    visit = next(i for i, e in enumerate(events) if e["kind"] == "joint-visit")
    other = next(i for i, e in enumerate(events) if i != visit)
    first_id = events[visit]["id"]
    assert _error(_set(doc, ["events", other, "id"], first_id)).startswith(
        f'events[{max(visit, other)}] ({first_id}).id: duplicate id "'
    )
    assert (
        _error(_set(doc, ["events", visit, "case"], "Z-999"))
        == f'events[{visit}] ({first_id}).case: no case with ref "Z-999"'
    )
    assert _error(_set(doc, ["events", visit, "observer"], "Pat")) == (
        f'events[{visit}] ({first_id}): key "observer" does not belong to a "joint-visit" event'
    )
    assert (
        _error(_set(doc, ["events", visit, "case"], _DELETE))
        == f'events[{visit}] ({first_id}): missing key "case"'
    )


def test_nothing_is_read_half_way() -> None:
    doc = _set(_doc(), ["transitions"], [{"case": "nope"}])
    assert _error(doc) == 'transitions[0] (nope).case: no case with ref "nope"'


def test_not_json_empty_and_not_an_object() -> None:
    for text, message in (
        ("", "file: empty file"),
        ("   \n", "file: empty file"),
        (
            "{not json",
            "file: not JSON: Expecting property name enclosed in double quotes at line 1 column 2",
        ),
        ("[1, 2]", "file: this is not a Placement Tracker placement file: it holds a list"),
        (
            '{"placement": {}}',
            'file: this is not a Placement Tracker placement file: it has no "format" key',
        ),
        (b"\xff\xfe\x00", "file: this is not a Placement Tracker placement file: it is not text"),
        (
            b"SQLite format 3\x00\x10\x00",
            "file: this is not a Placement Tracker placement file: it looks like a database; to put a database or a backup back, use restore",
        ),
        (
            "ref,initials,type\nEH-201,KM,early-help\n",
            "file: this is not a Placement Tracker placement file: it looks like CSV",
        ),
    ):
        with pytest.raises(PlacementFileError) as info:
            loads(text)
        assert str(info.value).startswith(message)


def test_optional_keys_take_their_defaults() -> None:
    doc = {
        "format": "placement-tracker/1",
        "placement": {"student": "Sam", "kind": "final", "setting": "cin", "start": "2026-01-05",
                      "end": "2026-06-26", "educator": "Pat", "team_manager": "Lee"},
        "cases": [{"ref": "C1", "type": "cin", "student_role": "lead", "allocated": "2026-01-20",
                   "educator_consulted": True}],
        "events": [{"id": "o1", "kind": "direct-observation", "date": "2026-02-02"}],
        "induction": {"lone-working": {"date": "2026-01-05", "by": "Pat", "note": "Buddy system"}},
    }  # fmt: skip
    snap = parse_placement(doc)
    assert snap.placement.required_days == 100 and snap.placement.induction_days == 10
    assert snap.placement.educator_onsite is True and snap.placement.working_days[-1] == "fri"
    c = snap.cases[0]
    assert (c.complexity, c.risk, c.rationale, c.previous_social_workers) == ("low", "low", "", 0)
    assert snap.events[0].case is None
    out = to_document(snap)
    assert out["induction"] == {
        "lone-working": {"date": "2026-01-05", "by": "Pat", "note": "Buddy system"}
    }
    assert out["cases"][0]["manager_override"] is None  # type: ignore[index]
    assert out["events"][0] == {"id": "o1", "kind": "direct-observation", "date": "2026-02-02", "case": None,  # type: ignore[index]
                                "observer": None, "feedback": None, "notes": None}  # fmt: skip


def test_names_in_any_script_survive_a_round_trip() -> None:
    snap = demo_snapshot(date(2026, 11, 23))
    snap.placement.student = "Zoë Ōkafor-Ελένη 王小明 <b>"
    text = dumps(snap)
    assert "王小明" in text  # written as typed, not \u escapes
    assert loads(text) == snap


@settings(max_examples=60, deadline=None)
@given(snapshots())
def test_import_of_an_export_is_equal(snap) -> None:  # type: ignore[no-untyped-def]
    assert loads(dumps(snap)) == snap


@settings(max_examples=30, deadline=None)
@given(snapshots())
def test_export_is_stable_and_findings_agree(snap) -> None:  # type: ignore[no-untyped-def]
    once = dumps(snap)
    assert dumps(loads(once)) == once
    as_of = snap.placement.end
    assert evaluate(loads(once), as_of) == evaluate(snap, as_of)
