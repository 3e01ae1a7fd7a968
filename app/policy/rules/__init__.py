"""One module per rule family; importing this package registers every rule."""

from app.policy.rules import allocation, caseload, induction, progress, supervision, visits

__all__ = ["allocation", "caseload", "induction", "progress", "supervision", "visits"]
