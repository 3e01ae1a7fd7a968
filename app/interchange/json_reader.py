"""Reading a placement file's JSON one value at a time: each value knows its path, and
anything wrong raises the one clear ``PlacementFileError`` naming that path
("cases[1] (D-1057).allocated: not a date: …"). The placement file's reader
(``placement_file``) is built on it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any, Final

from app.interchange.decoding import PlacementFileError, join, shown

# No count in a placement (days, workers, limits) comes near this; it keeps every number
# one the database stores as it is.
MOST: Final = 100_000
DATE_FORM: Final = "(write it as YYYY-MM-DD, e.g. 2026-09-14)"


def fail(path: str, problem: str) -> PlacementFileError:
    return PlacementFileError(f"{path}: {problem}")


def quoted(value: object) -> str:
    """A value as a message quotes it: text safely and short, an object or list by its kind
    (a hostile one may be huge or deeply nested)."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return json.dumps(value)


class Reader:
    """Reads one JSON value at a path, raising the one clear error for what is wrong."""

    def __init__(self, value: Any, path: str) -> None:
        self.value = value
        self.path = path

    # ---- shapes
    def obj(self, required: Iterable[str] = (), optional: Iterable[str] = ()) -> Reader:
        if not isinstance(self.value, dict):
            raise fail(self.path, f"expected an object, got {quoted(self.value)}")
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in required:
            if key not in self.value:
                raise fail(self.path, f'missing key "{key}"')
        for key in self.value:
            if key not in allowed:
                raise fail(self.path, f'unknown key "{key}"')
        return self

    def get(self, key: str) -> Reader:
        return Reader(self.value.get(key), join(self.path, key))

    def has(self, key: str) -> bool:
        return key in self.value

    def items(self) -> list[tuple[str, Reader]]:
        if not isinstance(self.value, dict):
            raise fail(self.path, f"expected an object, got {quoted(self.value)}")
        return [(k, Reader(v, join(self.path, k))) for k, v in self.value.items()]

    def list(self) -> list[Reader]:
        if self.value is None:
            return []
        if not isinstance(self.value, list):
            raise fail(self.path, f"expected a list, got {quoted(self.value)}")
        return [Reader(v, join(self.path, i, v)) for i, v in enumerate(self.value)]

    # ---- scalars
    def text(self, *, empty: bool = False) -> str:
        if not isinstance(self.value, str):
            raise fail(self.path, f"expected text, got {quoted(self.value)}")
        if not empty and not self.value.strip():
            raise fail(self.path, "must not be empty")
        return self.value

    def opt_text(self) -> str | None:
        return None if self.value is None else self.text(empty=True)

    def flag(self) -> bool:
        if not isinstance(self.value, bool):
            raise fail(self.path, f"expected true or false, got {quoted(self.value)}")
        return self.value

    def count(self) -> int:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise fail(self.path, f"expected a whole number, got {quoted(self.value)}")
        if self.value < 0:
            raise fail(self.path, f"must not be negative, got {self.value}")
        if self.value > MOST:
            raise fail(self.path, f"must be at most {MOST}, got {self.value}")
        return self.value

    def number(self) -> float:
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            raise fail(self.path, f"expected a number, got {quoted(self.value)}")
        if self.value < 0:
            raise fail(self.path, f"must not be negative, got {self.value}")
        if self.value > MOST:
            raise fail(self.path, f"must be at most {MOST}, got {self.value}")
        return float(self.value)

    def day(self) -> date:
        if isinstance(self.value, str) and len(self.value) == 10:
            try:
                return date.fromisoformat(self.value)
            except ValueError:
                pass
        raise fail(self.path, f"not a date: {quoted(self.value)} {DATE_FORM}")

    def opt_day(self) -> date | None:
        return None if self.value is None else self.day()

    def choice(self, allowed: Iterable[str]) -> str:
        allowed = tuple(allowed)
        if self.value not in allowed:
            raise fail(self.path, f"{quoted(self.value)} is not one of {', '.join(allowed)}")
        return str(self.value)

    def opt_choice(self, allowed: Iterable[str]) -> str | None:
        return None if self.value is None else self.choice(allowed)

    def fail(self, problem: str) -> PlacementFileError:
        return fail(self.path, problem)
