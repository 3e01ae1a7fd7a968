"""Placement details: what the placement is, as the rules see it; editable with the wizard."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.policy.calendar import uk_date
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Placement
from app.policy.terms import allocations_open, calendar_for, caseload_cap, placement_midpoint
from app.policy.vocabulary import SETTING_LABELS

KIND = {"first": "First placement", "final": "Final placement"}
SETTING = SETTING_LABELS


class PlacementPage(QWidget):
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        head = QHBoxLayout()
        title = QLabel("Placement details")
        title.setObjectName("pageTitle")
        self.edit_button = QPushButton("Edit details…")
        self.edit_button.clicked.connect(self.edit_requested)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.edit_button)
        layout.addLayout(head)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Placement details")
        layout.addWidget(self.text, 1)
        self.show_placement(None, None)

    def show_placement(self, p: Placement | None, profile: PolicyProfile | None) -> None:
        self.edit_button.setEnabled(p is not None and p.archived is None)
        if p is None or profile is None:
            self.text.setHtml("<p>No placement yet: File › New placement… (Ctrl+N).</p>")
            return
        cal = calendar_for(p)
        rows = [
            ("Student", p.student),
            ("Programme", p.programme or "—"),
            ("Kind", KIND[p.kind]),
            ("Setting", SETTING[p.setting]),
            ("Dates", f"{uk_date(p.start)} to {uk_date(p.end)}"),
            ("Working days", ", ".join(d.capitalize() for d in p.working_days)),
            (
                "Induction",
                f"{p.induction_days} working days, to {uk_date(cal.induction_last_day(p.start, p.induction_days))}; "
                f"allocations open {uk_date(allocations_open(p))}",
            ),
            ("Midpoint", uk_date(placement_midpoint(p))),
            (
                "Working days available",
                f"{cal.working_days(p.start, p.end)} ({p.required_days} required)",
            ),
            (
                "Host team's average caseload",
                f"{p.host_team_average_caseload:g}"
                if p.host_team_average_caseload is not None
                else "not known",
            ),
            ("Caseload cap in force", str(caseload_cap(p, profile))),
            (
                "Practice educator",
                f"{p.educator} ({'on site' if p.educator_onsite else 'off site'})",
            ),
            ("On-site supervisor", p.onsite_supervisor or "—"),
            ("Team manager", p.team_manager),
            ("Link worker", p.link_worker or "—"),
            ("Policy profile", profile.label()),
        ]
        if p.archived:
            rows.append(("Closed", f"{uk_date(p.archived)}: {p.close_reason or ''}"))
        body = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
        self.text.setHtml(f"<table cellpadding='4'>{body}</table>")
