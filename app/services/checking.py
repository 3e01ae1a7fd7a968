"""Checking a placement against the policy: from a file (``check``) or from the database (the app).

Both paths end in the same ``evaluate`` call with the same profile rules, so the command
line and the Compliance page agree. This module stays free of SQLAlchemy and Qt so that
``placement-tracker check`` starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.interchange.decoding import MAX_BYTES
from app.interchange.placement_file import PlacementFileError, loads
from app.policy.engine import evaluate
from app.policy.findings import Finding
from app.policy.profile import DEFAULT_PROFILE, PolicyProfile
from app.policy.snapshot import PlacementSnapshot


def profile_for(
    snapshot: PlacementSnapshot, base: PolicyProfile = DEFAULT_PROFILE
) -> PolicyProfile:
    """The profile a placement is checked under: its own (if it has one) or ``base`` (the
    app's, or ``check --profile``'s), with the placement's own ``policy`` on top."""
    return (snapshot.profile or base).with_overrides(snapshot.policy)


def findings_for(
    snapshot: PlacementSnapshot, as_of: date, base: PolicyProfile = DEFAULT_PROFILE
) -> list[Finding]:
    return evaluate(snapshot, as_of, profile_for(snapshot, base))


def read_placement_file(path: Path) -> PlacementSnapshot:
    """Read and validate a placement file; every problem is one PlacementFileError sentence."""
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            raise PlacementFileError(
                f"file: {path} is not a regular file (a device, a pipe or a socket)"
            )
        if path.is_file() and path.stat().st_size > MAX_BYTES:
            raise PlacementFileError(
                f"file: larger than {MAX_BYTES // (1024 * 1024)} MB; a placement file is far "
                "smaller (two years of records take 3 MB), so this is not one"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlacementFileError(f"file: no such file: {path}") from None
    except IsADirectoryError:
        raise PlacementFileError(f"file: {path} is a folder, not a placement file") from None
    except OSError as exc:
        raise PlacementFileError(f"file: cannot read {path}: {exc.strerror}") from None
    return loads(data)


def check_file(path: Path, as_of: date, profile: PolicyProfile | None = None) -> list[Finding]:
    """``check FILE``: under ``profile`` (``--profile``) when given, which then takes the
    place of a profile the file carries; the file's ``policy`` still goes on top."""
    snap = read_placement_file(path)
    return evaluate(snap, as_of, checked_under(snap, profile))


def checked_under(snap: PlacementSnapshot, profile: PolicyProfile | None) -> PolicyProfile:
    if profile is not None:
        return profile.with_overrides(snap.policy)
    return profile_for(snap)


@dataclass(frozen=True, slots=True)
class FileChecked:
    """One file of a coordinator's check: its placement and findings, or why it was not read."""

    file: Path
    snapshot: PlacementSnapshot | None = None
    findings: tuple[Finding, ...] = ()
    error: str | None = None


def check_files(
    paths: list[Path], as_of: date, profile: PolicyProfile | None = None
) -> list[FileChecked]:
    """Several placement files checked together, in the order given: each against the
    rules, and against the others for the rules across placements (one student per
    educator). A file that cannot be read is reported in its place; the rest still are."""
    read: list[tuple[Path, PlacementSnapshot | None, str | None]] = []
    for path in paths:
        try:
            read.append((path, read_placement_file(path), None))
        except PlacementFileError as exc:
            read.append((path, None, str(exc)))
    placements = [snap.placement for _p, snap, _e in read if snap is not None]
    done = []
    for path, snap, error in read:
        if snap is None:
            done.append(FileChecked(path, error=error))
            continue
        others = tuple(p for p in placements if p is not snap.placement)
        found = evaluate(snap, as_of, checked_under(snap, profile), others)
        done.append(FileChecked(path, snap, tuple(found)))
    return done
