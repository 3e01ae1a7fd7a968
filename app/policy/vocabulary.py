"""The words of a placement: every enumeration of the placement file, defined once.

The file reader, the database, the rule engine and the screens all take their lists from
here, so a new case type or checklist item is added in one place.
"""

from __future__ import annotations

from typing import Final

WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_WORKING_DAYS: Final = ("mon", "tue", "wed", "thu", "fri")

PLACEMENT_KINDS: Final = ("first", "final")
SETTINGS: Final = ("early-help", "cin", "other")
SETTING_LABELS: Final = {
    "early-help": "Early help",
    "cin": "Children in need",
    "other": "Other setting",
}
DEFAULT_REQUIRED_DAYS: Final = {"first": 70, "final": 100}
DEFAULT_INDUCTION_DAYS: Final = 10

CASE_TYPES: Final = (
    "early-help",
    "cin",
    "tac",
    "cp",
    "s47",
    "lac",
    "pre-proceedings",
    "proceedings",
    "supervision-order",
    "pre-birth",
)
# 004 §2.1: a student may co-work or shadow these, never lead.
STATUTORY_CASE_TYPES: Final = frozenset(
    {"cp", "s47", "lac", "pre-proceedings", "proceedings", "supervision-order"}
)
# A step-up is from one of these to a statutory type (003 §4.2).
NON_STATUTORY_CASE_TYPES: Final = tuple(t for t in CASE_TYPES if t not in STATUTORY_CASE_TYPES)
CASE_TYPE_LABELS: Final = {
    "early-help": "Early help",
    "cin": "Child in need",
    "tac": "Team around the child",
    "cp": "Child protection",
    "s47": "Section 47 enquiry",
    "lac": "Looked-after child",
    "pre-proceedings": "Pre-proceedings",
    "proceedings": "Care proceedings",
    "supervision-order": "Supervision order",
    "pre-birth": "Pre-birth assessment",
}

STUDENT_ROLES: Final = ("lead", "co-worker", "shadow")
ROLE_LABELS: Final = {"lead": "Lead", "co-worker": "Co-worker", "shadow": "Shadow"}
# Shadowed cases are learning opportunities, not caseload.
CASELOAD_ROLES: Final = frozenset({"lead", "co-worker"})
LEVELS: Final = ("low", "medium", "high")
ENDINGS: Final = ("closed", "transferred", "stays-with-named-worker")
ENDING_LABELS: Final = {
    "closed": "Closed",
    "transferred": "Transferred",
    "stays-with-named-worker": "Stays with the named worker",
}
ABSENCE_WHO: Final = ("student", "educator", "onsite_supervisor")
ABSENCE_WHO_LABELS: Final = {
    "student": "Student",
    "educator": "Practice educator",
    "onsite_supervisor": "On-site supervisor",
}

SUPERVISION_FORMATS: Final = ("one-to-one", "three-way", "group")
SUPERVISION_FORMAT_LABELS: Final = {
    "one-to-one": "One-to-one",
    "three-way": "Three-way",
    "group": "Group",
}
MEETING_TYPES: Final = ("tac", "review", "cin", "strategy", "other")
CHAIRS: Final = ("student", "educator", "onsite_supervisor", "team_manager", "other")
REPORT_TYPES: Final = ("court", "conference", "s7")
# What the student did in an ABE interview: observing is allowed, conducting never (003 §4.3).
ABE_PARTS: Final = ("observed", "conducted")
# The events that count as a visit of the child (visit.plan-frequency).
VISIT_KINDS: Final = frozenset({"home-visit", "joint-visit", "statutory-visit"})

