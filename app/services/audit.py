"""The audit log: one line for every change a person makes, written in the same transaction.

Placement › History reads it back (``app/services/history.py``). A line never holds text
typed into a record: only what changed, the people named and the case references.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import AuditEntry
from app.policy.history import Change

# Set while Edit › Undo or Redo puts a change back: the line says so (undoing adds a line).
_replaying: ContextVar[str | None] = ContextVar("replaying", default=None)


@cache
def account() -> str:
    """The computer account the app runs under: who made a change, as the computer knows it."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in this environment
        return ""


@contextmanager
def replaying(how: str) -> Iterator[None]:
    """Changes made inside are Edit › Undo's (``how`` "undo") or Redo's ("redo")."""
    token = _replaying.set(how)
    try:
        yield
    finally:
        _replaying.reset(token)


def record_change(
    session: Session,
    action: str,
    *,
    placement_id: int | None,
    subject: str = "",
    detail: dict[str, object] | None = None,
    at: datetime | None = None,
    by: str | None = None,
) -> None:
    """Add an audit line to the caller's unit of work (it commits or rolls back with it).

    ``placement_id`` None: a change to the whole database (a restore, a new passphrase).
    ``at`` and ``by``: only for the invented demo's past (``services/demo.py``)."""
    detail = dict(detail or {})
    how = _replaying.get()
    if how is not None:
        detail["via"] = how
    session.add(
        AuditEntry(
            at=at or datetime.now(),
            placement_id=placement_id,
            action=action,
            subject=subject,
            detail=detail,
            account=by or account() or None,
        )
    )


def changed_answers(
    before: dict[str, object], after: dict[str, object], typed: frozenset[str]
) -> dict[str, object]:
    """Which answers changed, from what to what; a ``typed`` field (text a person wrote) only
    as "changed", so no note reaches the history."""
    changed: dict[str, object] = {}
    for key in dict.fromkeys([*before, *after]):
        was, now = before.get(key), after.get(key)
        if was != now:
            changed[key] = (
                {"changed": True} if key in typed else {"from": said(was), "to": said(now)}
            )
    return changed


def said(value: object) -> str:
    """A value as a history line keeps it: dates ISO, lists of ids joined, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(said(v) for v in value)
    if isinstance(value, dict):  # a step-up: its day and the type before
        return ", ".join(f"{k}={said(v)}" for k, v in value.items())
    return value.isoformat() if isinstance(value, date) else str(value)


def audit_trail(session: Session, placement_id: int, whole_database: bool = False) -> list[Change]:
    """A placement's lines, oldest first; ``whole_database``: with the lines about the whole
    database (restores, encryption), which concern every placement in it."""
    where = AuditEntry.placement_id == placement_id
    if whole_database:
        where = or_(where, AuditEntry.placement_id.is_(None))
    rows = session.execute(
        select(
            AuditEntry.at,
            AuditEntry.action,
            AuditEntry.subject,
            AuditEntry.detail,
            AuditEntry.account,
        )
        .where(where)
        .order_by(AuditEntry.id)
    )
    return [
        Change(at, action, subject, dict(detail or {}), who)
        for at, action, subject, detail, who in rows
    ]
