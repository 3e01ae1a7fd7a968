"""Each rule as a PE reads it on the Compliance page: a title in words and what to do next.

The rule's id, severity, source and one-line summary stay in its registration
(``findings.rule``); this table only adds the words a list shows and the next step.
A test keeps it whole: every registered rule has an entry, and no entry is left over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from app.policy.findings import SEVERITIES, Finding


@dataclass(frozen=True, slots=True)
class Advice:
    title: str  # a few words, shown in the list instead of the id
    next_step: str  # what a PE does about it, in a sentence or two


ADVICE: Final[dict[str, Advice]] = {
    "educator.one-student": Advice(
        "Educator has another student at once",
        "Agree with your manager and the practice learning team who supervises one of the "
        "students, or record why two at once is agreed.",
    ),
    "allocation.during-induction": Advice(
        "Case allocated during induction",
        "Move the allocation to a day after the induction ends, or record a manager override "
        "with its reason.",
    ),
    "allocation.not-consulted": Advice(
        "Educator not consulted on allocation",
        "Open the case, record that you were consulted before it was allocated, or ask your "
        "manager to review the allocation with you.",
    ),
    "allocation.no-rationale": Advice(
        "No rationale for allocation",
        "Open the case and write why this child suits the student's learning now.",
    ),
    "allocation.statutory-lead": Advice(
        "Student leads a statutory case",
        "Change the student's role to co-worker or shadow, with a qualified keyworker leading.",
    ),
    "allocation.statutory-keyworker": Advice(
        "Statutory case with no keyworker",
        "Open the case and name the qualified keyworker the student works beside.",
    ),
    "allocation.pre-birth": Advice(
        "Student on a pre-birth assessment",
        "End the student's part in the case; a pre-birth assessment stays with qualified staff.",
    ),
    "allocation.many-workers": Advice(
        "Child has had many social workers",
        "Talk with your manager about whether one more change of worker is right for the "
        "child, and record the reason in the rationale.",
    ),
    "allocation.late-transition": Advice(
        "Child in transition near the end",
        "Consider a case that will not need a new worker just as the placement ends, or plan "
        "the handover now.",
    ),
    "allocation.conflict": Advice(
        "Conflict of interest",
        "Reallocate the case to someone without the conflict, or record a manager override.",
    ),
    "allocation.complex-early": Advice(
        "Complex case too early",
        "Hold complex or high-risk cases until the student has settled in, or record a "
        "manager override with a review date.",
    ),
    "allocation.no-briefing": Advice(
        "Student not briefed on the child",
        "Hold a one-to-one briefing on the child and family and record its date on the case.",
    ),
    "allocation.previous-worker": Advice(
        "Previous worker not consulted",
        "Speak with the child's previous social worker and record it on the case.",
    ),
    "allocation.worker-risk": Advice(
        "Risk to the student without a safety plan",
        "Agree a safety plan for visits (who goes, check-ins) and record it on the case.",
    ),
    "allocation.educator-absent": Advice(
        "Allocated while you were away, no cover",
        "Record who covered for you on the absence, or review the allocation now.",
    ),
    "allocation.override-review": Advice(
        "Manager override due for review",
        "Ask the manager who agreed the override to review it, and record the review date.",
    ),
    "placement.link-worker": Advice(
        "No link worker named",
        "Name a link worker on the placement's details, since you are also the team manager.",
    ),
    "caseload.over-cap": Advice(
        "Caseload above the cap",
        "End or hand back a case so the caseload is within the cap, or record a manager override.",
    ),
    "caseload.complexity": Advice(
        "Too many complex cases at once",
        "Rebalance the caseload: hand a high-complexity case back or wait before the next.",
    ),
    "caseload.too-fast": Advice(
        "Caseload growing too fast",
        "Space the next allocations out so the caseload builds up gradually.",
    ),
    "induction.incomplete": Advice(
        "Induction items not done",
        "Complete the missing induction items on the Induction page and date them.",
    ),
    "pcf.midpoint-review": Advice(
        "Midpoint PCF review missing",
        "Hold the midpoint review and record it on the PCF & learning page.",
    ),
    "pcf.final-review": Advice(
        "Final PCF review missing",
        "Hold the final review and record it on the PCF & learning page.",
    ),
    "learning.outcomes": Advice(
        "Learning outcomes without evidence",
        "Link evidence (a visit, a session or a case) to each outcome on the PCF & learning "
        "page, or plan work that will give it.",
    ),
    "ending.transition-plan": Advice(
        "No transition plan for a child",
        "Start the child's transition checklist on the Endings page.",
    ),
    "ending.transition-incomplete": Advice(
        "Transition checklist unfinished",
        "Complete the child's transition checklist on the Endings page.",
    ),
    "ending.case-open": Advice(
        "Case still open after the placement",
        "End the case on the Cases page: transferred, closed or handed back.",
    ),
    "ending.transfer-not-signed-off": Advice(
        "Transfer not signed off",
        "Record the day both managers signed the transfer off when ending the case.",
    ),
    "placement.days-short": Advice(
        "Placement days short",
        "Agree with the programme how the missing days are made up, and extend the end date "
        "if needed.",
    ),
    "supervision.weekly": Advice(
        "Supervision more than a week apart",
        "Book the next formal supervision within the week.",
    ),
    "supervision.fortnightly": Advice(
        "Supervision more than a fortnight apart",
        "Hold formal supervision now and record it; tell the programme if it keeps slipping.",
    ),
    "supervision.three-way": Advice(
        "Three-way supervision due",
        "Book a three-way session with the student and the on-site supervisor.",
    ),
    "supervision.caseload-not-discussed": Advice(
        "Caseload not discussed in supervision",
        "Discuss the whole caseload at the next session and tick it on the record.",
    ),
    "supervision.decisions-not-recorded": Advice(
        "Decisions not on the child's record",
        "Put the session's decisions on each child's record and tick it on the session.",
    ),
    "supervision.unsigned": Advice(
        "Supervision record not signed",
        "Both of you sign the record; date each signature on the session.",
    ),
    "case.direction": Advice(
        "Child not discussed for a fortnight",
        "Give case direction for the child at the next supervision.",
    ),
    "case.manager-oversight": Advice(
        "Manager oversight overdue",
        "Ask the team manager to review the child's case and record it as manager oversight.",
    ),
    "case.step-up-discussed": Advice(
        "Step-up not discussed",
        "Discuss the stepped-up case at the next supervision and give case direction.",
    ),
    "supervisor.supervision": Advice(
        "On-site supervisor's supervision overdue",
        "Record the on-site supervisor's own supervision on the Visits & observations page.",
    ),
    "absence.cover": Advice(
        "Absence without cover",
        "Name who covers the absence on the Absences tab.",
    ),
    "visit.joint-within-6-weeks": Advice(
        "Joint visit due",
        "Go on a joint visit with the student to this child and record it.",
    ),
    "visit.statutory-alone": Advice(
        "Statutory visit made alone",
        "Make statutory visits with a qualified worker; name who went on the visit.",
    ),
    "visit.plan-frequency": Advice(
        "Child not visited as the plan says",
        "Arrange a visit to the child and record it.",
    ),
    "visit.after-hours-checkin": Advice(
        "After-hours visit without check-in",
        "Agree the check-in for after-hours visits and record it on the visit.",
    ),
    "meeting.first-tac-chaired": Advice(
        "Student chaired a first TAC",
        "A qualified worker chairs a child's first TAC; talk it through in supervision.",
    ),
    "meeting.chair-not-assessed": Advice(
        "Chaired before assessed",
        "Record a chairing assessment before the student chairs again.",
    ),
    "meeting.review-chaired": Advice(
        "Student chaired a review",
        "A qualified worker chairs review meetings; talk it through in supervision.",
    ),
    "assessment.not-authorised": Advice(
        "Assessment not authorised",
        "Have a qualified worker authorise the assessment and name them on it.",
    ),
    "report.not-overseen": Advice(
        "Report without oversight",
        "Have a qualified worker oversee the report and name them on it.",
    ),
    "report.s7-early": Advice(
        "Section 7 report too early",
        "Keep section 7 reports for later in the placement, or co-write one with a "
        "qualified worker.",
    ),
    "plan.not-agreed": Advice(
        "Child's plan not agreed",
        "Have the plan agreed by a qualified worker and name them on it.",
    ),
    "interview.abe-by-student": Advice(
        "Student conducted an ABE interview",
        "Students may observe ABE interviews only; talk it through with your manager.",
    ),
    "decision.not-recorded": Advice(
        "Decision not recorded",
        "Put the decision on the child's record and tick it on the event.",
    ),
    "observation.count": Advice(
        "Direct observations short",
        "Plan the remaining direct observations with the student and record each one.",
    ),
}


def in_reading_order(finding: Finding) -> tuple[int, str, str]:
    """Breaches first, then warnings, then what is due; by date within each."""
    return (SEVERITIES.index(finding.severity), finding.date.isoformat(), finding.rule)
