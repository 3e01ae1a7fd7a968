"""The ASYE hand-over as a document a new employer's assessor can read into their own
tools: ``placement-tracker-asye/1`` (docs/asye-handover.md)."""

from __future__ import annotations

import json
from typing import Final

from app.policy.handover import Handover

FORMAT: Final = "placement-tracker-asye/1"


def asye_document(h: Handover) -> dict[str, object]:
    return {
        "format": FORMAT,
        "student": {"name": h.student, "programme": h.programme},
        "placement": {
            "kind": "final",
            "setting": h.setting,
            "start": h.start.isoformat(),
            "end": h.end.isoformat(),
            "educator": h.educator,
            "onsite_supervisor": h.onsite_supervisor,
            "team_manager": h.team_manager,
        },
        "final_review": h.final_review.isoformat(),
        "pcf": {r.domain: {"rating": r.rating, "evidence": list(r.evidence)} for r in h.pcf},
        "strengths": list(h.strengths),
        "assessment": h.assessment,
        "development_needs": h.development_needs,
        "work": {
            "cases": [
                {"type": kind, "role": role, "count": n}
                for (kind, role), n in sorted(h.cases.items())
            ],
            "statutory_co_worked": h.statutory_co_worked,
            "statutory_visits": h.statutory_visits,
            "meetings_chaired": h.meetings_chaired,
            "observations": h.observations,
            "reports": dict(sorted(h.reports.items())),
        },
        "supervision": {
            "sessions": h.supervision_sessions,
            "every_days": h.supervision_every_days,
        },
    }


def asye_json(h: Handover) -> str:
    return json.dumps(asye_document(h), ensure_ascii=False, indent=2) + "\n"
