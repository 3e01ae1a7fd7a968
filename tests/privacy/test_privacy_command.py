"""placement-tracker privacy: every hit with the path of its field, its kind and its text;
exit 1 when anything is found, 0 when nothing, 2 for a bad file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from app.interchange.placement_file import to_document
from app.services.demo import demo_snapshot
from tests.test_commands import run


def leaky(tmp_path: Path) -> Path:
    doc = to_document(demo_snapshot(date(2026, 11, 23)))
    doc["cases"][0]["rationale"] = "Kayla Morris lives at 14 Albert Road, SK4 2PQ."  # type: ignore[index]
    session = doc["supervisions"][3]  # type: ignore[index]
    session["case_direction"][0]["discussion"] = "Mum (Mrs Morris) gave 07700 900123."
    source = tmp_path / "leaky.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    return source


def test_a_clean_placement_exits_0(tmp_path: Path) -> None:
    clean = tmp_path / "clean.json"
    clean.write_text(json.dumps(to_document(demo_snapshot(date(2026, 11, 23)))), encoding="utf-8")
    result = run("privacy", str(clean))
    assert result.returncode == 0, result.stderr
    assert "Nothing in the placement's free text" in result.stdout


def test_hits_are_listed_with_their_path_kind_and_text(tmp_path: Path) -> None:
    source = leaky(tmp_path)
    text = run("privacy", str(source))
    assert text.returncode == 1
    assert 'cases[0] (D-1042).rationale: a person\'s name: "Kayla Morris"' in text.stdout
    assert 'cases[0] (D-1042).rationale: a postcode: "SK4 2PQ"' in text.stdout
    as_json = run("privacy", str(source), "--format", "json")
    assert as_json.returncode == 1
    document = json.loads(as_json.stdout)
    assert document["format"] == "placement-tracker-privacy/1"
    hits = {(h["path"], h["kind"], h["text"]) for h in document["hits"]}
    assert ("cases[0].rationale", "address", "14 Albert Road") in hits
    assert ("supervisions[3].case_direction[0].discussion", "phone", "07700 900123") in hits
    assert ("supervisions[3].case_direction[0].discussion", "name", "Mrs Morris") in hits
    first = document["hits"][0]
    rationale = json.loads(source.read_text())["cases"][0]["rationale"]
    assert rationale[first["start"] : first["end"]] == first["text"]
    people = {"Robin", "Pat Kendrick", "Jo Whitfield", "Lee Okafor"}
    assert not any(h["text"] in people for h in document["hits"])


def test_a_database_placement_is_scanned_too(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    assert run("import", str(leaky(tmp_path)), "--db", str(db)).returncode == 0
    result = run("privacy", "--db", str(db), "--placement", "1", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert len(json.loads(result.stdout)["hits"]) >= 5


def test_a_bad_file_or_no_source_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("ref,initials\nEH-1,KM\n", encoding="utf-8")
    result = run("privacy", str(bad))
    assert result.returncode == 2 and "not a Placement Tracker placement file" in result.stderr
    assert run("privacy").returncode == 2
