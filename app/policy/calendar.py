"""Working days: the one place that knows weekends, bank holidays and the induction fortnight."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from app.policy.bank_holidays_ew import BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR
from app.policy.vocabulary import DEFAULT_INDUCTION_DAYS, DEFAULT_WORKING_DAYS, WEEKDAYS

ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=64)
def _year(year: int) -> dict[date, str]:
    """England and Wales share one list of bank holidays (the `holidays` package's GB/ENG).

    Years in the generated table are read from it; others ask the package itself, which is
    slow to import (docs/decisions.md, "Start-up").
    """
    if FIRST_YEAR <= year <= LAST_YEAR:
        prefix = f"{year}-"
        return {date.fromisoformat(k): v for k, v in BANK_HOLIDAYS.items() if k.startswith(prefix)}
    import holidays

    return {d: str(n) for d, n in holidays.country_holidays("GB", subdiv="ENG", years=year).items()}


def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(_year(year))


def bank_holiday_name(day: date) -> str | None:
    """The name of the England and Wales bank holiday on ``day``, or None."""
    return _year(day.year).get(day)


def is_bank_holiday(day: date) -> bool:
    return day in _bank_holidays(day.year)


def days_between(first: date, last: date) -> Iterable[date]:
    """Every calendar day from ``first`` to ``last`` inclusive."""
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


class WorkingCalendar:
    """A placement's working week (default Mon–Fri) less England and Wales bank holidays."""

    def __init__(self, working_days: Iterable[str] = DEFAULT_WORKING_DAYS) -> None:
        self._weekdays = frozenset(WEEKDAYS.index(name) for name in working_days)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self._weekdays and not is_bank_holiday(day)

    def working_days(self, first: date, last: date) -> int:
        """How many working days from ``first`` to ``last`` inclusive."""
        return sum(1 for day in days_between(first, last) if self.is_working_day(day))

    def nth_working_day(self, start: date, n: int) -> date:
        """The ``n``-th working day on or after ``start`` (n >= 1)."""
        if not self._weekdays:
            raise ValueError("a placement needs at least one working day a week")
        day, seen = start, 0
        while True:
            if self.is_working_day(day):
                seen += 1
                if seen == n:
                    return day
            day += ONE_DAY

    def next_working_day(self, after: date) -> date:
        return self.nth_working_day(after + ONE_DAY, 1)

    def induction_last_day(self, start: date, induction_days: int = DEFAULT_INDUCTION_DAYS) -> date:
        """The last working day of the induction (start itself when there is no induction)."""
        if induction_days <= 0:
            return start - ONE_DAY
        return self.nth_working_day(start, induction_days)

    def allocations_open(self, start: date, induction_days: int = DEFAULT_INDUCTION_DAYS) -> date:
        """The working day after the induction: the first day a case may be allocated (000 §5)."""
        if induction_days <= 0:
            return start
        return self.next_working_day(self.induction_last_day(start, induction_days))


def midpoint(start: date, end: date) -> date:
    """The placement's midpoint: start + floor((end - start) / 2) days."""
    return start + timedelta(days=(end - start).days // 2)


@lru_cache(maxsize=4096)  # a long placement's screens and history say the same days often
def uk_date(day: date | None) -> str:
    """UK display format, e.g. ``6 Feb 2026``; empty for no date."""
    if day is None:
        return ""
    return f"{day.day} {day:%b %Y}"
