"""The PCF summary: ratings per domain over the placement's reviews, evidence, learning outcomes."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Paragraph

from app.policy.naming import RecordNames, named
from app.policy.observations import observed_domains
from app.policy.profile import PolicyProfile
from app.policy.snapshot import PlacementSnapshot
from app.policy.sources import cited
from app.policy.vocabulary import PCF_DOMAINS, required_learning_outcomes
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

RATINGS = {
    "not-yet": "Not yet",
    "developing": "Developing",
    "meeting": "Meeting",
    "exceeding": "Exceeding",
}
STAGES = {"initial": "Initial", "midpoint": "Midpoint", "final": "Final"}


def pcf_summary(
    snap: PlacementSnapshot, profile: PolicyProfile, printed: date, build: Builder = build_pdf
) -> bytes:
    st = styles()
    width = content_width()
    p = snap.placement
    reviews = sorted(snap.pcf_reviews, key=lambda r: r.date)
    story: list[Flowable] = [
        Paragraph("PCF summary", st.title),
        Paragraph(
            "Ratings against the nine Professional Capabilities Framework domains at each review.",
            st.muted,
        ),
        facts(
            [
                ("Student", text(p.student)),
                ("Programme", text(p.programme, "—")),
                ("Placement", placement_span(p)),
                (
                    "Level expected",
                    "End of first placement" if p.kind == "first" else "End of final placement",
                ),
                ("Practice educator", text(p.educator)),
            ],
            st,
            width,
        ),
        Paragraph("Ratings", st.heading),
    ]
    if reviews:
        head = [Paragraph("Domain", st.cell_bold)] + [
            Paragraph(f"{STAGES[r.stage]}<br/>{uk(r.date)}", st.cell_bold) for r in reviews
        ]
        rows = [head]
        for domain, label in PCF_DOMAINS.items():
            rows.append(
                [Paragraph(label, st.cell)]
                + [Paragraph(RATINGS.get(r.ratings.get(domain, ""), "—"), st.cell) for r in reviews]
            )
        first = width * 0.34
        rest = (width - first) / len(reviews)
        story.append(grid(rows, [first] + [rest] * len(reviews)))
        story.append(Paragraph("Evidence and notes", st.heading))
        names = RecordNames(snap)
        for r in reviews:
            links = "; ".join(
                f"{PCF_DOMAINS[d]}: {text(', '.join(named(names, ref) for ref in refs))}"
                for d, refs in r.evidence.items()
            )
            notes = f" {text(r.notes)}" if r.notes else ""
            story.append(
                Paragraph(
                    f"<b>{STAGES[r.stage]} review, {uk(r.date)}.</b> "
                    f"{'Evidence: ' + links + '.' if links else 'No evidence linked.'}{notes}",
                    st.body,
                )
            )
    else:
        story.append(Paragraph("No PCF review recorded yet.", st.muted))
    observed = {d: found for d, found in observed_domains(snap).items() if found}
    story.append(Paragraph("Evidence from direct observations", st.heading))
    if observed:
        rows = [[Paragraph(h, st.cell_bold) for h in ("Domain", "Observed")]]
        for domain, found in observed.items():
            rows.append(
                [
                    Paragraph(text(PCF_DOMAINS[domain]), st.cell),
                    Paragraph("<br/>".join(text(x.short()) for x in found), st.cell),
                ]
            )
        story.append(grid(rows, (width * 0.34, width * 0.66)))
    else:
        story.append(Paragraph("No direct observation is linked to a domain yet.", st.muted))
    outcomes = required_learning_outcomes(p.kind, p.setting)
    story.append(Paragraph("Learning outcomes", st.heading))
    if outcomes:
        evidenced = {x.item: x for x in snap.learning}
        rows = [[Paragraph(h, st.cell_bold) for h in ("Outcome", "Evidenced", "Evidence")]]
        for item, label in outcomes.items():
            x = evidenced.get(item)
            rows.append(
                [
                    Paragraph(text(label), st.cell),
                    Paragraph(uk(x.evidenced) if x else "<b>Not yet</b>", st.cell),
                    Paragraph(text(x.evidence if x else None), st.cell),
                ]
            )
        story.append(grid(rows, (width * 0.4, width * 0.16, width * 0.44)))
    else:
        story.append(
            Paragraph(
                cited("None required for this placement's kind and setting (000 §10–11)."), st.muted
            )
        )
    story.append(signatures([("Practice educator", p.educator), ("Student", p.student)], st, width))
    return build(
        RecordMeta("PCF summary", p.student, profile.describe(), printed, profile.changes()), story
    )
