"""Property tests: compliant placements stay clean; more supervision never makes gaps worse."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.policy.engine import evaluate
from app.policy.gaps import longest_gap
from app.policy.snapshot import Absence, PlacementSnapshot, Supervision
from app.policy.terms import student_absence_days
from tests.policy.builders import compliant, placement

GAP_RULES = {"supervision.weekly", "supervision.fortnightly", "supervision.three-way"}


@st.composite
def compliant_placements(draw: st.DrawFn) -> tuple[PlacementSnapshot, date]:
    # any Monday over three years, so Easter, May, August and Christmas bank holidays all turn up
    start = date(2025, 1, 6) + timedelta(weeks=draw(st.integers(0, 150)))
    off_site = draw(st.booleans())
    p = placement(
        start=start,
        end=start + timedelta(days=16 * 7 - 3),
        educator_onsite=not off_site,
        onsite_supervisor="Jo Supervisor" if off_site else None,
        setting=draw(st.sampled_from(["early-help", "cin", "other"])),
    )
    gaps = draw(st.lists(st.integers(7, 12), min_size=1, max_size=5))
    offsets = tuple(sum(gaps[: i + 1]) - gaps[0] for i in range(len(gaps)))
    absences = []
    for i, (week, length) in enumerate(
        draw(st.lists(st.tuples(st.integers(2, 14), st.integers(0, 1)), max_size=3))
    ):
        first = start + timedelta(weeks=week, days=1)
        absences.append(
            Absence(f"a{i}", "student", first, first + timedelta(days=length), "sickness")
        )
    snap = compliant(p, allocation_offsets=offsets, absences=absences)
    as_of = start + timedelta(days=draw(st.integers(-3, 140)))
    return snap, as_of


@settings(max_examples=60, deadline=None)
@given(compliant_placements())
def test_generated_compliant_placements_have_no_finding(
    example: tuple[PlacementSnapshot, date],
) -> None:
    snap, as_of = example
    assert evaluate(snap, as_of) == []


@st.composite
def supervised_placements(draw: st.DrawFn) -> tuple[PlacementSnapshot, date, date]:
    snap = compliant(allocation_offsets=())
    start, end = snap.placement.start, snap.placement.end
    days = draw(st.lists(st.integers(0, (end - start).days), max_size=12))
    snap.supervisions = [
        Supervision(f"s{i}", start + timedelta(days=d), draw(st.sampled_from(["one-to-one", "three-way"])),
                    True, [], True, signed_by_educator=start, signed_by_student=start)
        for i, d in enumerate(days)
    ]  # fmt: skip
    snap.absences = [
        Absence(f"a{i}", "student", start + timedelta(days=d), start + timedelta(days=d + n))
        for i, (d, n) in enumerate(
            draw(st.lists(st.tuples(st.integers(0, 100), st.integers(0, 4)), max_size=3))
        )
    ]
    if draw(st.booleans()):
        snap.placement = replace(
            snap.placement, educator_onsite=False, onsite_supervisor="Jo Supervisor"
        )
    extra = start + timedelta(days=draw(st.integers(0, (end - start).days)))
    as_of = start + timedelta(days=draw(st.integers(0, (end - start).days + 20)))
    return snap, extra, as_of


@settings(max_examples=80, deadline=None)
@given(supervised_placements())
def test_adding_a_supervision_never_lengthens_a_gap_nor_adds_a_gap_finding(
    example: tuple[PlacementSnapshot, date, date],
) -> None:
    snap, extra, as_of = example
    window_end = min(as_of, snap.placement.end)
    absent = student_absence_days(snap.absences)
    before = longest_gap(
        snap.placement.start, window_end, [s.date for s in snap.supervisions], absent
    )
    findings_before = {f for f in evaluate(snap, as_of) if f.rule in GAP_RULES}

    for fmt in ("one-to-one", "three-way"):
        more = replace(
            snap, supervisions=[*snap.supervisions, Supervision("new", extra, fmt, True, [], True)]
        )
        after = longest_gap(
            more.placement.start, window_end, [s.date for s in more.supervisions], absent
        )
        assert after <= before
        findings_after = [f for f in evaluate(more, as_of) if f.rule in GAP_RULES]
        if not findings_before:
            assert findings_after == []
        assert len({f.rule for f in findings_after} - {f.rule for f in findings_before}) == 0
