"""``placement-tracker check FILE --profile PROFILE.json`` exactly as the shared format says:
the profile's numbers and rules, its name in the output, and one line for a bad profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT.parent / "shared" / "examples" / "first-placement.json"
AS_OF = "2026-03-04"
needs_example = pytest.mark.skipif(
    not EXAMPLE.exists(), reason="shared/examples is not beside this checkout"
)


def profile(tmp_path: Path, **document: object) -> Path:
    path = tmp_path / "profile.json"
    body = {"format": "placement-tracker-profile/1", "name": "Stockport Family 2026", **document}
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", str(EXAMPLE), "--as-of", AS_OF, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@needs_example
def test_the_profile_switches_rules_off_sets_numbers_and_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, plain, _err = check(capsys, "--format", "json")
    default = json.loads(plain)
    assert default["profile"] == "default"
    rules = {f["rule"] for f in default["findings"]}
    switched = sorted(rules)[0]
    path = profile(tmp_path, rules_off=[switched], policy={"joint_visit_days": 90})
    _code, out, _err = check(capsys, "--format", "json", "--profile", str(path))
    document = json.loads(out)
    assert document["profile"] == "Stockport Family 2026"
    left = [f["rule"] for f in document["findings"]]
    assert switched not in left
    if "visit.joint-within-6-weeks" in rules:  # 90 days is more than the example ever needs
        assert "visit.joint-within-6-weeks" not in left
    _code, text, _err = check(capsys, "--profile", str(path))
    assert text.rstrip().endswith("Policy profile: Stockport Family 2026.")


@needs_example
@pytest.mark.parametrize(
    ("document", "said"),
    [
        (
            {"policy": {"first_placement_cap": "five"}},
            "policy.first_placement_cap: not a whole number",
        ),
        ({"rules_off": ["no.such-rule"]}, "rules_off[0]: unknown rule id"),
        ({"name": ""}, "name: a profile needs a name"),
        ({"extra": 1}, "extra: unknown key"),
    ],
)
def test_a_bad_profile_is_one_line_naming_the_file_and_the_problem_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: dict[str, object], said: str
) -> None:
    path = profile(tmp_path, **document)
    code, out, err = check(capsys, "--profile", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"{path}: {said}" in err and "Traceback" not in err


@needs_example
def test_a_missing_or_unreadable_profile_is_one_line_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = check(capsys, "--profile", str(tmp_path / "nowhere.json"))
    assert code == 2 and "nowhere.json: file: cannot be read" in err
    (tmp_path / "csv.json").write_text("name,cap\nx,5\n", encoding="utf-8")
    code, _out, err = check(capsys, "--profile", str(tmp_path / "csv.json"))
    assert code == 2 and "policy profile file" in err and "placement file" not in err


@needs_example
def test_a_coordinators_check_uses_the_profile_for_every_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = profile(tmp_path, rules_off=["visit.joint-within-6-weeks"])
    code = main(
        [
            "check",
            str(EXAMPLE),
            str(EXAMPLE),
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--profile",
            str(path),
        ]
    )
    document = json.loads(capsys.readouterr().out)
    assert code in (0, 1) and document["profile"] == "Stockport Family 2026"
    for file in document["files"]:
        assert all(f["rule"] != "visit.joint-within-6-weeks" for f in file["findings"])
