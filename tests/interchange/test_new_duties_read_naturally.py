"""The duties added with statutory work read as a PE would say them, wherever findings show:
`check` in words and as JSON, and the placement summary PDF; every source by its title."""

from __future__ import annotations

import io
import json
import re
from datetime import date

from pypdf import PdfReader

from app.interchange.findings_output import findings_json, findings_text
from app.interchange.placement_file import parse_placement, to_document
from app.policy.engine import evaluate
from app.services.demo import demo_snapshot
from app.services.records import render

AS_OF = date(2026, 11, 23)
NEW_RULES = {
    "allocation.statutory-keyworker",
    "allocation.no-briefing",
    "allocation.previous-worker",
    "allocation.worker-risk",
    "allocation.educator-absent",
    "caseload.complexity",
    "case.step-up-discussed",
    "visit.plan-frequency",
    "plan.not-agreed",
    "interview.abe-by-student",
    "ending.transfer-not-signed-off",
}
# Our file numbers, raw words of the file format, or a Python value in a sentence.
INTERNALS = re.compile(r"\b00[0-4] §|\bNone\b|\bcp\b|\bcin\b|\blac\b|_|\btrue\b|\bfalse\b")


def careless_placement():  # type: ignore[no-untyped-def]
    """The demo placement with each new duty missed once."""
    doc = to_document(demo_snapshot(AS_OF))
    cases = {c["ref"]: c for c in doc["cases"]}
    cases["D-1042"].update(briefed=None, previous_social_workers=2, visit_every_days=7)
    cases["D-1150"].update(safety_plan=None, complexity="high")
    cases["D-1101"].update(keyworker=None, risk="high")
    cases["D-1042"]["complexity"] = "high"
    cases["D-1057"]["transfer_signed_off"] = None
    doc["absences"].append({"id": "a9", "who": "educator", "from": "2026-10-15",
                            "to": "2026-10-16", "reason": "leave", "cover": " "})  # fmt: skip
    doc["events"] += [
        {"id": "abe-9", "kind": "abe-interview", "date": "2026-11-02", "case": "D-1101",
         "student_part": "conducted", "notes": None},
        {"id": "plan-9", "kind": "plan", "date": "2026-11-03", "case": "D-1042",
         "agreed_by": None, "notes": None},
    ]  # fmt: skip
    for s in doc["supervisions"]:  # the step-up never discussed
        s["cases_discussed"] = [r for r in s["cases_discussed"] if r != "D-1101"]
        s["case_direction"] = [d for d in s["case_direction"] if d["case"] != "D-1101"]
    return parse_placement(doc)


def test_every_new_duty_missed_reads_in_words_with_its_source_by_title() -> None:
    snap = careless_placement()
    findings = evaluate(snap, AS_OF)
    assert {f.rule for f in findings} >= NEW_RULES
    new = [f for f in findings if f.rule in NEW_RULES]
    for f in new:
        assert not INTERNALS.search(f.message), (f.rule, f.message)
        assert not f.message[0].islower() and f.message.endswith("."), f.message
    text = findings_text(new, AS_OF)
    assert "Children in Need allocation policy §4.3" in text
    assert "Stockport case allocation process §1.3, §1.5" in text
    assert not re.search(
        r"\b00[0-4] §", "\n".join(line.split("[")[-1] for line in text.splitlines())
    )
    document = json.loads(findings_json(new, AS_OF))
    assert {f["rule"] for f in document["findings"]} == NEW_RULES
    assert all("§" in f["source_title"] for f in document["findings"])


def test_the_placement_summary_lists_the_new_breaches_in_words() -> None:
    snap = careless_placement()
    pdf = PdfReader(io.BytesIO(render("summary", snap, AS_OF)))
    words = " ".join((p.extract_text() or "") for p in pdf.pages)
    words = re.sub(r"\s+", " ", words)
    assert "No keyworker named for a statutory case" in words
    assert "conducted an ABE interview" in words
    assert not re.search(r"\b00[0-4] §", words)


def test_the_transition_checklists_show_a_transfers_sign_off_or_its_absence() -> None:
    snap = demo_snapshot(AS_OF)  # D-1057 moved away and was transferred, signed off first
    words = re.sub(r"\s+", " ", " ".join(
        p.extract_text() or "" for p in PdfReader(io.BytesIO(render("transition", snap, AS_OF))).pages
    ))  # fmt: skip
    assert "Transferred, 18 Nov 2026; handed over to Leah Brennan" in words
    assert "transfer signed off by both managers 16 Nov 2026" in words
    unsigned = careless_placement()
    words = " ".join(
        p.extract_text() or ""
        for p in PdfReader(io.BytesIO(render("transition", unsigned, AS_OF))).pages
    )
    assert "no transfer sign-off by both managers recorded" in re.sub(r"\s+", " ", words)
