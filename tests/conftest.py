"""Shared fixtures: a real SQLite file per test, offscreen Qt, settings in a temp file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings  # noqa: E402

# CI runs the same examples every time (a red build must be reproducible); locally,
# property tests keep exploring new ones.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

from app.db import Database  # noqa: E402
from app.policy.snapshot import Placement  # noqa: E402
from app.services.placements import new_placement  # noqa: E402

AS_OF = date(2026, 11, 23)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "placements.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database(db_path)
    yield database
    database.close()


@pytest.fixture
def as_of() -> date:
    return AS_OF


def sam_placement(**changes: object) -> Placement:
    """The invented placement most tests start from: Sam's first placement in Early Help,
    5 Jan to 24 Apr 2026, with Pat as educator and Lee as team manager."""
    details: dict[str, object] = {
        "student": "Sam Student", "kind": "first", "setting": "early-help", "start": date(2026, 1, 5),
        "end": date(2026, 4, 24), "educator": "Pat Educator", "team_manager": "Lee Manager",
    }  # fmt: skip
    return new_placement(**{**details, **changes})  # type: ignore[arg-type]
