"""Going to a record from elsewhere: an agenda item on the Overview, a privacy hit, a line of
Placement › History. Each says which page holds the record, picks it out there and, where
asked, opens its form; the areas' pages and actions are reached only through the window."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QTimer

from app.interchange.free_text import FieldHit
from app.policy.agenda import AgendaItem
from app.views.cases.actions import CaseActions
from app.views.cases.page import CasesPage
from app.views.endings.page import EndingsPage
from app.views.induction.actions import InductionActions
from app.views.learning.actions import LearningActions
from app.views.supervision.actions import SupervisionActions
from app.views.supervision.page import SupervisionPage
from app.views.underline import focus_next
from app.views.visits.actions import VisitActions
from app.views.visits.page import EventsPage

# Where the record a field of the placement file belongs to is kept (privacy's Go to).
FIELD_PAGES = {
    "cases": "Cases",
    "supervisions": "Supervision",
    "events": "Visits & observations",
    "absences": "Visits & observations",
    "pcf_reviews": "PCF & learning",
    "learning": "PCF & learning",
    "transitions": "Endings",
    "induction": "Induction",
    "agreements": "Induction",
}
# Where each agenda item is done.
AGENDA_PAGES = {
    "cases": "Cases",
    "supervision": "Supervision",
    "visits": "Visits & observations",
    "pcf": "PCF & learning",
    "endings": "Endings",
}
# Where the record a history line is about is kept (its subject's first word).
SUBJECT_PAGES = {
    "case": "Cases",
    "supervision": "Supervision",
    "event": "Visits & observations",
    "absence": "Visits & observations",
    "pcf": "PCF & learning",
    "learning": "PCF & learning",
    "induction": "Induction",
    "placement": "Placement details",
    "database": "Overview",
}


class Window(Protocol):
    """What going to a record needs of the window: its pages, and the areas' forms."""

    cases: CasesPage
    supervision: SupervisionPage
    events: EventsPage
    endings: EndingsPage
    case_actions: CaseActions
    supervision_actions: SupervisionActions
    visit_actions: VisitActions
    learning_actions: LearningActions
    induction_actions: InductionActions

    def show_page_named(self, title: str) -> None: ...


class Navigator:
    """The window's ways of going to a record (see the module's docstring)."""

    def __init__(self, window: Window) -> None:
        self.w = window

    def open_agenda_item(self, item: AgendaItem) -> None:
        """Go to the page where the item is done, with its case picked out."""
        title = AGENDA_PAGES.get(item.place, "Overview")
        self.w.show_page_named(title)
        ref = item.subject.partition(":")[2] if item.subject.startswith("case:") else None
        if ref is not None:
            self.pick_case(title, ref)

    def pick_case(self, title: str, ref: str) -> None:
        if title == "Cases":
            self.w.cases.select(ref)
        elif title == "Visits & observations":
            self.w.events.set_filters(case=ref)
        elif title == "Endings":
            self.w.endings.select_case(ref)

    def go_to_record(self, subject: str, action: str = "") -> str:
        """A history line's record: its page, the record picked out. Returns the page's
        title (a deleted record: its page, nothing picked)."""
        kind, _, key = subject.partition(":")
        title = (
            "Endings" if action.startswith("transition.") else SUBJECT_PAGES.get(kind, "Overview")
        )
        self.w.show_page_named(title)
        if kind == "case":
            self.pick_case(title, key)
        elif kind == "supervision":
            self.w.supervision.select(key)
        elif kind == "event":
            self.w.events.set_filters()
            self.w.events.select_event(key)
        return title

    def go_to_field(self, found: FieldHit) -> None:
        """Privacy's Go to: the page of the record the text is in, the record picked out,
        and its form opened with the cursor on the text (where a form edits that field)."""
        w, field = self.w, found.field
        root = field.plain_path.split(".")[0].split("[")[0]
        title = FIELD_PAGES.get(root, "Placement details")
        w.show_page_named(title)
        named = re.search(r"^\w+\[\d+\] \(([^)]+)\)", field.path)
        key = named.group(1) if named else None
        edit: Callable[[], object] | None = None
        if title == "Cases" and key:
            w.cases.select(key)
            edit = lambda: w.case_actions.edit_case(key)  # noqa: E731
        elif title == "Supervision" and key:
            w.supervision.select(key)
            if ".addenda[" not in field.path:  # an addendum is never edited, only added to
                edit = lambda: w.supervision_actions.edit_supervision(key)  # noqa: E731
        elif title == "Visits & observations" and key and root == "events":
            w.events.set_filters()
            w.events.select_event(key)
            edit = lambda: w.visit_actions.edit_event(key)  # noqa: E731
        elif title == "PCF & learning" and key and root == "pcf_reviews":
            edit = lambda: w.learning_actions.edit_review(key)  # noqa: E731
        elif root == "agreements":
            ia = w.induction_actions
            edit = (
                ia.edit_placement_agreement
                if ".placement." in field.plain_path
                else ia.edit_supervision_agreement
            )
        elif title == "Endings" and field.case:
            w.endings.select_case(field.case)
        if edit is not None:
            focus_next(found.hit.text)
            QTimer.singleShot(0, edit)  # after the privacy dialog has gone
