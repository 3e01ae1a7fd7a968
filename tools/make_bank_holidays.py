"""Write app/policy/bank_holidays_ew.py: England and Wales bank holidays from `holidays`.

The app reads this table at start instead of importing `holidays`, whose package loads
about 250 countries (~110 ms) to give us one. Run again when `holidays` is upgraded;
tests/policy/test_calendar.py fails while the table and the installed package disagree.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import holidays

FIRST, LAST = 2000, 2045
TARGET = Path(__file__).resolve().parents[1] / "app" / "policy" / "bank_holidays_ew.py"


def main() -> None:
    lines = [
        f'"""England and Wales bank holidays, {FIRST}–{LAST}: made by tools/make_bank_holidays.py',
        f'from holidays {holidays.__version__}; do not edit by hand."""',
        "",
        f"FIRST_YEAR, LAST_YEAR = {FIRST}, {LAST}",
        "HOLIDAYS_VERSION = " + repr(holidays.__version__),
        "",
        "# ISO date: name",
        "BANK_HOLIDAYS: dict[str, str] = {",
    ]
    table = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST, LAST + 1))
    for day, name in sorted(table.items()):
        lines.append(f"    {day.isoformat()!r}: {str(name)!r},")
    lines.append("}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", str(TARGET)], check=False)
    print(f"wrote {TARGET} ({len(table)} days)")


if __name__ == "__main__":
    main()
