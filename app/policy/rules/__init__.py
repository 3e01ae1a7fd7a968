"""One module per rule family; importing this package registers every rule."""

from app.policy.rules import (
    across,
    allocation,
    caseload,
    induction,
    progress,
    supervision,
    visits,
)

__all__ = ["across", "allocation", "caseload", "induction", "progress", "supervision", "visits"]
