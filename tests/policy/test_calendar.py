"""Working days: weekends and England and Wales bank holidays are skipped."""

from __future__ import annotations

from datetime import date

from app.policy.calendar import WorkingCalendar, bank_holiday_name, midpoint, uk_date


def test_induction_fortnight_skips_christmas_bank_holidays() -> None:
    cal = WorkingCalendar()
    # Mon 21 Dec 2026: 25 Dec (Fri) and 28 Dec (Mon, Boxing Day substitute) and 1 Jan are holidays
    start = date(2026, 12, 21)
    assert cal.induction_last_day(start) == date(2027, 1, 6)
    assert cal.allocations_open(start) == date(2027, 1, 7)


def test_plain_fortnight_without_holidays() -> None:
    cal = WorkingCalendar()
    assert cal.induction_last_day(date(2026, 1, 5)) == date(2026, 1, 16)
    assert cal.allocations_open(date(2026, 1, 5)) == date(2026, 1, 19)


def test_easter_and_part_time_working_weeks() -> None:
    assert bank_holiday_name(date(2026, 4, 3)) is not None  # Good Friday
    assert bank_holiday_name(date(2026, 4, 7)) is None
    full = WorkingCalendar()
    assert full.working_days(date(2026, 3, 30), date(2026, 4, 10)) == 8
    four_days = WorkingCalendar(("mon", "tue", "wed", "thu"))
    assert four_days.working_days(date(2026, 3, 30), date(2026, 4, 10)) == 7


def test_midpoint_and_uk_dates() -> None:
    assert midpoint(date(2026, 1, 5), date(2026, 4, 24)) == date(2026, 2, 28)
    assert uk_date(date(2026, 2, 6)) == "6 Feb 2026"
    assert uk_date(None) == ""


def test_the_bank_holiday_table_matches_the_holidays_package() -> None:
    """The start-up table is a copy of `holidays` (GB/ENG): rerun tools/make_bank_holidays.py
    when this fails after an upgrade, e.g. for a newly announced bank holiday."""
    import holidays

    from app.policy.bank_holidays_ew import BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR

    years = range(FIRST_YEAR, LAST_YEAR + 1)
    package = holidays.country_holidays("GB", subdiv="ENG", years=years)
    assert {d.isoformat(): str(n) for d, n in package.items()} == BANK_HOLIDAYS
    assert bank_holiday_name(date(2023, 5, 8)) == "Coronation of Charles III"
    assert bank_holiday_name(date(2051, 12, 25)) == "Christmas Day"  # beyond the table: the package
