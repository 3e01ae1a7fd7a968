"""Gaps between occurrences (supervisions, case discussions, oversight), as policy-rules.md counts them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Gap:
    begins: date  # the start point or the earlier occurrence
    ends: date  # the later occurrence or the end point
    length: int  # calendar days, absence days inside not counted
    overdue_from: date | None  # first day on which the count exceeded the limit


def counted_days(begins: date, day: date, absent: frozenset[date] | set[date]) -> int:
    """Days counted from ``begins`` to ``day``: calendar days less absence days strictly inside."""
    inside = sum(1 for d in absent if begins < d < day)
    return (day - begins).days - inside


def gap_points(start: date, end: date, occurrences: Iterable[date]) -> list[date]:
    """The start point, the occurrences within [start, end] in order, and the end point."""
    inner = sorted({d for d in occurrences if start <= d <= end})
    return [start, *inner, end]


def gaps_over(
    start: date,
    end: date,
    occurrences: Iterable[date],
    limit: int,
    absent: Iterable[date] = (),
) -> list[Gap]:
    """Every gap longer than ``limit`` days from ``start`` to ``end`` (nothing when end < start)."""
    if end < start:
        return []
    absent_days = frozenset(absent)
    points = gap_points(start, end, occurrences)
    found = []
    for begins, ends in zip(points, points[1:], strict=False):
        length = counted_days(begins, ends, absent_days)
        if length <= limit:
            continue
        # counting is monotonic: the first overdue day is at least limit + 1 days on
        day = begins + timedelta(days=limit + 1)
        while counted_days(begins, day, absent_days) <= limit:
            day += timedelta(days=1)
        found.append(Gap(begins, ends, length, day))
    return found


def longest_gap(
    start: date, end: date, occurrences: Iterable[date], absent: Iterable[date] = ()
) -> int:
    """The longest gap in days (absences discounted); 0 when the window is empty."""
    if end < start:
        return 0
    absent_days = frozenset(absent)
    points = gap_points(start, end, occurrences)
    return max(
        (counted_days(a, b, absent_days) for a, b in zip(points, points[1:], strict=False)),
        default=0,
    )
