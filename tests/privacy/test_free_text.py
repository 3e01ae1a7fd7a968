"""The free text the guard reads: every field a PE types into, at the path its placement
file gives it, and the placement's own people."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from app.interchange.free_text import free_text, placement_guard
from app.interchange.placement_file import to_document
from app.services.demo import demo_snapshot


def at(document: Any, bare: str) -> Any:
    value = document
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", bare.removeprefix("file")):
        value = value[int(part[1:-1])] if part.startswith("[") else value[part]
    return value


def test_each_field_s_path_leads_to_its_text_in_the_placement_file() -> None:
    snap = demo_snapshot(date(2026, 11, 23))
    document = to_document(snap)
    fields = free_text(snap)
    assert len(fields) >= 50
    for field in fields:
        value = at(document, field.plain_path)
        assert (value["note"] if isinstance(value, dict) else value) == field.text, field.path
    kinds = {re.sub(r"\[\d+\]", "[]", f.plain_path).split(".")[-1] for f in fields}
    assert {"rationale", "notes", "discussion", "decision", "wellbeing", "learning"} <= kinds
    assert not any(
        f.plain_path.startswith("cases[") and ".learning" in f.plain_path for f in fields
    )
    discussion = next(f for f in fields if f.plain_path.endswith("discussion"))
    assert re.match(
        r"supervisions\[\d+\] \(s-[\d-]+\)\.case_direction\[0\] \(D-\d+\)\.discussion",
        discussion.path,
    )
    assert discussion.case is not None and discussion.case.startswith("D-")


def test_the_placement_s_people_are_never_flagged_wherever_they_are_named() -> None:
    guard, _fields = placement_guard(demo_snapshot(date(2026, 11, 23)))
    said = "Robin Ashdown met Pat Kendrick, Jo Whitfield and Lee Okafor; the Duty senior agreed."
    assert guard.scan(said) == []  # the student, educator, supervisor, manager, a decision's
    assert [h.text for h in guard.scan("Jessica Thornbury came too.")] == ["Jessica Thornbury"]
