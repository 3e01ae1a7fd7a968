"""Columns made from a plain record's fields, so a fact is defined once (``Case``, ``Event``).

Each field of the dataclass becomes a column of the same name (a trailing ``_`` dropped:
``with_`` is the column ``with``), typed from its annotation: text (``String(length)`` when
the field's ``fact`` gives one, else ``Text``), date, flag, whole number, or a list kept as
JSON. A nested record (``SteppedUp``) becomes one nullable column per part
(``stepped_up_date``, ``stepped_up_from``). A field the mapped class declares itself (the
reference, the kind) is left to it, and so is any field named in ``skip``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, Integer, String, Text
from sqlalchemy.orm import mapped_column
from sqlalchemy.types import TypeEngine

from app.policy.snapshot import optional_of

_SIMPLE: dict[type, type[TypeEngine[Any]]] = {
    dt.date: Date,
    bool: Boolean,
    int: Integer,
    float: Float,
}


@dataclass(frozen=True, slots=True)
class Column:
    """One stored column of a field (a nested record's part has ``part`` set)."""

    field: str  # the dataclass field
    part: str | None  # the nested record's field, or None
    attribute: str  # the mapped attribute on the ORM class
    name: str  # the column's name in the table
    kind: type  # date, bool, int, float, str or tuple
    nullable: bool
    length: int | None
    default: Any
    item: Any = None  # a list's records (a dataclass), stored as JSON objects


@cache
def columns_of(record: type, skip: frozenset[str] = frozenset()) -> tuple[Column, ...]:
    """The columns ``record``'s fields are stored in, in field order."""
    hints = typing.get_type_hints(record)
    found: list[Column] = []
    for f in dataclasses.fields(record):
        if f.name in skip:
            continue
        kind, nullable = optional_of(hints[f.name])
        default = None if f.default is dataclasses.MISSING else f.default
        if dataclasses.is_dataclass(kind):
            part_hints = typing.get_type_hints(kind)
            for part in dataclasses.fields(kind):
                part_kind, _ = optional_of(part_hints[part.name])
                name = f"{f.name}_{part.name.rstrip('_')}"
                found.append(
                    Column(
                        f.name,
                        part.name,
                        name,
                        name,
                        part_kind,
                        True,
                        part.metadata.get("length"),
                        None,
                    )
                )
            continue
        item = None
        if typing.get_origin(kind) is tuple:
            held = typing.get_args(kind)[0]
            item = held if dataclasses.is_dataclass(held) else None  # kept as JSON objects
            kind = tuple
        found.append(
            Column(
                f.name,
                None,
                f.name,
                f.name.rstrip("_"),
                kind,
                nullable,
                f.metadata.get("length"),
                list(default) if isinstance(default, tuple) else default,
                item,
            )
        )
    return tuple(found)


def column_type(c: Column) -> TypeEngine[Any]:
    if c.kind is str:
        return String(c.length) if c.length else Text()
    if c.kind is tuple:
        return JSON()
    return _SIMPLE[c.kind]()


def add_columns(mapped: type, record: type, skip: Iterable[str] = ()) -> None:
    """Give the ORM class ``mapped`` a column for each of ``record``'s fields it lacks."""
    declared = set(mapped.__table__.c.keys())  # type: ignore[attr-defined]
    for c in columns_of(record, frozenset(skip)):
        if c.name in declared:
            continue
        default = None if c.nullable else c.default
        if isinstance(default, list):  # a fresh list for every row, never one shared
            default = lambda: []  # noqa: E731
        column = mapped_column(c.name, column_type(c), nullable=c.nullable, default=default)
        setattr(mapped, c.attribute, column)


def row_values(value: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    """A record's fields as the ORM attributes they are stored in."""
    out: dict[str, Any] = {}
    record: Any = type(value)
    for c in columns_of(record, frozenset(skip)):
        v = getattr(value, c.field)
        if c.part is not None:
            v = None if v is None else getattr(v, c.part)
        elif c.kind is tuple:
            v = [dataclasses.asdict(x) for x in v] if c.item is not None else list(v)
        out[c.attribute] = v
    return out


def field_values(
    record: type, stored: Mapping[str, Any], skip: Iterable[str] = ()
) -> dict[str, Any]:
    """The fields of ``record`` from stored column values (by column name)."""
    out: dict[str, Any] = {}
    parts: dict[str, dict[str, Any]] = {}
    for c in columns_of(record, frozenset(skip)):
        v = stored[c.name]
        if c.kind is bool and v is not None:
            v = bool(v)
        if c.part is not None:
            parts.setdefault(c.field, {})[c.part] = v
        elif c.kind is tuple:
            out[c.field] = tuple(c.item(**x) for x in v or ()) if c.item else tuple(v or ())
        else:
            out[c.field] = v
    for name, values in parts.items():
        nested = _nested(record)[name]
        out[name] = None if all(v is None for v in values.values()) else nested(**values)
    return out


@cache
def _nested(record: type) -> dict[str, type]:
    """The fields of ``record`` that hold a nested record, and its class."""
    hints = typing.get_type_hints(record)
    found = {}
    for f in dataclasses.fields(record):
        kind, _ = optional_of(hints[f.name])
        if dataclasses.is_dataclass(kind) and isinstance(kind, type):
            found[f.name] = kind
    return found
