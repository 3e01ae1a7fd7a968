"""educator.one-student: a PE normally supervises one student at a time (002 §2); only where
several placements are looked at together (the app's database)."""

from __future__ import annotations

from datetime import date

from app.db import Database
from app.policy.engine import evaluate
from app.services.placements import PlacementService
from app.services.screen import placement_screen
from tests.conftest import sam_placement
from tests.policy.builders import DAY, END, START, compliant, placement

RULE = "educator.one-student"


def found(others, as_of: date = END):  # type: ignore[no-untyped-def]
    return [f for f in evaluate(compliant(), as_of, others=tuple(others)) if f.rule == RULE]


def test_an_overlapping_placement_of_the_same_educator_warns_on_the_later_start() -> None:
    other = placement(student="Alex Second", start=START + 30 * DAY, end=END + 60 * DAY,
                      educator="  pat EDUCATOR ")  # fmt: skip
    [f] = found([other])
    assert (f.severity, f.subject, f.date) == ("warning", "placement", START + 30 * DAY)
    assert "Alex Second" in f.message and "one student at a time" in f.message


def test_placements_that_only_touch_overlap_and_ones_a_day_apart_do_not() -> None:
    touching = placement(student="A", start=END, end=END + 90 * DAY)
    after = placement(student="B", start=END + DAY, end=END + 90 * DAY)
    before = placement(student="C", start=START - 90 * DAY, end=START - DAY)
    assert len(found([touching])) == 1
    assert found([after]) == [] and found([before]) == []


def test_another_educator_or_a_single_file_raises_nothing() -> None:
    assert found([placement(student="D", educator="Robin Other")]) == []
    assert [f for f in evaluate(compliant(), END) if f.rule == RULE] == []


def test_the_app_checks_each_placement_against_the_others_in_its_database(db: Database) -> None:
    service = PlacementService(db)
    first = service.create(sam_placement())
    second = service.create(
        sam_placement(student="Alex Second", start=date(2026, 3, 2), end=date(2026, 6, 26))
    )
    for pid, other in ((first, "Alex Second"), (second, "Sam Student")):
        screen = placement_screen(service, pid, date(2026, 3, 9))
        [item] = [i for i in screen.compliance if i.finding.rule == RULE]
        assert other in item.finding.message and item.finding.date == date(2026, 3, 2)
