"""The ``check`` output: ``placement-tracker-findings/1`` JSON, or aligned text for a person."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Final, Protocol

from app.policy.calendar import uk_date
from app.policy.findings import Finding
from app.policy.snapshot import ManagerOverride, PlacementSnapshot
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


def findings_document(
    findings: list[Finding], as_of: date, profile: str = "default"
) -> dict[str, object]:
    """``profile``: the name of the policy profile checked under (``check --profile``)."""
    return {
        "format": FORMAT,
        "as_of": as_of.isoformat(),
        "profile": profile,
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


def findings_json(findings: list[Finding], as_of: date, profile: str = "default") -> str:
    document = findings_document(findings, as_of, profile)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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


BATCH_FORMAT: Final = "placement-tracker-findings-batch/1"


class Checked(Protocol):
    """One file of a coordinator's check (``services.checking.FileChecked``)."""

    @property
    def file(self) -> Path: ...
    @property
    def snapshot(self) -> PlacementSnapshot | None: ...
    @property
    def findings(self) -> tuple[Finding, ...]: ...
    @property
    def error(self) -> str | None: ...


def batch_json(results: list[Checked], as_of: date, profile: str = "default") -> str:
    """``check`` of several files: each file's findings, or its error, in the order given."""
    files: list[dict[str, object]] = []
    for r in results:
        if r.error is not None:
            files.append({"file": str(r.file), "error": r.error})
        else:
            findings = findings_document(list(r.findings), as_of)["findings"]
            files.append({"file": str(r.file), "findings": findings})
    document = {
        "format": BATCH_FORMAT,
        "as_of": as_of.isoformat(),
        "profile": profile,
        "files": files,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _most_serious(findings: tuple[Finding, ...]) -> str:
    for severity in ("breach", "warning", "due"):
        first = next((f for f in findings if f.severity == severity), None)
        if first is not None:
            return f"{severity.upper()} {first.rule}: {first.message}"
    return "no findings"


def batch_text(results: list[Checked], as_of: date) -> str:
    """One line a placement (file, student, educator, dates, counts, the most serious
    finding), then each placement's findings under its file's name."""
    rows = []
    for r in results:
        if r.snapshot is None:
            rows.append((r.file.name, "NOT READ", "", "", "", r.error or ""))
            continue
        p = r.snapshot.placement
        breaches = sum(1 for f in r.findings if f.severity == "breach")
        warnings = sum(1 for f in r.findings if f.severity == "warning")
        rows.append(
            (
                r.file.name,
                p.student,
                p.educator,
                f"{uk_date(p.start)} to {uk_date(p.end)}",
                f"{counted(breaches, 'breach')}, {counted(warnings, 'warning')}",
                _most_serious(r.findings),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = [
        "  ".join(c.ljust(widths[i]) if i < 5 else c for i, c in enumerate(row)) for row in rows
    ]
    parts = ["\n".join(lines)]
    for r in results:
        if r.snapshot is not None:
            parts.append(f"== {r.file.name} ==\n" + findings_text(list(r.findings), as_of).rstrip())
    return "\n\n".join(parts) + "\n"
