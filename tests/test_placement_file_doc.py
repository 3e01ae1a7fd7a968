"""docs/placement-file.md, the file format for people: its example is a valid placement file
and it names every key and id the reader takes, so it cannot fall behind the reader."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

from app.interchange.placement_file import EVENT_COMMON, TOP_KEYS, loads, to_document
from app.policy.engine import evaluate
from app.policy.snapshot import (
    Absence,
    Action,
    Addendum,
    Case,
    CaseDirection,
    LearningEvidence,
    ManagerOverride,
    PcfReview,
    PlacementAgreement,
    SteppedUp,
    Supervision,
    SupervisionAgreement,
    Transition,
)
from app.policy.vocabulary import (
    ALL_LEARNING_OUTCOMES,
    CASE_TYPES,
    EVENT_KINDS,
    INDUCTION_ITEMS,
    OPTIONAL_TRANSITION_ITEMS,
    PCF_DOMAINS,
    TRANSITION_ITEMS,
)
from app.services.demo import demo_snapshot

DOC = Path(__file__).parents[1] / "docs" / "placement-file.md"


def named() -> set[str]:
    """Everything the page writes as code: `key`, `id`."""
    return set(re.findall(r"`([^`\s]+)`", DOC.read_text(encoding="utf-8")))


def test_the_example_is_a_placement_file_the_app_reads_and_checks() -> None:
    block = re.search(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block is not None
    snap = loads(block.group(1))
    assert snap.cases[0].ref == "EH-201" and snap.supervisions[0].cases_discussed == ["EH-201"]
    assert isinstance(evaluate(snap, date(2026, 2, 20)), list)


def test_every_key_the_reader_takes_is_described() -> None:
    keys = named()
    document = to_document(demo_snapshot(date(2026, 11, 23)))
    expected = set(TOP_KEYS) | set(document["placement"]) | set(EVENT_COMMON)  # type: ignore[arg-type]
    for record in (
        Case,
        ManagerOverride,
        SteppedUp,
        PlacementAgreement,
        SupervisionAgreement,
        Absence,
        Supervision,
        CaseDirection,
        Action,
        Addendum,
        PcfReview,
        LearningEvidence,
        Transition,
    ):
        expected |= {f.name.rstrip("_") for f in dataclasses.fields(record)}
    for required, optional in EVENT_KINDS.values():
        expected |= {*required, *optional}
    missing = sorted(expected - keys)
    assert not missing, f"docs/placement-file.md does not describe {missing}"


def test_every_id_a_file_may_use_is_listed() -> None:
    ids = named()
    expected = {
        *EVENT_KINDS,
        *INDUCTION_ITEMS,
        *TRANSITION_ITEMS,
        *OPTIONAL_TRANSITION_ITEMS,
        *ALL_LEARNING_OUTCOMES,
        *PCF_DOMAINS,
        *CASE_TYPES,
    }
    missing = sorted(expected - ids)
    assert not missing, f"docs/placement-file.md does not list {missing}"


def test_nothing_a_user_reads_points_outside_the_project() -> None:
    readme = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")
    for text in (DOC.read_text(encoding="utf-8"), readme):
        assert "../shared" not in text and "shared/docs" not in text
    assert "docs/placement-file.md" in readme


def test_the_readme_s_example_file_is_the_demo_on_the_pictures_date() -> None:
    """docs/example-placement.json does not go stale: it is the demo on 23 Nov 2026, the
    date of every picture, and the README's commands work on it as written."""
    from tools.example_placement import EXAMPLE, example_text

    assert EXAMPLE.read_text(encoding="utf-8") == example_text(), "run `make screenshot`"
    readme = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")
    snap = loads(example_text())
    assert "--date 2026-11-13" in readme
    assert date(2026, 11, 13) in {s.date for s in snap.supervisions}
    assert readme.count("--as-of 2026-11-23") >= 3
