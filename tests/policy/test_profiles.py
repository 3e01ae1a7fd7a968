"""Local authority profiles: precedence (defaults < profile < the file's policy), every rule
switched off raising nothing, names that never claim an authority for settings changed here,
the profile file's checks, and the ready-made profiles being what their rule makes them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.interchange.profile_file import (
    ProfileFileError,
    profile_from,
    profile_from_state,
    profile_json,
    profile_state,
    read_profile,
)
from app.policy import findings as registry
from app.policy.engine import evaluate, rules
from app.policy.profile import DEFAULT_PROFILE, DEFAULTS
from app.policy.snapshot import PlacementSnapshot
from app.services.checking import checked_under, profile_for, read_placement_file
from app.services.demo import demo_snapshot
from tests.two_year import AS_OF as TWO_YEAR_AS_OF
from tests.two_year import two_year_placement

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT.parent / "shared" / "examples" / "first-placement.json"
DEMO_DAY = date(2026, 11, 23)


def stockport_2026() -> dict[str, object]:
    return {
        "format": "placement-tracker-profile/1",
        "name": "Stockport Family 2026",
        "description": "Agreed with the practice learning team, March 2026",
        "policy": {"first_placement_cap": 5, "joint_visit_days": 28},
        "rules_off": ["report.s7-early"],
    }


def test_numbers_come_from_the_defaults_then_the_profile_then_the_file() -> None:
    profile = profile_from(stockport_2026(), require_format=True)
    snap = PlacementSnapshot(
        placement=demo_snapshot(DEMO_DAY).placement,
        policy={"joint_visit_days": 35, "supervision_days": 9},
    )
    used = checked_under(snap, profile)
    assert used.first_placement_cap == 5  # the profile's, over the default 6
    assert used.joint_visit_days == 35  # the file's, over the profile's 28
    assert used.supervision_days == 9  # the file's, over the default 7
    assert used.final_placement_cap == DEFAULTS["final_placement_cap"]  # nobody's: default
    assert used.rules_off == {"report.s7-early"}
    assert used.name == "Stockport Family 2026 (changed here)"  # the file changed a number
    assert checked_under(replace(snap, policy={}), profile).name == "Stockport Family 2026"


def test_a_placements_own_profile_is_used_unless_check_is_given_another() -> None:
    own = profile_from({"name": "Gloucestershire", "rules_off": ["supervision.weekly"]})
    snap = replace(demo_snapshot(DEMO_DAY), profile=own)
    assert profile_for(snap).name == "Gloucestershire"
    given = profile_from(stockport_2026(), require_format=True)
    assert checked_under(snap, given).name == "Stockport Family 2026"
    assert checked_under(snap, None).name == "Gloucestershire"


def scenarios() -> list[tuple[PlacementSnapshot, date]]:
    """Placements on which, between them, many rules fire."""
    demo = demo_snapshot(DEMO_DAY)
    found = [(demo, DEMO_DAY), (demo, date(2027, 1, 20)), (two_year_placement(), TWO_YEAR_AS_OF)]
    if EXAMPLE.exists():
        found.append((read_placement_file(EXAMPLE), date(2026, 3, 4)))
    return found


@pytest.fixture(scope="module")
def fired() -> list[tuple[PlacementSnapshot, date, list[str]]]:
    return [(s, d, [f.rule for f in evaluate(s, d)]) for s, d in scenarios()]


@pytest.mark.parametrize("rule", [r.id for r in rules()])
def test_every_rule_switched_off_raises_nothing_and_is_not_even_run(
    rule: str,
    fired: list[tuple[PlacementSnapshot, date, list[str]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    off = replace(DEFAULT_PROFILE, rules_off=frozenset({rule}))
    ran: list[str] = []
    real = registry.RULES[rule]
    monkeypatch.setitem(
        registry.RULES, rule, replace(real, check=lambda ctx: ran.append(rule) or real.check(ctx))
    )
    for snap, day, before in fired:
        after = [f.rule for f in evaluate(snap, day, off)]
        assert rule not in after
        assert after == [r for r in before if r != rule]  # every other rule as it was
    assert ran == []


def test_most_rules_fire_somewhere_so_switching_them_off_is_seen(
    fired: list[tuple[PlacementSnapshot, date, list[str]]],
) -> None:
    seen = {r for _s, _d, found in fired for r in found}
    assert len(seen) >= 20  # the test above removes real findings, not only absent ones


def test_a_changed_authority_profile_says_so_and_keeps_saying_so() -> None:
    issued = profile_from(stockport_2026(), require_format=True)
    assert issued.name == "Stockport Family 2026" and issued.describe().endswith("2026")
    same = issued.edited(issued.as_dict(), issued.rules_off)
    assert same.name == "Stockport Family 2026"  # saving without a change changes nothing
    fewer = issued.edited(issued.as_dict(), frozenset())
    assert fewer.name == "Stockport Family 2026 (changed here)"
    again = profile_from(json.loads(profile_json(fewer)), require_format=True)
    assert again.name == "Stockport Family 2026 (changed here)"  # handed on as changed
    assert again.edited({"first_placement_cap": 4}, again.rules_off).name == again.name
    assert profile_from_state(profile_state(fewer)) == fewer
    local = DEFAULT_PROFILE.edited({"first_placement_cap": 4}, frozenset({"report.s7-early"}))
    assert local.label() == "local (1 setting differs from the default; 1 rule off)"
    assert "Rule switched off: report.s7-early" in local.changes()


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        ({"colour": "red"}, "colour", "unknown key"),
        ({"format": "placement-tracker/1"}, "format", "expected 'placement-tracker-profile/1'"),
        ({"name": "  "}, "name", "needs a name"),
        ({"name": "x" * 81}, "name", "longer than 80"),
        ({"policy": {"first_placement_cap": "five"}}, "policy.first_placement_cap", "whole number"),
        ({"policy": {"first_placement_cap": 4.5}}, "policy.first_placement_cap", "whole number"),
        ({"policy": {"cap": 5}}, "policy.cap", "unknown policy parameter"),
        ({"rules_off": ["visit.never"]}, "rules_off[0]", "unknown rule id"),
        ({"rules_off": ["report.s7-early", "report.s7-early"]}, "rules_off[1]", "twice"),
    ],
)
def test_a_bad_profile_file_says_where_and_what(
    tmp_path: Path, change: dict[str, object], where: str, problem: str
) -> None:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps({**stockport_2026(), **change}), encoding="utf-8")
    with pytest.raises(ProfileFileError, match=problem) as caught:
        read_profile(path)
    assert caught.value.where == where


def test_the_ready_made_profiles_are_what_their_rule_makes() -> None:
    from tools.ready_profiles import ready_made

    shipped = ROOT / "resources" / "profiles"
    made = ready_made()
    assert sorted(made) == sorted(p.name for p in shipped.glob("*.json"))
    for name, text in made.items():
        assert (shipped / name).read_text(encoding="utf-8") == text, (
            f"run tools/ready_profiles.py ({name})"
        )
    glos = read_profile(shipped / "gloucestershire.json")
    stockport = read_profile(shipped / "stockport.json")
    assert "visit.joint-within-6-weeks" in glos.rules_off  # 001 §8: Stockport's alone
    assert "report.s7-early" in stockport.rules_off  # 000 §14: Gloucestershire's alone
    for both in ("allocation.statutory-lead", "induction.incomplete", "caseload.over-cap"):
        assert glos.is_on(both) and stockport.is_on(both)  # cited from both, or general
    assert glos.as_dict() == stockport.as_dict() == DEFAULTS  # the documents' own numbers
