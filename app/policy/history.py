"""Placement › History in a PE's words: each audit line said as a sentence ("Allocated D-1042
(Lead, Early help)", "Signed by the student"), the record it is about, and who did it.

Plain data in, plain data out: the window, the printed history and ``placement-tracker
history`` all read these lines, and filter them here, so they always agree. A line never
carries text typed into a record: the audit log holds none (``app/services/audit.py``), and
what it says of a changed note is only that it changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from app.policy.calendar import uk_date
from app.policy.naming import RecordNames
from app.policy.snapshot import Placement
from app.policy.vocabulary import (
    ABSENCE_WHO_LABELS,
    ALL_LEARNING_OUTCOMES,
    CASE_TYPE_LABELS,
    ENDING_LABELS,
    EVENT_KIND_LABELS,
    INDUCTION_ITEMS,
    OPTIONAL_TRANSITION_ITEMS,
    OWN_ITEM_PREFIX,
    PCF_DOMAINS,
    PRINTED_RECORDS,
    ROLE_LABELS,
    SETTING_LABELS,
    SUPERVISION_FORMAT_LABELS,
    TRANSITION_ITEMS,
    own_item_label,
)

# The kinds of change the history can be narrowed to, in the side bar's order.
KINDS: Final = {
    "cases": "Cases and overrides",
    "induction": "Induction",
    "supervision": "Supervision",
    "visits": "Visits, observations and absences",
    "pcf": "PCF and learning",
    "endings": "Endings",
    "placement": "The placement",
    "papers": "Exports and privacy",
    "database": "The database",
}

# Which kind each action is: its first word, except where a later word decides.
_KIND_OF: Final = {
    "case": "cases",
    "induction": "induction",
    "supervision": "supervision",
    "event": "visits",
    "absence": "visits",
    "pcf": "pcf",
    "learning": "pcf",
    "transition": "endings",
    "placement": "placement",
    "record": "papers",
    "privacy": "papers",
    "database": "database",
}
_PAPER_ACTIONS: Final = frozenset({"placement.exported"})

# The answers of a case or a placement, as the history names them when they change.
ANSWER_LABELS: Final = {
    "ref": "case reference",
    "type": "type",
    "student_role": "student's role",
    "allocated": "allocated",
    "educator_consulted": "educator consulted",
    "initials": "initials",
    "ended": "ended",
    "ending": "ending",
    "handover_to": "handed over to",
    "complexity": "complexity",
    "risk": "risk",
    "rationale": "rationale",
    "previous_social_workers": "previous social workers",
    "major_transition": "major transition",
    "conflict_of_interest": "conflict of interest",
    "manager_override": "manager override",
    "manager_override.by": "override by",
    "manager_override.reason": "override reason",
    "manager_override.review_by": "override review due",
    "manager_override.reviewed": "override reviewed",
    "briefed": "student briefed",
    "previous_worker_consulted": "previous worker consulted",
    "risk_to_worker": "risk to the worker",
    "safety_plan": "safety plan",
    "keyworker": "keyworker",
    "stepped_up": "step-up",
    "visit_every_days": "visiting frequency (days)",
    "learning": "learning it offers",
    "transfer_signed_off": "transfer signed off",
    # the placement's own details
    "student": "student",
    "kind": "kind",
    "setting": "setting",
    "start": "start",
    "end": "end",
    "educator": "practice educator",
    "team_manager": "team manager",
    "required_days": "days required",
    "programme": "programme",
    "working_days": "working days",
    "induction_days": "induction days",
    "host_team_average_caseload": "host team's average caseload",
    "educator_onsite": "educator on site",
    "onsite_supervisor": "on-site supervisor",
    "link_worker": "link worker",
    "archived": "closed",
    "close_reason": "reason for closing",
}
_VALUE_WORDS: Final[dict[str, Mapping[str, str]]] = {
    "type": CASE_TYPE_LABELS,
    "student_role": ROLE_LABELS,
    "ending": ENDING_LABELS,
    "setting": SETTING_LABELS,
    "kind": {"first": "First", "final": "Final"},
}
_SIGNERS: Final = {"educator": "the practice educator", "student": "the student"}
_DATABASE_WORDS: Final = {
    "database.restored": "Restored the database from a backup",
    "database.encrypted": "Encrypted the database",
    "database.decrypted": "Removed the database's encryption",
    "database.passphrase-changed": "Changed the database's passphrase",
}
_FORMS: Final = {"pdf": "PDF", "docx": "Word document", "json": "file", "ics": "calendar"}


@dataclass(frozen=True, slots=True)
class Change:
    """One line of the audit log as stored: what was done, to what, with which facts."""

    at: datetime
    action: str
    subject: str
    detail: Mapping[str, object]
    account: str | None = None


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One change as Placement › History shows it."""

    at: datetime
    what: str  # "Allocated D-1042 (Lead, Early help)"
    record: str  # "Case D-1042 (AB)"
    who: str  # the person who signed or wrote, else the computer account
    kind: str  # a key of KINDS
    cases: tuple[str, ...]  # the case references it concerns
    subject: str  # the record it is about ("case:D-1042"), for Go to
    action: str  # the audit action, for the JSON and for tests


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    """What the PE narrowed the history to; empty: all of it."""

    case: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None
    text: str = ""
    subject: str | None = None  # one record (a History button on a page)
    subject_name: str = ""

    def keeps(self, line: HistoryLine, needle: str | None = None) -> bool:
        """Whether ``line`` is shown; ``needle``: the search already folded (``select``
        folds it once for a long history, not once a line)."""
        day = line.at.date()
        if needle is None:
            needle = self.text.strip().casefold()
        return (
            (self.case is None or self.case in line.cases)
            and (self.kind is None or line.kind == self.kind)
            and (self.since is None or day >= self.since)
            and (self.until is None or day <= self.until)
            and (self.subject is None or line.subject == self.subject)
            and (not needle or needle in f"{line.what}\t{line.record}\t{line.who}".casefold())
        )

    def describe(self) -> str:
        """The filter in words, for the printed history ("All changes" when there is none)."""
        parts = []
        if self.subject is not None:
            parts.append(self.subject_name or self.subject)
        if self.case is not None:
            parts.append(f"case {self.case}")
        if self.kind is not None:
            parts.append(KINDS[self.kind].lower())
        if self.since and self.until:
            parts.append(f"from {uk_date(self.since)} to {uk_date(self.until)}")
        elif self.since:
            parts.append(f"from {uk_date(self.since)}")
        elif self.until:
            parts.append(f"until {uk_date(self.until)}")
        if self.text.strip():
            parts.append(f'containing "{self.text.strip()}"')
        said = "; ".join(parts)
        return said[:1].upper() + said[1:] if said else "All changes"