# The Direct Observation Report as universities and Skills for Care's ASYE lay it out: the
# student's half (before, after, after the feedback), the observer's, the service user's.
# Each key is a free-text field of a "direct-observation" event (docs/interchange-extensions.md).
OBSERVATION_SECTIONS: Final = (
    ("The student, before the observation", (
        ("background", "Background"),
        ("planning", "Planning"),
        ("consent", "The service user's consent, and how it was obtained"),
        ("knowledge_theory", "Knowledge and theory used"),
        ("power_values", "Power, values and anti-discriminatory practice"),
    )),
    ("The student, after the observation", (
        ("what_happened", "What happened"),
        ("reflection", "Critical reflection"),
    )),
    ("The observer", (
        ("feedback", "Feedback to the student"),
        ("assessment", "Holistic assessment"),
    )),
    ("The service user", (
        ("service_user_feedback", "What the service user said"),
        ("feedback_gathered", "How their feedback was gathered"),
    )),
    ("The student, after the feedback", (
        ("feedback_reflection", "Reflection on the observer's feedback"),
        ("service_user_reflection", "Reflection on the service user's feedback"),
    )),
)  # fmt: skip
OBSERVATION_TEXT_KEYS: Final = tuple(k for _s, keys in OBSERVATION_SECTIONS for k, _l in keys)
OBSERVATION_LABELS: Final = {k: label for _s, keys in OBSERVATION_SECTIONS for k, label in keys}
PCF_POINT_KINDS: Final = {"strength": "Strength", "development": "Area for development"}
# What the report adds to a direct observation: written to a file only when filled in.
OBSERVATION_KEYS: Final = (
    *(k for k in OBSERVATION_TEXT_KEYS if k != "feedback"),
    "pcf_points",
    "before_midpoint",
    "student_signed",
    "observer_signed",
)

# Event kinds: (keys the kind requires, keys it may have). Every event also has id, kind,
# date and notes. "case" is listed where the kind takes one.
EVENT_KINDS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "joint-visit": (("case",), ("with",)),
    "direct-observation": ((), ("case", "observer", "feedback", *OBSERVATION_KEYS)),
    "home-visit": (("case", "after_hours", "checked_in"), ()),
    "statutory-visit": (("case",), ("accompanied_by",)),
    "meeting": (("case", "meeting", "chaired_by"), ()),
    "chair-assessment": (("case", "competent"), ()),
    "assessment": (("case",), ("authorised_by",)),
    "report": (("case", "report"), ("overseen_by",)),
    "decision": (("case", "recorded"), ("with",)),
    "manager-oversight": (("case",), ("by",)),
    "supervisor-supervision": ((), ("by",)),
    "plan": (("case",), ("agreed_by",)),
    "abe-interview": (("case", "student_part"), ()),
}
EVENT_KIND_LABELS: Final = {
    "joint-visit": "Joint visit",
    "direct-observation": "Direct observation",
    "home-visit": "Home visit",
    "statutory-visit": "Statutory visit",
    "meeting": "Meeting",
    "chair-assessment": "Chairing assessment",
    "assessment": "Assessment",
    "report": "Report",
    "decision": "Decision with a team member",
    "manager-oversight": "Manager oversight",
    "supervisor-supervision": "On-site supervisor's supervision",
    "plan": "Child's plan written",
    "abe-interview": "ABE interview",
}
BOOLEAN_EVENT_KEYS: Final = frozenset({"after_hours", "checked_in", "competent", "recorded"})
EVENT_ENUMS: Final = {
    "meeting": MEETING_TYPES,
    "chaired_by": CHAIRS,
    "report": REPORT_TYPES,
    "student_part": ABE_PARTS,
}

PCF_STAGES: Final = ("initial", "midpoint", "final")
PCF_RATINGS: Final = ("not-yet", "developing", "meeting", "exceeding")
PCF_DOMAINS: Final = {
    "professionalism": "Professionalism",
    "values-ethics": "Values and ethics",
    "diversity-equality": "Diversity and equality",
    "rights-justice": "Rights, justice and economic wellbeing",
    "knowledge": "Knowledge",
    "critical-reflection": "Critical reflection and analysis",
    "skills-interventions": "Skills and interventions",
    "contexts": "Contexts and organisations",
    "professional-leadership": "Professional leadership",
}

