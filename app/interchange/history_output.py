"""``placement-tracker history``: the placement's history as text for a terminal, or as
``placement-tracker-history/1`` JSON for another program (newest first, as shown in the app)."""

from __future__ import annotations

import json

from app.policy.calendar import uk_date
from app.policy.history import KINDS, HistoryFilter, HistoryLine
from app.policy.snapshot import Placement

FORMAT = "placement-tracker-history/1"


def history_text(placement: Placement, lines: list[HistoryLine], chosen: HistoryFilter) -> str:
    out = [
        f"History of {placement.student}'s placement ({uk_date(placement.start)} to "
        f"{uk_date(placement.end)}): {chosen.describe()}, {len(lines)} "
        f"change{'s' if len(lines) != 1 else ''}, newest first."
    ]
    for x in lines:
        out.append(f"{uk_date(x.at.date())} {x.at:%H:%M}  {x.what}  [{x.record}; {x.who}]")
    return "\n".join(out) + "\n"


def history_json(placement: Placement, lines: list[HistoryLine], chosen: HistoryFilter) -> str:
    document = {
        "format": FORMAT,
        "student": placement.student,
        "placement": {"start": placement.start.isoformat(), "end": placement.end.isoformat()},
        "shown": chosen.describe(),
        "lines": [
            {
                "at": x.at.isoformat(timespec="seconds"),
                "what": x.what,
                "record": x.record,
                "who": x.who,
                "kind": KINDS.get(x.kind, x.kind),
                "cases": list(x.cases),
                "action": x.action,
            }
            for x in lines
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
