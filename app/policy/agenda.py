"""What comes up next: the PE's agenda for the coming days (not findings: nothing is breached yet).

Deadlines come from the same terms and profile the rules use, so the agenda and the
Compliance page never disagree about when something is due.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from app.policy.calendar import uk_date
from app.policy.profile import PolicyProfile
from app.policy.snapshot import PlacementSnapshot, Supervision
from app.policy.terms import (
    as_of_view,
    discussed_after_step_up,
    is_caseload,
    joint_visit_deadline,
    placement_midpoint,
    step_up_deadline,
)
from app.policy.vocabulary import CASE_TYPE_LABELS, TRANSITION_ITEMS, VISIT_KINDS, WEEKDAYS
from app.policy.wording import every

# Where each item is done (the views map these to pages).
CASES, SUPERVISION, VISITS, PCF, ENDINGS = "cases", "supervision", "visits", "pcf", "endings"


@dataclass(frozen=True, slots=True)
class AgendaItem:
    day: date
    what: str
    text: str
    place: str
    subject: str  # "case:<ref>" or "placement"

    def overdue(self, as_of: date) -> bool:
        return self.day < as_of


def next_supervision(
    snapshot: PlacementSnapshot, last: Supervision | None, profile: PolicyProfile
) -> tuple[date, str]:
    """When the next supervision is due: the date the last record planned, else the agreed
    pattern (weekday and interval of the supervision agreement), else weekly from the last."""
    if last is not None and last.next and last.next > last.date:
        return last.next, "planned at the last one"
    agreed = snapshot.supervision_agreement
    every = agreed.every_days if agreed else profile.supervision_days
    start = snapshot.placement.start
    if agreed is None or agreed.weekday is None:
        day = (last.date if last is not None else start) + timedelta(days=every)
        return day, "weekly" if every == 7 else f"every {every} days"
    day = last.date + timedelta(days=max(1, every - 6)) if last is not None else start
    target = WEEKDAYS.index(agreed.weekday)
    day += timedelta(days=(target - day.weekday()) % 7)
    when = f" {agreed.time}" if agreed.time else ""
    return day, f"{agreed.weekday.capitalize()}{when}, as agreed"


def agenda(
    snapshot: PlacementSnapshot, as_of: date, profile: PolicyProfile, horizon: int = 7
) -> list[AgendaItem]:
    """Everything due on or before ``as_of + horizon`` that is not done yet, soonest first."""
    p = snapshot.placement
    if as_of > p.end or p.archived:
        return []
    seen = as_of_view(snapshot, as_of)
    until = as_of + timedelta(days=horizon)
    items: list[AgendaItem] = []

    supervisions = sorted(seen.supervisions, key=lambda s: s.date)
    if supervisions or as_of >= p.start:
        day, why = next_supervision(snapshot, supervisions[-1] if supervisions else None, profile)
        label = "Next supervision" if supervisions else "First supervision"
        items.append(AgendaItem(day, "Supervision", f"{label} ({why})", SUPERVISION, "placement"))

    discussed: dict[str, list[date]] = defaultdict(list)
    for s in supervisions:
        for ref in s.cases_discussed:
            discussed[ref].append(s.date)
    oversight: dict[str, list[date]] = defaultdict(list)
    joint: dict[str, list[date]] = defaultdict(list)
    visits: dict[str, list[date]] = defaultdict(list)
    for e in seen.events:
        if e.case and e.kind == "manager-oversight":
            oversight[e.case].append(e.date)
        elif e.case and e.kind == "joint-visit":
            joint[e.case].append(e.date)
        if e.case and e.kind in VISIT_KINDS:
            visits[e.case].append(e.date)

    for c in seen.cases:
        subject = f"case:{c.ref}"
        o = c.manager_override
        if c.ended is None and o is not None and o.reviewed is None:
            items.append(
                AgendaItem(
                    o.review_by,
                    "Override review",
                    f"Review the manager override for {c.ref} with {o.by}",
                    CASES,
                    subject,
                )
            )
        if not is_caseload(c) or c.ended is not None:
            continue
        deadline = joint_visit_deadline(c, profile)
        if not any(0 <= (d - c.allocated).days <= profile.joint_visit_days for d in joint[c.ref]):
            items.append(
                AgendaItem(
                    deadline,
                    "Joint visit",
                    f"First joint visit for {c.ref} (allocated {uk_date(c.allocated)})",
                    VISITS,
                    subject,
                )
            )
        last_direction = max([c.allocated, *discussed[c.ref]])
        items.append(
            AgendaItem(
                last_direction + timedelta(days=profile.direction_days),
                "Case direction",
                f"Discuss {c.ref} in supervision",
                SUPERVISION,
                subject,
            )
        )
        if c.student_role == "lead" and c.visit_every_days:  # the child's plan (003 §3.1)
            last_visit = max([c.allocated, *visits[c.ref]])
            items.append(
                AgendaItem(
                    last_visit + timedelta(days=c.visit_every_days),
                    "Visit",
                    f"Visit {c.ref}: the child's plan says every {every(c.visit_every_days)}",
                    VISITS,
                    subject,
                )
            )
        step = c.stepped_up
        if step is not None and not discussed_after_step_up(step.date, discussed[c.ref], profile):
            items.append(
                AgendaItem(
                    step_up_deadline(step.date, profile),
                    "Step-up",
                    f"Discuss {c.ref}'s step-up to {CASE_TYPE_LABELS[c.type]} in supervision",
                    SUPERVISION,
                    subject,
                )
            )
        last_oversight = max([c.allocated, *oversight[c.ref]])
        items.append(
            AgendaItem(
                last_oversight + timedelta(days=profile.oversight_days),
                "Manager oversight",
                f"Manager oversight of {c.ref} ({p.team_manager})",
                CASES,
                subject,
            )
        )

    planning_from = p.end - timedelta(days=profile.transition_notice_days)
    transitions = {t.case: t.items for t in seen.transitions}
    for c in seen.cases:
        if is_caseload(c) and c.ended is None:
            done = sum(1 for k in TRANSITION_ITEMS if k in transitions.get(c.ref, {}))
            if done < len(TRANSITION_ITEMS):
                items.append(
                    AgendaItem(
                        planning_from,
                        "Ending",
                        f"Transition checklist for {c.ref}: {done} of {len(TRANSITION_ITEMS)} done",
                        ENDINGS,
                        f"case:{c.ref}",
                    )
                )

    stages = {r.stage for r in seen.pcf_reviews}
    if "midpoint" not in stages:
        due = placement_midpoint(p) + timedelta(days=profile.review_grace_days)
        items.append(AgendaItem(due, "PCF review", "Midpoint PCF review", PCF, "placement"))
    if "final" not in stages:
        items.append(AgendaItem(p.end, "PCF review", "Final PCF review", PCF, "placement"))

    due_soon = [i for i in items if i.day <= until]
    return sorted(due_soon, key=lambda i: (i.day, i.what, i.subject))
