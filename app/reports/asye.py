"""The ASYE hand-over on paper: what the final placement found, for the assessor of the
student's first year in practice, with signature lines."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Paragraph

from app.policy.handover import Handover, handover
from app.policy.profile import PolicyProfile
from app.policy.snapshot import PlacementSnapshot
from app.policy.vocabulary import CASE_TYPE_LABELS, PCF_DOMAINS, ROLE_LABELS, SETTING_LABELS
from app.policy.wording import counted
from app.reports.house import (
    Builder,
    RecordMeta,
    build_pdf,
    content_width,
    facts,
    grid,
    signatures,
    styles,
    text,
    uk,
)
from app.reports.pcf import RATINGS

REPORTS = {"court": "Court", "conference": "Conference", "s7": "Section 7"}


def work_done(h: Handover) -> list[tuple[str, str]]:
    """The range of work, as label and words (the paper and the JSON say the same)."""
    cases = ", ".join(
        f"{n} {CASE_TYPE_LABELS[kind].lower()} as {ROLE_LABELS[role].lower()}"
        for (kind, role), n in sorted(h.cases.items())
    )
    reports = ", ".join(f"{n} {REPORTS.get(k, k).lower()}" for k, n in sorted(h.reports.items()))
    every = counted(h.supervision_sessions, "session")
    if h.supervision_every_days is not None:
        every += f", on average every {h.supervision_every_days:g} days"
    return [
        ("Cases", cases or "None"),
        ("Statutory work co-worked", f"{counted(h.statutory_co_worked, 'case')}; {counted(h.statutory_visits, 'statutory visit')} with a qualified worker"),
        ("Meetings chaired", str(h.meetings_chaired)),
        ("Direct observations", str(h.observations)),
        ("Reports written", reports or "None"),
        ("Supervision", every),
    ]  # fmt: skip


def asye_handover(
    snap: PlacementSnapshot, profile: PolicyProfile, printed: date, build: Builder = build_pdf
) -> bytes:
    h = handover(snap)
    st = styles()
    width = content_width()
    story: list[Flowable] = [
        Paragraph("ASYE hand-over", st.title),
        Paragraph(
            "What the final placement found, for the assessor of the Assessed and Supported "
            "Year in Employment.",
            st.muted,
        ),
        facts(
            [
                ("Student", text(h.student)),
                ("Programme", text(h.programme, "—")),
                ("Setting", SETTING_LABELS.get(h.setting, h.setting)),
                ("Final placement", f"{uk(h.start)} to {uk(h.end)}"),
                ("Practice educator", text(h.educator)),
                ("Final PCF review", uk(h.final_review)),
            ],
            st,
            width,
        ),
        Paragraph("PCF: the final rating in each domain", st.heading),
    ]
    rows = [[Paragraph(x, st.cell_bold) for x in ("Domain", "Rating", "Evidence")]]
    for r in h.pcf:
        rows.append(
            [
                Paragraph(PCF_DOMAINS[r.domain], st.cell),
                Paragraph(RATINGS.get(r.rating or "", "—"), st.cell),
                Paragraph(text("; ".join(r.evidence), "—"), st.cell),
            ]
        )
    story.append(grid(rows, (width * 0.34, width * 0.16, width * 0.5)))
    story.append(Paragraph("Strengths", st.heading))
    story.append(
        Paragraph(text(", ".join(h.strengths), "None rated as meeting or above."), st.body)
    )
    if h.assessment:
        story.append(Paragraph(text(h.assessment), st.body))
    story.append(Paragraph("Development needs to carry into the ASYE", st.heading))
    story.append(
        Paragraph(text(h.development_needs, "None recorded in the final review."), st.body)
    )
    story.append(Paragraph("The range of work done", st.heading))
    story.append(facts([(k, text(v)) for k, v in work_done(h)], st, width))
    story.append(signatures([("Practice educator", h.educator), ("Student", h.student)], st, width))
    meta = RecordMeta("ASYE hand-over", h.student, profile.describe(), printed, profile.changes())
    return build(meta, story)
