"""The audit log: one line for every change a person makes, written in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry


def record_change(
    session: Session,
    action: str,
    *,
    placement_id: int | None,
    subject: str = "",
    detail: dict[str, object] | None = None,
) -> None:
    """Add an audit line to the caller's unit of work (it commits or rolls back with it)."""
    session.add(
        AuditEntry(
            at=datetime.now(),
            placement_id=placement_id,
            action=action,
            subject=subject,
            detail=detail or {},
        )
    )


@dataclass(frozen=True, slots=True)
class AuditLine:
    at: datetime
    action: str
    subject: str
    detail: dict[str, object]


def audit_trail(session: Session, placement_id: int) -> list[AuditLine]:
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.placement_id == placement_id).order_by(AuditEntry.id)
    )
    return [AuditLine(r.at, r.action, r.subject, dict(r.detail)) for r in rows]
