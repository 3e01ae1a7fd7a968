"""Every rule's source reads as a document a PE knows, with its clause (policy/sources.py)."""

from __future__ import annotations

import json
import re
from datetime import date

import app.policy.engine  # noqa: F401 - registers every rule
from app.interchange.findings_output import findings_json, findings_text
from app.policy.findings import RULES, Finding
from app.policy.sources import SOURCES, cited


def test_every_rule_names_its_documents_by_title() -> None:
    assert len(RULES) > 30
    for rule in RULES.values():
        words = cited(rule.source)
        assert not re.search(r"\b\d{3} §", words), (rule.id, words)
        assert "§" in words or words in ("Programme requirement", "Good practice"), rule.id


def test_clauses_and_unnumbered_sources_are_kept() -> None:
    assert cited("000 §1, §5, §6, §19; 001 §5, §6") == (
        "GCC student allocation guidance §1, §5, §6, §19; "
        "Stockport case holding procedures for students §5, §6"
    )
    assert cited("001 §3–4; programme requirement") == (
        "Stockport case holding procedures for students §3–4; programme requirement"
    )
    assert cited("003 §8.2") == "Children in Need allocation policy §8.2"


def test_titles_are_the_documents_own() -> None:
    by_number = {s.number: s for s in SOURCES}
    assert by_number["003"].full == "Children in Need Allocation Policy"
    assert by_number["001"].full == "Case Holding Procedures for Student Social Workers"
    assert len({s.short for s in SOURCES}) == len(SOURCES)


def test_check_output_keeps_the_source_and_adds_its_title() -> None:
    day = date(2026, 3, 2)
    finding = Finding(
        "visit.joint-within-6-weeks", "breach", "case:D-1", day, "No joint visit.", "001 §8"
    )
    [item] = json.loads(findings_json([finding], day))["findings"]
    assert item["source"] == "001 §8"
    assert item["source_title"] == "Stockport case holding procedures for students §8"
    assert "[Stockport case holding procedures for students §8]" in findings_text([finding], day)
