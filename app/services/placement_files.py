"""Import and export of placement files: all or nothing, with an audit line."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.db import Database
from app.interchange.placement_file import PlacementFileError, dumps
from app.paths import odd_target
from app.policy.snapshot import PlacementSnapshot
from app.services.audit import record_change
from app.services.checking import read_placement_file
from app.services.placements import PlacementService
from app.services.snapshot import load_snapshot, store_snapshot

__all__ = ["ExportProblem", "PlacementFileError", "export_placement", "import_placement"]


class ExportProblem(ValueError):
    """Which placement to export is unclear, or the file cannot be written."""


def import_placement(db: Database, path: Path) -> int:
    """Read ``path`` whole, then store it in one transaction; returns the new placement's id."""
    return store_placement(db, read_placement_file(path), path.name)


def store_placement(db: Database, snapshot: PlacementSnapshot, file_name: str) -> int:
    """Store a placement read whole from a file, in one transaction; the new placement's id."""
    with db.unit_of_work() as session:
        record = store_snapshot(session, snapshot)
        record_change(
            session,
            "placement.imported",
            placement_id=record.id,
            subject="placement",
            detail={
                "file": file_name,
                "cases": len(snapshot.cases),
                "events": len(snapshot.events),
            },
        )
        return record.id


def choose_placement(db: Database, placement_id: int | None) -> int:
    """The placement to act on: the one named, or the only one in the database."""
    placements = PlacementService(db).list_placements()
    if placement_id is not None:
        if placement_id not in {p.id for p in placements}:
            raise ExportProblem(f"There is no placement {placement_id} in {db.path}.")
        return placement_id
    if not placements:
        raise ExportProblem(f"There is no placement in {db.path} yet.")
    if len(placements) > 1:
        listing = "; ".join(f"{p.id}: {p.label}" for p in placements)
        raise ExportProblem(
            f"{db.path} holds {len(placements)} placements; choose one with --placement ID ({listing})."
        )
    return placements[0].id


def export_text(db: Database, placement_id: int) -> str:
    with db.unit_of_work() as session:
        text = dumps(load_snapshot(session, placement_id))
        record_change(session, "placement.exported", placement_id=placement_id, subject="placement")
    return text


def write_atomically(path: Path, text: str) -> None:
    """Write text via a temporary file in the same folder, so a failure never leaves half a file."""
    write_atomically_bytes(path, text.encode("utf-8"))


def write_atomically_bytes(path: Path, data: bytes) -> None:
    """Write bytes via a temporary file in the same folder, so a failure never leaves half a file."""
    path = path.expanduser()
    odd = odd_target(path)
    if odd:
        raise ExportProblem(f"Not saved: {odd}.")
    try:
        fd, tmp = tempfile.mkstemp(
            dir=path.parent if str(path.parent) else ".", prefix=".export-", suffix=".tmp"
        )
    except OSError as exc:
        raise ExportProblem(f"Cannot write to {path.parent}: {exc.strerror}.") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportProblem(f"Cannot write {path}: {exc.strerror}.") from None


def export_placement(db: Database, placement_id: int | None, path: Path) -> int:
    chosen = choose_placement(db, placement_id)
    write_atomically(path, export_text(db, chosen))
    return chosen