# What leaves the app on paper or as a file, as the PE knows each (Print…, Export, History).
PRINTED_RECORDS: Final = {
    "induction": "Induction record",
    "supervision": "Supervision record",
    "pcf": "PCF summary",
    "transition": "Transition checklists",
    "summary": "Placement summary",
    "asye": "ASYE hand-over",
    "observation": "Direct observation report",
    "history": "Placement history",
    "placement file": "Placement file",
    "calendar": "Supervision calendar",
}

# Checklist items a PE adds for themselves start with this prefix.
OWN_ITEM_PREFIX: Final = "x-"

INDUCTION_ITEMS: Final = {
    "placement-agreement": ("Placement agreement meeting", "000 §6"),
    "supervision-agreement": ("Supervision agreement (incl. three-way)", "001 §6"),
    "case-holding-explained": ("Educator stays named worker: explained", "000 §1, 001 §5"),
    "lone-working": ("Lone working policy", "000 §19"),
    "after-hours-contact": ("After-hours contact agreed", "000 §19"),
    "records-access": ("Access to case records system", "—"),
    "team-introductions": ("Team introductions", "—"),
    "shadowing": ("Shadowed visits or duty", "000 §5"),
}

LEARNING_OUTCOMES_FIRST_EARLY_HELP: Final = {
    "my-assessment": "Complete a My Assessment",
    "chronology": "Write a chronology",
    "genogram": "Draw a genogram",
    "childs-plan": "Write a child's plan",
    "direct-work": "Do direct work with a child",
    "organise-meeting": "Organise a meeting",
    "minute-meeting": "Minute a meeting",
    "case-recording": "Keep case records",
    "thresholds-risk": "Apply thresholds and assess risk",
    "duty": "Take part in duty",
    "liaise-professionals": "Liaise with other professionals",
    "community-links": "Build links with community resources",
}
LEARNING_OUTCOMES_FINAL: Final = {
    "single-assessment": "Complete a single assessment",
    "hold-cin-case": "Hold a child in need case",
    "chair-meeting": "Chair a meeting",
}
ALL_LEARNING_OUTCOMES: Final = {**LEARNING_OUTCOMES_FIRST_EARLY_HELP, **LEARNING_OUTCOMES_FINAL}

TRANSITION_ITEMS: Final = {
    "child-told-early": "Child told when and why the student is leaving",
    "goodbye-session": "Planned goodbye suited to the child's age",
    "family-told": "Family told",
    "professionals-told": "Professionals told",
    "handover-meeting": "Handover meeting with the named or new worker",
    "records-up-to-date": "Records up to date",
    "actions-handed-over": "Outstanding actions handed over",
    "closure-or-transfer-summary": "Closure or transfer summary written",
}
OPTIONAL_TRANSITION_ITEMS: Final = {
    "joint-visit-with-new-worker": "Joint visit with the new worker",
    "life-story-or-memento": "Life story work or memento",
}


def required_learning_outcomes(kind: str, setting: str) -> dict[str, str]:
    """The learning outcomes a placement of this kind and setting must evidence (000 §10-11)."""
    if kind == "final":
        return dict(LEARNING_OUTCOMES_FINAL)
    if setting == "early-help":
        return dict(LEARNING_OUTCOMES_FIRST_EARLY_HELP)
    return {}


def own_item_label(item: str) -> str:
    """A PE's own checklist item shown as words: ``x-parking-permit`` → ``Parking permit``."""
    words = item.removeprefix(OWN_ITEM_PREFIX).replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def transition_item_label(item: str) -> str:
    """A transition checklist item in words: required, optional, or the PE's own."""
    return TRANSITION_ITEMS.get(item) or OPTIONAL_TRANSITION_ITEMS.get(item) or own_item_label(item)


def learning_item_label(item: str) -> str:
    """What a case offers, in words: a learning outcome, a PCF domain, or the PE's own item."""
    if item in ALL_LEARNING_OUTCOMES:
        return ALL_LEARNING_OUTCOMES[item]
    if item in PCF_DOMAINS:
        return f"PCF: {PCF_DOMAINS[item]}"
    return own_item_label(item)
