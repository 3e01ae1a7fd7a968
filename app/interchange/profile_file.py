"""``placement-tracker-profile/1``: a local authority's policy profile as a file it hands to
its PEs: a name, an optional description, the parameters it sets and the rules it switches
off (``shared/docs/interchange-format.md``, "Policy profile file").

A placement file may carry the profile its placement was checked under in the same shape,
without ``format`` (``docs/interchange-extensions.md``).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

from app.interchange.decoding import PlacementFileError, decode
from app.policy.engine import rules
from app.policy.profile import DEFAULT_PROFILE, PolicyProfile, ProfileError, validate_overrides

FORMAT: Final = "placement-tracker-profile/1"
NAME_MAX: Final = 80
DESCRIPTION_MAX: Final = 500
MAX_BYTES: Final = 1024 * 1024  # a profile is a few hundred bytes
KEYS: Final = ("format", "name", "description", "policy", "rules_off")


class ProfileFileError(ValueError):
    """A profile that cannot be used: ``where`` (the JSON path) and the problem, one line."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where, self.problem = where, problem


def read_profile(path: Path) -> PolicyProfile:
    """A profile file, checked whole; ProfileFileError names the path in the file."""
    try:
        if path.is_file() and path.stat().st_size > MAX_BYTES:
            raise ProfileFileError("file", "larger than 1 MB; a policy profile is far smaller")
        document = decode(path.read_bytes())
    except OSError as exc:
        raise ProfileFileError("file", f"cannot be read: {exc.strerror or exc}") from None
    except PlacementFileError as exc:
        where, _, problem = str(exc).partition(": ")
        raise ProfileFileError(
            where, problem.replace("placement file", "policy profile file")
        ) from None
    return profile_from(document, require_format=True)


def profile_from(document: Any, where: str = "", require_format: bool = False) -> PolicyProfile:
    """A profile from its JSON object (a file's whole, or a placement file's ``profile``)."""
    at = f"{where}." if where else ""
    if not isinstance(document, dict):
        raise ProfileFileError(where or "file", "expected an object (a policy profile)")
    for key in document:
        if key not in KEYS or (key == "format" and not require_format):
            raise ProfileFileError(f"{at}{key}", f"unknown key; a profile has {', '.join(KEYS)}")
    if require_format and document.get("format") != FORMAT:
        raise ProfileFileError(
            f"{at}format", f"expected {FORMAT!r}, got {document.get('format')!r}"
        )
    name = document.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ProfileFileError(f"{at}name", "a profile needs a name (1 to 80 characters)")
    if len(name.strip()) > NAME_MAX:
        raise ProfileFileError(f"{at}name", f"longer than {NAME_MAX} characters")
    description = document.get("description", "")
    if not isinstance(description, str) or len(description) > DESCRIPTION_MAX:
        raise ProfileFileError(f"{at}description", f"text of at most {DESCRIPTION_MAX} characters")
    policy = document.get("policy", {})
    if not isinstance(policy, dict):
        raise ProfileFileError(f"{at}policy", "expected an object of parameters")
    try:
        numbers = validate_overrides(policy)
    except ProfileError as exc:
        raise ProfileFileError(f"{at}policy.{exc.name}", exc.problem) from None
    off = document.get("rules_off", [])
    if not isinstance(off, list):
        raise ProfileFileError(f"{at}rules_off", "expected a list of rule ids")
    known = {r.id for r in rules()}
    seen: set[str] = set()
    for i, rule in enumerate(off):
        if not isinstance(rule, str) or rule not in known:
            raise ProfileFileError(f"{at}rules_off[{i}]", f"unknown rule id {rule!r}")
        if rule in seen:
            raise ProfileFileError(f"{at}rules_off[{i}]", f"{rule} is listed twice")
        seen.add(rule)
    return replace(
        DEFAULT_PROFILE.with_overrides(numbers),
        rules_off=frozenset(seen),
        authority=name.strip(),
        description=description.strip(),
    )


def profile_object(profile: PolicyProfile) -> dict[str, Any]:
    """A profile as JSON (without ``format``): its name as shown, so a profile changed here
    is never handed on under the authority's bare name."""
    document: dict[str, Any] = {"name": profile.name}
    if profile.description:
        document["description"] = profile.description
    document["policy"] = profile.differences()
    document["rules_off"] = sorted(profile.rules_off)
    return document


def profile_json(profile: PolicyProfile) -> str:
    """The profile file Settings › Export profile… writes."""
    return json.dumps({"format": FORMAT, **profile_object(profile)}, indent=2) + "\n"


def profile_state(profile: PolicyProfile) -> dict[str, Any]:
    """A profile exactly as it stands, for the app's settings and a placement's row: unlike
    a file, it keeps whether it was changed here and has no name when it is the default."""
    return {
        "authority": profile.authority,
        "description": profile.description,
        "policy": profile.differences(),
        "rules_off": sorted(profile.rules_off),
        "changed_here": profile.changed_here,
    }


def profile_from_state(state: Any) -> PolicyProfile:
    """``profile_state``'s dict back; ProfileFileError when it is not one (a hand-edited
    settings file): the caller falls back to the defaults."""
    if not isinstance(state, dict):
        raise ProfileFileError("profile", "expected an object")
    authority = state.get("authority") or ""
    document = {
        "name": authority or "default",
        "description": state.get("description") or "",
        "policy": state.get("policy") or {},
        "rules_off": state.get("rules_off") or [],
    }
    made = profile_from(document, "profile")
    return replace(
        made, authority=authority, changed_here=bool(authority and state.get("changed_here"))
    )
