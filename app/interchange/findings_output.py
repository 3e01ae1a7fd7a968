"""The ``check`` output: ``placement-tracker-findings/1`` JSON, or aligned text for a person."""

from __future__ import annotations

import json
from datetime import date
from typing import Final

from app.policy.calendar import uk_date
from app.policy.findings import Finding
from app.policy.snapshot import ManagerOverride
from app.policy.sources import cited
from app.policy.wording import counted

FORMAT: Final = "placement-tracker-findings/1"


def _override(o: ManagerOverride | None) -> dict[str, str | None] | None:
    if o is None:
        return None
    return {
        "by": o.by,
        "reason": o.reason,
        "review_by": o.review_by.isoformat(),
        "reviewed": o.reviewed.isoformat() if o.reviewed else None,
    }


def findings_document(findings: list[Finding], as_of: date) -> dict[str, object]:
    return {
        "format": FORMAT,
        "as_of": as_of.isoformat(),
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "subject": f.subject,
                "date": f.date.isoformat(),
                "message": f.message,
                "source": f.source,
                "source_title": cited(f.source),
                "override": _override(f.override),
            }
            for f in findings
        ],
    }


def findings_json(findings: list[Finding], as_of: date) -> str:
    return json.dumps(findings_document(findings, as_of), ensure_ascii=False, indent=2) + "\n"


def findings_text(findings: list[Finding], as_of: date) -> str:
    """One aligned line per finding, then a count by severity; dates as the app shows them
    (17 Oct 2026), since a person reads this."""
    if not findings:
        return f"No findings as of {uk_date(as_of)}.\n"
    rows = [
        (
            uk_date(f.date),
            f.severity.upper(),
            f.rule,
            f.subject,
            f.message
            + f" [{cited(f.source)}]"
            + (f" (override: {f.override.reason})" if f.override else ""),
        )
        for f in findings
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(r))
        for r in rows
    ]
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("breach", "warning", "due")}
    summary = ", ".join(f"{n} due" if s == "due" else counted(n, s) for s, n in counts.items() if n)
    return "\n".join(lines) + f"\n\n{summary} as of {uk_date(as_of)}.\n"
