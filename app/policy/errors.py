"""The one kind of error a person is shown: what they gave cannot be stored, and why."""


class InvalidInput(ValueError):
    """Input a person gave that cannot be stored; the message says what to change."""
