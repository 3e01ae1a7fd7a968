"""Turning a file's bytes into JSON values the reader can trust, or one line saying why not.

What a careless export, a broken editor or a hostile sender can put in a file, and what the
reader does (docs/decisions.md, "What the placement file reader accepts"):

- more than ``MAX_BYTES``: refused before it is decoded, so a huge file cannot fill memory;
- not UTF-8, not JSON, NaN or Infinity (not JSON either, though Python reads them);
- a key written twice in one object: the first value would be dropped without a word;
- text holding a broken character (an unpaired UTF-16 surrogate) or a control character
  other than tab and newline;
- a whole number beyond 64 bits or with more digits than any fact needs;
- objects and lists nested deeper than ``MAX_DEPTH``, which no placement file ever is.

Each is a ``PlacementFileError`` naming the JSON path, like every other bad file.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

MAX_BYTES: Final = 50 * 1024 * 1024  # a two-year placement of 20,000 events is 3 MB
MAX_DEPTH: Final = (
    12  # the deepest a placement file goes is 6 (supervisions[].case_direction[].actions[])
)
MAX_DIGITS: Final = 19  # any 64-bit whole number; no fact of a placement needs more
LIMIT_64: Final = 2**63 - 1
CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class PlacementFileError(ValueError):
    """A placement file that cannot be read; the message names the JSON path and the problem."""


class _Object(dict[str, Any]):
    """A JSON object as read, remembering a key that was written twice."""

    twice: str | None = None


class _Odd:
    """A value JSON's grammar allows Python to read but a placement cannot hold."""

    def __init__(self, problem: str) -> None:
        self.problem = problem


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    made = _Object(pairs)
    if len(made) != len(pairs):
        seen: set[str] = set()
        made.twice = next(k for k, _v in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
    return made


def _whole(digits: str) -> int | _Odd:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        return _Odd(f"a whole number of {len(digits.lstrip('-'))} digits; none is that long")
    return int(digits)


def _decimal(digits: str) -> float | _Odd:
    value = float(digits)
    return value if math.isfinite(value) else _Odd(f"{digits} is beyond any number stored")


def _constant(name: str) -> _Odd:
    return _Odd(f"{name} is not a number JSON allows")


# What a PE knows a record by, first found first: a case's reference, a record's id, the
# case a transition or a case direction is for.
LABEL_KEYS: Final = ("ref", "id", "case")
PLAIN_LABEL: Final = re.compile(r"[\w./ -]{1,30}")


def label_of(value: Any) -> str | None:
    """The name a PE knows a list item by (``EH-201``), when it has a plain one."""
    if isinstance(value, dict):
        for key in LABEL_KEYS:
            found = value.get(key)
            if isinstance(found, str) and PLAIN_LABEL.fullmatch(found) and found.strip():
                return found
    return None


def join(path: str, key: str | int, value: Any = None) -> str:
    """``cases`` + 1 → ``cases[1]``, or ``cases[1] (EH-201)`` when the item has a reference;
    ``cases[1]`` + ``ref`` → ``cases[1].ref``."""
    if isinstance(key, int):
        label = label_of(value)
        return f"{path}[{key}]" if label is None else f"{path}[{key}] ({label})"
    return key if path == "file" else f"{path}.{key}"


def shown(text: str, most: int = 40) -> str:
    """Text quoted safely for a message: broken characters escaped, long text cut."""
    cut = text if len(text) <= most else text[:most] + "…"
    return json.dumps(cut, ensure_ascii=not _encodable(cut))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text_problem(text: str) -> str | None:
    if not _encodable(text):
        return f"{shown(text)} holds a broken character (half of a UTF-16 pair)"
    found = CONTROL.search(text)
    if found:
        return (
            f"{shown(text)} holds a control character (code {ord(found.group())}); "
            "only tab and new line may appear in text"
        )
    return None


def _check(document: Any) -> None:
    """Walk every value once (no recursion: a deep file cannot exhaust the stack)."""
    stack: list[tuple[Any, str, int]] = [(document, "file", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, _Odd):
            raise PlacementFileError(f"{path}: {value.problem}")
        if isinstance(value, str):
            problem = _text_problem(value)
            if problem:
                raise PlacementFileError(f"{path}: {problem}")
        elif isinstance(value, int) and not isinstance(value, bool):
            if abs(value) > LIMIT_64:
                raise PlacementFileError(f"{path}: {value} is beyond any whole number stored")
        elif isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                raise PlacementFileError(
                    f"{path}: nested more than {MAX_DEPTH} levels deep; a placement file never is"
                )
            if isinstance(value, dict):
                if isinstance(value, _Object) and value.twice is not None:
                    raise PlacementFileError(
                        f'{path}: key "{value.twice}" is written twice; keep one'
                    )
                children = list(value.items())
                for key, _v in children:
                    problem = _text_problem(key)
                    if problem:
                        raise PlacementFileError(f"{path}: a key {problem}")
                stack.extend((v, join(path, k), depth + 1) for k, v in reversed(children))
            else:
                stack.extend(
                    (v, join(path, i, v), depth + 1) for i, v in reversed(list(enumerate(value)))
                )


NOT_OURS: Final = "this is not a Placement Tracker placement file"
RESTORE_HINT: Final = (
    "to put a database or a backup back, use restore (File › Backups… in the app, "
    "or placement-tracker restore)"
)
SQLITE_HEADER: Final = b"SQLite format 3\x00"


def _looks_like_csv(text: str) -> bool:
    """A spreadsheet's export: the first line is a row of separated cells, not JSON."""
    first = text.lstrip().partition("\n")[0]
    return first[:1] not in ("{", "[", '"') and any(sep in first for sep in (",", ";", "\t"))


def decode(text: str | bytes) -> Any:
    """The JSON values of a placement file's text, checked as above."""
    if isinstance(text, bytes) and text.startswith(SQLITE_HEADER):
        raise PlacementFileError(f"file: {NOT_OURS}: it looks like a database; {RESTORE_HINT}")
    if len(text) > MAX_BYTES:
        raise PlacementFileError(
            f"file: larger than {MAX_BYTES // (1024 * 1024)} MB; a placement file is far smaller "
            "(two years of records take 3 MB), so this is not one"
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PlacementFileError(
                f"file: {NOT_OURS}: it is not text (byte {exc.start} is not UTF-8), perhaps an "
                f"encrypted database; {RESTORE_HINT}"
            ) from None
    if not text.strip():
        raise PlacementFileError("file: empty file")
    try:
        document = json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_whole,
            parse_float=_decimal,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as exc:
        if _looks_like_csv(text):
            raise PlacementFileError(
                f"file: {NOT_OURS}: it looks like CSV (a spreadsheet's export); export the "
                "placement from Placement Tracker as a placement file (.json) instead"
            ) from None
        raise PlacementFileError(
            f"file: not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except RecursionError:
        raise PlacementFileError(
            f"file: nested more than {MAX_DEPTH} levels deep; a placement file never is"
        ) from None
    _check(document)
    return document
