"""A fuzzer over the placement file reader: valid files (the shared example, the demo's
export, generated ones), mutated as a careless editor or a hostile sender would, must either
import cleanly and export back equal, or be refused with one line that names a JSON path;
never a traceback, never "unexpected", never half a placement stored.

`make test` runs a short round; `make fuzz` runs it for ten minutes (``PT_FUZZ_EXAMPLES``)
and saves every file that fails to ``fuzz-failures/``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db import Database
from app.interchange.placement_file import PlacementFileError, dumps, loads, to_document
from app.services.demo import demo_snapshot
from app.services.placement_files import export_text, import_placement
from tests.interchange.strategies import snapshots

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT.parent / "shared" / "examples" / "first-placement.json"
EXAMPLES = int(os.environ.get("PT_FUZZ_EXAMPLES", "60"))
FAILURES = ROOT / "fuzz-failures"
# A refusal is "<JSON path>: <problem>": the path is "file" or a key with [index] and .key parts.
REFUSAL = re.compile(r"^(file|[A-Za-z_][\w-]*(\[\d+\]( \([\w./ -]+\))?|\.[^:\[\]]+)*): \S")

SEEDS: list[Any] = [to_document(demo_snapshot(date(2026, 11, 23)))]
if EXAMPLE.exists():
    SEEDS.append(json.loads(EXAMPLE.read_text(encoding="utf-8")))

ODD_VALUES: list[Any] = [
    None, True, False, 0, -1, 1.5, -0.0, "", "  ", "x", [], {}, [None], {"": None},
    2**31, 2**63, 2**64, -(2**63) - 1, 10**30, 1e308, "2026-02-30", "\u0000", "\ud800",
]  # fmt: skip
WILD_TEXT = st.text(st.characters(), max_size=12)  # every code point, surrogates included


def places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document, as the keys and indexes leading to it."""
    found = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            found += places(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += places(v, (*path, i))
    return found


def at(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A placement file's text after one to three mutations."""
    if draw(st.booleans()):
        doc = json.loads(json.dumps(draw(st.sampled_from(SEEDS))))
    else:
        doc = json.loads(dumps(draw(snapshots())))
    duplicate: tuple[tuple[Any, ...], str] | None = None
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(places(doc)))
        parent = at(doc, where[:-1]) if where else None
        key = where[-1] if where else None
        how = draw(st.sampled_from(
            ["drop", "rename", "duplicate", "odd", "wild", "nest", "number"]))  # fmt: skip
        if parent is None:
            continue
        if how == "drop":
            del parent[key]
        elif how == "rename" and isinstance(parent, dict):
            parent[f"{key}{draw(st.sampled_from(['s', '_', 'X', ' ']))}"] = parent.pop(key)
        elif how == "duplicate" and isinstance(parent, dict):
            duplicate = (where[:-1], key)
            parent[f"{key}\x00DUPLICATE"] = draw(st.sampled_from(ODD_VALUES))
        elif how == "odd":
            parent[key] = draw(st.sampled_from(ODD_VALUES))
        elif how == "wild":
            parent[key] = draw(WILD_TEXT)
        elif how == "nest":
            value = parent[key]
            for _ in range(draw(st.integers(1, 40))):
                value = [value]
            parent[key] = value
        elif how == "number":
            parent[key] = draw(st.integers(-(2**70), 2**70) | st.floats(allow_nan=False))
    text = json.dumps(doc, ensure_ascii=True)
    if duplicate is not None:
        _where, key = duplicate
        text = text.replace(json.dumps(f"{key}\x00DUPLICATE"), json.dumps(key))
    if draw(st.integers(0, 9)) == 0:  # truncated, as a file copied half-way
        text = text[: draw(st.integers(0, len(text)))]
    return text


def save_failure(text: str) -> Path:
    FAILURES.mkdir(exist_ok=True)
    path = FAILURES / f"failure-{abs(hash(text)):x}.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def check_one(text: str, folder: Path) -> None:
    """Read ``text`` as the app and the commands do: a clean import that exports back
    equal, or one line naming a path, and nothing stored."""
    file = folder / "placement.json"
    file.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    db = Database(folder / "placements.sqlite")
    try:
        try:
            expected = loads(file.read_bytes())
        except PlacementFileError as exc:
            message = str(exc)
            assert "\n" not in message and "unexpected" not in message.lower(), message
            assert REFUSAL.match(message), message
            try:
                import_placement(db, file)
            except PlacementFileError as again:
                assert str(again) == message
            else:
                raise AssertionError("import took a file that check refused") from None
            assert db.placement_count() == 0, "half a placement stored"
            return
        pid = import_placement(db, file)
        assert loads(export_text(db, pid)) == expected
    finally:
        db.close()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_every_mutated_file_is_imported_whole_or_refused_in_one_line(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            check_one(text, Path(folder))
        except BaseException:
            if os.environ.get("PT_FUZZ_EXAMPLES"):
                save_failure(text)
            raise


def test_the_refusal_pattern_knows_a_path_from_a_sentence() -> None:
    assert REFUSAL.match('cases[1].allocated: not a date: "2026-13-01"')
    assert REFUSAL.match('cases[1] (EH-201).allocated: not a date: "2026-13-01"')
    assert REFUSAL.match("file: not JSON: Expecting value at line 1 column 1")
    assert REFUSAL.match("induction.x-my item: unknown item")
    assert not REFUSAL.match("An unexpected problem stopped it.")
