"""Counts that read naturally ("1 breach", "0 breaches, 2 warnings"): the one place for it.

Plain Python, so the rules, the screens, the PDFs and the commands all say it alike.
"""

from __future__ import annotations

IRREGULAR = {"day": "days"}


def plural(noun: str) -> str:
    """The plural of an English noun as the app uses them (breach → breaches, item → items)."""
    last = noun.rsplit(" ", 1)[-1]
    if last in IRREGULAR:
        return noun[: -len(last)] + IRREGULAR[last]
    if last.endswith(("ch", "sh", "s", "x", "z")):
        return noun + "es"
    return noun + "s"


def counted(n: int, noun: str, many: str | None = None) -> str:
    """``n`` and the noun, singular for one: ``counted(0, "breach")`` is "0 breaches"."""
    return f"{n} {noun if n == 1 else (many or plural(noun))}"


def every(days: int) -> str:
    """A frequency as a PE says it: 7 → "week", 14 → "2 weeks", 10 → "10 days"."""
    if days % 7 == 0:
        weeks = days // 7
        return "week" if weeks == 1 else f"{weeks} weeks"
    return "day" if days == 1 else f"{days} days"
