"""The Direct Observation Report a PE and a student print, sign and send to the university:
the student's half and the observer's, the service user's voice, the PCF domains it
evidences at the placement's level, and the signature lines kept with that table."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from app.policy.observations import OBSERVATION
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Event, PlacementSnapshot
from app.policy.vocabulary import OBSERVATION_SECTIONS, PCF_DOMAINS, PCF_POINT_KINDS
from app.reports.house import (
    Builder,
    RecordMeta,
    build_pdf,
    content_width,
    facts,
    grid,
    placement_span,
    signatures,
    styles,
    text,
    uk,
)
from app.reports.supervision import RecordNotFound, chunks

NOT_WRITTEN = "Not written yet."


def observation_report(
    snap: PlacementSnapshot,
    event_id: str,
    profile: PolicyProfile,
    printed: date,
    build: Builder = build_pdf,
) -> bytes:
    e = next((x for x in snap.events if x.id == event_id and x.kind == OBSERVATION), None)
    if e is None:
        raise RecordNotFound(f"There is no direct observation {event_id} in this placement.")
    st = styles()
    width = content_width()
    p = snap.placement
    level = "end of first placement" if p.kind == "first" else "end of final placement"
    case = next((c for c in snap.cases if c.ref == e.case), None)
    who = f"{e.case} ({case.initials})" if case and case.initials else text(e.case, "—")
    story: list[Flowable] = [
        Paragraph("Direct observation report", st.title),
        Paragraph(
            "The student's account before and after, the observer's assessment, the service "
            "user's feedback and the PCF domains the observation evidences.",
            st.muted,
        ),
        facts(
            [
                ("Student", text(p.student)),
                ("Observer", text(e.observer, "—")),
                ("Practice educator", text(p.educator)),
                ("Observed on", uk(e.date)),
                ("Child or family", who),
                ("Placement", placement_span(p)),
                ("Before the midpoint", "Yes" if e.before_midpoint else "No"),
            ],
            st,
            width,
        ),
    ]
    for title, keys in OBSERVATION_SECTIONS:
        story.append(Paragraph(text(title), st.heading))
        for key, label in keys:
            story.append(Paragraph(f"<b>{text(label)}</b>", st.body))
            pieces = chunks(getattr(e, key))
            story += [Paragraph(text(piece), st.body) for piece in pieces] or [
                Paragraph(NOT_WRITTEN, st.muted)
            ]
    story.append(_domains(e, level))
    story.append(
        signatures(
            [
                ("Student", f"{p.student}{_signed(e.student_signed)}"),
                ("Observer", f"{e.observer or ''}{_signed(e.observer_signed)}"),
            ],
            st,
            width,
        )
    )
    return build(
        RecordMeta(
            "Direct observation report", p.student, profile.describe(), printed, profile.changes()
        ),
        story,
    )


def _signed(day: date | None) -> str:
    return f" (signed in the app {uk(day)})" if day else ""


def _domains(e: Event, level: str) -> KeepTogether:
    """The PCF table with its heading: kept whole, and kept with the signatures after it."""
    st = styles()
    width = content_width()
    heading = Paragraph(f"PCF domains evidenced, at the {text(level)}", st.heading)
    if not e.pcf_points:
        return KeepTogether([heading, Paragraph("No domain linked yet.", st.muted)])
    rows = [
        [
            Paragraph(h, st.cell_bold)
            for h in ("Domain", "Strength or to develop", "The observer's words")
        ]
    ]
    for point in sorted(e.pcf_points, key=lambda x: list(PCF_DOMAINS).index(x.domain)):
        rows.append(
            [
                Paragraph(text(PCF_DOMAINS[point.domain]), st.cell),
                Paragraph(text(PCF_POINT_KINDS[point.point]), st.cell),
                Paragraph(text(point.text, "—"), st.cell),
            ]
        )
    return KeepTogether([heading, grid(rows, (width * 0.3, width * 0.22, width * 0.48))])
