"""Files a careless export, a broken editor or a hostile sender could produce: each gets one
line naming the JSON path and the problem, exit 2, and nothing is stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.interchange.decoding import MAX_BYTES, MAX_DEPTH
from app.interchange.placement_file import PlacementFileError, loads, to_document
from app.services.demo import demo_snapshot

ROOT = Path(__file__).resolve().parents[2]


def demo_text() -> str:
    return json.dumps(to_document(demo_snapshot(date(2026, 11, 23))), ensure_ascii=False)


def error(text: str | bytes) -> str:
    with pytest.raises(PlacementFileError) as info:
        loads(text)
    return str(info.value)


def replaced(old: str, new: str, count: int = 1) -> str:
    text = demo_text()
    assert old in text
    return text.replace(old, new, count)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (replaced('"ref": "D-1042"', '"ref": "D-1042", "ref": "D-9"'),
         'cases[0] (D-9): key "ref" is written twice; keep one'),
        (replaced('{"format": "placement-tracker/1"', '{"format": "placement-tracker/1", "format": "x"'),
         'file: key "format" is written twice; keep one'),
        (replaced('"previous_social_workers": 0', '"previous_social_workers": 1' + "0" * 30),
         "cases[0] (D-1042).previous_social_workers: a whole number of 31 digits; none is that long"),
        (replaced('"previous_social_workers": 0', '"previous_social_workers": 9223372036854775808'),
         "cases[0] (D-1042).previous_social_workers: 9223372036854775808 is beyond any whole number stored"),
        (replaced('"previous_social_workers": 0', '"previous_social_workers": 1000000000000'),
         "cases[0] (D-1042).previous_social_workers: must be at most 100000, got 1000000000000"),
        (replaced('"host_team_average_caseload": 14', '"host_team_average_caseload": 1e400'),
         "placement.host_team_average_caseload: 1e400 is beyond any number stored"),
        (replaced('"host_team_average_caseload": 14', '"host_team_average_caseload": NaN'),
         "placement.host_team_average_caseload: NaN is not a number JSON allows"),
        (replaced('"student": "Robin Ashdown"', '"student": "Robin \\ud800Ashdown"'),
         'placement.student: "Robin \\ud800Ashdown" holds a broken character'),
        (replaced('"student": "Robin Ashdown"', '"student": "Robin\\u0007"'),
         "placement.student: \"Robin\\u0007\" holds a control character (code 7); only tab and new line"),
        (replaced('"induction": {', '"induction": {"x-\\udc00": "2026-09-15", '),
         "induction: a key \"x-\\udc00\" holds a broken character"),
        (replaced('"cases": [', '"cases": "none", "x": ['),
         'file: unknown key "x"'),
        (replaced('"placement": {', '"placement": [], "y": {'),
         'file: unknown key "y"'),
    ],
)  # fmt: skip
def test_each_hostile_value_is_one_line_naming_its_path(text: str, message: str) -> None:
    got = error(text)
    assert got.startswith(message) and "\n" not in got


def test_wrong_json_types_name_their_place() -> None:
    doc = json.loads(demo_text())
    doc["cases"] = "none"
    assert error(json.dumps(doc)) == 'cases: expected a list, got "none"'
    doc = json.loads(demo_text())
    doc["placement"] = []
    assert error(json.dumps(doc)) == "placement: expected an object, got a list"
    doc = json.loads(demo_text())
    doc["events"][0] = [1, 2]
    assert error(json.dumps(doc)) == "events[0]: expected an object, got a list"


def test_nesting_deeper_than_the_format_is_refused_at_its_place() -> None:
    doc = json.loads(demo_text())
    deep: object = "x"
    for _ in range(MAX_DEPTH + 2):
        deep = [deep]
    doc["cases"][0]["learning"] = deep
    got = error(json.dumps(doc))
    assert (
        got.startswith("cases[0] (D-1042).learning[0][0]") and "nested more than 12 levels" in got
    )
    very = "[" * 200_000 + "]" * 200_000  # the JSON decoder itself gives up
    assert error(very).startswith("file: nested more than 12 levels deep")


def test_a_file_larger_than_the_limit_is_refused_before_it_is_decoded() -> None:
    got = error(b" " * (MAX_BYTES + 1))
    assert got.startswith("file: larger than 50 MB") and "not one" in got


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
    )  # fmt: skip


def test_check_and_import_give_one_line_exit_2_and_store_nothing(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    bad = tmp_path / "bad.json"
    for text in (
        replaced('"student": "Robin Ashdown"', '"student": "Robin \\ud800"'),
        replaced('"previous_social_workers": 0', '"previous_social_workers": 99999999999999999999'),
        replaced('"ref": "D-1042"', '"ref": "D-1042", "ref": "D-9"'),
    ):
        bad.write_text(text, encoding="utf-8")
        for args in (("check", str(bad)), ("import", str(bad), "--db", str(db))):
            result = cli(*args)
            assert result.returncode == 2, result.stderr
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and "unexpected" not in lines[0]
            assert "Traceback" not in result.stderr and result.stdout == ""
    assert (
        not db.exists()
        or cli("export", "--db", str(db), "-o", str(tmp_path / "o.json")).returncode == 2
    )


def test_a_pipe_given_as_the_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    result = cli("check", str(pipe))
    assert result.returncode == 2 and "not a regular file" in result.stderr