def select(lines: Iterable[HistoryLine], chosen: HistoryFilter) -> list[HistoryLine]:
    """The lines the filter keeps, newest first (as every history pane lists them)."""
    needle = chosen.text.strip().casefold()
    return sorted((x for x in lines if chosen.keeps(x, needle)), key=lambda x: x.at, reverse=True)


def history(
    changes: Iterable[Change], names: RecordNames, placement: Placement
) -> list[HistoryLine]:
    """Every change said in words, oldest first as stored."""
    return [describe(c, names, placement) for c in changes]


def describe(change: Change, names: RecordNames, placement: Placement) -> HistoryLine:
    d = change.detail
    head = change.action.partition(".")[0]
    kind = "papers" if change.action in _PAPER_ACTIONS else _KIND_OF.get(head, "placement")
    sayer = _SAYERS.get(change.action)
    what = sayer(change, placement) if sayer else _plain(change.action)
    if d.get("via") == "undo":
        what += " (Edit › Undo)"
    elif d.get("via") == "redo":
        what += " (Edit › Redo)"
    return HistoryLine(
        at=change.at,
        what=what,
        record=record_name(change, names),
        who=_who(change, placement),
        kind=kind,
        cases=_cases(change),
        subject=change.subject,
        action=change.action,
    )


def record_name(change: Change, names: RecordNames) -> str:
    """The record as a PE knows it; a deleted one from what its line kept."""
    subject, d = change.subject, change.detail
    kind, _, rid = subject.partition(":")
    if kind in ("placement", ""):
        return "The placement"
    if kind == "database":
        return "The database"
    if kind == "induction":
        return f"Induction: {_item_label(rid, INDUCTION_ITEMS)}"
    if kind == "learning":
        return f"Learning outcome: {_item_label(rid, {})}"
    if kind == "case" and change.action.startswith("transition."):
        return f"Endings for case {rid}"
    known = names.name(subject)
    if known is not None:
        return known
    if kind == "event" and isinstance(d.get("kind"), str):
        label = EVENT_KIND_LABELS.get(str(d["kind"]), str(d["kind"]))
        return ", ".join(str(p) for p in (label, d.get("case"), _day(d.get("date"))) if p)
    if kind == "supervision" and d.get("date"):
        label = SUPERVISION_FORMAT_LABELS.get(str(d.get("format")), "")
        named = f"{label} supervision, {_day(d['date'])}".strip()
        return named[:1].upper() + named[1:]
    if kind == "absence" and d.get("from"):
        who = ABSENCE_WHO_LABELS.get(str(d.get("who")), "An")
        return f"{who}'s absence, {_span(d.get('from'), d.get('to'))}"
    if kind == "pcf" and d.get("stage"):
        return f"{str(d['stage']).capitalize()} PCF review, {_day(d.get('date'))}"
    if kind == "case":
        return f"Case {rid}"
    return {"event": "A visit or event", "supervision": "A supervision session"}.get(
        kind, "A record"
    ) + " (since deleted)"


