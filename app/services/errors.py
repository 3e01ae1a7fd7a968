"""The one kind of error a person is shown (defined with the rules, which raise it too)."""

from app.policy.errors import InvalidInput

__all__ = ["InvalidInput"]
