"""Write the ready-made profiles in resources/profiles/: one per local authority whose own
documents are among the seeds, switching off every rule that cites only another
authority's documents (app/policy/sources.py ``asked_by``; the reasoning: docs/rules.md).

Run after a rule or a source changes: `python tools/ready_profiles.py`; a test checks the
shipped files are what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.interchange.profile_file import FORMAT  # noqa: E402
from app.policy.engine import rules  # noqa: E402
from app.policy.sources import AUTHORITIES, SOURCES, asked_by  # noqa: E402

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "profiles"


def ready_made() -> dict[str, str]:
    """File name to its text, for each authority."""
    import json

    made = {}
    for authority in AUTHORITIES:
        theirs = ", ".join(s.short for s in SOURCES if s.authority == authority)
        document = {
            "format": FORMAT,
            "name": authority,
            "description": f"The rules {authority}'s own documents ask for ({theirs}), with "
            "the general policies and the programme's requirements; the numbers are the "
            "documents' own.",
            "policy": {},
            "rules_off": sorted(r.id for r in rules() if not asked_by(r.source, authority)),
        }
        made[f"{authority.lower()}.json"] = json.dumps(document, indent=2) + "\n"
    return made


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, text in ready_made().items():
        (FOLDER / name).write_text(text, encoding="utf-8")
        print(f"wrote {FOLDER / name}")


if __name__ == "__main__":
    main()