# ---------------------------------------------------------------- each action in words


def _day(value: object) -> str:
    if isinstance(value, str) and value:
        try:
            return uk_date(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return ""


def _span(first: object, last: object) -> str:
    a, b = _day(first), _day(last)
    return a if not b or a == b else f"{a} to {b}"


def _item_label(item: str, table: Mapping[str, tuple[str, str]]) -> str:
    if item.startswith(OWN_ITEM_PREFIX):
        return own_item_label(item)
    if item in table:
        return table[item][0]
    if item in ALL_LEARNING_OUTCOMES:
        return ALL_LEARNING_OUTCOMES[item]
    if item in PCF_DOMAINS:
        return PCF_DOMAINS[item]
    return item


def _transition_label(item: object) -> str:
    key = str(item)
    if key.startswith(OWN_ITEM_PREFIX):
        return own_item_label(key)
    return TRANSITION_ITEMS.get(key) or OPTIONAL_TRANSITION_ITEMS.get(key) or key


def _ref(change: Change) -> str:
    return change.subject.partition(":")[2]


def _value(key: str, value: object) -> str:
    text = str(value)
    if text == "":
        return "none"
    if text in ("True", "False"):
        return "yes" if text == "True" else "no"
    words = _VALUE_WORDS.get(key)
    if words is not None and text in words:
        return words[text]
    if key == "stepped_up":
        return ", ".join(_day(part.partition("=")[2]) or part for part in text.split(", "))
    day = _day(text) if len(text) == 10 and text[4] == "-" else ""
    return day or text


def answers(detail: Mapping[str, object]) -> str:
    """Which answers changed: "student's role (Lead → Co-worker), rationale"."""
    said = []
    for key, change in detail.items():
        if key == "via" or not isinstance(change, Mapping):
            continue
        label = ANSWER_LABELS.get(key, key.replace("_", " "))
        if "from" in change and "to" in change:
            said.append(f"{label} ({_value(key, change['from'])} → {_value(key, change['to'])})")
        else:
            said.append(label)  # typed text: that it changed, never what it says
    return ", ".join(said)


def _allocated(c: Change, _p: Placement) -> str:
    d = c.detail
    role = ROLE_LABELS.get(str(d.get("role")), str(d.get("role", "")))
    kind = CASE_TYPE_LABELS.get(str(d.get("type")), str(d.get("type", "")))
    what = f"Allocated {_ref(c)} ({role}, {kind})"
    if d.get("override"):
        by = f" by {d['override_by']}" if d.get("override_by") else ""
        due = f", review by {_day(d.get('review_by'))}" if d.get("review_by") else ""
        what += f" under a manager override{by}{due}"
    return what


def _case_changed(c: Change, _p: Placement) -> str:
    d, ref = c.detail, _ref(c)
    keys = {k for k in d if k != "via"}
    reviewed = d.get("manager_override.reviewed")
    if keys <= {"manager_override.reviewed"} and isinstance(reviewed, Mapping):
        return f"Manager override on {ref} reviewed ({_value('', reviewed.get('to', ''))})"
    override = d.get("manager_override")
    if isinstance(override, Mapping) and override.get("to") == "recorded":
        who = d.get("manager_override.by")
        by = f" by {who.get('to')}" if isinstance(who, Mapping) else ""
        rest = {k: v for k, v in d.items() if not k.startswith("manager_override")}
        also = f"; also changed {answers(rest)}" if answers(rest) else ""
        return f"Manager override recorded on {ref}{by}{also}"
    said = answers(d)
    return f"Changed {ref}: {said}" if said else f"Saved {ref} unchanged"


def _ended(c: Change, _p: Placement) -> str:
    d = c.detail
    ending = d.get("ending")
    how = _value("ending", ending.get("to")) if isinstance(ending, Mapping) else ""
    to = d.get("handover_to")
    who = f" to {to.get('to')}" if isinstance(to, Mapping) and to.get("to") else ""
    ended = d.get("ended")
    on = f", {_value('', ended.get('to'))}" if isinstance(ended, Mapping) else ""
    return f"Ended {_ref(c)}" + (f" ({how}{who}{on})" if how else "")


def _stepped_up(c: Change, _p: Placement) -> str:
    kind = c.detail.get("type")
    if isinstance(kind, Mapping):
        before, after = _value("type", kind.get("from")), _value("type", kind.get("to"))
        return f"Stepped up {_ref(c)} ({before} → {after})"
    return f"Stepped up {_ref(c)}"


def _event(verb: str) -> Callable[[Change, Placement], str]:
    def say(c: Change, _p: Placement) -> str:
        d = c.detail
        label = EVENT_KIND_LABELS.get(str(d.get("kind")), "an event")
        about = ", ".join(str(p) for p in (d.get("case"), _day(d.get("date"))) if p)
        return f"{verb}: {label}" + (f" ({about})" if about else "")

    return say


def _absence(verb: str) -> Callable[[Change, Placement], str]:
    def say(c: Change, _p: Placement) -> str:
        d = c.detail
        who = ABSENCE_WHO_LABELS.get(str(d.get("who")), "")
        span = _span(d.get("from"), d.get("to"))
        return f"{verb} {'the ' + who.lower() + chr(39) + 's ' if who else 'an '}absence" + (
            f" ({span})" if span else ""
        )

    return say


def _review(verb: str) -> Callable[[Change, Placement], str]:
    def say(c: Change, _p: Placement) -> str:
        d = c.detail
        stage = f"{d['stage']} " if d.get("stage") else ""
        on = f" ({_day(d.get('date'))})" if d.get("date") else ""
        return f"{verb} the {stage}PCF review{on}"

    return say


def _session(verb: str) -> Callable[[Change, Placement], str]:
    def say(c: Change, _p: Placement) -> str:
        d = c.detail
        form = SUPERVISION_FORMAT_LABELS.get(str(d.get("format")), "")
        cases = d.get("cases")
        about = [_day(d.get("date"))]
        if isinstance(cases, list) and cases:
            about.append("cases " + ", ".join(str(x) for x in cases))
        held = "; ".join(a for a in about if a)
        return f"{verb} {('a ' + form.lower()) if form else 'a'} supervision" + (
            f" ({held})" if held else ""
        )

    return say


def _signed(c: Change, p: Placement) -> str:
    who = _SIGNERS.get(str(c.detail.get("who")), "someone")
    on = _day(c.detail.get("date"))
    return f"Signed by {who}" + (f", dated {on}" if on else "")


def _addendum(c: Change, _p: Placement) -> str:
    on = _day(c.detail.get("date"))
    return f"Addendum added by {c.detail.get('author') or 'someone'}" + (
        f", dated {on}" if on else ""
    )


def _action_done(c: Change, _p: Placement) -> str:
    return f"Action for {c.detail.get('case')} marked done ({_day(c.detail.get('done'))})"


def _induction(c: Change, _p: Placement) -> str:
    item = _item_label(_ref(c), INDUCTION_ITEMS)
    on = _day(c.detail.get("date"))
    if c.action == "induction.cleared":
        return f"Cleared the induction item “{item}”"
    return f"Recorded the induction item “{item}”" + (f" ({on})" if on else "")


def _agreement(c: Change, _p: Placement) -> str:
    which = "placement" if "placement-agreement" in c.action else "supervision"
    on = _day(c.detail.get("date"))
    return f"Saved the {which} agreement" + (f" (meeting held {on})" if on else "")


def _transition(c: Change, _p: Placement) -> str:
    item = _transition_label(c.detail.get("item"))
    if c.action == "transition.cleared":
        return f"Cleared “{item}” for {_ref(c)}"
    return f"Recorded “{item}” for {_ref(c)}"


def _learning(c: Change, _p: Placement) -> str:
    item = _item_label(_ref(c), {})
    if c.action == "learning.cleared":
        return f"Cleared the evidence for “{item}”"
    return f"Recorded evidence for “{item}” ({_day(c.detail.get('date'))})"


def _created(c: Change, p: Placement) -> str:
    d = c.detail
    kind = {"first": "first", "final": "final"}.get(str(d.get("kind")), "")
    return f"Created the placement for {d.get('student') or p.student}" + (
        f" ({kind} placement)" if kind else ""
    )


def _updated(c: Change, _p: Placement) -> str:
    said = answers(c.detail)
    return f"Changed the placement's details: {said}" if said else "Saved the placement's details"


def _closed(c: Change, _p: Placement) -> str:
    d = c.detail
    what = f"Closed the placement ({_day(d.get('date'))})"
    problems = d.get("problems")
    count = len(problems) if isinstance(problems, list) else problems
    if isinstance(count, int) and count:
        what += f" with {count} item{'s' if count != 1 else ''} unfinished and a reason recorded"
    return what


def _imported(c: Change, _p: Placement) -> str:
    d = c.detail
    what = f"Imported from the placement file {d.get('file') or ''}".rstrip()
    if isinstance(d.get("cases"), int):
        what += f" ({d['cases']} cases, {d.get('events', 0)} events)"
    return what


def _link_worker(c: Change, _p: Placement) -> str:
    name = c.detail.get("link_worker")
    return f"Named the link worker: {name}" if name else "Removed the link worker"


def _profile(c: Change, _p: Placement) -> str:
    name = c.detail.get("profile")
    if name:
        return f"Now checked under its own policy profile: {name}"
    return "Now checked under the app's policy profile"


def _left_as_is(c: Change, _p: Placement) -> str:
    d = c.detail
    record = PRINTED_RECORDS.get(str(d.get("record")), str(d.get("record", "a record")))
    hits = d.get("hits")
    count = f" ({hits} item{'s' if hits != 1 else ''} flagged)" if isinstance(hits, int) else ""
    return f"Privacy warning overridden: {record.lower()} left with what looked identifying{count}"


def _exported(c: Change, _p: Placement) -> str:
    d = c.detail
    record = PRINTED_RECORDS.get(str(d.get("record")), "a record")
    form = _FORMS.get(str(d.get("form")), str(d.get("form", "")))
    printed = "Printed" if d.get("form") == "print" else "Exported"
    of = f" of {_day(d['date'])}" if d.get("date") else ""
    made = f" as a {form}" if printed == "Exported" and form else ""
    return f"{printed} the {record.lower()}{of}{made}"


def _database(c: Change, _p: Placement) -> str:
    what = _DATABASE_WORDS[c.action]
    backup = c.detail.get("backup")
    return f"{what} ({backup})" if backup else what


_SAYERS: Final[dict[str, Callable[[Change, Placement], str]]] = {
    "case.allocated": _allocated,
    "case.updated": _case_changed,
    "case.ended": _ended,
    "case.stepped-up": _stepped_up,
    "event.saved": _event("Recorded"),
    "event.updated": _event("Changed"),
    "event.deleted": _event("Deleted"),
    "absence.saved": _absence("Recorded"),
    "absence.deleted": _absence("Deleted"),
    "pcf.review-saved": _review("Saved"),
    "pcf.review-deleted": _review("Deleted"),
    "learning.evidenced": _learning,
    "learning.cleared": _learning,
    "supervision.created": _session("Recorded"),
    "supervision.updated": _session("Changed"),
    "supervision.deleted": _session("Deleted"),
    "supervision.signed": _signed,
    "supervision.addendum": _addendum,
    "supervision.action-done": _action_done,
    "induction.recorded": _induction,
    "induction.cleared": _induction,
    "induction.placement-agreement-saved": _agreement,
    "induction.supervision-agreement-saved": _agreement,
    "transition.recorded": _transition,
    "transition.cleared": _transition,
    "placement.created": _created,
    "placement.updated": _updated,
    "placement.closed": _closed,
    "placement.imported": _imported,
    "placement.exported": lambda c, p: "Exported the placement file",
    "placement.demo-loaded": lambda c, p: "Loaded the demonstration placement",
    "placement.link-worker": _link_worker,
    "placement.profile": _profile,
    "privacy.left-as-is": _left_as_is,
    "record.exported": _exported,
    **{action: _database for action in _DATABASE_WORDS},
}

# Every action the app writes has its words (a test keeps this whole).
SAID_ACTIONS: Final = frozenset(_SAYERS)


def _plain(action: str) -> str:
    """An action from a newer version this one has no words for: still readable."""
    return action.replace(".", ": ", 1).replace("-", " ").capitalize()


def _who(change: Change, placement: Placement) -> str:
    """Who did it: the person who signed or wrote, else the computer account it was made
    under ("not recorded" for lines written before the account was kept)."""
    d = change.detail
    if change.action == "supervision.signed":
        return {"educator": placement.educator, "student": placement.student}.get(
            str(d.get("who")), ""
        )
    if change.action == "supervision.addendum" and d.get("author"):
        return str(d["author"])
    return change.account or "not recorded"


def _cases(change: Change) -> tuple[str, ...]:
    d = change.detail
    found: list[str] = []
    if change.subject.startswith("case:"):
        found.append(_ref(change))
    if isinstance(d.get("case"), str):
        found.append(str(d["case"]))
    listed = d.get("cases")
    if isinstance(listed, list):
        found.extend(str(x) for x in listed)
    return tuple(dict.fromkeys(found))
