"""The ASYE hand-over of a final placement: as a PDF, a Word document and a JSON document,
from the final PCF review and the work done (#30)."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from app.interchange.placement_file import dumps
from app.policy.handover import NoHandover, handover
from app.policy.snapshot import PcfReview
from app.services.demo import demo_snapshot
from app.services.records import RecordProblem, render
from tests.test_commands import run

AS_OF = date(2026, 11, 23)


def final_placement():  # type: ignore[no-untyped-def]
    snap = demo_snapshot(AS_OF)
    snap.placement = replace(snap.placement, kind="final", required_days=100)
    last = snap.placement.end - timedelta(days=3)
    observation = next(e for e in snap.events if e.kind == "direct-observation")
    snap.pcf_reviews.append(
        PcfReview(
            "p-final", last, "final",
            {"professionalism": "meeting", "knowledge": "exceeding", "contexts": "developing"},
            {"knowledge": [f"event:{observation.id}", "case:D-1042"]},
            "Ready for practice; thoughtful with families.",
            "Court skills: write and present a statement with support.",
        )
    )  # fmt: skip
    return snap


def test_the_hand_over_holds_the_final_ratings_evidence_needs_and_work() -> None:
    h = handover(final_placement())
    ratings = {r.domain: r.rating for r in h.pcf}
    assert ratings["knowledge"] == "exceeding" and ratings["values-ethics"] is None
    knowledge = next(r for r in h.pcf if r.domain == "knowledge")
    assert (
        knowledge.evidence[1] == "Case D-1042 (AB)"
        and "Direct observation" in knowledge.evidence[0]
    )
    assert h.strengths == ("Knowledge", "Professionalism")
    assert h.development_needs.startswith("Court skills")
    assert h.supervision_sessions == 10 and h.supervision_every_days == 7.0
    assert sum(h.cases.values()) == 5 and h.observations >= 1


def test_a_first_placement_or_one_without_a_final_review_has_none() -> None:
    with pytest.raises(NoHandover, match="final placement"):
        handover(demo_snapshot(AS_OF))
    snap = final_placement()
    snap.pcf_reviews = [r for r in snap.pcf_reviews if r.stage != "final"]
    with pytest.raises(RecordProblem, match="final PCF review first"):
        render("asye", snap, AS_OF)


def test_as_pdf_and_as_word() -> None:
    snap = final_placement()
    pdf = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(render("asye", snap, AS_OF))).pages
    )
    for words in (
        "ASYE hand-over",
        "Exceeding",
        "Development needs to carry into the ASYE",
        "Court skills",
        "The range of work done",
        "on average every 7 days",
        "Signatures",
    ):
        assert words in pdf, words  # fmt: skip
    word = docx.Document(io.BytesIO(render("asye", snap, AS_OF, word=True)))
    assert word.paragraphs[0].text == "ASYE hand-over"
    assert "Court skills: write and present a statement with support." in [
        p.text for p in word.paragraphs
    ]


def test_as_a_json_document_from_the_command_line(tmp_path: Path) -> None:
    source, db, out = tmp_path / "final.json", tmp_path / "p.sqlite", tmp_path / "asye.json"
    source.write_text(dumps(final_placement()), encoding="utf-8")
    assert run("import", str(source), "--db", str(db)).returncode == 0
    result = run("export", "--asye", "--db", str(db), "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "placement-tracker-asye/1"
    assert document["student"]["name"] == "Robin Ashdown"
    assert document["pcf"]["knowledge"]["rating"] == "exceeding"
    assert document["pcf"]["knowledge"]["evidence"][1] == "Case D-1042 (AB)"
    assert document["development_needs"].startswith("Court skills")
    first, first_db = tmp_path / "first.json", tmp_path / "first.sqlite"
    first.write_text(dumps(demo_snapshot(AS_OF)), encoding="utf-8")
    assert run("import", str(first), "--db", str(first_db)).returncode == 0
    refused = run("export", "--asye", "--db", str(first_db), "-o", str(tmp_path / "x.json"))
    assert refused.returncode == 2 and "final placement" in refused.stderr
    assert not (tmp_path / "x.json").exists()
